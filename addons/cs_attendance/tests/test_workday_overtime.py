"""Overtime (issue #10): seed 003 第二篇 5 加班管理流程 on Odoo's overtime rulesets,
劳动法 arts. 41 and 44, 女职工劳动保护特别规定 arts. 6 and 9, time off in lieu (调休)."""

from datetime import date, timedelta

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, tagged
from odoo.tools import mute_logger

from .workday_common import WorkdayFormsCommon

SAT, SUN = date(2026, 3, 7), date(2026, 3, 8)
LABOUR_DAY = date(2026, 5, 1)  # a Friday


@tagged("post_install", "-at_install")
class TestWorkdayOvertime(WorkdayFormsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Request = cls.env["cs.overtime.request"]
        cls.prc = cls.env.ref("cs_attendance.overtime_ruleset_prc")
        cls.lieu = cls.env.ref("cs_attendance.leave_type_lieu")
        cls.env["resource.calendar.leaves"].create(
            {
                "name": "劳动节",
                "company_id": cls.company.id,
                "date_from": cls.utc("2026-05-01 00:00"),
                "date_to": cls.utc("2026-05-01 23:59:59"),
                "time_type": "leave",
            }
        )

    def full_week(self, employee, monday):
        """Monday to Friday 08:00-17:00: 40 hours worked (the lunch hour is not)."""
        for offset in range(5):
            day = monday + timedelta(days=offset)
            self.punch(employee, f"{day} 08:00", f"{day} 17:00")

    def request(self, employee, day, hour_from, hour_to, submit=True, **vals):
        request = self.Request.with_user(employee.user_id).create(
            {
                "employee_id": employee.id,
                "date": day,
                "hour_from": hour_from,
                "hour_to": hour_to,
                "reason": "商场周末促销客流高峰",
                **vals,
            }
        )
        if submit:
            request.action_submit()
        return request

    def sign(self, request):
        self.as_user(self.supervisor, request).action_approve()
        self.as_user(self.manager, request).action_approve()

    def test_prc_ruleset_rates_on_odoos_overtime_engine(self):
        """劳动法 art.44 on Odoo's own engine: an employee on the shipped PRC ruleset
        who works a Saturday earns overtime at 200 %, Labour Day at 300 %, a working
        day's extra hours at 150 %; a make-up working day (调休上班) is a working day."""
        version = self.employee.version_id
        version.sudo().write({"ruleset_id": self.prc.id, "date_version": date(2026, 1, 1)})
        self.env["cs.workday.extra"].create(
            {"name": "劳动节调休上班", "date": date(2026, 5, 9), "company_id": self.company.id}
        )
        self.punch(self.employee, "2026-03-07 09:00", "2026-03-07 13:00")
        self.punch(self.employee, "2026-05-01 09:00", "2026-05-01 13:00")
        self.punch(self.employee, "2026-03-03 08:00", "2026-03-03 19:00")
        self.punch(self.employee, "2026-05-09 08:00", "2026-05-09 12:00")
        self.punch(self.employee, "2026-05-09 13:00", "2026-05-09 17:00")
        lines = self.env["hr.attendance.overtime.line"].search(
            [("employee_id", "=", self.employee.id)]
        )
        # By the attendance they come from (Odoo dates an evening's line by UTC).
        rates = {(line.time_start, line.amount_rate): line.duration for line in lines}
        self.assertEqual(rates.get((self.utc("2026-03-07 09:00"), 2.0)), 4.0)
        self.assertEqual(rates.get((self.utc("2026-05-01 09:00"), 3.0)), 4.0)
        self.assertEqual(rates.get((self.utc("2026-03-03 08:00"), 1.5)), 2.0)
        self.assertEqual(len(lines), 3, "the make-up working day's 8 hours are no overtime")

    def test_overtime_on_a_working_day_is_refused_by_the_seed_rule(self):
        """Seed 5(1) 排班為休息: overtime after Tuesday's schedule is refused. A company
        that allows it pays 150 % and is warned beyond 3 hours (劳动法 art.41)."""
        with freeze_time(self.utc("2026-03-04 09:00")):
            with self.assertRaises(UserError) as refused:
                self.request(self.employee, date(2026, 3, 3), 17.0, 19.0)
            self.assertIn("排班為休息", str(refused.exception))
            self.assertEqual(
                self.Request.search_count(
                    [("employee_id", "=", self.employee.id), ("state", "!=", "draft")]
                ),
                0,
            )
            self.company.cs_ot_rest_day_only = False
            long_evening = self.request(self.employee, date(2026, 3, 3), 17.0, 21.0)
        self.assertEqual((long_evening.day_kind, long_evening.rate), ("workday", 1.5))
        self.assertIn("at most 3.0", long_evening.cap_warning)

    def test_rest_day_overtime_counts_beyond_40_hours_a_week_at_200(self):
        """Seed 5(1) 排班為休息,且周出勤大于40小时: after a 40-hour week, 4 hours punched on
        Saturday are overtime at 200 %, signed by both levels. After a 32-hour week
        the same Saturday is refused."""
        self.full_week(self.employee, date(2026, 3, 2))
        self.punch(self.employee, "2026-03-07 09:00", "2026-03-07 13:00")
        with freeze_time(self.utc("2026-03-09 10:00")):
            request = self.request(self.employee, SAT, 9.0, 13.0)
            self.sign(request)
        self.assertEqual(request.state, "approved")
        self.assertEqual((request.day_kind, request.rate, request.hours), ("rest", 2.0, 4.0))
        self.assertEqual(request.week_hours, 44.0)
        self.assertFalse(request.allocation_id, "paid: the company's default")
        for offset in range(4):
            day = date(2026, 3, 9) + timedelta(days=offset)
            self.punch(self.mate, f"{day} 08:00", f"{day} 17:00")
        self.punch(self.mate, "2026-03-14 09:00", "2026-03-14 13:00")
        with freeze_time(self.utc("2026-03-16 10:00")), self.assertRaises(UserError) as short:
            self.request(self.mate, date(2026, 3, 14), 9.0, 13.0)
        self.assertIn("36.0 hours", str(short.exception))

    def test_duplicate_overtime_is_refused(self):
        """Seed 5(2) 加班工時不允許重復提報: the same Saturday hours filed twice, or
        overlapping, are refused; two submitted at once are stopped by the database."""
        self.full_week(self.employee, date(2026, 3, 2))
        self.punch(self.employee, "2026-03-07 09:00", "2026-03-07 17:00")
        with freeze_time(self.utc("2026-03-09 10:00")):
            self.request(self.employee, SAT, 9.0, 13.0)
            with self.assertRaises(UserError):
                self.request(self.employee, SAT, 12.0, 14.0)
            self.request(self.employee, SAT, 13.0, 15.0)
        both = self.Request.sudo().create(
            [
                {
                    "employee_id": self.mate.id,
                    "date": SUN,
                    "hour_from": 9.0,
                    "hour_to": 12.0,
                    "reason": "并发提交",
                }
                for _i in range(2)
            ]
        )
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            both._cs_action_write({"state": "submitted"})
            self.env.flush_all()

    def test_filing_after_the_period_deadline_is_refused(self):
        """Seed 5(2) 每月21號下班前...不得補報: Saturday 14 March belongs to the period
        ending on the 20th; filed on the 21st it is in time, on the 22nd refused.
        Saturday the 21st opens the next period: filed on the 22nd it is in time."""
        self.full_week(self.employee, date(2026, 3, 9))
        self.punch(self.employee, "2026-03-14 09:00", "2026-03-14 13:00")
        self.full_week(self.employee, date(2026, 3, 16))
        self.punch(self.employee, "2026-03-21 09:00", "2026-03-21 13:00")
        with freeze_time(self.utc("2026-03-22 00:01")), self.assertRaises(UserError) as late:
            self.request(self.employee, date(2026, 3, 14), 9.0, 13.0)
        self.assertIn("2026-03-21", str(late.exception))
        with freeze_time(self.utc("2026-03-22 00:01")):
            next_period = self.request(self.employee, date(2026, 3, 21), 9.0, 13.0)
        self.assertEqual(next_period.period_start, date(2026, 3, 21))
        with freeze_time(self.utc("2026-03-21 23:59")):
            in_time = self.request(self.employee, date(2026, 3, 14), 9.0, 13.0)
        self.assertEqual(in_time.state, "submitted")

    def test_holiday_overtime_needs_the_punches(self):
        """Seed 5(2) 三薪加班: Labour Day overtime without a punch is refused; punched,
        it is paid 300 % and never turned into time off, whatever the employee chose
        (劳动法 art.44(3))."""
        self.company.cs_ot_compensation = "employee"
        with freeze_time(self.utc("2026-05-02 10:00")):
            with self.assertRaises(UserError) as refused:
                self.request(self.employee, LABOUR_DAY, 9.0, 17.0, break_hours=1.0)
            self.assertIn("300 %", str(refused.exception))
            self.punch(self.employee, "2026-05-01 08:55", "2026-05-01 17:05")
            request = self.request(
                self.employee, LABOUR_DAY, 9.0, 17.0, break_hours=1.0, compensation="time_off"
            )
            self.sign(request)
        self.assertEqual((request.day_kind, request.rate, request.hours), ("holiday", 3.0, 7.0))
        self.assertEqual(request.compensation, "pay")
        self.assertFalse(request.allocation_id)

    def test_statutory_holiday_told_apart_from_a_swapped_rest_day(self):
        """劳动法 art.44: Labour Day is a statutory holiday (300 %); the Monday after,
        a rest day moved into the holiday period by the State Council's notice (调休),
        is a rest day (200 %), though Time Off shows both as public holidays."""
        Leaves = self.env["resource.calendar.leaves"]
        if "cs_holiday_kind" not in Leaves._fields:
            self.skipTest("the holiday loader does not tell the kinds of holiday apart yet")
        Leaves.search([("company_id", "=", self.company.id)]).cs_holiday_kind = "statutory"
        Leaves.create(
            {
                "name": "劳动节调休",
                "company_id": self.company.id,
                "date_from": self.utc("2026-05-04 00:00"),
                "date_to": self.utc("2026-05-04 23:59:59"),
                "time_type": "leave",
                "cs_holiday_kind": "swapped",
            }
        )
        kinds = {}
        for day in (LABOUR_DAY, date(2026, 5, 4)):
            probe = self.Request.new(
                {"employee_id": self.employee.id, "date": day, "hour_from": 9, "hour_to": 13}
            )
            kind = probe._cs_day_kind()
            kinds[day] = (kind, probe._cs_rate(kind))
        self.assertEqual(kinds, {LABOUR_DAY: ("holiday", 3.0), date(2026, 5, 4): ("rest", 2.0)})

    def test_holiday_missed_punch_signed_at_the_time_is_evidence(self):
        """Seed 5(2) 如出現漏打卡,則必須在漏打卡當時,填寫考勤異常登記表: one punch on
        Labour Day and a missed-punch form signed twice stand as the evidence."""
        self.punch(self.employee, "2026-05-01 08:55", "2026-05-01 08:55")
        with freeze_time(self.utc("2026-05-01 18:00")):
            form = self.file_exception(self.employee, "missed_punch", LABOUR_DAY)
            self.sign(form)
            request = self.request(self.employee, LABOUR_DAY, 9.0, 17.0)
        self.assertEqual((request.state, request.day_kind), ("submitted", "holiday"))

    def test_nursing_mother_and_late_pregnancy_get_no_overtime_or_night_shift(self):
        """女职工劳动保护特别规定 art.9: a mother whose child was born on 10 January
        is refused Saturday overtime and a night shift; art.6: a colleague expecting
        on 1 May (7th month from 6 February) too, one expecting on 1 July is not."""
        self.full_week(self.employee, date(2026, 3, 2))
        self.full_week(self.mate, date(2026, 3, 2))
        self.punch(self.employee, "2026-03-07 09:00", "2026-03-07 13:00")
        self.punch(self.mate, "2026-03-07 09:00", "2026-03-07 13:00")
        self.env["cs.life.event"].create(
            {
                "employee_id": self.employee.id,
                "event_type": "birth",
                "parent_role": "mother",
                "event_date": date(2026, 1, 10),
            }
        )
        self.mate.cs_pregnancy_due_date = date(2026, 5, 1)
        with freeze_time(self.utc("2026-03-09 10:00")):
            with self.assertRaises(UserError) as nursing:
                self.request(self.employee, SAT, 9.0, 13.0)
            self.assertIn("art.9", str(nursing.exception))
            with self.assertRaises(UserError) as pregnant:
                self.request(self.mate, SAT, 9.0, 13.0)
            self.assertIn("art.6", str(pregnant.exception))
            with self.assertRaises(ValidationError):
                self.roster(
                    [(self.employee, date(2026, 3, 10), self.night_shift)],
                    SAT,
                    SUN + timedelta(days=7),
                )
            self.mate.cs_pregnancy_due_date = date(2026, 7, 1)
            allowed = self.request(self.mate, SAT, 9.0, 13.0)
        self.assertEqual(allowed.state, "submitted")
        self.assertFalse(
            self.Request.search([("employee_id", "=", self.employee.id)]).filtered(
                lambda r: r.state != "draft"
            )
        )

    def test_rest_day_overtime_in_lieu_credits_hours_expiring_on_the_policy_day(self):
        """调休 (工资支付暂行规定 art.13): with time off in lieu as the company's choice,
        4 hours of Saturday overtime credit 4 hours of the 调休 type valid 6 months,
        to 6 September; the balance shows them, and they are used oldest first."""
        self.company.cs_ot_compensation = "time_off"
        self.full_week(self.employee, date(2026, 3, 2))
        self.punch(self.employee, "2026-03-07 09:00", "2026-03-07 13:00")
        self.full_week(self.employee, date(2026, 3, 9))
        self.punch(self.employee, "2026-03-14 09:00", "2026-03-14 13:00")
        with freeze_time(self.utc("2026-03-16 10:00")):
            first = self.request(self.employee, SAT, 9.0, 13.0)
            second = self.request(self.employee, date(2026, 3, 14), 9.0, 13.0)
            self.sign(first)
            self.sign(second)
            allocation = first.allocation_id
            self.assertEqual(allocation.holiday_status_id, self.lieu)
            self.assertEqual(allocation.state, "validate")
            self.assertEqual(allocation.number_of_hours_display, 4.0)
            self.assertEqual(allocation.date_to, date(2026, 9, 6))
            self.assertEqual(second.allocation_id.date_to, date(2026, 9, 13))
            self.assertEqual(self.employee.cs_lieu_balance_hours, 8.0)
            leave = (
                self.env["hr.leave"]
                .sudo()
                .create(
                    {
                        "employee_id": self.employee.id,
                        "holiday_status_id": self.lieu.id,
                        "request_date_from": date(2026, 3, 18),
                        "request_date_to": date(2026, 3, 18),
                        "request_unit_hours": True,
                        "request_hour_from": 14.0,
                        "request_hour_to": 16.0,
                    }
                )
            )
            leave.action_approve()
            consumed = self.employee._get_consumed_leaves(self.lieu)[0][self.employee][self.lieu]
            self.assertEqual(consumed[allocation]["leaves_taken"], 2.0, "the oldest first")
            self.assertEqual(consumed[second.allocation_id]["leaves_taken"], 0.0)
            self.employee.invalidate_recordset(["cs_lieu_balance_hours"])
            self.assertEqual(self.employee.cs_lieu_balance_hours, 6.0)

    def test_monthly_cap_warns_or_refuses_as_the_policy_says(self):
        """劳动法 art.41: at most 36 hours a month (here 6 for the test): the second
        Saturday of 4 hours goes on with a warning, or is refused if the company says so."""
        self.company.cs_ot_month_cap_hours = 6.0
        for monday in (date(2026, 3, 2), date(2026, 3, 9)):
            self.full_week(self.employee, monday)
            self.punch(
                self.employee,
                f"{monday + timedelta(days=5)} 09:00",
                f"{monday + timedelta(days=5)} 13:00",
            )
        with freeze_time(self.utc("2026-03-16 10:00")):
            self.request(self.employee, SAT, 9.0, 13.0)
            self.company.cs_ot_cap_mode = "refuse"
            with self.assertRaises(UserError) as refused:
                self.request(self.employee, date(2026, 3, 14), 9.0, 13.0)
            self.assertIn("8.0 hours", str(refused.exception))
            self.company.cs_ot_cap_mode = "warn"
            warned = self.request(self.employee, date(2026, 3, 14), 9.0, 13.0)
        self.assertEqual(warned.state, "submitted")
        self.assertIn("at most 6.0 a month", warned.cap_warning)

    def test_employee_cannot_set_the_rate_or_sign_own_overtime(self):
        """Integrity: a hostile employee writes a 300 % rate, the holiday kind and the
        approved state on their own request over JSON-RPC, edits its hours once
        submitted, and signs it: each refused, the request unchanged."""
        self.full_week(self.employee, date(2026, 3, 2))
        self.punch(self.employee, "2026-03-07 09:00", "2026-03-07 13:00")
        with freeze_time(self.utc("2026-03-09 10:00")):
            request = self.request(self.employee, SAT, 9.0, 13.0)
            own = self.as_user(self.employee, request)
            for vals in (
                {"rate": 3.0},
                {"day_kind": "holiday"},
                {"state": "approved"},
                {"hour_to": 20.0},
            ):
                with self.subTest(vals=vals), self.assertRaises(UserError):
                    own.write(vals)
            with self.assertRaises(UserError):
                own.action_approve()
        request.invalidate_recordset()
        self.assertEqual(
            (request.rate, request.day_kind, request.state, request.hours),
            (2.0, "rest", "submitted", 4.0),
        )
