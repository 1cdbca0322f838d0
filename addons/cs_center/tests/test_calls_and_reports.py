import io
from datetime import datetime

import openpyxl

from odoo.tests import freeze_time, tagged

from odoo.addons.cs_center.wizards.cs_tracking_sheet import COLUMNS

from .common import CsCenterCommon


@tagged("post_install", "-at_install")
class TestCallsAndReports(CsCenterCommon):
    def call(self, **vals):
        values = {
            "phone": "13800001111",
            "content": "雨伞坏了\n想投诉",
            "call_type": "complaint",
            **vals,
        }
        return self.env["cs.call.record"].with_user(self.agent).create(values)

    def test_call_answered_after_four_rings_is_flagged_three_is_not(self):
        seconds = self.env.company.cs_ring_seconds
        self.assertTrue(self.call(ring_seconds=3 * seconds).answered_in_time)
        self.assertFalse(self.call(ring_seconds=3 * seconds + 1).answered_in_time)

    def test_converting_a_call_creates_a_linked_complaint(self):
        call = self.call(partner_id=self.customer.id)
        action = call.action_to_complaint()
        complaint = self.env["cs.complaint"].browse(action["res_id"])
        self.assertEqual(call.complaint_id, complaint)
        self.assertEqual(complaint.call_id, call)
        self.assertEqual(complaint.partner_id, self.customer)
        self.assertEqual(complaint.channel, "phone")
        self.assertEqual(complaint.first_owner_id, self.agent)
        self.assertEqual(call.action_to_complaint()["res_id"], complaint.id, "converted once")

    def test_converting_a_call_to_a_lead(self):
        call = self.call(call_type="consultation", caller_name="张先生")
        call.action_to_lead()
        self.assertEqual(call.lead_id.phone, "13800001111")

    def test_repeat_caller_inside_the_window_is_highlighted(self):
        with freeze_time("2026-03-02 10:00:00"):
            first = self.call(call_at=datetime(2026, 3, 2, 10, 0))
        self.assertFalse(first.repeat_caller)
        again = self.call(call_at=datetime(2026, 3, 9, 10, 0))
        self.assertTrue(again.repeat_caller)
        self.assertTrue(again.highlighted)
        late = self.call(phone="13900002222", call_at=datetime(2026, 3, 2, 9, 0))
        later = self.call(phone="13900002222", call_at=datetime(2026, 3, 9, 9, 1))
        self.assertFalse(late.repeat_caller or later.repeat_caller)

    def test_mayor_hotline_call_is_highlighted(self):
        self.assertTrue(self.call(source="mayor_hotline", phone="12345").highlighted)

    def test_tracking_sheet_has_one_row_per_complaint_with_the_seed_columns(self):
        complaints = self.complaint(received_at=datetime(2026, 3, 2, 9, 0)) | self.complaint(
            subject="Rude staff", received_at=datetime(2026, 3, 3, 9, 0)
        )
        sheet = self.env["cs.tracking.sheet"].create(
            {"date_from": "2026-03-01", "date_to": "2026-03-31", "team_id": self.team.id}
        )
        book = openpyxl.load_workbook(io.BytesIO(sheet._xlsx()))
        rows = list(book.active.iter_rows(values_only=True))
        self.assertEqual(list(rows[0]), [title for title, _width in COLUMNS])
        self.assertEqual(len(rows) - 1, 2)
        self.assertEqual({row[1] for row in rows[1:]}, set(complaints.mapped("name")))
        action = sheet.action_export()
        self.assertIn("/web/content/", action["url"])

    def test_complaint_and_call_forms_render(self):
        complaint = self.complaint()
        call = self.call()
        Report = self.env["ir.actions.report"]
        html, _ = Report._render_qweb_html("cs_center.action_report_cs_complaint", complaint.ids)
        self.assertIn(complaint.name, html.decode())
        html, _ = Report._render_qweb_html("cs_center.action_report_cs_call_record", call.ids)
        self.assertIn(call.name, html.decode())
        pdf, kind = Report.with_context(force_report_rendering=True)._render_qweb_pdf(
            "cs_center.action_report_cs_complaint", complaint.ids
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
