from datetime import date

from odoo.tests import tagged

from .common import LeaveCommon


@tagged("post_install", "-at_install")
class TestWorkingCalendar(LeaveCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["cs.holiday.load"].create({"year": 2025}).action_load()

    def test_loaded_year_has_national_day_and_its_make_up_sunday(self):
        extra = self.env["cs.workday.extra"].search([("date", "=", date(2025, 9, 28))])
        self.assertTrue(extra)
        holidays = self.env["resource.calendar.leaves"].search(
            [
                ("resource_id", "=", False),
                ("company_id", "=", self.env.company.id),
                ("date_from", ">=", "2025-10-01"),
                ("date_from", "<", "2025-10-09"),
            ]
        )
        self.assertEqual(len(holidays), 8, "National Day and Mid-autumn: 1 to 8 October")

    def test_request_across_a_make_up_weekend_counts_the_worked_sunday(self):
        # Friday 26 Sep, Saturday off, Sunday 28 worked (调休), Monday 29.
        leave = self.leave(self.sick, date(2025, 9, 26), date(2025, 9, 29))
        self.assertEqual(leave.number_of_days, 3)

    def test_request_across_national_day_counts_no_holiday(self):
        leave = self.leave(self.sick, date(2025, 9, 30), date(2025, 10, 9))
        self.assertEqual(leave.number_of_days, 2)

    def test_loading_twice_adds_nothing(self):
        before = self.env["cs.workday.extra"].search_count([])
        self.env["cs.holiday.load"].create({"year": 2025}).action_load()
        self.assertEqual(self.env["cs.workday.extra"].search_count([]), before)
