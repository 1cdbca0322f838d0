"""Shifts, rosters, swaps and coverage (issue #10): seed 003 第二篇 4(1) 排班."""

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .workday_common import WorkdayCommon

TUE, WED = date(2026, 3, 10), date(2026, 3, 11)


@tagged("post_install", "-at_install")
class TestWorkdayRoster(WorkdayCommon):
    def setUp(self):
        super().setUp()
        self.plan = self.roster(
            [
                (self.employee, TUE, self.day_shift),
                (self.mate, WED, self.night_shift),
            ],
            date(2026, 3, 9),
            date(2026, 3, 15),
        )

    def lines(self):
        return {(line.employee_id, line.date): line.shift_id for line in self.plan.line_ids}

    def swap(self, **vals):
        return (
            self.env["cs.shift.swap"]
            .with_user(self.employee.user_id)
            .create(
                {
                    "employee_id": self.employee.id,
                    "date": TUE,
                    "other_employee_id": self.mate.id,
                    "other_date": WED,
                    "reason": "家里有事",
                    **vals,
                }
            )
        )

    def test_unapproved_swap_changes_nothing(self):
        """Seed 第二篇 4(1): a swap request submitted but not approved leaves the
        roster as it was; the requester cannot approve it or write its state; a
        colleague cannot approve it either."""
        before = self.lines()
        swap = self.swap()
        swap.action_submit()
        with self.assertRaises(UserError):
            swap.action_approve()
        with self.assertRaises(UserError):
            swap.write({"state": "approved"})
        with self.assertRaises(UserError):
            swap.with_user(self.mate.user_id).action_approve()
        self.assertEqual(swap.state, "submitted")
        self.assertEqual(self.lines(), before)
        self.assertEqual(swap.activity_ids.user_id, self.manager.user_id)

    def test_manager_cannot_approve_own_swap(self):
        """Integrity: the team's manager, who may approve swaps and write the
        roster, requests a swap for himself and approves it; refused, unchanged."""
        self.plan.action_draft()
        self.plan.line_ids.filtered(
            lambda line: line.employee_id == self.employee
        ).employee_id = self.manager
        self.plan.action_publish()
        before = self.lines()
        swap = (
            self.env["cs.shift.swap"]
            .with_user(self.manager.user_id)
            .create(
                {
                    "employee_id": self.manager.id,
                    "date": TUE,
                    "other_employee_id": self.mate.id,
                    "other_date": WED,
                    "reason": "私事",
                }
            )
        )
        swap.action_submit()
        with self.assertRaises(UserError) as caught:
            swap.action_approve()
        self.assertIs(type(caught.exception), UserError)
        self.assertEqual(swap.state, "submitted")
        self.assertEqual(self.lines(), before)

    def test_approved_swap_swaps_the_roster_lines(self):
        """Seed 第二篇 4(1): the supervisor's approval swaps the two shifts."""
        self.evaluate(self.employee | self.mate, TUE, WED)
        self.assertTrue(self.day(self.employee, TUE).absent)
        swap = self.swap()
        swap.action_submit()
        swap.with_user(self.manager.user_id).action_approve()
        self.assertEqual(swap.state, "approved")
        given_up = self.day(self.employee, TUE)
        self.assertEqual((given_up.state, given_up.absent), ("rest", False))
        self.assertTrue(self.day(self.employee, WED).absent, "the night taken over was not worked")
        self.assertEqual(swap.approved_by_id, self.manager.user_id)
        lines = self.lines()
        self.assertEqual(lines[self.mate, TUE], self.day_shift)
        self.assertEqual(lines[self.employee, WED], self.night_shift)
        self.assertNotIn((self.employee, TUE), lines)
        self.assertNotIn((self.mate, WED), lines)

    def test_refused_swap_changes_nothing(self):
        before = self.lines()
        swap = self.swap()
        swap.action_submit()
        swap.with_user(self.manager.user_id).action_refuse()
        self.assertEqual(swap.state, "refused")
        self.assertEqual(self.lines(), before)

    def test_swap_that_doubles_a_shift_is_refused(self):
        """A swap that would give the colleague two shifts on one day is refused
        when submitted, and nothing changes."""
        self.plan.action_draft()
        self.plan.line_ids = [
            Command.create(
                {"employee_id": self.mate.id, "date": TUE, "shift_id": self.night_shift.id}
            )
        ]
        self.plan.action_publish()
        before = self.lines()
        swap = self.swap()
        with self.assertRaises(UserError):
            swap.action_submit()
        self.assertEqual(swap.state, "draft")
        self.assertEqual(self.lines(), before)

    def test_same_day_swap_exchanges_the_shifts(self):
        """Two employees of the same day exchange their day and night shifts."""
        self.plan.action_draft()
        self.plan.line_ids = [
            Command.create(
                {"employee_id": self.mate.id, "date": TUE, "shift_id": self.night_shift.id}
            )
        ]
        self.plan.action_publish()
        swap = self.swap(other_date=TUE)
        swap.action_submit()
        swap.with_user(self.hr_user).action_approve()
        lines = self.lines()
        self.assertEqual(lines[self.employee, TUE], self.night_shift)
        self.assertEqual(lines[self.mate, TUE], self.day_shift)

    def test_published_roster_is_changed_only_by_swaps(self):
        """Integrity: a hostile manager edits a published roster's line over JSON-RPC
        instead of approving a swap; refused and unchanged."""
        line = self.plan.line_ids.filtered(lambda rec: rec.employee_id == self.employee)
        as_manager = line.with_user(self.manager.user_id)
        with self.assertRaises(UserError):
            as_manager.write({"shift_id": self.night_shift.id})
        with self.assertRaises(UserError):
            self.plan.with_user(self.manager.user_id).write({"state": "draft"})
        with self.assertRaises(UserError):
            as_manager.unlink()
        line.invalidate_recordset()
        self.assertEqual(line.shift_id, self.day_shift)
        self.assertEqual(self.plan.state, "published")

    def test_roster_is_published_only_by_its_button(self):
        """Integrity: a hostile manager publishes an empty draft roster by writing
        its state; refused, it stays a draft (the button refuses an empty roster)."""
        draft = self.roster([], date(2026, 4, 1), date(2026, 4, 2), publish=False)
        with self.assertRaises(UserError):
            draft.write({"state": "published"})
        with self.assertRaises(UserError):
            draft.action_publish()
        self.assertEqual(draft.state, "draft")

    def test_employee_cannot_plan_the_roster(self):
        """Access: an employee reads the team roster, the manager plans it."""
        with self.assertRaises(AccessError):
            self.roster([], date(2026, 4, 1), date(2026, 4, 2), publish=False).with_user(
                self.employee.user_id
            ).write({"name": "x"})
        self.assertTrue(self.plan.with_user(self.employee.user_id).line_ids)

    def test_coverage_check_flags_the_unstaffed_night(self):
        """Seed 第二篇 4(1) 同當周排班核對: a night nobody works is flagged."""
        plan = self.roster(
            [
                (self.employee, date(2026, 3, 16), self.day_shift),
                (self.mate, date(2026, 3, 16), self.night_shift),
                (self.employee, date(2026, 3, 17), self.day_shift),
            ],
            date(2026, 3, 16),
            date(2026, 3, 17),
            publish=False,
        )
        plan.required_shift_ids = self.day_shift | self.night_shift
        self.assertEqual(plan.coverage_gap_count, 1)
        self.assertIn("2026-03-17", plan.coverage_gaps)
        self.assertIn("Night Shift", plan.coverage_gaps)

    def test_bad_periods_and_hours_are_refused(self):
        """Hostile input: a roster of a year, a shift at 25 o'clock, a policy of
        minus one minute are clear validation errors."""
        with self.assertRaises(ValidationError):
            self.roster([], date(2026, 1, 1), date(2026, 12, 31), publish=False)
        with self.assertRaises(ValidationError):
            self.env["cs.shift"].create({"name": "坏班", "start_hour": 25, "end_hour": 8})
        with self.assertRaises(ValidationError):
            self.env["cs.shift"].create({"name": "坏班", "start_hour": 8, "end_hour": 8})
        with self.assertRaises(ValidationError):
            self.company.cs_att_tolerance_minutes = -1
        with self.assertRaises(ValidationError):
            self.company.cs_att_period_start_day = 31
