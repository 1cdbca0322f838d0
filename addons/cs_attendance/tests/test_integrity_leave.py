"""Integrity of leave approvals and leave data (issue #15).

Each test does over the ORM, as the role named, exactly what a JSON-RPC call
does (``write()``, ``create()``, ``action_*()`` under that user), then checks the
refusal and that nothing changed.
"""

import importlib.util
from datetime import date
from pathlib import Path

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import LeaveCommon

SHIPPED_LEAVE_TYPES = (
    "annual",
    "sick",
    "personal",
    "marriage",
    "prenatal",
    "maternity",
    "miscarriage",
    "nursing",
    "paternity",
    "childcare",
    "bereavement",
    "public_duty",
    "parent_care",
)


@tagged("post_install", "-at_install")
class TestApprovalLevelsIntegrity(LeaveCommon):
    """Finding 5: leave approval levels cannot be skipped."""

    def four_days(self):
        leave = self.leave(self.sick, self.d("2026-03-02"), self.d("2026-03-05"))
        self.assertEqual(leave.cs_levels, "supervisor,manager,head")
        return leave

    def approve(self, leave, employee):
        leave.with_user(employee.user_id).action_approve()

    def assert_approved_level_by_level(self, leave, approvers, done=0):
        """Each approver in turn approves the next level, none before their turn."""
        for index, approver in enumerate(approvers):
            for later in approvers[index + 1 :]:
                with self.assertRaisesRegex(UserError, "waits for"):
                    self.approve(leave, later)
            self.assertEqual(leave.state, "confirm")
            self.approve(leave, approver)
            self.assertEqual(leave.cs_levels_done, done + index + 1)
        self.assertEqual(leave.state, "validate")

    def test_the_requester_cannot_write_the_levels_approved(self):
        """Integrity #5: the requester wrote cs_levels_done = 3 over JSON-RPC to skip
        the three levels of a four-day leave."""
        leave = self.four_days()
        mine = leave.with_user(self.employee.user_id)
        for levels in (3, 2, 99):
            with self.assertRaises(UserError):
                mine.write({"cs_levels_done": levels})
        self.env.invalidate_all()
        self.assertEqual(leave.cs_levels_done, 0)
        self.assertEqual(leave.state, "confirm")
        self.assert_approved_level_by_level(leave, [self.supervisor, self.manager, self.head])

    def test_a_tier_approver_cannot_write_the_levels_approved(self):
        """Integrity #5: the supervisor and the department manager, approvers of the
        first two levels, wrote cs_levels_done to approve past their own level."""
        leave = self.four_days()
        self.approve(leave, self.supervisor)
        for approver, levels in ((self.supervisor, 2), (self.manager, 2), (self.manager, 3)):
            with self.assertRaises(UserError):
                leave.with_user(approver.user_id).write({"cs_levels_done": levels})
        self.env.invalidate_all()
        self.assertEqual(leave.cs_levels_done, 1)
        self.assert_approved_level_by_level(leave, [self.manager, self.head], done=1)

    def test_the_requester_cannot_choose_the_approvers(self):
        """Integrity #5: the requester wrote herself in as the approver of each level
        (cs_levels, cs_level_user_ids, cs_approver_user_ids), on the request and when
        creating it."""
        leave = self.four_days()
        me = self.employee.user_id
        mine = leave.with_user(me)
        for vals in (
            {"cs_levels": "supervisor"},
            {"cs_level_user_ids": [me.id, me.id, me.id]},
            {"cs_approver_user_ids": [Command.set(me.ids)]},
        ):
            with self.assertRaises(UserError):
                mine.write(vals)
        self.env.invalidate_all()
        self.assertEqual(leave.cs_levels, "supervisor,manager,head")
        approvers = [self.supervisor.user_id.id, self.manager.user_id.id, self.head.user_id.id]
        self.assertEqual(leave.cs_level_user_ids, approvers)
        self.assertEqual(set(leave.cs_approver_user_ids.ids), set(approvers))

        Leave = self.env["hr.leave"].with_user(me)
        before = Leave.sudo().search_count([])
        request = {
            "holiday_status_id": self.sick.id,
            "employee_id": self.employee.id,
            "request_date_from": self.d("2026-04-06"),
            "request_date_to": self.d("2026-04-06"),
        }
        for forged in (
            {"cs_levels_done": 1},
            {"cs_levels": "supervisor", "cs_level_user_ids": [me.id]},
            {"cs_approver_user_ids": [Command.set(me.ids)]},
        ):
            with self.assertRaises(UserError):
                Leave.create({**request, **forged})
        self.assertEqual(Leave.sudo().search_count([]), before)
        # A default from the caller's context is a value too.
        fresh = Leave.with_context(default_cs_levels_done=1).create(request).sudo()
        self.assertEqual(fresh.cs_levels_done, 0)
        self.assertEqual(fresh.cs_level_user_ids, [self.supervisor.user_id.id])
        with self.assertRaisesRegex(UserError, "waits for"):
            fresh.with_user(me).action_approve()
        self.assertEqual(fresh.state, "confirm")

    def test_a_tiered_leave_is_not_validated_by_writing_its_state(self):
        """Integrity #5: the requester (with Odoo's leave_fast_create context, which
        skips its state checks) and the supervisor (the employee's time-off manager)
        wrote state = validate on a leave whose three levels were pending; a Time Off
        officer approved it with leave_fast_create, which skipped the pending levels."""
        for user, context in (
            (self.employee.user_id, {"leave_fast_create": True}),
            (self.supervisor.user_id, {}),
            (self.supervisor.user_id, {"leave_fast_create": True}),
        ):
            leave = self.four_days()
            with self.assertRaises(UserError):
                leave.with_user(user).with_context(**context).write({"state": "validate"})
            self.env.invalidate_all()
            self.assertEqual(leave.state, "confirm", user.name)
            self.assertFalse(
                self.env["resource.calendar.leaves"].sudo().search([("holiday_id", "=", leave.id)])
            )
            leave.action_refuse()
        # Nor through Odoo's own approval of a refused leave, by an officer sending
        # leave_fast_create to skip the pending levels.
        with self.assertRaises(UserError):
            leave.with_user(self.hr_officer).with_context(leave_fast_create=True).action_approve()
        self.assertEqual(leave.state, "refuse")

    def test_a_tier_approver_cannot_rewrite_the_request(self):
        """Integrity #5: the department manager, who reads the leave to approve his
        level, moved its dates and gave it to another employee."""
        leave = self.four_days()
        manager = leave.with_user(self.manager.user_id)
        self.assertEqual(manager.request_date_to, self.d("2026-03-05"), "he reads it")
        for vals in (
            {"request_date_to": self.d("2026-03-02")},
            {"employee_id": self.supervisor.id},
        ):
            with self.assertRaises(AccessError):
                manager.write(vals)
        self.env.invalidate_all()
        self.assertEqual(
            (leave.employee_id, leave.request_date_to), (self.employee, self.d("2026-03-05"))
        )
        self.assert_approved_level_by_level(leave, [self.supervisor, self.manager, self.head])

    def test_a_changed_request_is_approved_again_from_the_first_level(self):
        """Integrity #5: the supervisor approved two days; the requester then made it
        four days, or moved it, and it went on at the next level as if approved."""
        leave = self.leave(self.sick, self.d("2026-03-03"), self.d("2026-03-04"))
        self.approve(leave, self.supervisor)
        self.assertEqual(leave.cs_levels_done, 1)
        leave.with_user(self.employee.user_id).write({"request_date_to": self.d("2026-03-06")})
        self.assertEqual(leave.cs_levels, "supervisor,manager,head")
        self.assertEqual(leave.cs_levels_done, 0, "the supervisor approved other days")
        self.assertIn("starts again", " ".join(leave.message_ids.mapped("body")))
        self.assert_approved_level_by_level(leave, [self.supervisor, self.manager, self.head])

        moved = self.leave(self.sick, self.d("2026-04-07"), self.d("2026-04-08"))
        self.approve(moved, self.supervisor)
        moved.with_user(self.employee.user_id).write(
            {"request_date_from": self.d("2026-04-14"), "request_date_to": self.d("2026-04-15")}
        )
        self.assertEqual(moved.cs_levels_done, 0)
        self.assert_approved_level_by_level(moved, [self.supervisor, self.manager])

    def test_a_shortened_request_is_approved_again_without_an_index_error(self):
        """Integrity #5: two of three levels approved, the requester cut the leave to
        one day (one level): the next approval crashed with IndexError."""
        leave = self.four_days()
        self.approve(leave, self.supervisor)
        self.approve(leave, self.manager)
        leave.with_user(self.employee.user_id).write({"request_date_to": self.d("2026-03-02")})
        self.assertEqual(leave.cs_levels, "supervisor")
        self.assertEqual(leave.cs_levels_done, 0)
        self.assert_approved_level_by_level(leave, [self.supervisor])

    def test_inconsistent_levels_are_refused_clearly(self):
        """Integrity #5: with levels approved past the last level, a negative count, or
        approvers that do not match the levels (data written outside the approval),
        approving crashed with IndexError or ValueError, or let the last level approve
        first."""
        for vals in (
            {"cs_levels_done": 3},
            {"cs_levels_done": 7},
            {"cs_levels_done": -1},
            {"cs_level_user_ids": [self.supervisor.user_id.id]},
            {"cs_level_user_ids": "not a list"},
            {"cs_levels": "supervisor,nobody,head"},
        ):
            leave = self.four_days()
            leave.write(vals)
            self.assertIsInstance(leave.cs_approval_steps, str, "the form still opens")
            for approver in (self.supervisor, self.manager, self.head):
                with self.assertRaises(UserError, msg=str(vals)):
                    self.approve(leave, approver)
            self.assertEqual(leave.state, "confirm")
            leave.action_refuse()


