from datetime import date, datetime

from odoo.fields import Command
from odoo.tests import freeze_time, tagged

from odoo.addons.cs_center.rules import sla as sla_rules

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
        # Before the breach the ladder warned the handler and the team leader.
        to_manager = complaint.activity_ids.filtered(lambda a: a.user_id == self.manager)
        self.assertEqual(len(to_manager), 1)
        self.assertIn("SLA breached", to_manager.summary)

    def test_key_account_group_sla_overrides_the_general_rows(self):
        self.env["cs.sla.policy"].create(
            {"name": "KA", "key_account_group_id": self.ka_group.id, "response_minutes": 15}
        )
        complaint = self.complaint(partner_id=self.key_contact.id, received_at=MONDAY_9)
        self.assertEqual(complaint.key_account_group_id, self.ka_group)
        self.assertEqual(complaint.response_deadline, datetime(2026, 3, 2, 9, 15))


@tagged("post_install", "-at_install")
class TestSlaCore(CsCenterCommon):
    """SLA core (#11): one table of targets drives the fields, their
    dependencies, the policy columns and the planning."""

    def test_every_target_of_the_table_has_its_fields_column_and_protection(self):
        """SLA core (#11): a target added to the table gets its deadline, breach,
        ladder fields and policy column, all written only by the actions."""
        Complaint = self.env["cs.complaint"]
        Policy = self.env["cs.sla.policy"]
        for target in sla_rules.SLA_TARGETS:
            with self.subTest(target=target.key):
                names = (target.met, target.breached, target.escalation, *target.planned)
                for name in names:
                    self.assertIn(name, Complaint._fields)
                    self.assertIn(name, Complaint._cs_action_fields)
                self.assertIn(target.policy, Policy._fields)
                self.assertIn(
                    target.breached,
                    self.env.registry.field_depends[Complaint._fields["sla_breached"]],
                )

    def test_planning_equals_plan_hours(self):
        """#14 P2: deadlines planned for many complaints at once equal
        plan_hours called for each, on a Shanghai calendar with a lunch break,
        the National Day holiday, a make-up Saturday and a weekend, at the
        29/30/31-minute edges and across plan_hours's fourteen-day windows."""
        calendar = self.env["resource.calendar"].create(
            {
                "name": "Shanghai with lunch",
                "tz": "Asia/Shanghai",
                "hours_per_day": 8,
                "attendance_ids": [
                    Command.create(
                        {
                            "name": f"{day} {period}",
                            "dayofweek": str(day),
                            "hour_from": start,
                            "hour_to": stop,
                            "day_period": period,
                        }
                    )
                    for day in range(5)
                    for period, start, stop in (("morning", 9, 12), ("afternoon", 13, 18))
                ],
            }
        )
        self.env["resource.calendar.leaves"].create(
            [
                {
                    "name": "国庆节",
                    "calendar_id": calendar.id,
                    "date_from": datetime(2026, 9, 30, 16, 0),
                    "date_to": datetime(2026, 10, 7, 16, 0),
                },
                {
                    # Three months closed: the first fetch of working time is
                    # too short and has to be extended.
                    "name": "装修停业",
                    "calendar_id": calendar.id,
                    "date_from": datetime(2026, 11, 30, 16, 0),
                    "date_to": datetime(2027, 2, 28, 16, 0),
                },
            ]
        )
        if "cs.workday.extra" in self.env:  # cs_attendance's make-up working days
            self.env["cs.workday.extra"].create(
                {"name": "调休上班", "date": date(2026, 10, 10), "calendar_id": calendar.id}
            )
        starts = [
            datetime(2026, 9, 30, 8, 0),  # Wednesday 16:00 in Shanghai, eve of the holiday
            datetime(2026, 10, 3, 2, 0),  # in the holiday
            datetime(2026, 10, 9, 9, 30),  # Friday 17:30, before the make-up Saturday
            datetime(2026, 10, 10, 3, 59),  # make-up Saturday 11:59
            datetime(2026, 10, 11, 2, 0),  # Sunday
            datetime(2026, 10, 12, 2, 31),  # Monday 10:31
            datetime(2026, 10, 14, 4, 30),  # lunch break
            datetime(2026, 10, 19, 2, 17, 13),
            datetime(2026, 11, 30, 9, 45),  # 17:45 on the eve of the closure
            datetime(2026, 12, 24, 2, 0),  # during the closure
        ]
        hours = [29 / 60.0, 30 / 60.0, 31 / 60.0, 4.0, 24.0, 1 / 3.0, 100.1, 333.7]
        planned = self.env["cs.complaint"]._plan_work_hours(
            calendar, [(start, hours) for start in starts]
        )
        expected = [
            [calendar.plan_hours(h, start, compute_leaves=True) for h in hours] for start in starts
        ]
        self.assertEqual(planned, expected)
        # Minutes planned on the eve of the closure: the first fetch (a
        # fortnight) ends inside it and is extended until work resumes.
        closure = [start for start in starts if start.month > 10]
        minutes = [29 / 60.0, 30 / 60.0, 31 / 60.0]
        self.assertEqual(
            self.env["cs.complaint"]._plan_work_hours(
                calendar, [(start, minutes) for start in closure]
            ),
            [
                [calendar.plan_hours(h, start, compute_leaves=True) for h in minutes]
                for start in closure
            ],
        )
        # Friday 17:30 + 31 minutes: 9:01 on the make-up Saturday (without
        # cs_attendance, on Monday).
        saturday = "cs.workday.extra" in self.env
        self.assertEqual(planned[2][2], datetime(2026, 10, 10 if saturday else 12, 1, 1))

    def test_deadlines_follow_the_complaints_company_calendar_when_planned_as_a_batch(self):
        """#14 P2: complaints of two teams with their own calendars planned together."""
        night = self.env["resource.calendar"].create(
            {
                "name": "Evenings",
                "tz": "UTC",
                "attendance_ids": [
                    Command.create(
                        {
                            "name": f"Evening {day}",
                            "dayofweek": str(day),
                            "hour_from": 18,
                            "hour_to": 22,
                            "day_period": "afternoon",
                        }
                    )
                    for day in range(7)
                ],
            }
        )
        self.team_2.resource_calendar_id = night
        complaints = self.env["cs.complaint"].create(
            [
                {
                    "subject": "day",
                    "team_id": self.team.id,
                    "channel": "email",
                    "received_at": MONDAY_9,
                },
                {
                    "subject": "evening",
                    "team_id": self.team_2.id,
                    "channel": "email",
                    "received_at": MONDAY_9,
                },
            ]
        )
        self.assertEqual(
            complaints.mapped("response_deadline"),
            [datetime(2026, 3, 2, 11, 0), datetime(2026, 3, 2, 20, 0)],
        )


