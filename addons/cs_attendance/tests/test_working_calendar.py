from datetime import date, datetime

from pytz import timezone, utc

from odoo.tests import tagged

from .common import LeaveCommon


@tagged("post_install", "-at_install")
class TestWorkingCalendar(LeaveCommon):
    """The statutory holidays of 2025 and their make-up days, loaded for a
    company of its own in China (Asia/Shanghai)."""

    company_of_its_own = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["cs.holiday.load"].create(
            {"year": 2025, "company_id": cls.company.id}
        ).action_load()

    def test_loaded_year_has_national_day_and_its_make_up_sunday(self):
        extra = self.env["cs.workday.extra"].search(
            [("date", "=", date(2025, 9, 28)), ("company_id", "=", self.company.id)]
        )
        self.assertTrue(extra)
        holidays = self.env["resource.calendar.leaves"].search(
            [
                ("resource_id", "=", False),
                ("company_id", "=", self.company.id),
                ("date_from", ">=", "2025-09-30"),
                ("date_from", "<", "2025-10-10"),
            ]
        )
        # Stored in UTC, each covering a calendar day in Shanghai.
        zone = timezone("Asia/Shanghai")
        days = {utc.localize(h.date_from).astimezone(zone).date() for h in holidays}
        self.assertEqual(
            days,
            {date(2025, 10, day) for day in range(1, 9)},
            "National Day and Mid-autumn: 1 to 8 October",
        )
        self.assertEqual(
            utc.localize(min(holidays.mapped("date_from"))).astimezone(zone).replace(tzinfo=None),
            datetime(2025, 10, 1),
        )

    def test_request_across_a_make_up_weekend_counts_the_worked_sunday(self):
        # Friday 26 Sep, Saturday off, Sunday 28 worked (调休), Monday 29.
        leave = self.leave(self.sick, date(2025, 9, 26), date(2025, 9, 29))
        self.assertEqual(leave.number_of_days, 3)

    def test_request_across_national_day_counts_no_holiday(self):
        leave = self.leave(self.sick, date(2025, 9, 30), date(2025, 10, 9))
        self.assertEqual(leave.number_of_days, 2)

    def test_loading_twice_adds_nothing(self):
        before = self.env["cs.workday.extra"].search_count([])
        self.env["cs.holiday.load"].create(
            {"year": 2025, "company_id": self.company.id}
        ).action_load()
        self.assertEqual(self.env["cs.workday.extra"].search_count([]), before)