@tagged("post_install", "-at_install")
class TestSickPayPrivacy(LeaveCommon):
    """Finding 13: the sick-pay rate and the minimum wage do not give the wage away."""

    def setUp(self):
        super().setUp()
        self.national = self.env.ref("cs_attendance.jurisdiction_national")
        self.national.minimum_wage = 2500
        self.employee.cs_jurisdiction_id = self.national
        self.hr_manager = new_test_user(
            self.env,
            "t_hr_manager",
            groups="hr.group_hr_manager,hr_holidays.group_hr_holidays_user",
        )

    def test_a_non_hr_approver_cannot_work_out_the_wage(self):
        """Integrity #13: the supervisor read the sick leave's rate (50%) and the
        national minimum wage (2,500): 80% x 2,500 / 50% gave the wage, 4,000."""
        self.employee.sudo().wage = 4000
        leave = self.leave(self.sick, self.d("2026-03-03"), self.d("2026-03-03"))
        national = self.national.with_user(self.supervisor.user_id)
        with self.assertRaises(AccessError):
            national.read(["minimum_wage"])
        with self.assertRaises(AccessError):
            self.assertIsNotNone(national.minimum_wage)
        self.assertEqual(national.sick_pay_min_wage_pct, 80, "the statutory share stays public")
        theirs = leave.with_user(self.supervisor.user_id)
        self.assertFalse(theirs.cs_pay_rate)
        for figure in ("50", "2500", "4000"):
            self.assertNotIn(figure, theirs.cs_pay_basis)
        self.assertIn("40% company rate", theirs.cs_pay_basis)
        self.assertIn("80% of the local minimum wage", theirs.cs_pay_basis)
        # Those who may read the wage see the figures.
        for reader in (self.employee.user_id, self.hr_manager):
            self.assertEqual(leave.with_user(reader).cs_pay_rate, 50, reader.name)
            self.assertIn("= 50% of wage 4000", leave.with_user(reader).cs_pay_basis)

    def test_the_approver_cannot_tell_which_floor_decided(self):
        """Integrity #13: the rate hidden only when the minimum-wage floor decides
        would itself say the wage is under 80% x 2,500 / 40% = 5,000."""
        self.employee.sudo().wage = 10000
        leave = self.leave(self.sick, self.d("2026-03-03"), self.d("2026-03-03"))
        self.assertEqual(leave.with_user(self.employee.user_id).cs_pay_rate, 40)
        high = leave.with_user(self.supervisor.user_id)
        shown = (high.cs_pay_rate, high.cs_pay_basis)
        self.employee.sudo().wage = 4000
        self.env.invalidate_all()
        low = leave.with_user(self.supervisor.user_id)
        self.assertEqual((low.cs_pay_rate, low.cs_pay_basis), shown)

    def test_a_time_off_officer_reads_the_minimum_wage_but_not_the_wage(self):
        """Integrity #13: Time Off officers keep the jurisdictions, minimum wage
        included; like Odoo's wage field, the rates derived from an employee's wage
        are for Employees administrators (hr.group_hr_manager) and the employee."""
        self.employee.sudo().wage = 4000
        leave = self.leave(self.sick, self.d("2026-03-03"), self.d("2026-03-03"))
        officer = self.hr_officer
        self.assertFalse(officer.has_group("hr.group_hr_manager"))
        self.national.with_user(officer).minimum_wage = 2600
        self.assertEqual(self.national.minimum_wage, 2600)
        self.assertFalse(leave.with_user(officer).cs_pay_rate)
        self.assertNotIn("4000", leave.with_user(officer).cs_pay_basis)

    def test_long_sickness_keeps_the_wage_to_itself(self):
        """Integrity #13: a leave running into Shanghai's long sickness said the
        later rate, set by the minimum-wage floor, to the approver."""
        shanghai = self.env.ref("cs_attendance.jurisdiction_shanghai")
        shanghai.minimum_wage = 2690
        self.employee.cs_jurisdiction_id = shanghai
        self.employee.sudo().write({"cs_join_date": date(2024, 1, 1), "wage": 3000})
        self.leave(self.sick, date(2026, 1, 5), date(2026, 6, 26))
        leave = self.leave(self.sick, date(2026, 6, 29), date(2026, 7, 10))
        mine = leave.with_user(self.employee.user_id)
        self.assertEqual(mine.cs_pay_rate, 71.74)
        self.assertIn("from 2026-07-05: 71.74%", mine.cs_pay_basis)
        theirs = leave.with_user(self.supervisor.user_id)
        self.assertFalse(theirs.cs_pay_rate)
        self.assertIn("2026-07-05", theirs.cs_pay_basis)
        for figure in ("71.74", "2690", "3000"):
            self.assertNotIn(figure, theirs.cs_pay_basis)