@tagged("post_install", "-at_install")
class TestCallbackIsTheComplaints(CsCenterCommon):
    """SLA core (#11): the complaint changes its own state when a callback
    arrives; the callback only records what the customer said."""

    def _resolved(self):
        complaint = self.complaint(received_at=MONDAY_9)
        complaint.with_user(self.agent).action_acknowledge()
        complaint.with_user(self.agent).action_resolve()
        return complaint

    def test_callback_is_recorded_by_the_complaint(self):
        """SLA core (#11): a satisfied callback moves the complaint through its
        own method, which says so in the complaint's chatter."""
        complaint = self._resolved()
        self.env["cs.complaint.callback"].with_user(self.agent).create(
            {"complaint_id": complaint.id, "score": 5}
        )
        self.assertEqual(complaint.state, "callback_done")
        self.assertTrue(complaint.customer_confirmed)
        logged = complaint.message_ids.filtered(lambda m: "Callback" in (m.body or ""))
        self.assertEqual(len(logged), 1)
        self.assertIn("5", logged.body)

    def test_satisfaction_uses_the_complaints_company_threshold(self):
        """SLA core (#11): the callback of a complaint of a company satisfied only
        by a 5 was judged by the threshold of the user's current company."""
        other = self.env["res.company"].create({"name": "分店", "cs_low_score_threshold": 2})
        self.env.company.cs_low_score_threshold = 5
        complaint = self._resolved()
        callback = (
            self.env["cs.complaint.callback"]
            .with_context(allowed_company_ids=[other.id, self.env.company.id])
            .new({"complaint_id": complaint.id, "score": 4})
        )
        self.assertFalse(callback.satisfied)
        self.env["cs.complaint.callback"].with_user(self.agent).create(
            {"complaint_id": complaint.id, "score": 4}
        )
        self.assertEqual(complaint.state, "in_progress", "a 4 is not enough in this company")
