from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import LeaveCommon


@tagged("post_install", "-at_install")
class TestApprovalTiers(LeaveCommon):
    def approve(self, leave, employee):
        leave.with_user(employee.user_id).action_approve()

    def test_one_day_is_approved_by_the_supervisor_alone(self):
        leave = self.leave(self.sick, self.d("2026-03-03"), self.d("2026-03-03"))
        self.assertEqual(leave.cs_levels, "supervisor")
        self.approve(leave, self.supervisor)
        self.assertEqual(leave.state, "validate")

    def test_two_days_need_the_departments_two_levels(self):
        leave = self.leave(self.sick, self.d("2026-03-03"), self.d("2026-03-04"))
        self.assertEqual(leave.cs_levels, "supervisor,manager")
        self.approve(leave, self.supervisor)
        self.assertEqual(leave.state, "confirm")
        with self.assertRaisesRegex(UserError, "waits for"):
            self.approve(leave, self.head)
        self.approve(leave, self.manager)
        self.assertEqual(leave.state, "validate")
        bodies = " ".join(leave.message_ids.mapped("body"))
        self.assertIn("level 1", bodies)
        self.assertIn("level 2", bodies)

    def test_four_days_need_the_department_head(self):
        leave = self.leave(self.sick, self.d("2026-03-02"), self.d("2026-03-05"))
        self.assertEqual(leave.cs_levels, "supervisor,manager,head")
        self.assertIn("王总", leave.cs_approval_steps)
        for approver in (self.supervisor, self.manager):
            self.approve(leave, approver)
            self.assertEqual(leave.state, "confirm")
        self.approve(leave, self.head)
        self.assertEqual(leave.state, "validate")

    def test_the_approvers_are_those_in_place_when_the_leave_was_requested(self):
        leave = self.leave(self.sick, self.d("2026-03-03"), self.d("2026-03-04"))
        self.department.manager_id = self.head
        self.assertEqual(
            [user for _level, user in leave._cs_steps()],
            [self.supervisor.user_id, self.manager.user_id],
        )
        self.approve(leave, self.supervisor)
        self.approve(leave, self.manager)
        self.assertEqual(leave.state, "validate")

    def test_a_time_off_officer_stands_in_for_an_approver_who_has_left(self):
        leave = self.leave(self.sick, self.d("2026-03-03"), self.d("2026-03-03"))
        with self.assertRaisesRegex(UserError, "waits for"):
            leave.with_user(self.hr_officer).action_approve()
        self.supervisor.user_id.active = False
        leave.with_user(self.hr_officer).action_approve()
        self.assertEqual(leave.state, "validate")
        self.assertIn("in place of 刘组长", " ".join(leave.message_ids.mapped("body")))

    def test_hr_filing_follows_the_neighbouring_leave(self):
        first = self.leave(self.sick, self.d("2026-03-02"), self.d("2026-03-06"))
        second = self.leave(self.personal, self.d("2026-03-07"), self.d("2026-03-13"))
        self.assertTrue(first.cs_hr_filing and second.cs_hr_filing, "12 days in one run")
        first.action_refuse()
        self.env.invalidate_all()
        self.assertFalse(second.cs_hr_filing, "alone it is 7 days")

    def test_approvers_can_read_the_leave_waiting_for_them(self):
        leave = self.leave(self.sick, self.d("2026-03-02"), self.d("2026-03-05"))
        self.assertIn(self.head.user_id, leave.cs_approver_user_ids)
        self.assertEqual(
            self.env["hr.leave"].with_user(self.head.user_id).search([("id", "=", leave.id)]), leave
        )

    def test_twelve_consecutive_days_are_filed_with_hr(self):
        first = self.leave(self.sick, self.d("2026-03-02"), self.d("2026-03-06"))
        self.assertFalse(first.cs_hr_filing)
        second = self.leave(self.personal, self.d("2026-03-07"), self.d("2026-03-13"))
        self.assertTrue(second.cs_hr_filing, "5 + 7 adjacent days make 12 consecutive")

    def test_two_working_weeks_with_the_weekend_between_are_filed_with_hr(self):
        self.leave(self.sick, self.d("2026-03-02"), self.d("2026-03-06"))
        second = self.leave(self.personal, self.d("2026-03-09"), self.d("2026-03-13"))
        self.assertTrue(second.cs_hr_filing, "12 days away, the weekend between included")

    def test_an_old_long_absence_does_not_make_a_later_day_consecutive(self):
        first = self.leave(self.personal, self.d("2026-03-02"), self.d("2026-03-13"))
        self.assertTrue(first.cs_hr_filing)
        later = self.leave(self.sick, self.d("2026-04-07"), self.d("2026-04-07"))
        self.assertFalse(later.cs_hr_filing)

    def test_twelve_days_of_marriage_and_annual_leave_are_filed_with_hr_once_approved(self):
        self.employee.sudo().write(
            {"cs_first_work_date": date(2010, 1, 1), "cs_join_date": date(2020, 1, 1)}
        )
        self.employee.action_cs_grant_annual_leave(2026)
        event = self.env["cs.life.event"].create(
            {"employee_id": self.employee.id, "event_type": "marriage", "event_date": "2026-02-20"}
        )
        event.action_confirm()
        marriage = self.leave(
            event.allocation_ids.holiday_status_id, self.d("2026-03-02"), self.d("2026-03-06")
        )
        annual = self.leave(
            self.env.ref("cs_attendance.leave_type_annual"),
            self.d("2026-03-09"),
            self.d("2026-03-13"),
        )
        self.assertTrue(annual.cs_hr_filing)
        for leave in marriage | annual:
            self.assertEqual(leave.cs_levels, "supervisor,manager,head", "5 working days")
            for approver in (self.supervisor, self.manager, self.head):
                self.approve(leave, approver)
            self.assertEqual(leave.state, "validate")
            self.assertIn(
                "File this leave with HR", leave.activity_ids.mapped("summary"), leave.name
            )

    def test_marriage_and_annual_leave_are_filed_with_hr(self):
        self.assertTrue(self.env.ref("cs_attendance.leave_type_marriage").cs_hr_filing)
        self.assertTrue(self.env.ref("cs_attendance.leave_type_annual").cs_hr_filing)
        self.assertFalse(self.sick.cs_hr_filing)
