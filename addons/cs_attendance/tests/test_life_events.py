from datetime import date, datetime

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import freeze_time, new_test_user, tagged

from .common import LeaveCommon


@tagged("post_install", "-at_install")
class TestLifeEvents(LeaveCommon):
    company_of_its_own = True

    @staticmethod
    def maternity(event):
        return event.allocation_ids.filtered(lambda a: a.holiday_status_id.cs_kind == "maternity")

    def test_beijing_difficult_labour_twins_get_188_days_in_one_block(self):
        event = self.life_event(
            event_type="birth",
            event_date=date(2026, 3, 2),
            parent_role="mother",
            difficult_labour=True,
            babies=2,
        )
        allocation = self.maternity(event)
        self.assertEqual(allocation.number_of_days, 188)
        self.assertIn(
            "98 national + 60 Beijing + 15 difficult labour + 15 extra baby = 188", event.basis
        )
        leave = self.leave(allocation.holiday_status_id, self.d("2026-03-02"), self.d("2026-09-05"))
        self.assertEqual(
            leave.number_of_days, 188, "calendar days, rest days and holidays included"
        )
        self.assertIn("188", leave.cs_basis)

    def test_maternity_cannot_be_split(self):
        event = self.life_event(
            event_type="birth", event_date=date(2026, 3, 2), parent_role="mother"
        )
        with self.assertRaisesRegex(ValidationError, "one block"):
            self.leave(
                self.maternity(event).holiday_status_id, self.d("2026-03-02"), self.d("2026-05-01")
            )

    def test_guangdong_difficult_labour_adds_30(self):
        self.employee.cs_jurisdiction_id = self.env.ref("cs_attendance.jurisdiction_guangdong")
        event = self.life_event(
            event_type="birth",
            event_date=date(2026, 3, 2),
            parent_role="mother",
            difficult_labour=True,
        )
        self.assertEqual(self.maternity(event).number_of_days, 98 + 80 + 30)

    def test_seed_90_day_maternity_never_grants_less_than_the_law(self):
        self.employee.cs_jurisdiction_id = self.env.ref("cs_attendance.jurisdiction_national")
        self.assertEqual(self.env.company.cs_maternity_days, 90)
        event = self.life_event(
            event_type="birth", event_date=date(2026, 3, 2), parent_role="mother"
        )
        self.assertEqual(self.maternity(event).number_of_days, 98)
        self.assertIn("statutory", event.basis)
        self.assertIn("only 90", event.basis)

    def test_statutory_marriage_leave_does_not_expire_six_months_after_registration(self):
        """北京市人口与计划生育条例: 10 days of marriage leave, with no deadline (PRC_RULES
        §6): the company's 6-month window may govern only days it adds above them.
        The 10 days used to lapse on 10 July."""
        event = self.life_event(event_type="marriage", event_date=date(2026, 1, 10))
        allocation = event.allocation_ids
        self.assertEqual(allocation.number_of_days, 10, "Beijing gives 10 days")
        self.assertEqual(allocation.cs_part, "statutory")
        self.assertFalse(allocation.cs_start_by or allocation.date_to)
        leave = self.leave(allocation.holiday_status_id, self.d("2026-07-13"), self.d("2026-07-14"))
        self.assertEqual(leave.state, "confirm")

    def test_company_marriage_days_start_within_six_months_of_registration(self):
        """The company's own days above the statute (12 against Beijing's 10) must start
        within its 6-month window (seed 003 第二篇 6(3)); a leave started on the last
        day keeps all of them."""
        self.env.company.cs_marriage_days = 12
        event = self.life_event(event_type="marriage", event_date=date(2026, 1, 10))
        company = event.allocation_ids.filtered(lambda a: a.cs_part == "company")
        self.assertEqual(company.number_of_days, 2)
        self.assertEqual(company.cs_start_by, date(2026, 7, 10))
        self.assertEqual(company.date_to, date(2026, 7, 27), "12 working days from 07-10")
        marriage = company.holiday_status_id
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.leave(marriage, self.d("2026-07-13"), self.d("2026-07-28"))
        leave = self.leave(marriage, self.d("2026-07-10"), self.d("2026-07-27"))
        self.assertEqual(leave.number_of_days, 12)

    def test_company_paternity_days_start_within_a_week_statutory_days_remain(self):
        """北京市人口与计划生育条例: 15 days of paternity leave, one block, no deadline. A
        company granting 20 lets its 5 extra days lapse a week after the birth (its
        policy), never the statutory 15, which the week used to forfeit."""
        self.assertEqual(self.env.company.cs_paternity_window_days, 7)
        self.env.company.cs_paternity_days = 20
        event = self.life_event(
            event_type="birth", event_date=date(2026, 3, 2), parent_role="father"
        )
        paternity = event.allocation_ids.filtered(
            lambda a: a.holiday_status_id.cs_kind == "paternity"
        )
        self.assertEqual(
            sorted(paternity.mapped(lambda a: (a.cs_part, a.number_of_days))),
            [("company", 5), ("statutory", 15)],
        )
        leave_type = paternity.holiday_status_id
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.leave(leave_type, self.d("2026-03-10"), self.d("2026-03-29"))
        leave = self.leave(leave_type, self.d("2026-03-10"), self.d("2026-03-24"))
        self.assertEqual(leave.number_of_days, 15, "the statutory days, after the week")

    def test_maternity_may_start_15_days_before_the_birth(self):
        self.employee.cs_jurisdiction_id = self.env.ref("cs_attendance.jurisdiction_national")
        self.assertEqual(self.env.company.cs_maternity_prenatal_days, 15)
        event = self.life_event(
            event_type="birth", event_date=date(2026, 3, 2), parent_role="mother"
        )
        maternity = self.maternity(event).holiday_status_id
        with self.assertRaisesRegex(ValidationError, "expired"), self.env.cr.savepoint():
            self.leave(maternity, self.d("2026-02-14"), self.d("2026-05-22"))
        leave = self.leave(maternity, self.d("2026-02-15"), self.d("2026-05-23"))
        self.assertEqual(leave.number_of_days, 98)

    def test_the_basis_is_written_in_the_users_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.employee.sudo().wage = 4000
        leave = self.leave(self.sick, self.d("2026-03-03"), self.d("2026-03-03"))
        self.assertTrue(leave.cs_pay_basis.startswith("40% company rate"))
        chinese = leave.with_context(lang="zh_CN")
        self.assertTrue(chinese.cs_pay_basis.startswith("公司标准 40%（下限："))
        # Confirmed by an officer working in English, read in either language.
        event = self.life_event(event_type="marriage", event_date=date(2026, 1, 10))
        self.assertIn("10 days (statutory; company policy gives only 3)", event.basis)
        self.assertIn("10 天（法定；公司制度仅给 3）", event.with_context(lang="zh_CN").basis)
        allocation = event.allocation_ids.with_context(lang="zh_CN")
        self.assertIn("公司制度仅给 3", allocation.cs_basis)
        marriage = self.leave(
            allocation.holiday_status_id, self.d("2026-03-04"), self.d("2026-03-04")
        )
        self.assertIn("公司制度仅给 3", marriage.with_context(lang="zh_CN").cs_basis)
        self.assertIn("company policy gives only 3", marriage.cs_basis)

    def test_annual_leave_basis_in_every_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.employee.sudo().write(
            {"cs_first_work_date": date(2014, 1, 1), "cs_join_date": date(2026, 7, 1)}
        )
        allocation = self.employee.action_cs_grant_annual_leave(2026)
        self.assertIn("national for 12 career years", allocation.cs_basis)
        self.assertIn("国家标准（累计工作 12 年）", allocation.with_context(lang="zh_CN").cs_basis)

    def test_each_leave_type_says_its_validity_by_the_company_policy(self):
        marriage = self.env.ref("cs_attendance.leave_type_marriage")
        self.assertEqual(
            marriage.cs_validity,
            "Statutory days do not lapse; the company's extra days start within 6 months "
            "of the marriage registration",
        )
        self.env.company.cs_marriage_valid_months = 3
        marriage.invalidate_recordset(["cs_validity"])
        self.assertIn("3 months", marriage.cs_validity)
        paternity = self.env.ref("cs_attendance.leave_type_paternity")
        self.assertIn("start within 7 days after the birth", paternity.cs_validity)
        self.assertFalse(self.env.ref("cs_attendance.leave_type_public_duty").cs_validity)

    def test_a_company_leave_type_says_its_own_companys_validity(self):
        other = self.env["res.company"].create({"name": "分店", "cs_marriage_valid_months": 3})
        own = self.env.ref("cs_attendance.leave_type_marriage").copy({"company_id": other.id})
        self.assertEqual(self.env.company.cs_marriage_valid_months, 6)
        self.assertIn("3 months", own.cs_validity)

    def test_marriage_in_guangdong_is_3_days(self):
        self.employee.cs_jurisdiction_id = self.env.ref("cs_attendance.jurisdiction_guangdong")
        event = self.life_event(event_type="marriage", event_date=date(2026, 1, 10))
        self.assertEqual(event.allocation_ids.number_of_days, 3)

    def test_bereavement_by_relationship(self):
        parent = self.life_event(
            event_type="death", event_date=date(2026, 4, 1), relationship="parent"
        )
        grand = self.life_event(
            event_type="death", event_date=date(2026, 5, 1), relationship="grandparent"
        )
        self.assertEqual(parent.allocation_ids.number_of_days, 3)
        self.assertEqual(grand.allocation_ids.number_of_days, 1)

    def test_miscarriage_at_four_months_gives_42_days(self):
        event = self.life_event(
            event_type="miscarriage", event_date=date(2026, 4, 1), pregnancy_months=4
        )
        self.assertEqual(event.allocation_ids.number_of_days, 42)

    def test_joiner_with_12_career_years_gets_5_days_and_the_reason(self):
        self.employee.sudo().write(
            {"cs_first_work_date": date(2014, 7, 1), "cs_join_date": date(2026, 7, 1)}
        )
        with freeze_time("2026-07-15"):
            allocation = self.employee.action_cs_grant_annual_leave(2026)
        self.assertEqual(allocation.number_of_days, 5)
        self.assertIn("10 national for 12 career years × 184/365 = 5 days", allocation.cs_basis)

    def test_personal_leave_is_limited_to_14_days(self):
        with self.assertRaisesRegex(ValidationError, "14"):
            self.leave(self.personal, self.d("2026-03-02"), self.d("2026-03-20"))

    def test_birth_grants_childcare_leave_each_year_until_the_child_is_three(self):
        event = self.life_event(
            event_type="birth", event_date=date(2026, 3, 2), parent_role="father"
        )
        childcare = event.allocation_ids.filtered(
            lambda a: a.holiday_status_id.cs_kind == "childcare"
        )
        self.assertEqual(len(childcare), 3)
        self.assertEqual(set(childcare.mapped("number_of_days")), {5}, "Beijing: 5 days a year")
        self.assertEqual(min(childcare.mapped("date_from")), date(2026, 3, 2))
        self.assertEqual(max(childcare.mapped("date_to")), date(2029, 3, 1))
        paternity = event.allocation_ids - childcare
        self.assertEqual(paternity.number_of_days, 15, "Beijing paternity leave")

    def _nursing(self, start, hour_to):
        return self.leave_hours(
            self.env.ref("cs_attendance.leave_type_nursing"), start, 9.0, hour_to
        )

    def leave_hours(self, leave_type, day, hour_from, hour_to):
        return (
            self.env["hr.leave"]
            .with_user(self.employee.user_id)
            .create(
                {
                    "holiday_status_id": leave_type.id,
                    "employee_id": self.employee.id,
                    "request_date_from": day,
                    "request_date_to": day,
                    "request_hour_from": hour_from,
                    "request_hour_to": hour_to,
                }
            )
            .sudo()
        )

    def test_nursing_time_is_one_hour_a_day_plus_one_per_extra_baby(self):
        self.life_event(event_type="birth", event_date=date(2026, 3, 2), parent_role="mother")
        self.assertEqual(self._nursing(self.d("2026-09-07"), 10.0).number_of_hours, 1)
        with self.assertRaisesRegex(ValidationError, "1.0 hour"):
            self._nursing(self.d("2026-09-08"), 11.0)

    def test_nursing_time_is_taken_in_the_slot_the_mother_chose(self):
        event = self.life_event(
            event_type="birth", event_date=date(2026, 3, 2), parent_role="mother"
        )
        event.nursing_slot = "end"
        self.assertEqual(
            self.calendar._get_unusual_days(datetime(2026, 9, 7), datetime(2026, 9, 7, 23, 59)),
            {"2026-09-07": False},
            "a working Monday",
        )
        with self.assertRaisesRegex(ValidationError, "Leave Earlier"):
            self._nursing(self.d("2026-09-07"), 10.0)
        nursing = self.env.ref("cs_attendance.leave_type_nursing")
        leave = self.leave_hours(nursing, self.d("2026-09-07"), 16.0, 17.0)
        self.assertEqual(leave.number_of_hours, 1)
        event.nursing_slot = "lunch"
        self.assertEqual(
            self.leave_hours(nursing, self.d("2026-09-08"), 13.0, 14.0).number_of_hours, 1
        )

    def test_nursing_time_cannot_be_moved_out_of_its_slot_afterwards(self):
        event = self.life_event(
            event_type="birth", event_date=date(2026, 3, 2), parent_role="mother"
        )
        event.nursing_slot = "end"
        nursing = self.env.ref("cs_attendance.leave_type_nursing")
        leave = self.leave_hours(nursing, self.d("2026-09-07"), 16.0, 17.0)
        with self.assertRaisesRegex(ValidationError, "Leave Earlier"):
            leave.write({"request_hour_from": 9.0, "request_hour_to": 10.0})

    def test_nursing_slot_on_a_two_week_schedule(self):
        calendar = self.calendar.copy({"name": "双周排班"})
        calendar.switch_calendar_type()
        self.assertTrue(calendar.attendance_ids.filtered("display_type"), "week sections")
        self.employee.resource_calendar_id = calendar
        event = self.life_event(
            event_type="birth", event_date=date(2026, 3, 2), parent_role="mother"
        )
        event.nursing_slot = "start"
        nursing = self.env.ref("cs_attendance.leave_type_nursing")
        first_hour = min(calendar.attendance_ids.filtered("hour_to").mapped("hour_from"))
        monday = self.d("2026-09-07")
        leave = self.leave_hours(nursing, monday, first_hour, first_hour + 1)
        self.assertEqual(leave.number_of_hours, 1)
        event.nursing_slot = "lunch"
        with self.assertRaisesRegex(ValidationError, "Longer Lunch Break"):
            self.leave_hours(nursing, self.d("2026-09-08"), first_hour, first_hour + 1)

    def test_mother_of_twins_may_nurse_two_hours_until_the_first_birthday(self):
        self.life_event(
            event_type="birth", event_date=date(2026, 3, 2), parent_role="mother", babies=2
        )
        self.assertEqual(self._nursing(self.d("2027-03-01"), 11.0).number_of_hours, 2)
        with self.assertRaisesRegex(ValidationError, "one year old"):
            self._nursing(self.d("2027-03-02"), 10.0)

    def test_director_gets_ten_days_from_the_first_year(self):
        self.employee.sudo().write(
            {
                "cs_first_work_date": date(2024, 1, 1),
                "cs_join_date": date(2026, 1, 1),
                "cs_grade": "director",
            }
        )
        self.assertEqual(self.employee.action_cs_grant_annual_leave(2026).number_of_days, 10)

    def test_probation_running_into_next_year_keeps_this_years_annual_leave(self):
        """职工带薪年休假条例实施办法 arts.3-5: no probation exclusion; 条例 art.5: leave
        may be arranged across one year. Probation to 31 January 2027 used to take
        all of 2026's days (10 × 61/365 = 1, the company granting nothing in the
        first year) and start 2027's on 31 January."""
        self.env.company.cs_annual_first_year_days = 0
        self.employee.sudo().write(
            {
                "cs_first_work_date": date(2010, 1, 1),
                "cs_join_date": date(2026, 11, 1),
                "cs_probation_end": date(2027, 1, 31),
            }
        )
        granted = self.employee.action_cs_grant_annual_leave(2026)
        self.assertEqual(granted.number_of_days, 1)
        self.assertEqual(granted.date_to, date(2027, 12, 31))
        allocation = self.employee.action_cs_grant_annual_leave(2027)
        self.assertEqual(allocation.date_from, date(2027, 1, 1))
        self.assertEqual(allocation.number_of_days, 10)

    def test_sick_pay_never_below_the_jurisdiction_floor(self):
        self.employee.cs_jurisdiction_id = self.env.ref("cs_attendance.jurisdiction_shanghai")
        self.assertEqual(self.env.company.cs_sick_pay_pct, 40)
        leave = self.leave(self.sick, self.d("2026-03-03"), self.d("2026-03-03"))
        self.assertEqual(leave.cs_pay_rate, 60)
        self.assertIn("statutory floor", leave.cs_pay_basis)

    def test_company_maternity_additions_are_policy_values(self):
        self.employee.cs_jurisdiction_id = self.env.ref("cs_attendance.jurisdiction_national")
        company = self.env.company
        self.assertEqual(
            (company.cs_maternity_difficult_days, company.cs_maternity_extra_baby_days), (15, 15)
        )
        company.write({"cs_maternity_days": 100, "cs_maternity_difficult_days": 30})
        event = self.life_event(
            event_type="birth",
            event_date=date(2026, 3, 2),
            parent_role="mother",
            difficult_labour=True,
        )
        maternity = self.maternity(event)
        self.assertEqual(sum(maternity.mapped("number_of_days")), 130, "above the law's 98 + 15")
        self.assertEqual(
            sorted(maternity.mapped(lambda a: (a.cs_part, a.number_of_days))),
            [("company", 17), ("statutory", 113)],
            "the company's 17 days above the statute apart (PRC_RULES §6)",
        )
        self.assertIn("100 company + 30 difficult labour = 130", event.basis)

    def test_national_sick_pay_floor_is_80_percent_of_the_local_minimum_wage(self):
        national = self.env.ref("cs_attendance.jurisdiction_national")
        self.employee.cs_jurisdiction_id = national
        self.assertEqual(national.sick_pay_min_wage_pct, 80)
        self.assertFalse(national.minimum_wage, "HR enters the local figure")
        self.employee.sudo().wage = 4000
        leave = self.leave(self.sick, self.d("2026-03-03"), self.d("2026-03-03"))
        self.assertEqual(leave.cs_pay_rate, 40, "no minimum wage entered: the company rate")
        self.assertIn("not checked", leave.cs_pay_basis)
        national.minimum_wage = 2500
        leave.invalidate_recordset(["cs_pay_rate", "cs_pay_basis"])
        self.assertEqual(leave.cs_pay_rate, 50, "80% of 2,500 is 2,000: half of a 4,000 wage")
        self.assertIn("80% of minimum wage 2500", leave.cs_pay_basis)
        self.employee.sudo().wage = 10000
        leave.invalidate_recordset(["cs_pay_rate", "cs_pay_basis"])
        self.assertEqual(leave.cs_pay_rate, 40, "2,000 is a fifth of 10,000: the company's 40%")
        self.assertTrue(leave.cs_pay_basis.startswith("40% company rate"))

    def test_shanghai_applies_its_bands_and_the_national_minimum_wage_floor(self):
        shanghai = self.env.ref("cs_attendance.jurisdiction_shanghai")
        shanghai.minimum_wage = 2690
        self.employee.cs_jurisdiction_id = shanghai
        self.employee.sudo().write({"cs_join_date": date(2024, 1, 1), "wage": 3000})
        leave = self.leave(self.sick, self.d("2026-03-03"), self.d("2026-03-03"))
        self.assertEqual(leave.cs_pay_rate, 71.74, "80% of 2,690 beats the 70% band")

    def test_shanghai_floor_falls_to_the_long_sickness_bands_after_six_months(self):
        self.employee.cs_jurisdiction_id = self.env.ref("cs_attendance.jurisdiction_shanghai")
        self.employee.sudo().cs_join_date = date(2024, 1, 1)
        first = self.leave(self.sick, date(2026, 1, 5), date(2026, 7, 3))
        self.assertEqual(first.cs_pay_rate, 70, "2 to 4 years of service: 70% at first")
        # Monday 07-06 follows Friday 07-03 over a weekend: one run since 01-05.
        later = self.leave(self.sick, date(2026, 7, 6), date(2026, 7, 7))
        self.assertEqual(later.cs_pay_rate, 50, "over 6 months, 1 to 3 years: 50%")
        self.assertIn("sick for 6 months or more", later.cs_pay_basis)
        first.action_refuse()
        later.invalidate_recordset(["cs_pay_rate", "cs_pay_basis"])
        self.assertEqual(later.cs_pay_rate, 70, "a refused leave does not count")

    def test_long_sickness_counts_leave_the_reader_may_not_see(self):
        self.employee.cs_jurisdiction_id = self.env.ref("cs_attendance.jurisdiction_shanghai")
        self.employee.sudo().cs_join_date = date(2024, 1, 1)
        first = self.leave(self.sick, date(2026, 1, 5), date(2026, 7, 3))
        newcomer = new_test_user(self.env, "t_new_manager", groups="base.group_user")
        self.department.manager_id = self.env["hr.employee"].create(
            {"name": "新经理", "user_id": newcomer.id}
        )
        later = self.leave(self.sick, date(2026, 7, 6), date(2026, 7, 7))
        Leave = self.env["hr.leave"].with_user(newcomer)
        self.assertFalse(Leave.search([("id", "=", first.id)]), "approver of the later leave only")
        self.assertEqual(later.with_user(newcomer).cs_pay_rate, 50, "the same rate as HR sees")

    def test_shenzhen_sick_pay_is_60_percent_of_wage_and_80_percent_of_minimum_wage(self):
        shenzhen = self.env.ref("cs_attendance.jurisdiction_shenzhen")
        shenzhen.minimum_wage = 2520
        self.employee.cs_jurisdiction_id = shenzhen
        self.employee.sudo().wage = 3000
        leave = self.leave(self.sick, self.d("2026-03-03"), self.d("2026-03-03"))
        self.assertEqual(leave.cs_pay_rate, 67.2, "80% of 2,520 = 2,016 beats 60% of 3,000")
        self.employee.sudo().wage = 8000
        leave.invalidate_recordset(["cs_pay_rate", "cs_pay_basis"])
        self.assertEqual(leave.cs_pay_rate, 60, "60% of wage beats both 40% and 25.2%")

    def test_shanghai_band_changes_on_the_anniversary_itself(self):
        self.employee.cs_jurisdiction_id = self.env.ref("cs_attendance.jurisdiction_shanghai")
        self.employee.sudo().cs_join_date = date(2024, 3, 3)
        eve = self.leave(self.sick, self.d("2026-03-02"), self.d("2026-03-02"))
        self.assertEqual(eve.cs_pay_rate, 60, "one day short of 2 years")
        anniversary = self.leave(self.sick, self.d("2026-03-03"), self.d("2026-03-03"))
        self.assertEqual(anniversary.cs_pay_rate, 70, "2 years of service that day")

    def test_a_leave_running_into_long_sickness_says_when_its_pay_falls(self):
        self.employee.cs_jurisdiction_id = self.env.ref("cs_attendance.jurisdiction_shanghai")
        self.employee.sudo().cs_join_date = date(2024, 1, 1)
        self.leave(self.sick, date(2026, 1, 5), date(2026, 6, 26))
        leave = self.leave(self.sick, date(2026, 6, 29), date(2026, 7, 10))
        self.assertEqual(leave.cs_pay_rate, 70, "paid the first-six-months rate to begin with")
        self.assertIn("from 2026-07-05: 50%", leave.cs_pay_basis)

    def test_the_wage_stays_out_of_the_basis_the_supervisor_reads(self):
        national = self.env.ref("cs_attendance.jurisdiction_national")
        national.minimum_wage = 2500
        self.employee.cs_jurisdiction_id = national
        self.employee.sudo().wage = 4000
        leave = self.leave(self.sick, self.d("2026-03-03"), self.d("2026-03-03"))
        mine = leave.with_user(self.employee.user_id)
        self.assertIn("of wage 4000", mine.cs_pay_basis, "the employee sees the figures")
        theirs = leave.with_user(self.supervisor.user_id)
        self.assertFalse(theirs.cs_pay_rate, "50% would give the wage: 80% x 2,500 / 50%")
        self.assertNotIn("4000", theirs.cs_pay_basis)
        self.assertIn("80% of the local minimum wage", theirs.cs_pay_basis)

    def test_unused_annual_leave_is_carried_over_only_up_to_the_policy(self):
        self.employee.sudo().write(
            {"cs_first_work_date": date(2010, 1, 1), "cs_join_date": date(2020, 1, 1)}
        )
        self.assertEqual(self.env.company.cs_annual_carry_over_days, 0)
        self.employee.action_cs_grant_annual_leave(2025)
        self.assertEqual(len(self.employee.action_cs_grant_annual_leave(2026)), 1, "no carry-over")
        self.env.company.cs_annual_carry_over_days = 5
        self.employee.action_cs_grant_annual_leave(2027)
        granted = self.employee.action_cs_grant_annual_leave(2028)
        carried = granted.filtered(lambda a: "carried over" in a.cs_basis)
        self.assertEqual(carried.number_of_days, 5, "10 unused, at most 5 carried")
        self.assertEqual(carried.date_to, date(2028, 12, 31))

    def test_shanghai_sick_pay_floor_rises_with_service(self):
        self.employee.cs_jurisdiction_id = self.env.ref("cs_attendance.jurisdiction_shanghai")
        self.employee.sudo().cs_join_date = date(2020, 3, 1)
        leave = self.leave(self.sick, self.d("2026-03-03"), self.d("2026-03-03"))
        self.assertEqual(leave.cs_pay_rate, 90, "6 to 8 years of service: 90%")

    def test_employees_see_only_their_own_leave(self):
        mine = self.leave(self.sick, self.d("2026-03-03"), self.d("2026-03-03"))
        colleague = new_test_user(self.env, "t_colleague", groups="base.group_user")
        self.env["hr.employee"].create(
            {"name": "同事", "user_id": colleague.id, "department_id": self.department.id}
        )
        Leave = self.env["hr.leave"].with_user(colleague)
        self.assertFalse(Leave.search([("id", "=", mine.id)]))
        with self.assertRaises(AccessError):
            mine.with_user(colleague).read(["state"])
        self.assertEqual(
            self.env["hr.leave"].with_user(self.employee.user_id).search([("id", "=", mine.id)]),
            mine,
        )
        self.assertEqual(
            self.env["hr.leave"].with_user(self.supervisor.user_id).search([("id", "=", mine.id)]),
            mine,
            "the approver of its tier sees it",
        )

    def test_employees_request_leave_only_for_themselves(self):
        colleague = new_test_user(self.env, "t_colleague2", groups="base.group_user")
        self.env["hr.employee"].create(
            {"name": "同事乙", "user_id": colleague.id, "department_id": self.department.id}
        )
        with self.assertRaises(AccessError):
            self.leave(self.sick, self.d("2026-03-03"), self.d("2026-03-03"), user=colleague)
