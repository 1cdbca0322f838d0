"""Never below the law (issue #12): each test names the statute it applies, worked
out from the statute (PRC_RULES.md) before the code, and acts as the HR officer, the
employee and the approvers of a company in China created by the test."""

import base64
import importlib.util
from datetime import date, datetime, timedelta
from pathlib import Path

from lxml import etree
from pytz import timezone, utc

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import LeaveCommon, create_china_company

SHANGHAI = timezone("Asia/Shanghai")


def load_migration(version):
    path = Path(__file__).parents[1] / "migrations" / version / "post-migration.py"
    spec = importlib.util.spec_from_file_location(f"cs_attendance_migration_{version}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class StatutoryCommon(LeaveCommon):
    company_of_its_own = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["cs.holiday.load"].with_user(cls.hr_officer).create(
            {"year": 2026, "company_id": cls.company.id}
        ).action_load()

    def jurisdiction(self, code):
        jurisdiction = self.env.ref(f"cs_attendance.jurisdiction_{code}")
        self.employee.cs_jurisdiction_id = jurisdiction
        return jurisdiction

    @staticmethod
    def granted(event, kind):
        return event.allocation_ids.filtered(lambda a: a.holiday_status_id.cs_kind == kind)

    def leave_type(self, kind):
        return self.env.ref(f"cs_attendance.leave_type_{kind}")


@tagged("post_install", "-at_install")
class TestCountingOverHolidays(StatutoryCommon):
    def test_holiday_loader_tells_statutory_days_from_swapped_rest_days(self):
        """全国年节及纪念日放假办法 art.2 (amended 2024-11-10): 13 statutory days a year.
        The State Council's 2026 notice swaps rest days around them (调休): 3 October
        is a Saturday yet statutory, 5 October is the rest day moved for it and 6-7
        October are rest days swapped with worked weekends. The loader stored all of
        them alike: counting over holidays could not tell them apart."""
        Holiday = self.env["resource.calendar.leaves"]

        def kind(day):
            start = SHANGHAI.localize(datetime.combine(day, datetime.min.time()))
            found = Holiday.search(
                [
                    ("company_id", "=", self.company.id),
                    ("resource_id", "=", False),
                    ("date_from", "<=", start.astimezone(utc).replace(tzinfo=None)),
                    ("date_to", ">", start.astimezone(utc).replace(tzinfo=None)),
                ]
            )
            return found.cs_holiday_kind

        self.assertEqual(kind(date(2026, 10, 3)), "statutory")
        self.assertEqual(kind(date(2026, 10, 4)), "rest")
        self.assertEqual(kind(date(2026, 10, 5)), "swapped")
        self.assertEqual(kind(date(2026, 10, 6)), "swapped")
        self.assertEqual(kind(date(2026, 2, 16)), "statutory", "Spring Festival's eve")
        statutory = Holiday.search(
            [("company_id", "=", self.company.id), ("cs_holiday_kind", "=", "statutory")]
        )
        self.assertEqual(len(statutory), 13)

    def test_shanghai_maternity_runs_longer_over_holidays_after_the_98_days(self):
        """上海市人口与计划生育条例 art.31, 沪府规〔2022〕18号: 98 days of maternity leave
        (国务院令619 art.7), calendar days, then 60 days of 生育假 extended over
        statutory holidays (遇法定节假日顺延). Born 2026-01-20, shortly before Spring
        Festival (inside the 98 days, no extension): Labour Day (1-2 May) and the
        Dragon Boat Festival (19 June) fall in the 60 days, which end on 29 June: 161
        calendar days. The leave was counted as 161 days of a 158-day entitlement and
        refused."""
        self.jurisdiction("shanghai")
        event = self.life_event(
            event_type="birth", event_date=date(2026, 1, 20), parent_role="mother"
        )
        maternity = self.granted(event, "maternity")
        self.assertEqual(maternity.mapped("cs_part"), ["statutory"])
        self.assertEqual(maternity.number_of_days, 158)
        with self.assertRaisesRegex(ValidationError, "one block"), self.env.cr.savepoint():
            self.leave(maternity.holiday_status_id, date(2026, 1, 20), date(2026, 6, 26))
        leave = self.leave(maternity.holiday_status_id, date(2026, 1, 20), date(2026, 6, 29))
        self.assertEqual(leave.number_of_days, 158)

    def test_beijing_maternity_counts_holidays_as_leave_days(self):
        """北京市人口与计划生育条例 art.19: 98 + 60 days, continuous, rest days and
        holidays included: the same birth ends after exactly 158 calendar days."""
        self.jurisdiction("beijing")
        event = self.life_event(
            event_type="birth", event_date=date(2026, 1, 20), parent_role="mother"
        )
        maternity = self.granted(event, "maternity")
        leave = self.leave(maternity.holiday_status_id, date(2026, 1, 20), date(2026, 6, 26))
        self.assertEqual(leave.number_of_days, 158)

    def test_shanghai_paternity_leave_runs_longer_over_national_day(self):
        """沪府规〔2022〕18号: 10 days of paternity leave, extended over statutory holidays.
        From 29 September, 1-3 October do not count: 29 September to 11 October is 10
        days. It was counted as 13 days and refused."""
        self.jurisdiction("shanghai")
        event = self.life_event(
            event_type="birth", event_date=date(2026, 9, 28), parent_role="father"
        )
        paternity = self.granted(event, "paternity")
        self.assertEqual(paternity.number_of_days, 10)
        leave = self.leave(paternity.holiday_status_id, date(2026, 9, 29), date(2026, 10, 11))
        self.assertEqual(leave.number_of_days, 10)

    def test_extension_over_holidays_is_a_flag_of_the_jurisdiction(self):
        """Issue #12: "extends over statutory holidays" is jurisdiction data: Shanghai
        sets it for the maternity extension and paternity leave, Beijing does not.
        With the flag cleared, Shanghai paternity leave counts every calendar day."""
        shanghai = self.jurisdiction("shanghai")
        self.assertTrue(shanghai.maternity_extension_extends)
        self.assertTrue(shanghai.paternity_extends)
        beijing = self.env.ref("cs_attendance.jurisdiction_beijing")
        self.assertFalse(beijing.maternity_extension_extends or beijing.paternity_extends)
        shanghai.with_user(self.hr_officer).paternity_extends = False
        event = self.life_event(
            event_type="birth", event_date=date(2026, 9, 28), parent_role="father"
        )
        paternity = self.granted(event, "paternity")
        leave = self.leave(paternity.holiday_status_id, date(2026, 9, 29), date(2026, 10, 8))
        self.assertEqual(leave.number_of_days, 10)


@tagged("post_install", "-at_install")
class TestWindowsAndDeadlines(StatutoryCommon):
    def test_shanghai_paternity_is_usable_during_the_wifes_maternity_leave(self):
        """沪府规〔2022〕18号: paternity leave is taken during the wife's maternity leave
        (98 + 60 days from the birth, the 60 extended over holidays: born 2 March 2026,
        it ends on 7 August). The company's 7-day window forfeited the statutory days
        of a father who started on 20 March."""
        self.jurisdiction("shanghai")
        self.assertEqual(self.company.cs_paternity_window_days, 7)
        event = self.life_event(
            event_type="birth", event_date=date(2026, 3, 2), parent_role="father"
        )
        paternity = self.granted(event, "paternity")
        self.assertEqual(paternity.cs_part, "statutory")
        self.assertEqual(paternity.date_to, date(2026, 8, 7))
        self.assertFalse(paternity.cs_start_by)
        with self.assertRaisesRegex(ValidationError, "2026-08-07"), self.env.cr.savepoint():
            self.leave(paternity.holiday_status_id, date(2026, 8, 1), date(2026, 8, 10))
        leave = self.leave(paternity.holiday_status_id, date(2026, 3, 20), date(2026, 3, 29))
        self.assertEqual(leave.number_of_days, 10)

    def test_company_window_governs_only_the_days_above_the_statute(self):
        """北京市人口与计划生育条例 (marriage 10 days) and PRC_RULES §6: no source makes
        marriage leave lapse. A company granting 12 days may let its 2 extra days
        lapse after its 6-month window, never the 10 statutory days; the leave says
        which days are which. All 12 days used to lapse on 10 July."""
        self.jurisdiction("beijing")
        self.company.cs_marriage_days = 12
        event = self.life_event(event_type="marriage", event_date=date(2026, 1, 10))
        statutory = event.allocation_ids.filtered(lambda a: a.cs_part == "statutory")
        company = event.allocation_ids.filtered(lambda a: a.cs_part == "company")
        self.assertEqual((statutory.number_of_days, company.number_of_days), (10, 2))
        self.assertFalse(statutory.cs_start_by or statutory.date_to)
        self.assertEqual(company.cs_start_by, date(2026, 7, 10))
        marriage = statutory.holiday_status_id
        # After the window only the statutory days remain: 11 working days are refused.
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.leave(marriage, date(2026, 9, 1), date(2026, 9, 15))
        leave = self.leave(marriage, date(2026, 9, 1), date(2026, 9, 14))
        self.assertEqual(leave.number_of_days, 10)
        self.assertIn("statutory", leave.cs_basis)
        # Within the window the company's days are there too.
        other = self.person(
            "t_bride", "赵敏", cs_jurisdiction_id=statutory.employee_id.cs_jurisdiction_id.id
        )
        event2 = self.life_event(
            employee=other, event_type="marriage", event_date=date(2026, 1, 10)
        )
        leave2 = self.leave(marriage, date(2026, 7, 10), date(2026, 7, 27), employee=other)
        self.assertEqual(leave2.number_of_days, 12)
        self.assertIn("company", leave2.cs_basis)
        self.assertEqual(len(event2.allocation_ids), 2)

    def test_statutory_bereavement_days_do_not_lapse_and_relations_are_policy(self):
        """〔80〕劳总薪字29号: 1-3 days for a parent, spouse or child; Shanghai also for
        the spouse's parents (PRC_RULES §7). Which relations the statute covers is
        jurisdiction data; which relations the company treats as close family is its
        policy. The company's 1-month start window governs only its own days."""
        national = self.jurisdiction("national")
        codes = set(national.bereavement_relation_ids.mapped("code"))
        self.assertEqual(codes, {"parent", "spouse", "child"})
        in_law = self.life_event(
            event_type="death", event_date=date(2026, 4, 1), relationship="parent_in_law"
        )
        self.assertEqual(in_law.allocation_ids.cs_part, "company", "national: company days")
        self.assertEqual(in_law.allocation_ids.cs_start_by, date(2026, 5, 1))
        self.jurisdiction("shanghai")
        shanghai_in_law = self.life_event(
            event_type="death", event_date=date(2026, 6, 1), relationship="parent_in_law"
        )
        self.assertEqual(shanghai_in_law.allocation_ids.cs_part, "statutory")
        self.assertFalse(shanghai_in_law.allocation_ids.cs_start_by)
        leave = self.leave(self.leave_type("bereavement"), date(2026, 9, 1), date(2026, 9, 3))
        self.assertEqual(leave.number_of_days, 3, "months later, the statutory days remain")
        # The company no longer counts parents-in-law as close family: grandparents' days.
        self.jurisdiction("national")
        self.company.cs_bereavement_close_relation_ids = [
            Command.unlink(self.env.ref("cs_attendance.relation_parent_in_law").id)
        ]
        later = self.life_event(
            event_type="death", event_date=date(2026, 10, 12), relationship="parent_in_law"
        )
        self.assertEqual(later.allocation_ids.number_of_days, 1)


@tagged("post_install", "-at_install")
class TestPerChildAndTiers(StatutoryCommon):
    def test_shanghai_twins_give_two_childcare_entitlements_a_year(self):
        """上海市人口与计划生育条例 art.31: childcare leave 5 days a year per parent, per
        child under 3: twins give 10 days a year. Guangdong (广东省人口与计划生育条例
        art.30) grants 10 days a year per parent, not per child. Twins got 5."""
        self.assertTrue(self.jurisdiction("shanghai").childcare_per_child)
        event = self.life_event(
            event_type="birth", event_date=date(2026, 3, 2), parent_role="father", babies=2
        )
        childcare = self.granted(event, "childcare")
        self.assertEqual(len(childcare), 3)
        self.assertEqual(set(childcare.mapped("number_of_days")), {10})
        self.assertFalse(self.jurisdiction("guangdong").childcare_per_child)
        other = self.life_event(
            event_type="birth", event_date=date(2026, 4, 2), parent_role="father", babies=2
        )
        self.assertEqual(set(self.granted(other, "childcare").mapped("number_of_days")), {10})

    def test_guangdong_miscarriage_tiers(self):
        """广东省实施《女职工劳动保护特别规定》办法 art.11: under 4 months 15-30 days on the
        doctor's opinion, 4 to 7 months 42 days, 7 months or more 75 days; Shenzhen
        the same. 7 months or more got 42, and HR could not enter the doctor's
        figure."""
        guangdong = self.jurisdiction("guangdong")
        self.assertEqual(
            guangdong.miscarriage_tier_ids.mapped(
                lambda t: (t.from_months, t.days_min, t.days_max)
            ),
            [(0, 15, 30), (4, 42, 42), (7, 75, 75)],
        )
        Event = self.env["cs.life.event"].with_user(self.hr_officer)
        base = {
            "employee_id": self.employee.id,
            "event_type": "miscarriage",
            "event_date": "2026-04-01",
        }
        for vals in ({"pregnancy_months": 3}, {"pregnancy_months": 3, "miscarriage_days": 40}):
            event = Event.create({**base, **vals})
            with self.assertRaises(UserError):
                event.action_confirm()
            self.assertEqual((event.state, event.allocation_ids.ids), ("draft", []))
        cases = [(3, 20, 20), (5, 0, 42), (7, 0, 75), (8.5, 0, 75)]
        for months, entered, days in cases:
            event = Event.create({**base, "pregnancy_months": months, "miscarriage_days": entered})
            event.action_confirm()
            self.assertEqual(event.allocation_ids.number_of_days, days, months)
        self.jurisdiction("shenzhen")
        event = Event.create({**base, "pregnancy_months": 7})
        event.action_confirm()
        self.assertEqual(event.allocation_ids.number_of_days, 75)

    def test_national_miscarriage_tiers(self):
        """国务院令619 art.7: under 4 months 15 days, 4 months or more 42."""
        national = self.jurisdiction("national")
        self.assertEqual(len(national.miscarriage_tier_ids), 2)
        for months, days in ((3, 15), (4, 42), (8, 42)):
            event = self.life_event(
                event_type="miscarriage", event_date=date(2026, 4, 1), pregnancy_months=months
            )
            self.assertEqual(event.allocation_ids.number_of_days, days, months)


@tagged("post_install", "-at_install")
class TestAnnualLeaveAndProbation(StatutoryCommon):
    def test_probation_past_year_end_does_not_take_the_years_statutory_days(self):
        """职工带薪年休假条例实施办法 arts.3-5: no probation exclusion, a joiner with 12
        months' work gets the joining year's pro-rated days; 条例 art.5: leave may be
        arranged across one year. Joined 1 November 2026 with 16 years of work,
        probation to 31 January 2027: 1 day for 2026 (10 × 61/365) where the company
        grants nothing in the first year, taken after probation (the company's
        policy), valid through 2027. Nothing was granted."""
        self.company.cs_annual_first_year_days = 0
        self.employee.sudo().write(
            {
                "cs_first_work_date": date(2010, 1, 1),
                "cs_join_date": date(2026, 11, 1),
                "cs_probation_end": date(2027, 1, 31),
            }
        )
        self.assertTrue(self.company.cs_annual_after_probation)
        granted = self.employee.with_user(self.hr_officer).action_cs_grant_annual_leave(2026)
        self.assertEqual(granted.number_of_days, 1)
        self.assertEqual(
            (granted.date_from, granted.date_to), (date(2026, 11, 1), date(2027, 12, 31))
        )
        annual = self.leave_type("annual")
        with self.assertRaisesRegex(ValidationError, "probation"), self.env.cr.savepoint():
            self.leave(annual, date(2027, 1, 18), date(2027, 1, 18))
        leave = self.leave(annual, date(2027, 2, 1), date(2027, 2, 1))
        self.assertEqual(leave.number_of_days, 1)
        # 2026's days are valid in 2027 already: never carried over a second time.
        self.company.cs_annual_carry_over_days = 5
        granted = self.employee.with_user(self.hr_officer).action_cs_grant_annual_leave(2027)
        self.assertEqual(len(granted), 1)
        self.assertEqual(granted.date_from, date(2027, 1, 1))

    def test_career_years_are_whole_on_the_anniversary(self):
        """职工带薪年休假条例 art.3: 10 days from 10 years of work. Work begun on
        2016-12-31 makes 10 years on 2026-12-31; counted as days ÷ 365.25 it was 9
        years, and the 2026 grant fell to 5 days."""
        self.company.write({"cs_annual_first_year_days": 5, "cs_annual_later_days": 5})
        self.employee.sudo().write(
            {"cs_first_work_date": date(2016, 12, 31), "cs_join_date": date(2020, 1, 1)}
        )
        self.assertEqual(self.employee._cs_career_years(date(2026, 12, 31)), 10)
        self.assertEqual(self.employee._cs_career_years(date(2026, 12, 30)), 9)
        granted = self.employee.with_user(self.hr_officer).action_cs_grant_annual_leave(2026)
        self.assertEqual(granted.number_of_days, 10)
        self.assertEqual(self.employee._cs_service_years(date(2026, 1, 1)), 6)

    def test_an_employee_without_a_first_work_date_is_flagged_to_hr(self):
        """职工带薪年休假条例 art.3 counts years of work with every employer: without the
        first work date only the years with the company were counted, silently."""
        self.employee.sudo().write({"cs_join_date": date(2020, 1, 1)})
        self.assertTrue(self.employee.sudo().cs_first_work_date_missing)
        Employee = self.env["hr.employee"].with_user(self.hr_officer)
        self.assertIn(self.employee, Employee.search([("cs_first_work_date_missing", "=", True)]))
        granted = self.employee.with_user(self.hr_officer).action_cs_grant_annual_leave(2026)
        self.assertIn("first work date", granted.cs_basis)
        activity = self.employee.sudo().activity_ids.filtered(
            lambda a: "first work date" in (a.summary or "")
        )
        self.assertTrue(activity)
        self.employee.sudo().cs_first_work_date = date(2005, 1, 1)
        self.assertFalse(self.employee.sudo().cs_first_work_date_missing)


@tagged("post_install", "-at_install")
class TestParentCare(StatutoryCommon):
    def parent_care(self, **vals):
        return self.life_event(
            event_type="parent_care",
            event_date=date(2026, 5, 11),
            relationship="parent",
            parent_age=72,
            only_child=True,
            **vals,
        )

    def test_only_child_parent_care_by_jurisdiction(self):
        """独生子女护理假 for an only child whose parent aged 60+ is in hospital: Beijing
        10 working days a year (北京市人口与计划生育条例), Guangdong 5 days a year plus up
        to 15 in hospital (广东省人口与计划生育条例), Hunan up to 15 (湖南省人口与计划生育
        条例); Shanghai none. No such leave existed."""
        children = {}
        for code, days in (("beijing", 10), ("guangdong", 20), ("hunan", 15)):
            children[code] = self.person(
                f"t_child_{code}",
                f"独生子女 {code}",
                cs_jurisdiction_id=self.env.ref(f"cs_attendance.jurisdiction_{code}").id,
            )
            event = self.parent_care(employee=children[code])
            self.assertEqual(sum(event.allocation_ids.mapped("number_of_days")), days, code)
            self.assertEqual(event.allocation_ids.holiday_status_id, self.leave_type("parent_care"))
        leave = self.leave(
            self.leave_type("parent_care"),
            date(2026, 5, 11),
            date(2026, 5, 15),
            employee=children["beijing"],
        )
        self.assertEqual(leave.number_of_days, 5)

    def test_no_parent_care_where_the_jurisdiction_has_none_or_the_parent_is_under_60(self):
        """Shanghai grants no 独生子女护理假 (PRC_RULES §6); nowhere before the parent is
        60: confirming is refused and nothing is granted."""
        Event = self.env["cs.life.event"].with_user(self.hr_officer)
        for code, age in (("shanghai", 72), ("beijing", 58)):
            self.jurisdiction(code)
            event = Event.create(
                {
                    "employee_id": self.employee.id,
                    "event_type": "parent_care",
                    "event_date": "2026-05-11",
                    "relationship": "parent",
                    "parent_age": age,
                    "only_child": True,
                }
            )
            with self.assertRaises(UserError):
                event.action_confirm()
            self.assertEqual((event.state, event.allocation_ids.ids), ("draft", []))


@tagged("post_install", "-at_install")
class TestHolidayCalendar(StatutoryCommon):
    SCHEDULE_2027 = [
        # A schedule shaped like the State Council's notice (13 statutory days, 全国年节
        # 及纪念日放假办法 art.2), with rest days swapped and a make-up working day.
        ("2027-01-01", "statutory", "元旦"),
        ("2027-02-05", "statutory", "春节"),
        ("2027-02-06", "statutory", "春节"),
        ("2027-02-07", "statutory", "春节"),
        ("2027-02-08", "statutory", "春节"),
        ("2027-02-09", "swapped", "春节"),
        ("2027-02-10", "swapped", "春节"),
        ("2027-02-20", "workday", "春节调休上班"),
        ("2027-04-05", "statutory", "清明节"),
        ("2027-05-01", "statutory", "劳动节"),
        ("2027-05-02", "statutory", "劳动节"),
        ("2027-06-09", "statutory", "端午节"),
        ("2027-09-15", "statutory", "中秋节"),
        ("2027-10-01", "statutory", "国庆节"),
        ("2027-10-02", "statutory", "国庆节"),
        ("2027-10-03", "statutory", "国庆节"),
    ]

    def test_a_year_the_package_does_not_know_is_entered_by_hr(self):
        """全国年节及纪念日放假办法 art.2: 13 statutory days from 2025; each year's dates
        come from the State Council's notice. chinese-calendar knows the years up to
        its release: for 2027 the wizard failed with "not published". HR now enters
        the notice on one form, checked against the law's 13 days."""
        Load = self.env["cs.holiday.load"].with_user(self.hr_officer)
        wizard = Load.create({"year": 2027, "company_id": self.company.id})
        self.assertFalse(wizard.package_knows_year)
        with self.assertRaisesRegex(UserError, "2027"):
            wizard.action_load()
        short = [line for line in self.SCHEDULE_2027 if line[0] != "2027-10-03"]
        wizard.line_ids = [
            Command.create({"date": day, "kind": kind, "name": name}) for day, kind, name in short
        ]
        with self.assertRaisesRegex(ValidationError, "13"):
            wizard.action_load()
        Holiday = self.env["resource.calendar.leaves"]
        domain = [("company_id", "=", self.company.id), ("date_from", ">=", "2026-12-31")]
        self.assertFalse(Holiday.search(domain))
        wizard.line_ids = [
            Command.create({"date": "2027-10-03", "kind": "statutory", "name": "国庆节"})
        ]
        wizard.action_load()
        self.assertEqual(len(Holiday.search(domain + [("cs_holiday_kind", "=", "statutory")])), 13)
        self.assertEqual(len(Holiday.search(domain + [("cs_holiday_kind", "=", "swapped")])), 2)
        extra = self.env["cs.workday.extra"].search([("company_id", "=", self.company.id)])
        self.assertIn(date(2027, 2, 20), extra.mapped("date"))

    def test_the_schedule_is_imported_from_a_small_csv(self):
        """The same notice as a CSV file (date,kind,name): read into the form, then
        loaded with the same check of the 13 days."""
        text = "date,kind,name\n" + "\n".join(",".join(line) for line in self.SCHEDULE_2027)
        wizard = (
            self.env["cs.holiday.load"]
            .with_user(self.hr_officer)
            .create(
                {
                    "year": 2027,
                    "company_id": self.company.id,
                    "csv_file": base64.b64encode(text.encode()),
                }
            )
        )
        wizard.action_read_csv()
        self.assertEqual(len(wizard.line_ids), len(self.SCHEDULE_2027))
        wizard.action_load()
        statutory = self.env["resource.calendar.leaves"].search(
            [
                ("company_id", "=", self.company.id),
                ("cs_holiday_kind", "=", "statutory"),
                ("date_from", ">=", "2026-12-31"),
            ]
        )
        self.assertEqual(len(statutory), 13)
        bad = (
            self.env["cs.holiday.load"]
            .with_user(self.hr_officer)
            .create(
                {
                    "year": 2027,
                    "company_id": self.company.id,
                    "csv_file": base64.b64encode(b"date,kind,name\n2027-13-45,statutory,x\n"),
                }
            )
        )
        with self.assertRaises(UserError):
            bad.action_read_csv()

    def test_holidays_cover_the_local_day_of_an_early_shift(self):
        """全国年节及纪念日放假办法: a holiday is the whole calendar day where the company
        works (Asia/Shanghai). Stored as UTC midnight to midnight, 1 October began at
        08:00 local time: a shift from 06:00 worked two hours of National Day."""
        early = self.env["resource.calendar"].create(
            {
                "name": "早班 06:00-14:00",
                "company_id": self.company.id,
                "tz": "Asia/Shanghai",
                "attendance_ids": [
                    Command.clear(),
                    *(
                        Command.create(
                            {
                                "name": f"早班 {day}",
                                "dayofweek": str(day),
                                "hour_from": 6,
                                "hour_to": 14,
                                "day_period": "morning",
                            }
                        )
                        for day in range(5)
                    ),
                ],
            }
        )

        def hours(day):
            start = SHANGHAI.localize(datetime.combine(day, datetime.min.time()))
            return early.get_work_hours_count(start, start + timedelta(days=1))

        self.assertEqual(hours(date(2026, 9, 30)), 8, "an ordinary Wednesday")
        self.assertEqual(hours(date(2026, 10, 1)), 0, "National Day, from midnight")
        self.assertEqual(hours(date(2026, 10, 2)), 0)
        self.assertEqual(hours(date(2026, 10, 5)), 0, "rest day moved (补休)")
        self.assertEqual(hours(date(2026, 10, 10)), 8, "make-up working Saturday (调休)")


@tagged("post_install", "-at_install")
class TestPolicyValuesAndCitations(StatutoryCommon):
    def test_start_windows_nursing_and_childcare_ages_are_policy_values(self):
        """Issue #12: the start windows are the company's policy (its form), nursing
        until the first birthday (国务院令619 art.9) and childcare until age 3 (the
        provincial rules) are the jurisdiction's figures: none is a literal in code."""
        company = self.company
        self.assertEqual(
            (
                company.cs_maternity_start_within_months,
                company.cs_bereavement_start_within_months,
            ),
            (12, 1),
        )
        beijing = self.jurisdiction("beijing")
        self.assertEqual((beijing.nursing_until_months, beijing.childcare_until_years), (12, 3))
        company.write({"cs_maternity_days": 200, "cs_maternity_start_within_months": 6})
        beijing.with_user(self.hr_officer).write(
            {"nursing_until_months": 18, "childcare_until_years": 4}
        )
        event = self.life_event(
            event_type="birth", event_date=date(2026, 3, 2), parent_role="mother"
        )
        extra = self.granted(event, "maternity").filtered(lambda a: a.cs_part == "company")
        self.assertEqual(extra.number_of_days, 200 - 158)
        self.assertEqual(extra.cs_start_by, date(2026, 9, 2))
        self.assertEqual(event.nursing_until, date(2027, 9, 2))
        self.assertEqual(len(self.granted(event, "childcare")), 4)
        bereavement = self.leave_type("bereavement")
        company.cs_bereavement_start_within_months = 2
        self.assertIn("2 month", bereavement.with_company(company).cs_validity)

    def test_shanghai_sick_pay_cites_the_labour_bureau(self):
        """沪劳保发〔1995〕83号 sets Shanghai's sick-pay bands; 沪府规〔2022〕18号 is the
        family-planning leave rule. The bands cited the latter."""
        shanghai = self.env.ref("cs_attendance.jurisdiction_shanghai")
        self.assertIn("沪劳保发〔1995〕83号", shanghai.sick_pay_source)
        self.assertNotIn("沪府规", shanghai.sick_pay_source)
        self.assertIn("沪府规〔2022〕18号", shanghai.maternity_source)

    def test_every_jurisdiction_figure_shows_its_source(self):
        """Issue #12: every figure of a jurisdiction shows its source on the form, next
        to it: each group of figures on the form holds its source field, and each
        shipped jurisdiction fills the sources of the figures it sets."""
        Jurisdiction = self.env["cs.leave.jurisdiction"]
        arch = etree.fromstring(Jurisdiction.get_view(view_type="form")["arch"])
        sources = Jurisdiction._cs_source_fields()
        self.assertTrue(sources)
        for source, figures in sources.items():
            group = arch.xpath(f"//group[field[@name='{source}']]")
            self.assertTrue(group, source)
            shown = {field.get("name") for field in group[0].iter("field")}
            self.assertLessEqual(set(figures), shown, source)
        for code in ("national", "beijing", "shanghai", "guangdong", "shenzhen", "hunan"):
            jurisdiction = self.env.ref(f"cs_attendance.jurisdiction_{code}")
            for source, figures in sources.items():
                # The first figure says whether the jurisdiction grants this at all.
                if jurisdiction[figures[0]]:
                    self.assertTrue(jurisdiction[source], f"{code}: {source}")


@tagged("post_install", "-at_install")
class TestMigration(StatutoryCommon):
    def test_the_migration_moves_old_holidays_to_the_local_day_and_fixes_citations(self):
        """19.0.1.3.0: holidays loaded before it cover UTC days and have no kind; the
        Shanghai preset (noupdate) cites 沪府规〔2022〕18号 for its sick-pay bands."""
        other = create_china_company(self.env, "旧数据分店")
        old = self.env["resource.calendar.leaves"].create(
            {
                "name": "National Day",
                "company_id": other.id,
                "date_from": datetime(2025, 10, 1),
                "date_to": datetime(2025, 10, 1, 23, 59, 59),
                "time_type": "leave",
            }
        )
        shanghai = self.env.ref("cs_attendance.jurisdiction_shanghai")
        shanghai.write(
            {"sick_pay_source": False, "maternity_source": False, "paternity_extends": False}
        )
        load_migration("19.0.1.3.0").migrate(self.env.cr, "19.0.1.2.0")
        self.env.invalidate_all()
        self.assertEqual(old.date_from, datetime(2025, 9, 30, 16, 0))
        self.assertEqual(old.cs_holiday_kind, "statutory")
        self.assertIn("沪劳保发〔1995〕83号", shanghai.sick_pay_source)
        self.assertTrue(shanghai.paternity_extends)
