"""The daily evaluation (issue #10): seed 003 第二篇 3 at the punch clock."""

from datetime import date, datetime, timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, tagged

from .workday_common import WorkdayCommon

MON, TUE, WED, THU, FRI = (date(2026, 3, d) for d in (2, 3, 4, 5, 6))


@tagged("post_install", "-at_install")
class TestWorkdayEvaluation(WorkdayCommon):
    def test_night_shift_1641_to_0820_is_11_late_10_early_on_its_start_date(self):
        """Seed 第二篇 3(8) 遲到早退: the night shift 16:30-08:30 punched at 16:41 and
        08:20 the next morning is 11 minutes late and 10 early, on Thursday."""
        self.roster([(self.employee, THU, self.night_shift)], MON, date(2026, 3, 8))
        self.punch(self.employee, "2026-03-05 16:41", "2026-03-06 08:20")
        self.evaluate(self.employee, MON, date(2026, 3, 8))
        day = self.day(self.employee, THU)
        self.assertEqual((day.late_minutes, day.early_minutes), (11, 10))
        self.assertEqual(
            (day.state, day.schedule_source, day.shift_id), ("late", "roster", self.night_shift)
        )
        self.assertEqual(day.first_in, self.utc("2026-03-05 16:41"))
        self.assertEqual(day.last_out, self.utc("2026-03-06 08:20"))
        self.assertFalse(self.day(self.employee, FRI), "the morning belongs to Thursday's shift")
        self.assertFalse(self.day(self.employee, MON), "a rostered team's day off is a rest day")

    def test_night_shift_is_evaluated_once_it_has_ended(self):
        """Seed 第二篇 3(3). Edge: at 09:00 the next morning the night shift (ended
        08:30) is not evaluated yet; after the punch margin it is."""
        self.roster([(self.employee, THU, self.night_shift)], MON, date(2026, 3, 8))
        self.punch(self.employee, "2026-03-05 16:41", "2026-03-06 08:20")
        with freeze_time(self.utc("2026-03-06 09:00")):
            self.Day._cs_evaluate(self.employee, THU, FRI)
        self.assertFalse(self.day(self.employee, THU))
        with freeze_time(self.utc("2026-03-07 01:30")):
            self.Day._cs_evaluate(self.employee, THU, FRI)
        self.assertEqual(self.day(self.employee, THU).late_minutes, 11)

    def test_ten_minutes_a_month_tolerated_eleven_deducted(self):
        """Seed 第二篇 3(8) 當月遲到或早退累計超過10分鐘: 4 + 6 minutes cost nothing;
        5 + 6 are deducted in full (the time missed, the default pay rule)."""
        self.punch(self.employee, "2026-03-02 08:04", "2026-03-02 17:00")
        self.punch(self.employee, "2026-03-03 08:00", "2026-03-03 16:54")
        self.punch(self.mate, "2026-03-02 08:05", "2026-03-02 17:00")
        self.punch(self.mate, "2026-03-03 08:00", "2026-03-03 16:54")
        self.evaluate(self.employee | self.mate, MON, TUE)
        ten = self.Day.search([("employee_id", "=", self.employee.id)])
        eleven = self.Day.search([("employee_id", "=", self.mate.id)])
        self.assertEqual(sum(ten.mapped("late_minutes") + ten.mapped("early_minutes")), 10)
        self.assertEqual(sum(ten.mapped("deduct_minutes")), 0)
        self.assertEqual(sum(eleven.mapped("deduct_minutes")), 11)
        self.assertEqual(set(ten.mapped("period_start")), {date(2026, 2, 21)})

    def test_seed_pay_rule_deducts_the_started_hour(self):
        """Seed 第二篇 3(8) 按相應時數扣除工資, chosen by the company: 11 minutes cost an hour."""
        self.set_policy(pay_rule="started_hour")
        self.punch(self.mate, "2026-03-02 08:05", "2026-03-02 17:00")
        self.punch(self.mate, "2026-03-03 08:00", "2026-03-03 16:54")
        self.evaluate(self.mate, MON, TUE)
        days = self.Day.search([("employee_id", "=", self.mate.id)])
        self.assertEqual(sum(days.mapped("deduct_minutes")), 60)

    def test_over_30_minutes_late_is_discipline_absence_pay_follows_policy(self):
        """Seed 第二篇 3(8) 遲到超過半小時 = 曠工一天; PRC_RULES §9. Edge: 31 minutes is
        a day's absence for discipline, deducted as 31 minutes by default and as a
        day only when the company chose so; 30 minutes is not absence."""
        self.punch(self.employee, "2026-03-02 08:31", "2026-03-02 17:00")
        self.punch(self.mate, "2026-03-02 08:30", "2026-03-02 17:00")
        self.evaluate(self.employee | self.mate, MON, MON)
        late = self.day(self.employee, MON)
        self.assertTrue(late.absent_discipline)
        self.assertFalse(late.absent)
        self.assertEqual((late.deduct_minutes, late.deduct_days), (31, 0))
        self.assertEqual(late.absence_reason, "late_early")
        self.assertFalse(self.day(self.mate, MON).absent_discipline)
        self.set_policy(pay_rule="day")
        self.evaluate(self.employee, MON, MON)
        self.assertEqual((late.deduct_minutes, late.deduct_days), (0, 1))
        self.assertTrue(late.absent_discipline)

    def missed_week(self):
        """One punch a day, Monday to Friday."""
        for day in (MON, TUE, WED, THU, FRI):
            stamp = f"{day} 08:25"
            self.punch(self.employee, stamp, stamp)
        with freeze_time(self.utc("2026-03-09 12:00")):
            self.Day._cs_evaluate(self.employee, MON, FRI)
        return [self.day(self.employee, d) for d in (MON, TUE, WED, THU, FRI)]

    def test_quota_last_confirmed_missed_punch_present_next_absent(self):
        """Seed 第二篇 3(5) 漏打卡: the 3rd confirmed missed punch of the month counts
        as present, the 4th confirmed is a day's absence, an unconfirmed one is absence."""
        days = self.missed_week()
        self.assertTrue(all(d.missing_punch and d.absent for d in days), "unconfirmed: absent")
        with freeze_time(self.utc("2026-03-09 12:00")):
            for day in days[:4]:
                day.with_user(self.manager.user_id).action_confirm_missed_punch()
        self.assertEqual([d.missed_punch_seq for d in days], [1, 2, 3, 4, 0])
        self.assertEqual([d.absent for d in days], [False, False, False, True, True])
        self.assertEqual(days[2].state, "missed")
        self.assertEqual(days[3].absence_reason, "over_quota")
        self.assertEqual(days[4].absence_reason, "missed_punch")
        self.assertEqual(days[0].missed_punch_confirmed_by, self.manager.user_id)

    def test_employee_cannot_confirm_own_missed_punch(self):
        """Integrity: seed 3(5) wants the supervisor's confirmation. A hostile
        employee confirms their own missed punch, by the button and by writing the
        field over JSON-RPC; a colleague tries too. Nothing changes."""
        day = self.missed_week()[0]
        with self.assertRaises(UserError):
            day.with_user(self.employee.user_id).action_confirm_missed_punch()
        with self.assertRaises(UserError):
            day.with_user(self.employee.user_id).write({"missed_punch_confirmed": True})
        with self.assertRaises(AccessError):
            day.with_user(self.mate.user_id).action_confirm_missed_punch()
        day.invalidate_recordset()
        self.assertFalse(day.missed_punch_confirmed)
        self.assertTrue(day.absent)

    def test_hr_officer_cannot_confirm_own_missed_punch(self):
        """Integrity: an HR officer, who may write every day, confirms a missed
        punch of their own; the supervisor's confirmation cannot be one's own."""
        officer = self.env["hr.employee"].create(
            {
                "name": "人事王芳",
                "user_id": self.hr_user.id,
                "company_id": self.company.id,
                "parent_id": self.manager.id,
                "cs_join_date": MON,
            }
        )
        self.punch(officer, "2026-03-02 08:00", "2026-03-02 08:00")
        self.evaluate(officer, MON, MON)
        day = self.day(officer, MON)
        with self.assertRaises(UserError) as caught:
            day.with_user(self.hr_user).action_confirm_missed_punch()
        self.assertIs(type(caught.exception), UserError, "refused as the employee, not by access")
        day.invalidate_recordset()
        self.assertFalse(day.missed_punch_confirmed)
        self.assertTrue(day.absent)

    def test_manager_cannot_write_the_evaluation(self):
        """Integrity: the manager may confirm, not decide the figures. A hostile
        manager clears an absence and the late minutes by write(); refused and kept."""
        self.punch(self.employee, "2026-03-02 08:15", "2026-03-02 17:00")
        self.evaluate(self.employee, MON, TUE)
        absent, late = self.day(self.employee, TUE), self.day(self.employee, MON)
        as_manager = self.env["cs.attendance.day"].with_user(self.manager.user_id)
        with self.assertRaises(UserError):
            as_manager.browse(absent.id).write({"absent": False, "state": "present"})
        with self.assertRaises(UserError):
            as_manager.browse(late.id).write({"late_minutes": 0, "deduct_minutes": 0})
        with self.assertRaises(UserError):
            self.Day.with_user(self.hr_user).create(
                {"employee_id": self.mate.id, "date": MON, "company_id": self.company.id}
            )
        (absent | late).invalidate_recordset()
        self.assertTrue(absent.absent)
        self.assertEqual((late.late_minutes, late.state), (15, "late"))
        self.assertFalse(self.day(self.mate, MON))

    def test_three_consecutive_absences_flag_for_hr(self):
        """Seed 第二篇 3(8) 連續曠工3天以上: absent Thursday, Friday and Monday (the
        weekend does not break the run) flags Monday for HR with an activity,
        never an automatic action; two days do not."""
        for day in (MON, TUE, WED):
            self.punch(self.employee, f"{day} 08:00", f"{day} 17:00")
        self.evaluate(self.employee, MON, FRI)
        self.assertFalse(self.Day.search([("absence_flag", "=", True)]), "two days: no flag")
        self.evaluate(self.employee, MON, date(2026, 3, 9))
        monday = self.day(self.employee, date(2026, 3, 9))
        self.assertTrue(monday.absence_flag)
        self.assertIn("3 consecutive", monday.absence_flag_reason)
        self.assertEqual(monday.activity_ids.user_id, self.hr_user)
        self.assertTrue(self.employee.active, "a flag never acts on the employee")
        self.assertEqual(
            self.Day.search([("absence_flag", "=", True)]), monday, "one day raises the flag"
        )
        self.evaluate(self.employee, MON, date(2026, 3, 10))
        flagged = self.Day.search([("employee_id", "=", self.employee.id)])
        self.assertEqual(len(flagged.activity_ids), 1, "HR is asked once, not every further day")

    def window_employee(self, absent_mondays):
        """Rostered on the Mondays of January to March, present except ``absent_mondays``."""
        mondays = [date(2026, 1, 5) + timedelta(weeks=week) for week in range(13)]
        self.employee.cs_join_date = date(2026, 1, 1)
        self.roster(
            [(self.employee, monday, self.day_shift) for monday in mondays],
            date(2026, 1, 1),
            date(2026, 3, 31),
        )
        for monday in mondays:
            if monday not in absent_mondays:
                self.punch(self.employee, f"{monday} 08:25", f"{monday} 16:35")
        self.evaluate(self.employee, date(2026, 1, 1), date(2026, 3, 31))
        return self.Day.search([("employee_id", "=", self.employee.id), ("absent", "=", True)])

    def test_five_absences_within_three_months_do_not_flag(self):
        """Seed 第二篇 3(8) 3個月內累計曠工6日(含)以上. Edge: 5 absences do not flag."""
        absent = [date(2026, 1, 5), date(2026, 1, 19), date(2026, 2, 2), date(2026, 2, 16)]
        days = self.window_employee([*absent, date(2026, 3, 2)])
        self.assertEqual(len(days), 5)
        self.assertFalse(self.Day.search([("absence_flag", "=", True)]))

    def test_six_absences_within_three_months_flag(self):
        """Seed 第二篇 3(8). Edge: the 6th absence within three months flags."""
        absent = [date(2026, 1, 5), date(2026, 1, 19), date(2026, 2, 2), date(2026, 2, 16)]
        days = self.window_employee([*absent, date(2026, 3, 2), date(2026, 3, 16)])
        self.assertEqual(len(days), 6)
        flagged = self.Day.search([("absence_flag", "=", True)])
        self.assertEqual(flagged.date, date(2026, 3, 16))
        self.assertIn("6 days of absence within 3 months", flagged.absence_flag_reason)

    def test_proxy_punching_marks_both_absent(self):
        """Seed 第二篇 3(8) 代打卡人和委托代打卡人都將按曠工處理: HR records it on one
        day; both employees are absent although their punches are on time. An
        employee cannot record or clear it."""
        self.punch(self.employee, "2026-03-02 08:00", "2026-03-02 17:00")
        self.punch(self.mate, "2026-03-02 08:00", "2026-03-02 17:00")
        self.evaluate(self.employee | self.mate, MON, MON)
        day = self.day(self.employee, MON)
        self.assertEqual(day.state, "present")
        with self.assertRaises(AccessError):
            self.env["cs.proxy.punch"].with_user(self.employee.user_id).create(
                {"day_id": day.id, "other_employee_id": self.mate.id}
            )
        with freeze_time(self.utc("2026-03-03 12:00")):
            self.env["cs.proxy.punch"].with_user(self.hr_user).create(
                {"day_id": day.id, "other_employee_id": self.mate.id, "note": "监控核查"}
            ).action_record()
        mate_day = self.day(self.mate, MON)
        for record in (day, mate_day):
            self.assertTrue(record.absent and record.proxy_punch)
            self.assertEqual((record.absence_reason, record.deduct_days), ("proxy", 1))
        self.assertEqual(mate_day.proxy_employee_id, self.employee)
        with self.assertRaises(UserError):
            day.with_user(self.employee.user_id).action_clear_proxy_punch()
        self.assertTrue(day.proxy_punch)

    def test_validated_leave_is_not_absence(self):
        """Seed 第二篇 3(6): a day covered by validated leave is neither absence nor
        a missed punch."""
        leave_type = self.env["hr.leave.type"].create(
            {
                "name": "事假",
                "company_id": self.company.id,
                "requires_allocation": False,
                "leave_validation_type": "no_validation",
            }
        )
        leave = (
            self.env["hr.leave"]
            .sudo()
            .create(
                {
                    "holiday_status_id": leave_type.id,
                    "employee_id": self.employee.id,
                    "request_date_from": TUE,
                    "request_date_to": TUE,
                }
            )
        )
        self.assertEqual(leave.state, "validate")
        self.evaluate(self.employee, TUE, TUE)
        day = self.day(self.employee, TUE)
        self.assertEqual((day.state, day.leave_id), ("leave", leave))
        self.assertFalse(day.absent or day.missing_punch)

    def test_make_up_working_day_counts_and_holiday_does_not(self):
        """Seed 第二篇 3 with 调休: a make-up Saturday without punches is absence;
        a statutory holiday on Wednesday is no working day."""
        self.env["cs.workday.extra"].create(
            {"name": "调休上班", "date": date(2026, 3, 7), "company_id": self.company.id}
        )
        self.env["resource.calendar.leaves"].create(
            {
                "name": "节日",
                "company_id": self.company.id,
                "date_from": self.utc("2026-03-04 00:00"),
                "date_to": self.utc("2026-03-04 23:59:59"),
                "time_type": "leave",
            }
        )
        self.evaluate(self.employee, MON, date(2026, 3, 8))
        saturday = self.day(self.employee, date(2026, 3, 7))
        self.assertTrue(saturday.absent)
        self.assertEqual(saturday.schedule_source, "calendar")
        self.assertFalse(self.day(self.employee, WED), "the holiday is no working day")
        self.assertFalse(self.day(self.employee, date(2026, 3, 8)))

    def test_employee_sees_own_days_manager_the_team(self):
        """Access: employees read their own days, the manager the team's; nobody
        sees another company's."""
        self.evaluate(self.employee | self.mate | self.manager, MON, MON)
        own = self.Day.with_user(self.employee.user_id).search([])
        self.assertEqual(own.employee_id, self.employee)
        team = self.Day.with_user(self.manager.user_id).search([])
        self.assertEqual(team.employee_id, self.employee | self.mate | self.manager)
        other = self.env["res.company"].create({"name": "另一家公司"})
        stranger = self.env["hr.employee"].create(
            {"name": "外人", "company_id": other.id, "cs_join_date": MON}
        )
        self.Day.with_context(allowed_company_ids=[other.id])._cs_evaluate(stranger, MON, MON)
        foreign = self.Day.with_context(allowed_company_ids=[other.id]).search(
            [("employee_id", "=", stranger.id)]
        )
        self.assertTrue(foreign)
        self.assertFalse(self.Day.with_user(self.hr_user).search([("id", "in", foreign.ids)]))

    def test_cron_evaluates_the_running_period(self):
        """Seed 第二篇 5: the nightly cron evaluates the period up to yesterday."""
        self.punch(self.employee, "2026-03-02 08:00", "2026-03-02 17:00")
        with freeze_time(datetime(2026, 3, 4, 1, 30)):
            self.Day._cron_evaluate()
        self.assertEqual(self.day(self.employee, MON).state, "present")
        self.assertTrue(self.day(self.employee, TUE).absent)
        self.assertFalse(self.day(self.employee, WED), "today is not evaluated yet")


