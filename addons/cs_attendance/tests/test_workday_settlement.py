"""The monthly settlement (issue #10): seed 003 第二篇 4, 5 考勤月報 for payroll,
computed set-based, confirmed by the manager, approved and locked by HR."""

import base64
import io
from datetime import date, timedelta

import openpyxl

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, freeze_time, new_test_user, tagged

from odoo.addons.cs_attendance.rules import attendance as att_rules
from odoo.addons.cs_base.tests.access_matrix import create_china_company

from .workday_common import WorkdayFormsCommon

FIRST, LAST = date(2026, 2, 21), date(2026, 3, 20)  # the period: the 21st to the 20th


class SettlementCommon(WorkdayFormsCommon):
    """A fixture month for five employees of the team, one with each kind of event:
    late and early (李娜), missed punches (张伟), absence and a business trip
    (王强), leave (赵敏), overtime paid and in lieu, time off in lieu taken (周杰).
    Everyone joined on Monday 2 March: 15 working days of 8 hours to the 20th."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Settlement = cls.env["cs.attendance.settlement"]

        def staff(login, name):
            return cls.env["hr.employee"].create(
                {
                    "name": name,
                    "user_id": new_test_user(
                        cls.env,
                        login,
                        name=name,
                        company_id=cls.company.id,
                        company_ids=[cls.company.id],
                        tz="Asia/Shanghai",
                    ).id,
                    "company_id": cls.company.id,
                    "department_id": cls.team.id,
                    "parent_id": cls.supervisor.id,
                    "resource_calendar_id": cls.calendar.id,
                    "tz": "Asia/Shanghai",
                    "cs_join_date": date(2026, 3, 2),
                }
            )

        cls.absentee = staff("w_abs", "王强")
        cls.on_leave = staff("w_leave", "赵敏")
        cls.overtimer = staff("w_ot", "周杰")
        cls.staff = cls.employee | cls.mate | cls.absentee | cls.on_leave | cls.overtimer
        cls.company.cs_ot_compensation = "employee"
        cls.personal = cls.env["hr.leave.type"].create(
            {
                "name": "事假 (测试)",
                "requires_allocation": False,
                "leave_validation_type": "no_validation",
                "request_unit": "day",
                "cs_pay_rate": 0.0,
                "company_id": cls.company.id,
            }
        )
        special = {
            (cls.employee, date(2026, 3, 3)): ("08:35", "17:00"),
            (cls.employee, date(2026, 3, 4)): ("08:00", "16:50"),
            (cls.mate, date(2026, 3, 5)): ("08:00", "08:00"),
            (cls.mate, date(2026, 3, 6)): ("08:00", "08:00"),
            (cls.absentee, date(2026, 3, 9)): None,
            (cls.absentee, date(2026, 3, 10)): None,
            (cls.absentee, date(2026, 3, 11)): None,
            (cls.on_leave, date(2026, 3, 12)): None,
            (cls.on_leave, date(2026, 3, 13)): None,
            (cls.overtimer, date(2026, 3, 18)): ("08:00", "15:00"),
        }
        vals_list = []
        day = date(2026, 3, 2)
        while day <= LAST:
            if day.weekday() < 5:
                for employee in cls.staff:
                    span = special.get((employee, day), ("08:00", "17:00"))
                    if span:
                        vals_list.append(
                            cls.att_vals(employee, f"{day} {span[0]}", f"{day} {span[1]}")
                        )
            day += timedelta(days=1)
        for sunday_or_saturday in ("2026-03-07", "2026-03-15"):
            vals_list.append(
                cls.att_vals(
                    cls.overtimer, f"{sunday_or_saturday} 09:00", f"{sunday_or_saturday} 13:00"
                )
            )
        cls.env["hr.attendance"].sudo().create(vals_list)
        cls.env["hr.leave"].sudo().create(
            {
                "employee_id": cls.on_leave.id,
                "holiday_status_id": cls.personal.id,
                "request_date_from": date(2026, 3, 12),
                "request_date_to": date(2026, 3, 13),
            }
        )

        def sign(record):
            record.with_user(cls.supervisor.user_id).action_approve()
            record.with_user(cls.manager.user_id).action_approve()

        def file(employee, model, vals):
            record = (
                cls.env[model]
                .with_user(employee.user_id)
                .create({"employee_id": employee.id, "reason": "见说明", **vals})
            )
            record.action_submit()
            sign(record)
            return record

        with freeze_time(cls.utc("2026-03-06 10:00")):
            file(
                cls.mate,
                "cs.attendance.exception",
                {
                    "kind": "missed_punch",
                    "date_from": date(2026, 3, 5),
                    "date_to": date(2026, 3, 5),
                },
            )
        with freeze_time(cls.utc("2026-03-11 18:00")):
            file(
                cls.absentee,
                "cs.attendance.exception",
                {
                    "kind": "business_trip",
                    "date_from": date(2026, 3, 10),
                    "date_to": date(2026, 3, 11),
                },
            )
        with freeze_time(cls.utc("2026-03-09 10:00")):
            file(
                cls.overtimer,
                "cs.overtime.request",
                {
                    "date": date(2026, 3, 7),
                    "hour_from": 9.0,
                    "hour_to": 13.0,
                    "compensation": "pay",
                },
            )
        with freeze_time(cls.utc("2026-03-16 10:00")):
            in_lieu = file(
                cls.overtimer,
                "cs.overtime.request",
                {
                    "date": date(2026, 3, 15),
                    "hour_from": 9.0,
                    "hour_to": 13.0,
                    "compensation": "time_off",
                },
            )
            lieu_leave = (
                cls.env["hr.leave"]
                .sudo()
                .create(
                    {
                        "employee_id": cls.overtimer.id,
                        "holiday_status_id": in_lieu.allocation_id.holiday_status_id.id,
                        "request_date_from": date(2026, 3, 18),
                        "request_date_to": date(2026, 3, 18),
                        "request_unit_hours": True,
                        "request_hour_from": 15.0,
                        "request_hour_to": 17.0,
                    }
                )
            )
            lieu_leave.action_approve()
        cls.lieu_type = in_lieu.allocation_id.holiday_status_id
        with freeze_time(cls.utc("2026-03-23 01:30")):
            cls.Day._cs_evaluate(cls.staff, FIRST, LAST)

    @classmethod
    def att_vals(cls, employee, check_in, check_out):
        return {
            "employee_id": employee.id,
            "check_in": cls.utc(check_in),
            "check_out": cls.utc(check_out),
        }

    @classmethod
    def utc(cls, text):
        return WorkdayFormsCommon.utc(text)

    def settle(self, employees=None):
        with freeze_time(self.utc("2026-03-23 09:00")):
            return self.Settlement._cs_compute_period(employees or self.staff, FIRST)

    def of(self, settlements, employee):
        return settlements.filtered(lambda s: s.employee_id == employee)


@tagged("post_install", "-at_install")
class TestWorkdaySettlement(SettlementCommon):
    def test_settlement_equals_the_hand_computed_table(self):
        """Seed 第二篇 4, 5 and REQUIREMENTS A9: the fixture month, employee by
        employee, as counted by hand from the punches, forms, leave and overtime.

        李娜: 08:35 on the 3rd (35 min, over 30: absence for discipline, paid as the
        time missed) and 16:50 on the 4th (10 min): 45 minutes, over the 10 tolerated,
        all deducted. 张伟: two missed punches; the 5th confirmed by a signed form
        (present), the 6th not (a day's absence). 王强: no punch on the 9th (absent), a
        business trip on the 10th and 11th (present, 16 hours away). 赵敏: two days of
        unpaid personal leave. 周杰: Saturday paid at 200 %, Sunday in lieu, 2 hours of
        time off in lieu taken on the 18th (left at 15:00, not early)."""
        settlements = self.settle()
        self.assertEqual(len(settlements), 5)
        table = {
            self.employee: {
                "worked_hours": 119.25,
                "present_days": 15,
                "late_days": 2,
                "late_minutes": 35,
                "early_minutes": 10,
                "deduct_minutes": 45,
                "discipline_days": 1,
                "absence_days": 0,
                "deduct_days": 0.0,
            },
            self.mate: {
                "worked_hours": 104.0,
                "present_days": 14,
                "missed_punch_count": 2,
                "missed_punch_confirmed": 1,
                "absence_days": 1,
                "deduct_days": 1.0,
                "discipline_days": 1,
            },
            self.absentee: {
                "worked_hours": 96.0,
                "present_days": 14,
                "trip_days": 2,
                "trip_hours": 16.0,
                "missed_punch_count": 0,
                "absence_days": 1,
                "deduct_days": 1.0,
            },
            self.on_leave: {
                "worked_hours": 104.0,
                "present_days": 13,
                "leave_days": 2,
                "leave_hours": 16.0,
                "absence_days": 0,
            },
            self.overtimer: {
                "worked_hours": 126.0,
                "present_days": 15,
                "overtime_rest_hours": 4.0,
                "overtime_holiday_hours": 0.0,
                "lieu_earned_hours": 4.0,
                "lieu_used_hours": 2.0,
                "leave_hours": 2.0,
                "leave_days": 0,
                "late_minutes": 0,
                "early_minutes": 0,
            },
        }
        for employee, expected in table.items():
            settlement = self.of(settlements, employee)
            with self.subTest(employee=employee.name):
                self.assertEqual((settlement.period_start, settlement.period_end), (FIRST, LAST))
                self.assertEqual(
                    (settlement.scheduled_days, settlement.scheduled_hours), (15, 120.0)
                )
                for name, value in expected.items():
                    self.assertAlmostEqual(settlement[name], value, places=2, msg=name)
        lines = self.of(settlements, self.on_leave).line_ids
        self.assertEqual(
            [(line.kind, line.leave_type_id, line.rate, line.days, line.hours) for line in lines],
            [("leave", self.personal, 0.0, 2, 16.0)],
        )
        overtime = self.of(settlements, self.overtimer).line_ids.filtered(
            lambda line: line.kind == "overtime"
        )
        self.assertEqual(
            sorted((line.rate, line.compensation, line.hours) for line in overtime),
            [(2.0, "pay", 4.0), (2.0, "time_off", 4.0)],
        )

    def test_computing_again_changes_drafts_only(self):
        """A draft is computed anew (no duplicate); a confirmed one keeps its figures."""
        first = self.settle()
        again = self.settle()
        self.assertEqual(first, again)
        mine = self.of(first, self.employee)
        mine.with_user(self.manager.user_id).action_confirm()
        with freeze_time(self.utc("2026-03-23 09:00")):
            self.punch(self.employee, "2026-03-14 09:00", "2026-03-14 10:00")
            self.Day._cs_evaluate(self.employee, FIRST, LAST)
        self.settle()
        self.assertEqual(mine.worked_hours, 119.25)
        self.assertEqual(mine.state, "confirmed")

    def test_query_count_does_not_grow_with_the_staff(self):
        """Set-based: the settlement of 50 employees takes as many queries as that of
        5 (each with a month of evaluated days), and at most 100."""
        Employee = self.env["hr.employee"]
        counts = []
        # The first run warms the registry's caches (as assertQueryCount's @warmup).
        for size, start in (
            (2, date(2026, 4, 21)),
            (5, date(2026, 5, 21)),
            (50, date(2026, 6, 21)),
        ):
            employees = Employee.create(
                [
                    {
                        "name": f"员工{size}-{index}",
                        "company_id": self.company.id,
                        "department_id": self.team.id,
                    }
                    for index in range(size)
                ]
            )
            days = []
            for employee in employees:
                for offset in range(30):
                    day = start + timedelta(days=offset)
                    working = day.weekday() < 5
                    days.append(
                        {
                            "employee_id": employee.id,
                            "date": day,
                            "company_id": self.company.id,
                            "period_start": start,
                            "state": "late"
                            if working and offset % 7 == 1
                            else ("present" if working else "rest"),
                            "scheduled_hours": 8.0 if working else 0.0,
                            "worked_hours": 8.0 if working else 0.0,
                            "late_minutes": 5 if working and offset % 7 == 1 else 0,
                        }
                    )
            self.Day.sudo()._cs_action_create(days)
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            settlements = self.Settlement._cs_compute_period(employees, start)
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual(len(settlements), size)
            self.assertEqual(len(set(settlements.mapped("late_minutes"))), 1)
            self.assertTrue(settlements[0].late_minutes and settlements[0].worked_hours)
        self.assertEqual(counts[1], counts[2], f"queries for 5 and 50 employees: {counts[1:]}")
        self.assertLessEqual(counts[2], 100)

    def test_manager_confirms_hr_approves_and_the_period_locks(self):
        """Seed 4(1)-(2): the team's manager confirms, HR approves and the period
        locks. Integrity: the employee cannot confirm their own month nor write its
        state or figures; a colleague cannot read it; the manager cannot approve."""
        settlement = self.of(self.settle(), self.employee)
        own = settlement.with_user(self.employee.user_id)
        self.assertEqual(own.late_minutes, 35, "the employee reads their own month")
        with self.assertRaises(UserError):
            own.action_confirm()
        for vals in ({"state": "approved"}, {"deduct_minutes": 0}, {"absence_days": 0}):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                own.write(vals)
        with self.assertRaises(AccessError):
            settlement.with_user(self.mate.user_id).read(["late_minutes"])
        settlement.with_user(self.manager.user_id).action_confirm()
        with self.assertRaises(UserError):
            settlement.with_user(self.manager.user_id).action_approve()
        settlement.with_user(self.hr_user).action_approve()
        self.assertEqual(
            (settlement.state, settlement.confirmed_by_id, settlement.approved_by_id),
            ("approved", self.manager.user_id, self.hr_user),
        )
        self.assertEqual((settlement.deduct_minutes, settlement.locked), (45, True))

    def lock(self, employee):
        settlement = self.of(self.settle(employee), employee)
        settlement.with_user(self.manager.user_id).action_confirm()
        settlement.with_user(self.hr_user).action_approve()
        return settlement

    def test_editing_a_punch_in_the_locked_period_is_refused(self):
        """Integrity (the lock): once HR approved 李娜's month, an attendance officer
        moves her late arrival to 08:00, adds a punch, deletes one; the evaluation runs
        again: all refused or without effect, the punches and the day as paid. Reopened
        by HR with a reason (tracked), the punch can be corrected."""
        settlement = self.lock(self.employee)
        attendance = self.env["hr.attendance"].search(
            [
                ("employee_id", "=", self.employee.id),
                ("check_in", "=", self.utc("2026-03-03 08:35")),
            ]
        )
        as_hr = attendance.with_user(self.hr_user)
        with self.assertRaises(UserError):
            as_hr.write({"check_in": self.utc("2026-03-03 08:00")})
        with self.assertRaises(UserError):
            self.env["hr.attendance"].with_user(self.hr_user).create(
                self.att_vals(self.employee, "2026-03-14 09:00", "2026-03-14 10:00")
            )
        with self.assertRaises(UserError):
            as_hr.unlink()
        with freeze_time(self.utc("2026-03-24 01:30")):
            self.Day._cs_evaluate(self.employee, FIRST, LAST)
        attendance.invalidate_recordset()
        self.assertEqual(attendance.check_in, self.utc("2026-03-03 08:35"))
        self.assertEqual(
            self.env["hr.attendance"].search_count([("employee_id", "=", self.employee.id)]), 15
        )
        self.assertEqual(self.day(self.employee, date(2026, 3, 3)).late_minutes, 35)
        outside = self.punch(self.employee, "2026-03-23 08:00", "2026-03-23 17:00")
        self.assertTrue(outside, "the next period stays open")

        wizard = (
            self.env["cs.settlement.reopen"]
            .with_user(self.hr_user)
            .create({"settlement_ids": [settlement.id], "reason": "补录迟到更正"})
        )
        with self.assertRaises(UserError):
            settlement.with_user(self.manager.user_id)._cs_reopen("想改")
        wizard.action_reopen()
        self.assertEqual((settlement.state, settlement.reopen_reason), ("draft", "补录迟到更正"))
        as_hr.write({"check_in": self.utc("2026-03-03 08:00")})
        self.assertEqual(attendance.check_in, self.utc("2026-03-03 08:00"))

    def test_forms_leave_and_overtime_in_the_locked_period_are_refused(self):
        """Integrity (the lock): in 赵敏's and 周杰's approved months no exception form
        is filed, no leave requested or cancelled, no overtime filed or cancelled."""
        self.lock(self.on_leave)
        self.lock(self.overtimer)
        with freeze_time(self.utc("2026-03-20 09:00")):
            with self.assertRaises(UserError):
                self.env["cs.attendance.exception"].with_user(self.on_leave.user_id).create(
                    {
                        "employee_id": self.on_leave.id,
                        "kind": "missed_punch",
                        "date_from": date(2026, 3, 19),
                        "date_to": date(2026, 3, 19),
                        "reason": "x",
                    }
                )
            with self.assertRaises(UserError):
                self.env["hr.leave"].sudo().create(
                    {
                        "employee_id": self.on_leave.id,
                        "holiday_status_id": self.personal.id,
                        "request_date_from": date(2026, 3, 19),
                        "request_date_to": date(2026, 3, 19),
                    }
                )
            leave = self.env["hr.leave"].search([("employee_id", "=", self.on_leave.id)])
            with self.assertRaises(UserError):
                leave.sudo().action_refuse()
            self.assertEqual(leave.state, "validate")
            request = self.env["cs.overtime.request"].search(
                [("employee_id", "=", self.overtimer.id), ("date", "=", date(2026, 3, 7))]
            )
            with self.assertRaises(UserError):
                request.with_user(self.hr_user).action_cancel()
            self.assertEqual(request.state, "approved")

    def test_payroll_xlsx_and_the_printed_month(self):
        """Seed 第二篇 4: one workbook for payroll (a name typed as a formula stays
        text) and a printable month per employee."""
        self.mate.name = '=HYPERLINK("http://example.com","x")'
        settlements = self.settle()
        action = settlements.with_user(self.hr_user).action_export_xlsx()
        attachment = self.env["ir.attachment"].browse(
            int(action["url"].split("/")[-1].split("?")[0])
        )
        sheet = openpyxl.load_workbook(io.BytesIO(base64.b64decode(attachment.datas))).active
        header = [cell.value for cell in sheet[1]]
        self.assertIn("Late (min)", header)
        self.assertIn("事假 (测试) (0 %) days", header)
        self.assertIn("Overtime 200 % (hours)", header)
        rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
        self.assertEqual(len(rows), 5)
        late = rows["李娜"][header.index("Late (min)")]
        self.assertEqual(late, 35)
        formula = sheet.cell(row=2, column=1)
        names = [sheet.cell(row=r, column=1) for r in range(2, 7)]
        hostile = next(cell for cell in names if str(cell.value).startswith("="))
        self.assertEqual(hostile.data_type, "s", "text, not a formula")
        self.assertTrue(formula.value)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "cs_attendance.report_cs_attendance_settlement",
                self.of(settlements, self.employee).ids,
            )[0]
            .decode()
        )
        self.assertIn("李娜", html)
        self.assertIn("考勤月报", html)


@tagged("post_install", "-at_install")
class TestWorkdaySettlementTour(HttpCase):
    """A manager opens the month in the browser, sees the late employee and confirms."""

    def test_manager_opens_the_month_sees_lateness_and_confirms(self):
        """Issue #10's tour, in a company of its own in China: the team's manager opens
        the last ended attendance period, sees 李娜's 35 minutes late in the list, opens
        her month and confirms it."""
        env = self.env(context=dict(self.env.context, tracking_disable=True))
        company = create_china_company(env, "考勤月报测试商场")
        env = env(context=dict(env.context, allowed_company_ids=[company.id]))
        today = fields.Date.context_today(env["res.users"])
        start_day = company.cs_att_period_start_day
        current = att_rules.period_bounds(today, start_day)[0]
        first, last = att_rules.period_bounds(current - timedelta(days=1), start_day)
        manager_user = new_test_user(
            env,
            "w_tour_mgr",
            name="陈经理",
            company_id=company.id,
            company_ids=[company.id],
            tz="Asia/Shanghai",
        )
        Employee = env["hr.employee"].with_company(company)
        manager = Employee.create(
            {"name": "陈经理", "user_id": manager_user.id, "company_id": company.id}
        )
        team = env["hr.department"].create(
            {"name": "前台测试组", "manager_id": manager.id, "company_id": company.id}
        )
        late = Employee.create(
            {
                "name": "李娜",
                "company_id": company.id,
                "department_id": team.id,
                "parent_id": manager.id,
                "cs_join_date": first - timedelta(days=60),
            }
        )
        late_day = first + timedelta(days=(7 - first.weekday()) % 7)
        vals, day = [], first
        while day <= last:
            if day.weekday() < 5:
                arrive = "08:35" if day == late_day else "08:00"
                vals.append(
                    {
                        "employee_id": late.id,
                        "check_in": SettlementCommon.utc(f"{day} {arrive}"),
                        "check_out": SettlementCommon.utc(f"{day} 17:00"),
                    }
                )
            day += timedelta(days=1)
        env["hr.attendance"].sudo().create(vals)
        self.start_tour(
            "/odoo/action-cs_attendance.action_cs_attendance_settlement",
            "cs_settlement_confirm",
            login="w_tour_mgr",
            timeout=180,
        )
        settlement = env["cs.attendance.settlement"].search([("employee_id", "=", late.id)])
        self.assertEqual((settlement.period_start, settlement.period_end), (first, last))
        self.assertEqual(settlement.late_minutes, 35)
        self.assertEqual(
            (settlement.state, settlement.confirmed_by_id), ("confirmed", manager_user)
        )
