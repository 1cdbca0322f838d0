from datetime import datetime

from odoo.tests import freeze_time, tagged

from .common import CsCenterCommon

MONDAY_9 = datetime(2026, 3, 2, 9, 0)


@tagged("post_install", "-at_install")
class TestComplaintSla(CsCenterCommon):
    def test_email_on_monday_9_is_read_by_11_and_answered_by_13(self):
        complaint = self.complaint(channel="email", received_at=MONDAY_9)
        self.assertEqual(complaint.response_deadline, datetime(2026, 3, 2, 11, 0))
        self.assertEqual(complaint.reply_deadline, datetime(2026, 3, 2, 13, 0))

    def test_email_on_friday_17_is_answered_by_monday_12(self):
        complaint = self.complaint(channel="email", received_at=datetime(2026, 3, 6, 17, 0))
        self.assertEqual(complaint.reply_deadline, datetime(2026, 3, 9, 12, 0))

    def test_urgent_complaint_must_be_contacted_within_30_minutes(self):
        complaint = self.complaint(channel="phone", urgency="urgent", received_at=MONDAY_9)
        self.assertEqual(complaint.response_deadline, datetime(2026, 3, 2, 9, 30))

    def test_contact_at_minute_29_and_30_is_in_time(self):
        for minute in (29, 30):
            complaint = self.complaint(urgency="urgent", received_at=MONDAY_9)
            with freeze_time(datetime(2026, 3, 2, 9, minute)):
                complaint.action_acknowledge()
            self.assertFalse(complaint.response_breached, f"contact at 9:{minute}")

    def test_contact_at_minute_31_is_breached_and_stays_breached(self):
        complaint = self.complaint(urgency="urgent", received_at=MONDAY_9)
        with freeze_time(datetime(2026, 3, 2, 9, 31)):
            complaint.action_acknowledge()
        self.assertTrue(complaint.response_breached)
        self.assertTrue(complaint.sla_breached)
        with freeze_time(datetime(2026, 3, 2, 9, 32)):
            complaint.action_log_progress()
            complaint._update_breaches()
        self.assertTrue(complaint.sla_breached, "a breach is never cleared")

    def test_public_holiday_moves_the_deadline_past_it(self):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Holiday",
                "calendar_id": self.calendar.id,
                "time_type": "leave",
                "date_from": datetime(2026, 3, 9, 0, 0),
                "date_to": datetime(2026, 3, 9, 23, 59),
            }
        )
        complaint = self.complaint(channel="email", received_at=datetime(2026, 3, 6, 17, 0))
        self.assertEqual(complaint.reply_deadline, datetime(2026, 3, 10, 12, 0))

    def test_general_issue_is_resolved_within_24_working_hours(self):
        complaint = self.complaint(received_at=MONDAY_9)
        # 24 h of a 9-hour working day: Monday, Tuesday, then 6 h on Wednesday.
        self.assertEqual(complaint.resolve_deadline, datetime(2026, 3, 4, 15, 0))

    def test_complex_issue_gets_progress_within_three_working_days(self):
        complaint = self.complaint(complexity="complex", received_at=datetime(2026, 3, 5, 10, 0))
        self.assertEqual(complaint.progress_deadline, datetime(2026, 3, 10, 10, 0))
        self.assertFalse(complaint.resolve_deadline, "solved by the promised date instead")

    def test_waiting_for_the_customer_pauses_the_clock(self):
        complaint = self.complaint(received_at=MONDAY_9)
        with freeze_time(datetime(2026, 3, 2, 10, 0)):
            complaint.action_acknowledge()
            complaint.action_wait_customer()
        before = complaint.resolve_deadline
        with freeze_time(datetime(2026, 3, 2, 12, 0)):
            complaint.action_resume()
        self.assertEqual((complaint.resolve_deadline - before).total_seconds(), 2 * 3600)

    def test_breach_is_escalated_exactly_once(self):
        complaint = self.complaint(urgency="urgent", received_at=MONDAY_9)
        Complaint = self.env["cs.complaint"]
        with freeze_time(datetime(2026, 3, 2, 9, 29)):
            self.assertFalse(Complaint._cron_escalate_breaches() & complaint)
        with freeze_time(datetime(2026, 3, 2, 9, 40)):
            self.assertIn(complaint, Complaint._cron_escalate_breaches())
        with freeze_time(datetime(2026, 3, 2, 9, 50)):
            self.assertFalse(Complaint._cron_escalate_breaches() & complaint)
        self.assertTrue(complaint.escalated)
        self.assertEqual(len(complaint.activity_ids), 1)
        self.assertEqual(complaint.activity_ids.user_id, self.manager)

    def test_key_account_group_sla_overrides_the_general_rows(self):
        self.env["cs.sla.policy"].create(
            {"name": "KA", "key_account_group_id": self.ka_group.id, "response_minutes": 15}
        )
        complaint = self.complaint(partner_id=self.key_contact.id, received_at=MONDAY_9)
        self.assertEqual(complaint.key_account_group_id, self.ka_group)
        self.assertEqual(complaint.response_deadline, datetime(2026, 3, 2, 9, 15))