def load_migration(version):
    path = Path(__file__).parents[1] / "migrations" / version / "post-migration.py"
    spec = importlib.util.spec_from_file_location(f"cs_attendance_migration_{version}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestSecondCompany(LeaveCommon):
    """Finding 15 and a company created after install."""

    def company_with_staff(self, name, login, country=None, **company_vals):
        """A company created now, with its own calendar, a Time Off officer, and an
        employee whose supervisor approves her leave: users of that company only."""
        company = self.env["res.company"].create(
            {"name": name, "country_id": country and country.id, **company_vals}
        )
        calendar = self.env["resource.calendar"].create(
            {"name": f"{name} 标准工时", "company_id": company.id, "tz": "Asia/Shanghai"}
        )
        company.resource_calendar_id = calendar

        def user(login, groups="base.group_user"):
            return new_test_user(
                self.env,
                login,
                groups=groups,
                company_id=company.id,
                company_ids=[Command.set(company.ids)],
                tz="Asia/Shanghai",
            )

        officer = user(f"{login}_hr", "hr_holidays.group_hr_holidays_user")
        Employee = self.env["hr.employee"].with_company(company)
        boss = Employee.create(
            {
                "name": f"{name} 主管",
                "user_id": user(f"{login}_boss").id,
                "company_id": company.id,
                "resource_calendar_id": calendar.id,
            }
        )
        clerk = Employee.create(
            {
                "name": f"{name} 员工",
                "user_id": user(f"{login}_clerk").id,
                "company_id": company.id,
                "parent_id": boss.id,
                "resource_calendar_id": calendar.id,
            }
        )
        return company, officer, boss, clerk

    def test_shipped_leave_types_serve_every_country(self):
        """Integrity #15: the 12 shipped leave types took the installing company's
        country (Odoo 19's default): a company elsewhere could not see them."""
        for kind in SHIPPED_LEAVE_TYPES:
            leave_type = self.env.ref(f"cs_attendance.leave_type_{kind}")
            self.assertFalse(leave_type.company_id, kind)
            self.assertFalse(leave_type.country_id, kind)
        _company, officer, boss, clerk = self.company_with_staff("无国别分店", "t_nowhere")
        Type = self.env["hr.leave.type"].with_user(clerk.user_id)
        self.assertEqual(len(Type.search([("cs_kind", "!=", False)])), len(SHIPPED_LEAVE_TYPES))
        sick = (
            self.env["hr.leave"]
            .with_user(clerk.user_id)
            .create(
                {
                    "holiday_status_id": self.sick.id,
                    "employee_id": clerk.id,
                    "request_date_from": self.d("2026-03-03"),
                    "request_date_to": self.d("2026-03-03"),
                }
            )
        )
        self.assertEqual(sick.sudo().cs_level_user_ids, [boss.user_id.id])
        self.assertTrue(sick.cs_pay_basis)
        sick.with_user(boss.user_id).action_approve()
        self.assertEqual(sick.sudo().state, "validate")
        event = (
            self.env["cs.life.event"]
            .with_user(officer)
            .create({"employee_id": clerk.id, "event_type": "marriage", "event_date": "2026-02-20"})
        )
        event.action_confirm()
        self.assertEqual(event.allocation_ids.number_of_days, 3, "national floor, company 3")

    def test_the_migration_frees_the_shipped_leave_types_of_a_country(self):
        """Integrity #15: databases installed before 19.0.1.2.0 keep the types tied to
        the installing company's country (the records are noupdate) and companies
        created since have no jurisdiction."""
        migration = load_migration("19.0.1.2.0")
        # The types shipped when that migration was written.
        types = self.env["hr.leave.type"].browse(
            [self.env.ref(f"cs_attendance.leave_type_{kind}").id for kind in migration.LEAVE_TYPES]
        )
        us = self.env.ref("base.us")
        types.write({"country_id": us.id})
        us_shop = self.env["res.company"].create({"name": "US Shop", "country_id": us.id})
        own = self.env["hr.leave.type"].create(
            {"name": "本公司假", "company_id": us_shop.id, "country_id": us.id}
        )
        bare = self.env["res.company"].create({"name": "旧分店"})
        bare.cs_jurisdiction_id = False
        migration.migrate(self.env.cr, "19.0.1.1.0")
        self.env.invalidate_all()
        self.assertFalse(types.country_id)
        self.assertEqual(own.country_id, us, "a company's own type is left alone")
        self.assertEqual(
            bare.cs_jurisdiction_id, self.env.ref("cs_attendance.jurisdiction_national")
        )

    def test_a_company_created_after_install_grants_leave_from_a_life_event(self):
        """Integrity #15: a second company created after install (Shanghai time, yuan,
        its own calendar) could not grant leave from a life event; its people see
        nothing of the first company."""
        first_event = self.life_event(event_type="marriage", event_date=date(2026, 1, 10))
        first_leave = self.leave(
            first_event.allocation_ids.holiday_status_id, self.d("2026-03-04"), self.d("2026-03-04")
        )
        first_extra = self.env["cs.workday.extra"].create(
            {"date": "2026-02-14", "name": "调休", "company_id": self.env.company.id}
        )
        company, officer, boss, clerk = self.company_with_staff(
            "上海分店", "t_sh", self.env.ref("base.cn"), currency_id=self.env.ref("base.CNY").id
        )
        self.assertEqual(
            company.cs_jurisdiction_id, self.env.ref("cs_attendance.jurisdiction_national")
        )
        self.assertEqual(company.resource_calendar_id.tz, "Asia/Shanghai")

        event = (
            self.env["cs.life.event"]
            .with_user(officer)
            .create({"employee_id": clerk.id, "event_type": "marriage", "event_date": "2026-02-20"})
        )
        event.action_confirm()
        allocation = event.allocation_ids
        self.assertEqual(allocation.number_of_days, 3)
        self.assertEqual(allocation.employee_company_id, company)
        leave = (
            self.env["hr.leave"]
            .with_user(clerk.user_id)
            .create(
                {
                    "holiday_status_id": allocation.holiday_status_id.id,
                    "employee_id": clerk.id,
                    "request_date_from": self.d("2026-03-02"),
                    "request_date_to": self.d("2026-03-04"),
                }
            )
        )
        self.assertEqual(leave.sudo().number_of_days, 3)
        self.assertEqual(leave.sudo().cs_level_user_ids, [boss.user_id.id])
        self.assertIn("3", leave.cs_basis)
        leave.with_user(boss.user_id).action_approve()
        self.assertEqual(leave.sudo().state, "validate")

        for user in (officer, clerk.user_id, boss.user_id):
            Leave = self.env["hr.leave"].with_user(user)
            self.assertFalse(Leave.search([("id", "=", first_leave.id)]), user.name)
            Allocation = self.env["hr.leave.allocation"].with_user(user)
            self.assertFalse(
                Allocation.search([("id", "in", first_event.allocation_ids.ids)]), user.name
            )
            with self.assertRaises(AccessError):
                first_leave.with_user(user).read(["state"])
            self.assertFalse(
                self.env["cs.workday.extra"].with_user(user).search([("id", "=", first_extra.id)])
            )
        Event = self.env["cs.life.event"].with_user(officer)
        self.assertEqual(Event.search([]), event)
        with self.assertRaises(AccessError):
            first_event.with_user(officer).read(["state"])
        self.assertEqual(self.env["hr.leave"].with_user(officer).search([]), leave)


@tagged("post_install", "-at_install")
class TestLeaveDataValidation(LeaveCommon):
    """Nonsense figures are refused with a clear sentence, never a traceback."""

    def assert_refused(self, record, vals, exception=ValidationError):
        fields = list(vals)
        before = record.sudo().read(fields)
        with self.assertRaises(exception, msg=str(vals)):
            record.write(vals)
        record.invalidate_recordset()
        self.assertEqual(record.sudo().read(fields), before, str(vals))

    def test_jurisdiction_figures_are_checked(self):
        """Integrity #12/#14: a Time Off officer entered negative or huge days, a
        share of 150%, a negative or absurd minimum wage and sick-pay bands that are
        not "years:percent": the bands made every sick leave of the jurisdiction fail
        with ValueError when read."""
        national = self.env.ref("cs_attendance.jurisdiction_national").with_user(self.hr_officer)
        for vals in (
            {"marriage_days": -3},
            {"maternity_extension_days": 100000},
            {"sick_pay_min_wage_pct": 150},
            {"sick_pay_floor_pct": -1},
            {"minimum_wage": -2500},
            {"minimum_wage": 1e12},
            {"sick_pay_bands": "abc"},
            {"sick_pay_bands": "0:60,x:70"},
            {"sick_pay_bands": "0:160"},
            {"sick_pay_long_bands": "-1:40"},
            {"sick_pay_long_months": -6},
            {"code": "X" * 100000},
        ):
            self.assert_refused(national, vals)
        self.employee.cs_jurisdiction_id = national
        leave = self.leave(self.sick, self.d("2026-03-03"), self.d("2026-03-03"))
        self.assertTrue(leave.cs_pay_basis.startswith("40% company rate"))

    def test_life_event_figures_are_checked(self):
        """Integrity #14: a life event in year 9999 crashed with OverflowError when
        confirmed, a kind of event not in the list with ValueError; no babies, a
        thousand, or a negative pregnancy were accepted."""
        Event = self.env["cs.life.event"].with_user(self.hr_officer)
        base = {"employee_id": self.employee.id, "event_type": "birth", "parent_role": "mother"}
        before = Event.search_count([])
        for vals in (
            {"event_date": "9999-12-31"},
            {"event_date": "1000-01-01"},
            {"event_date": "2026-03-02", "babies": 0},
            {"event_date": "2026-03-02", "babies": 1000},
            {"event_date": "2026-03-02", "event_type": "miscarriage", "pregnancy_months": -2},
            {"event_date": "2026-03-02", "event_type": "miscarriage", "pregnancy_months": 40},
            {"event_date": "2026-03-02", "event_type": "wedding"},
            {"event_date": "2026-03-02", "parent_role": "grandmother"},
        ):
            with self.assertRaises(ValidationError, msg=str(vals)):
                Event.create({**base, **vals})
        self.assertEqual(Event.search_count([]), before)
        event = Event.create({**base, "event_date": "2026-03-02"})
        self.assert_refused(event, {"event_date": "9999-12-31"})
        event.action_confirm()
        self.assertTrue(event.allocation_ids)

    def test_company_leave_policy_is_checked(self):
        """Integrity #12: a negative marriage leave, a 500% sick pay, 30 nursing
        hours a day, or a supervisor tier longer than the department's were saved."""
        company = self.env.company
        for vals in (
            {"cs_marriage_days": -1},
            {"cs_maternity_days": 100000},
            {"cs_marriage_valid_months": -6},
            {"cs_sick_pay_pct": 500},
            {"cs_nursing_hours": 30},
            {"cs_tier_supervisor_days": -1},
            {"cs_tier_supervisor_days": 5, "cs_tier_department_days": 3},
        ):
            self.assert_refused(company, vals)
        for vals in ({"cs_pay_rate": -40}, {"cs_pay_rate": 400}):
            self.assert_refused(self.sick, vals)

    def test_calendar_figures_are_checked(self):
        """Integrity #14: loading the holidays of year 99999 crashed with ValueError;
        a make-up working day in year 9999, or on another company's schedule, was
        saved."""
        Load = self.env["cs.holiday.load"].with_user(self.hr_officer)
        for year in (99999, 0, -5):
            with self.assertRaises(ValidationError):
                Load.create({"year": year}).action_load()
        Extra = self.env["cs.workday.extra"].with_user(self.hr_officer)
        with self.assertRaises(ValidationError):
            Extra.create({"date": "9999-01-02", "name": "调休"})
        other = self.env["res.company"].create({"name": "别家"})
        foreign = self.env["resource.calendar"].create({"name": "别家排班", "company_id": other.id})
        with self.assertRaises(UserError):
            self.env["cs.workday.extra"].create(
                {"date": "2026-02-14", "name": "调休", "calendar_id": foreign.id}
            )
        self.assertFalse(self.env["cs.workday.extra"].search([("calendar_id", "=", foreign.id)]))


@tagged("post_install", "-at_install")
class TestLifeEventIntegrity(LeaveCommon):
    """A life event grants leave through its Confirm button only."""

    def test_a_life_event_is_confirmed_only_by_its_button(self):
        """Integrity (life events, as #7/#10): a Time Off officer wrote state =
        confirmed (no leave granted, yet the event reads as done, and a birth then
        allows nursing time) and gave a mother 8 nursing hours a day."""
        Event = self.env["cs.life.event"].with_user(self.hr_officer)
        birth = {
            "employee_id": self.employee.id,
            "event_type": "birth",
            "parent_role": "mother",
            "event_date": "2026-03-02",
        }
        before = Event.search_count([])
        for forged in ({"state": "confirmed"}, {"nursing_hours": 8}, {"basis": "188 days"}):
            with self.assertRaises(UserError):
                Event.create({**birth, **forged})
        self.assertEqual(Event.search_count([]), before)
        draft = Event.with_context(default_state="confirmed").create(birth)
        self.assertEqual(draft.state, "draft")
        for forged in (
            {"state": "confirmed"},
            {"nursing_hours": 8, "nursing_until": "2030-01-01"},
        ):
            with self.assertRaises(UserError):
                draft.write(forged)
        self.assertEqual((draft.state, draft.nursing_hours), ("draft", 0))
        self.assertFalse(draft.allocation_ids)
        draft.action_confirm()
        self.assertEqual(draft.nursing_hours, 1)
        self.assertTrue(draft.allocation_ids)

    def test_a_confirmed_life_event_no_longer_changes(self):
        """Integrity (life events): once the leave was granted, the officer moved the
        birth a year later and made it twins: the granted leave no longer matched."""
        event = self.life_event(
            event_type="birth", event_date=date(2026, 3, 2), parent_role="mother"
        )
        granted = event.allocation_ids
        days = sorted(granted.mapped("number_of_days"))
        mine = event.with_user(self.hr_officer)
        for vals in (
            {"event_date": "2027-03-02"},
            {"babies": 2},
            {"employee_id": self.supervisor.id},
            {"nursing_hours": 2},
        ):
            with self.assertRaises(UserError):
                mine.write(vals)
        self.env.invalidate_all()
        self.assertEqual(
            (event.event_date, event.babies, event.employee_id, event.nursing_hours),
            (date(2026, 3, 2), 1, self.employee, 1),
        )
        self.assertEqual(sorted(event.allocation_ids.mapped("number_of_days")), days)
        mine.nursing_slot = "lunch"
        self.assertEqual(event.nursing_slot, "lunch", "the mother's slot may change")
        copy = mine.copy()
        self.assertEqual((copy.state, copy.nursing_hours, copy.basis), ("draft", 0, False))
        with self.assertRaises(UserError):
            mine.copy({"state": "confirmed"})


@tagged("post_install", "-at_install")
class TestAnnualLeaveGrant(LeaveCommon):
    """Annual leave is granted by Time Off officers, once a year."""

    def annual_allocations(self):
        return self.env["hr.leave.allocation"].search(
            [
                ("employee_id", "=", self.employee.id),
                ("holiday_status_id", "=", self.env.ref("cs_attendance.leave_type_annual").id),
            ]
        )

    def test_only_time_off_officers_grant_annual_leave_once_a_year(self):
        """Integrity (annual leave, as #2): the employee called
        action_cs_grant_annual_leave over JSON-RPC and granted herself a validated
        year of annual leave, again and again; year 99999 crashed with ValueError."""
        self.employee.sudo().write(
            {"cs_first_work_date": date(2010, 1, 1), "cs_join_date": date(2020, 1, 1)}
        )
        for user in (self.employee.user_id, self.supervisor.user_id):
            with self.assertRaises(AccessError):
                self.employee.with_user(user).action_cs_grant_annual_leave(2026)
        self.assertFalse(self.annual_allocations())
        officer = self.employee.with_user(self.hr_officer)
        granted = officer.action_cs_grant_annual_leave(2026)
        self.assertEqual((granted.number_of_days, granted.state), (10, "validate"))
        with self.assertRaisesRegex(UserError, "already has annual leave for 2026"):
            officer.action_cs_grant_annual_leave(2026)
        for year in (99999, -1, "2026"):
            with self.assertRaises(ValidationError):
                officer.action_cs_grant_annual_leave(year)
        self.assertEqual(self.annual_allocations(), granted)
