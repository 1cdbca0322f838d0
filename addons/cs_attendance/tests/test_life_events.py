from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import freeze_time, tagged

from .common import LeaveCommon


@tagged("post_install", "-at_install")
class TestLifeEvents(LeaveCommon):
    def test_beijing_difficult_labour_twins_get_188_days_in_one_block(self):
        event = self.life_event(
            event_type="birth",
            event_date=date(2026, 3, 2),
            parent_role="mother",
            difficult_labour=True,
            babies=2,
        )
        allocation = event.allocation_ids
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
                event.allocation_ids.holiday_status_id, self.d("2026-03-02"), self.d("2026-05-01")
            )

    def test_guangdong_difficult_labour_adds_30(self):
        self.employee.cs_jurisdiction_id = self.env.ref("cs_attendance.jurisdiction_guangdong")
        event = self.life_event(
            event_type="birth",
            event_date=date(2026, 3, 2),
            parent_role="mother",
            difficult_labour=True,
        )
        self.assertEqual(event.allocation_ids.number_of_days, 98 + 80 + 30)

    def test_seed_90_day_maternity_never_grants_less_than_the_law(self):
        self.employee.cs_jurisdiction_id = self.env.ref("cs_attendance.jurisdiction_national")
        self.assertEqual(self.env.company.cs_maternity_days, 90)
        event = self.life_event(
            event_type="birth", event_date=date(2026, 3, 2), parent_role="mother"
        )
        self.assertEqual(event.allocation_ids.number_of_days, 98)
        self.assertIn("statutory", event.basis)
        self.assertIn("only 90", event.basis)

    def test_marriage_leave_expires_six_months_after_registration(self):
        event = self.life_event(event_type="marriage", event_date=date(2026, 1, 10))
        allocation = event.allocation_ids
        self.assertEqual(allocation.number_of_days, 10, "Beijing gives 10 days")
        self.assertEqual(allocation.date_to, date(2026, 7, 10))
        with self.assertRaisesRegex(ValidationError, "expired"):
            self.leave(allocation.holiday_status_id, self.d("2026-07-13"), self.d("2026-07-14"))
        leave = self.leave(allocation.holiday_status_id, self.d("2026-07-10"), self.d("2026-07-10"))
        self.assertEqual(leave.state, "confirm")

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
