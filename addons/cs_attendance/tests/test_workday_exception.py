"""The attendance exception form (issue #10): seed 003 第二篇 3(4) 因公外出, 3(5)
漏打卡, 4(1) 考勤異常表 — two signatures, filed in time, or the day stays absence."""

from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, tagged

from .workday_common import WorkdayFormsCommon

MON, TUE, WED, THU, FRI = (date(2026, 3, d) for d in (2, 3, 4, 5, 6))


@tagged("post_install", "-at_install")
class TestWorkdayException(WorkdayFormsCommon):
    def missed_monday(self):
        """One punch on Monday: a missed punch, absent until confirmed."""
        self.punch(self.employee, "2026-03-02 08:25", "2026-03-02 08:25")
        self.evaluate(self.employee, MON, MON)
        day = self.day(self.employee, MON)
        self.assertTrue(day.missing_punch and day.absent)
        return day

    def test_missed_punch_form_signed_twice_confirms_it_against_the_quota(self):
        """Seed 3(5): the form signed by the supervisor, then the department's
        manager, confirms the missed punch: the 1st of the month counts as present.
        The manager cannot sign before the supervisor; one signature changes nothing."""
        day = self.missed_monday()
        with freeze_time(self.utc("2026-03-03 10:00")):
            form = self.file_exception(self.employee, "missed_punch", MON)
            self.assertEqual(form.state, "submitted")
            self.assertEqual(form.approver_1_id, self.supervisor.user_id)
            self.assertEqual(form.approver_2_id, self.manager.user_id)
            self.assertTrue(form.name.startswith("KQYC"))
            with self.assertRaises(UserError):
                self.as_user(self.manager, form).action_approve()
            self.as_user(self.supervisor, form).action_approve()
            self.assertEqual(form.state, "first_approved")
            self.assertTrue(day.absent, "one signature is not enough")
            self.as_user(self.manager, form).action_approve()
        self.assertEqual(form.state, "approved")
        self.assertEqual(
            (form.approved_1_by_id, form.approved_2_by_id),
            (self.supervisor.user_id, self.manager.user_id),
        )
        self.assertTrue(day.missed_punch_confirmed)
        self.assertEqual(day.exception_id, form)
        self.assertEqual((day.missed_punch_seq, day.absent, day.state), (1, False, "missed"))

    def test_business_trip_makes_its_days_present(self):
        """Seed 3(4) 因公外出: Wednesday and Thursday away without a punch, filed on
        Thursday (before the day back) and signed twice: both days are present,
        their hours working time on business."""
        self.evaluate(self.employee, WED, THU)
        self.assertTrue(self.day(self.employee, WED).absent)
        with freeze_time(self.utc("2026-03-05 18:00")):
            form = self.file_exception(self.employee, "business_trip", WED, THU)
        with freeze_time(self.utc("2026-03-07 09:00")):
            self.as_user(self.supervisor, form).action_approve()
            self.as_user(self.manager, form).action_approve()
        for on in (WED, THU):
            day = self.day(self.employee, on)
            self.assertEqual((day.state, day.absent, day.missing_punch), ("present", False, False))
            self.assertTrue(day.business_trip)
            self.assertEqual(day.trip_hours, 8.0)
            self.assertEqual(day.exception_id, form)

    def test_outing_within_the_day_excuses_the_afternoon(self):
        """Seed 3(4): out on business from 13:00 to 17:00 after punching out at 12:00:
        the morning is punched, the afternoon excused, nobody left early."""
        self.punch(self.employee, "2026-03-02 08:00", "2026-03-02 12:00")
        with freeze_time(self.utc("2026-03-02 17:30")):
            form = self.file_exception(
                self.employee, "business_trip", MON, hour_from=13.0, hour_to=17.0
            )
            self.as_user(self.supervisor, form).action_approve()
            self.as_user(self.manager, form).action_approve()
        self.evaluate(self.employee, MON, MON)
        day = self.day(self.employee, MON)
        self.assertEqual((day.state, day.early_minutes, day.trip_hours), ("present", 0, 4.0))

    def test_trip_filed_after_the_day_back_is_refused_and_the_days_stay_absent(self):
        """Seed 3(4) 在事畢到崗當日完成申請...否則按曠工處理: a trip of Monday and
        Tuesday is filed on Thursday, after Wednesday (the day back): refused, and
        both days stay absence. Filed on Wednesday evening it is in time."""
        self.evaluate(self.employee, MON, TUE)
        with freeze_time(self.utc("2026-03-05 09:00")), self.assertRaises(UserError) as late:
            self.file_exception(self.employee, "business_trip", MON, TUE)
        self.assertIn("2026-03-04 23:59", str(late.exception))
        self.assertFalse(self.Exception.search([("employee_id", "=", self.employee.id)]))
        self.assertTrue(self.day(self.employee, MON).absent and self.day(self.employee, TUE).absent)
        with freeze_time(self.utc("2026-03-04 23:00")):
            form = self.file_exception(self.employee, "business_trip", MON, TUE)
        self.assertEqual(form.state, "submitted")

    def test_missed_punch_filed_after_the_weekly_deadline_is_refused(self):
        """Seed 3(5) 每周五17:00前: Monday's missed punch is filed by Friday 17:00.
        Edge: 16:59 is in time; 17:01 is refused and the day stays absence."""
        day = self.missed_monday()
        with freeze_time(self.utc("2026-03-06 17:01")), self.assertRaises(UserError):
            self.file_exception(self.employee, "missed_punch", MON)
        self.assertTrue(day.absent)
        with freeze_time(self.utc("2026-03-06 16:59")):
            form = self.file_exception(self.employee, "missed_punch", MON)
        self.assertEqual(form.filing_deadline, self.utc("2026-03-06 17:00"))

    def test_employee_cannot_sign_or_approve_own_form(self):
        """Integrity: a hostile employee writes the state and the signatures of
        their own form over JSON-RPC, then calls the approval: refused, the form and
        the day unchanged. A colleague cannot even read it."""
        day = self.missed_monday()
        with freeze_time(self.utc("2026-03-03 10:00")):
            form = self.file_exception(self.employee, "missed_punch", MON)
            own = self.as_user(self.employee, form)
            with self.assertRaises(UserError):
                own.write({"state": "approved"})
            with self.assertRaises(UserError):
                own.write({"approved_1_by_id": self.supervisor.user_id.id})
            with self.assertRaises(UserError):
                own.action_approve()
            with self.assertRaises(UserError):
                self.Exception.with_user(self.employee.user_id).create(
                    {
                        "employee_id": self.employee.id,
                        "kind": "missed_punch",
                        "date_from": TUE,
                        "date_to": TUE,
                        "reason": "x",
                        "state": "approved",
                    }
                )
            with self.assertRaises(AccessError):
                self.as_user(self.mate, form).read(["state"])
        form.invalidate_recordset()
        self.assertEqual((form.state, form.approved_1_by_id.id), ("submitted", False))
        self.assertFalse(day.missed_punch_confirmed)

    def test_nobody_signs_for_the_employee(self):
        """Integrity, seed 5(2) 員工簽字確認處不得代簽: the supervisor and HR cannot
        submit the form of an employee who has a login; HR files it for one without."""
        form = self.Exception.with_user(self.employee.user_id).create(
            {
                "employee_id": self.employee.id,
                "kind": "missed_punch",
                "date_from": MON,
                "date_to": MON,
                "reason": "忘记打卡",
            }
        )
        with freeze_time(self.utc("2026-03-03 10:00")):
            for user in (self.supervisor.user_id, self.hr_user):
                with self.subTest(user=user.name), self.assertRaises(UserError):
                    form.with_user(user).action_submit()
            self.assertEqual(form.state, "draft")
            no_login = self.env["hr.employee"].create(
                {
                    "name": "保洁员",
                    "company_id": self.company.id,
                    "department_id": self.team.id,
                    "parent_id": self.supervisor.id,
                }
            )
            filed = self.Exception.with_user(self.hr_user).create(
                {
                    "employee_id": no_login.id,
                    "kind": "missed_punch",
                    "date_from": MON,
                    "date_to": MON,
                    "reason": "口头报告",
                }
            )
            filed.action_submit()
        self.assertEqual(filed.state, "submitted")

    def test_submitted_form_cannot_be_edited(self):
        """Integrity: once signed for, the days and the kind of a form change only
        after it is refused or cancelled (what the approvers signed stays)."""
        with freeze_time(self.utc("2026-03-03 10:00")):
            form = self.file_exception(self.employee, "missed_punch", MON)
            with self.assertRaises(UserError):
                self.as_user(self.employee, form).write({"date_from": TUE, "date_to": TUE})
            self.as_user(self.employee, form).action_cancel()
            self.as_user(self.employee, form).action_draft()
            self.as_user(self.employee, form).write({"date_from": TUE, "date_to": TUE})
        self.assertEqual(form.date_from, TUE)

    def test_duplicate_form_is_refused(self):
        """Seed 5(2) 不允許重復提報: a second form for the same missed punch is refused."""
        with freeze_time(self.utc("2026-03-03 10:00")):
            self.file_exception(self.employee, "missed_punch", MON)
            with self.assertRaises(UserError):
                self.file_exception(self.employee, "missed_punch", MON)

    def test_weekly_reminder_on_the_deadline_day(self):
        """Seed 3(5): on Friday morning the employee with a missed punch of the week
        and no form gets an activity to file it before 17:00; a colleague who filed
        one gets none."""
        self.punch(self.employee, "2026-03-03 08:25", "2026-03-03 08:25")
        self.punch(self.mate, "2026-03-03 08:25", "2026-03-03 08:25")
        self.evaluate(self.employee | self.mate, TUE, TUE)
        with freeze_time(self.utc("2026-03-04 10:00")):
            self.file_exception(self.mate, "missed_punch", TUE)
        with freeze_time(self.utc("2026-03-05 08:30")):
            self.Exception._cron_remind_missed_punches()
        self.assertFalse(self.day(self.employee, TUE).activity_ids, "Thursday: not the day")
        with freeze_time(self.utc("2026-03-06 08:30")):
            self.Exception._cron_remind_missed_punches()
            self.Exception._cron_remind_missed_punches()
        activity = self.day(self.employee, TUE).activity_ids
        self.assertEqual(len(activity), 1, "once, even if the cron runs twice")
        self.assertEqual(activity.user_id, self.employee.user_id)
        self.assertEqual(activity.date_deadline, FRI)
        self.assertFalse(self.day(self.mate, TUE).activity_ids)

    def test_hr_cancelling_an_approved_form_withdraws_the_confirmation(self):
        """An approved missed-punch form cancelled by HR: the day is absence again."""
        day = self.missed_monday()
        with freeze_time(self.utc("2026-03-03 10:00")):
            form = self.file_exception(self.employee, "missed_punch", MON)
            self.as_user(self.supervisor, form).action_approve()
            self.as_user(self.manager, form).action_approve()
            self.assertFalse(day.absent)
            with self.assertRaises(UserError):
                self.as_user(self.employee, form).action_cancel()
            form.with_user(self.hr_user).action_cancel()
        self.assertEqual(form.state, "cancelled")
        self.assertFalse(day.missed_punch_confirmed)
        self.assertTrue(day.absent)
