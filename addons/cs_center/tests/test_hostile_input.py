"""Hostile input: every create/write of the addon's models as every role (issue #15)."""

import io
from datetime import datetime

import openpyxl

from odoo.tests import TransactionCase

# Modules, not classes: a TestCase imported by name would run here too.
from odoo.addons.cs_base.tests import access_matrix, hostile
from odoo.addons.cs_center.tests import matrix_factories


class TestCenterHostileInput(matrix_factories.Factories, hostile.HostileInputCase):
    MATRIX_FILE = access_matrix.matrix_path(__file__)


class TestHostileTextIsShownAsText(TransactionCase):
    """Integrity: text a customer typed shows as text in the printed form and
    the tracking sheet, never as markup or a spreadsheet formula."""

    SCRIPT = "<script>alert('cs')</script>"
    FORMULA = '=HYPERLINK("http://example.com","点我")'

    def setUp(self):
        super().setUp()
        company = access_matrix.create_china_company(self.env, "转义测试商场")
        self.env = self.env(context=dict(self.env.context, allowed_company_ids=company.ids))
        self.complaint = self.env["cs.complaint"].create(
            {
                "subject": self.FORMULA,
                "description": self.SCRIPT,
                "phone": self.SCRIPT,
                "company_id": company.id,
                "received_at": datetime(2026, 3, 2, 9, 0),
            }
        )

    def test_printed_complaint_escapes_markup(self):
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("cs_center.report_cs_complaint", self.complaint.ids)[0]
            .decode()
        )
        self.assertNotIn(self.SCRIPT, html)
        self.assertIn("&lt;script&gt;", html)

    def test_tracking_sheet_writes_formulas_as_text(self):
        sheet = self.env["cs.tracking.sheet"].create(
            {"date_from": "2026-03-01", "date_to": "2026-03-31"}
        )
        book = openpyxl.load_workbook(io.BytesIO(sheet._xlsx()))
        cells = [cell for row in book.active.iter_rows(min_row=2) for cell in row]
        subject = next(cell for cell in cells if cell.value == self.FORMULA)
        self.assertEqual(subject.data_type, "s", "a typed formula must stay text")
        self.assertFalse([cell for cell in cells if cell.data_type == "f"])
