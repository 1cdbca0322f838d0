import io
from datetime import datetime

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import HttpCase, freeze_time, tagged

from odoo.addons.cs_center.wizards.cs_tracking_sheet import COLUMNS

from .common import CsCenterCommon


@tagged("post_install", "-at_install")
class TestCallRecords(CsCenterCommon):
    """客户来电记录单: three rings, repeat callers, the daily summary, conversions."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.write(
            {"cs_answer_rings": 3, "cs_ring_seconds": 5, "cs_repeat_call_days": 7}
        )

    def call(self, **vals):
        values = {
            "phone": "13800001111",
            "content": "雨伞坏了\n想投诉",
            "call_type": "complaint",
            **vals,
        }
        return self.env["cs.call.record"].with_user(self.agent).create(values)

    def test_call_answered_after_four_rings_is_flagged(self):
        call = self.call(ring_seconds=16)  # the 4th ring of 5 seconds had started
        self.assertFalse(call.answered_in_time)
        self.assertEqual(call.search([("answered_in_time", "=", False)]) & call, call)

    def test_call_answered_at_the_third_ring_is_in_time(self):
        self.assertTrue(self.call(ring_seconds=15).answered_in_time)

    def test_longer_rings_in_the_policy_change_the_flag(self):
        call = self.call(ring_seconds=16)
        self.env.company.cs_ring_seconds = 6
        self.assertTrue(call.answered_in_time)

    def test_converting_a_call_creates_a_complaint_linked_to_call_and_partner(self):
        call = self.call(partner_id=self.customer.id, call_type="consultation")
        action = call.action_to_complaint()
        complaint = self.env["cs.complaint"].browse(action["res_id"])
        self.assertEqual(action["res_model"], "cs.complaint")
        self.assertEqual(call.complaint_id, complaint)
        self.assertEqual(complaint.call_id, call)
        self.assertEqual(complaint.partner_id, self.customer)
        self.assertEqual(complaint.channel, "phone")
        self.assertEqual(complaint.first_owner_id, self.agent)
        self.assertEqual(call.call_type, "complaint")
        self.assertEqual(call.action_to_complaint()["res_id"], complaint.id, "converted once")

    def test_converting_a_call_to_a_lead_links_back(self):
        call = self.call(call_type="consultation", caller_name="张先生")
        action = call.action_to_lead()
        self.assertEqual(action["res_id"], call.lead_id.id)
        self.assertEqual(call.lead_id.phone, "13800001111")
        self.assertEqual(call.lead_id.cs_call_id, call)

    def test_repeat_caller_at_the_window_edge(self):
        with freeze_time("2026-03-02 10:00:00"):
            first = self.call()
        self.assertFalse(first.repeat_caller)
        with freeze_time("2026-03-09 10:00:00"):  # exactly 7 days later: inside
            again = self.call()
        self.assertTrue(again.repeat_caller)
        self.assertTrue(again.highlighted)
        with freeze_time("2026-03-02 10:00:00"):
            other = self.call(phone="13900002222")
        with freeze_time("2026-03-09 10:00:01"):  # one second past the window
            late = self.call(phone="13900002222")
        self.assertFalse(other.repeat_caller or late.repeat_caller)

    def test_repeat_caller_is_recognised_by_contact_or_number_format(self):
        with freeze_time("2026-03-02 10:00:00"):
            self.call(phone="139 0731 8888")
            self.call(phone="0731-111", partner_id=self.customer.id)
        with freeze_time("2026-03-03 10:00:00"):
            same_number = self.call(phone="+86 13907318888")
            same_contact = self.call(phone="0731-222", partner_id=self.customer.id)
            stranger = self.call(phone="0731-333")
        self.assertTrue(same_number.repeat_caller)
        self.assertTrue(same_contact.repeat_caller)
        self.assertFalse(stranger.repeat_caller)

    def test_mayor_hotline_call_is_in_the_daily_summary(self):
        hotline = self.call(source="mayor_hotline", phone="12345")
        plain = self.call(phone="13700003333")
        self.assertTrue(hotline.highlighted)
        self.assertFalse(plain.highlighted)

    def test_open_follow_up_is_in_the_daily_summary_until_done(self):
        call = self.call(follow_up_required=True)
        self.assertTrue(call.highlighted)
        call.action_follow_up_done()
        self.assertTrue(call.follow_up_done_at)
        self.assertFalse(call.highlighted)
        with self.assertRaises(UserError):
            call.action_follow_up_done()

    def test_suggestion_call_becomes_an_oral_suggestion(self):
        call = self.call(call_type="suggestion", partner_id=self.customer.id)
        call.action_to_suggestion()
        self.assertEqual(call.suggestion_id.kind, "oral")
        self.assertEqual(call.suggestion_id.partner_id, self.customer)
        self.assertEqual(call.suggestion_id.call_id, call)


@tagged("post_install", "-at_install")
class TestComplaintReports(CsCenterCommon):
    """客户投诉及处理跟踪表 (xlsx), 客户投诉处理单 and 客户来电记录单 (PDF)."""

    def test_tracking_sheet_has_one_row_per_complaint_with_the_seed_columns(self):
        complaints = self.complaint(received_at=datetime(2026, 3, 2, 9, 0)) | self.complaint(
            subject="Rude staff", received_at=datetime(2026, 3, 3, 9, 0)
        )
        self.complaint(received_at=datetime(2026, 4, 1, 9, 0))  # outside the range
        self.complaint(received_at=datetime(2026, 3, 4, 9, 0), team_id=self.team_2.id)
        sheet = self.env["cs.tracking.sheet"].create(
            {"date_from": "2026-03-01", "date_to": "2026-03-31", "team_id": self.team.id}
        )
        book = openpyxl.load_workbook(io.BytesIO(sheet._xlsx()))
        rows = list(book.active.iter_rows(values_only=True))
        self.assertEqual(list(rows[0]), [title for title, _width in COLUMNS])
        self.assertIn("Number 投诉编号", rows[0])
        self.assertEqual(len(rows) - 1, 2)
        self.assertEqual({row[1] for row in rows[1:]}, set(complaints.mapped("name")))
        action = sheet.action_export()
        self.assertIn("/web/content/", action["url"])
        attachment_id = int(action["url"].split("/")[3].split("?")[0])
        attachment = self.env["ir.attachment"].browse(attachment_id)
        self.assertTrue(attachment.name.endswith(".xlsx"))

    def test_sla_compliance_is_100_without_a_breach(self):
        complaint = self.complaint()
        self.assertFalse(complaint.sla_breached)
        self.assertEqual(complaint.sla_compliance, 100.0)


@tagged("post_install", "-at_install")
class TestPrintedForms(HttpCase):
    """客户投诉处理单 and 客户来电记录单 as PDF. An HttpCase, so that wkhtmltopdf's
    requests for the report stylesheets are served inside the test transaction."""

    def test_complaint_and_call_forms_render_as_pdf(self):
        partner = self.env["res.partner"].create({"name": "李建华"})
        complaint = self.env["cs.complaint"].create(
            {"subject": "Broken item", "partner_id": partner.id, "phone": "13800001111"}
        )
        call = self.env["cs.call.record"].create(
            {"phone": "12345", "content": "扰民", "source": "mayor_hotline"}
        )
        Report = self.env["ir.actions.report"]
        for ref, record in (
            ("cs_center.action_report_cs_complaint", complaint),
            ("cs_center.action_report_cs_call_record", call),
        ):
            html, _kind = Report._render_qweb_html(ref, record.ids)
            self.assertIn(record.name, html.decode())
            pdf, kind = Report.with_context(force_report_rendering=True)._render_qweb_pdf(
                ref, record.ids
            )
            self.assertEqual(kind, "pdf")
            self.assertTrue(pdf.startswith(b"%PDF"))