@tagged("post_install", "-at_install")
class TestWeeklyReview(WorkdayCommon):
    def test_weekly_review_lists_short_weeks_and_unexplained_missed_punches(self):
        """Seed 003 第二篇 4(2): each week the manager reviews who worked under 40
        hours and the missed punches with neither an exception form nor a leave.
        Fixture: Monday-Friday of one week at 7.5 h is 37.5 h (< 40, reviewed);
        8 h a day is 40 h (not under); one day with a missed punch and no form is
        reviewed even in a full week."""
        Day = self.env["cs.attendance.day"].sudo()
        monday = date(2026, 3, 2)

        def week(employee, hours, missing_on=None):
            Day._cs_action_create(
                [
                    {
                        "employee_id": employee.id,
                        "company_id": employee.company_id.id,
                        "date": monday + timedelta(days=offset),
                        "period_start": date(2026, 2, 21),
                        "scheduled_hours": 8.0,
                        "worked_hours": hours,
                        "missing_punch": offset == missing_on,
                    }
                    for offset in range(5)
                ]
            )

        short, full, missed = (
            self.env["hr.employee"].create({"name": name, "company_id": self.company.id})
            for name in ("短工时", "满工时", "漏打卡")
        )
        week(short, 7.5)
        week(full, 8.0)
        week(missed, 8.0, missing_on=2)
        self.env.flush_all()
        rows = {
            row.employee_id: row
            for row in self.env["cs.attendance.week"].search(
                [("employee_id", "in", (short | full | missed).ids)]
            )
        }
        self.assertEqual(rows[short].worked_hours, 37.5)
        self.assertTrue(rows[short].under_hours and rows[short].needs_review)
        self.assertFalse(rows[full].under_hours or rows[full].needs_review)
        self.assertEqual(rows[missed].unexplained_missed_punches, 1)
        self.assertTrue(rows[missed].needs_review)
        self.company.cs_att_week_review_hours = 37.0
        self.env.invalidate_all()
        self.assertFalse(
            self.env["cs.attendance.week"].browse(rows[short].id).under_hours,
            "the threshold is the company's policy",
        )
