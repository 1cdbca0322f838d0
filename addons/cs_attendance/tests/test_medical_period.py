"""The medical treatment period (医疗期) on the employee and on sick leave, and HR's
warning before it ends (劳部发〔1994〕479号 arts.3-4; 劳部发〔1995〕236号 items 1-2;
PRC_RULES.md §8), in a company of its own in China."""

from datetime import date, datetime, timedelta

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import TransactionCase, freeze_time, tagged

from odoo.addons.cs_base.tests.access_matrix import company_user, create_china_company

MEDICAL_FIELDS = [
    "cs_medical_first_sick_day",
    "cs_medical_window_end",
    "cs_medical_period_months",
    "cs_medical_window_months",
    "cs_medical_period_days",
    "cs_medical_used_days",
    "cs_medical_remaining_days",
    "cs_medical_ends_on",
    "cs_medical_state",
]


def shanghai(text):
    """A moment in Shanghai as the naive UTC datetime freezegun expects (UTC+8)."""
    return datetime.fromisoformat(text) - timedelta(hours=8)


@tagged("post_install", "-at_install")
class TestMedicalPeriod(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = create_china_company(cls.env, "医疗期测试商场")

        def user(login, groups):
            return company_user(cls.env, cls.company, login, groups)

        cls.hr_officer = user("mp_hr", "hr_holidays.group_hr_holidays_user")
        cls.hr_responsible = user("mp_hr_resp", "hr_holidays.group_hr_holidays_user")
        cls.settings_admin = user("mp_admin", "base.group_system")
        cls.supervisor_user = user("mp_super", "base.group_user")
        cls.employee_user = user("mp_emp", "base.group_user")
        cls.employee = cls.env["hr.employee"].create(
            {
                "name": "张伟",
                "user_id": cls.employee_user.id,
                "company_id": cls.company.id,
                "leave_manager_id": cls.supervisor_user.id,
                # 9 years of work on 5 January 2026 (ten on the 10th), 1 with the company.
                "cs_first_work_date": date(2016, 1, 10),
                "cs_join_date": date(2024, 3, 1),
                "hr_responsible_id": cls.hr_responsible.id,
            }
        )
        cls.sick = cls.env.ref("cs_attendance.leave_type_sick")

    def sick_leave(self, first, last, validate=True):
        """A sick leave the employee requests; every approval level approves it."""
        leave = (
            self.env["hr.leave"]
            .with_user(self.employee_user)
            .create(
                {
                    "holiday_status_id": self.sick.id,
                    "employee_id": self.employee.id,
                    "request_date_from": first,
                    "request_date_to": last,
                }
            )
            .sudo()
        )
        for _level in range(4):
            if not validate or leave.state == "validate":
                break
            leave.action_approve()
        self.assertEqual(leave.state, "validate" if validate else "confirm")
        return leave

    def as_hr(self):
        self.env.invalidate_all()
        return self.employee.with_user(self.hr_officer)

    def warnings(self):
        return (
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search(
                [
                    ("res_model", "=", "hr.employee"),
                    ("res_id", "=", self.employee.id),
                    (
                        "activity_type_id",
                        "=",
                        self.env.ref("cs_attendance.mail_activity_type_medical_period_end").id,
                    ),
                ]
            )
        )

    def run_cron(self):
        self.env["hr.employee"]._cs_cron_warn_medical_period_end()

    # ------------------------------------------------------------------
    # On the employee (HR)
    # ------------------------------------------------------------------
    def test_the_employee_form_shows_entitlement_window_days_used_and_end(self):
        """Medical period #1 (479号 arts.3-4, 236号 item 1): 9 years of work and 1 with
        the company on the first sick day, 5 January 2026: 3 months (90 days) within
        6 months, to 5 July; on 1 March 56 calendar days are used, 34 remain, and off
        sick every day from then on the period ends on 4 April."""
        self.sick_leave(date(2026, 1, 5), date(2026, 3, 31))
        with freeze_time(shanghai("2026-03-01 10:00")):
            employee = self.as_hr()
            self.assertEqual(employee.cs_medical_first_sick_day, date(2026, 1, 5))
            self.assertEqual(
                (employee.cs_medical_period_months, employee.cs_medical_window_months), (3, 6)
            )
            self.assertEqual(employee.cs_medical_period_days, 90)
            self.assertEqual(employee.cs_medical_window_end, date(2026, 7, 5))
            self.assertEqual(employee.cs_medical_used_days, 56)
            self.assertEqual(employee.cs_medical_remaining_days, 34)
            self.assertEqual(employee.cs_medical_ends_on, date(2026, 4, 4))
            self.assertEqual(employee.cs_medical_state, "running")
            self.assertIn("479", employee.cs_medical_basis)

    def test_ten_years_of_work_reached_on_the_first_sick_day_doubles_the_period(self):
        """Medical period #2 (479号 art.3(2)): ten years of work on the first sick day
        ("十年以上" includes the tenth) give 6 months within 12; one day earlier, 3."""
        self.sick_leave(date(2026, 1, 10), date(2026, 1, 12))
        with freeze_time(shanghai("2026-01-12 10:00")):
            employee = self.as_hr()
            self.assertEqual(
                (employee.cs_medical_period_months, employee.cs_medical_window_months), (6, 12)
            )
        self.employee.cs_first_work_date = date(2016, 1, 11)
        with freeze_time(shanghai("2026-01-12 10:00")):
            self.assertEqual(self.as_hr().cs_medical_period_months, 3)

    def test_rest_days_between_two_sick_leaves_count(self):
        """Medical period #3 (236号 item 2): sick on Friday 9 January and again on Monday
        12 January 2026, the weekend between counts: 4 days used."""
        self.sick_leave(date(2026, 1, 9), date(2026, 1, 9))
        self.sick_leave(date(2026, 1, 12), date(2026, 1, 12))
        with freeze_time(shanghai("2026-01-12 18:00")):
            self.assertEqual(self.as_hr().cs_medical_used_days, 4)

    def test_only_validated_sick_leave_counts(self):
        """Medical period #4 (479号 art.2): the period counts sick leave taken: a
        request not yet approved, or refused, uses no day of it."""
        self.sick_leave(date(2026, 1, 5), date(2026, 1, 9))
        waiting = self.sick_leave(date(2026, 1, 12), date(2026, 1, 16), validate=False)
        refused = self.sick_leave(date(2026, 1, 19), date(2026, 1, 23))
        refused.action_refuse()
        with freeze_time(shanghai("2026-01-31 10:00")):
            self.assertEqual(self.as_hr().cs_medical_used_days, 5)
        self.assertEqual(waiting.state, "confirm")

    def test_the_period_is_the_employee_facts_for_hr_only(self):
        """Medical period #5 (479号 arts.3-4, a fact HR decides on): a Settings
        administrator without HR rights may read employees but not their medical
        period."""
        self.sick_leave(date(2026, 1, 5), date(2026, 1, 9))
        with self.assertRaises(AccessError):
            self.employee.with_user(self.settings_admin).read(["cs_medical_used_days"])
        self.assertEqual(
            self.employee.with_user(self.settings_admin).read(["name"])[0]["name"], "张伟"
        )

    def test_an_employee_without_first_work_date_is_flagged(self):
        """Medical period #6 (479号 art.3 counts all years of work): without a first
        work date only the years with the company are known: HR is told so."""
        self.employee.cs_first_work_date = False
        self.sick_leave(date(2026, 1, 5), date(2026, 1, 9))
        with freeze_time(shanghai("2026-01-09 10:00")):
            employee = self.as_hr()
            self.assertTrue(employee.cs_medical_dates_missing)
            self.assertEqual(employee.cs_medical_period_months, 3)
        self.employee.cs_first_work_date = date(2016, 1, 10)
        self.assertFalse(self.as_hr().cs_medical_dates_missing)

    # ------------------------------------------------------------------
    # On the sick leave (the employee, HR)
    # ------------------------------------------------------------------
    def test_the_sick_leave_shows_the_period_to_its_employee(self):
        """Medical period #7 (479号 arts.3-4): the employee reads on her own sick leave
        the period it draws on, counted to its last day: 5 January to 13 February is
        40 days of 90."""
        self.sick_leave(date(2026, 1, 5), date(2026, 1, 31))
        request = self.sick_leave(date(2026, 2, 1), date(2026, 2, 13), validate=False)
        own = request.with_user(self.employee_user)
        values = own.read(MEDICAL_FIELDS)[0]
        self.assertEqual(values["cs_medical_used_days"], 40)
        self.assertEqual(values["cs_medical_period_days"], 90)
        self.assertEqual(values["cs_medical_remaining_days"], 50)
        self.assertEqual(values["cs_medical_first_sick_day"], date(2026, 1, 5))
        self.assertEqual(values["cs_medical_ends_on"], date(2026, 4, 4))
        self.assertEqual(request.with_user(self.hr_officer).cs_medical_used_days, 40)

    def test_the_sick_leave_hides_the_period_from_other_readers(self):
        """Medical period #8 (479号: the period follows from the employee's career, HR
        data): the supervisor who approves her leave reads the leave, not the period."""
        request = self.sick_leave(date(2026, 1, 5), date(2026, 1, 9), validate=False)
        as_supervisor = request.with_user(self.supervisor_user)
        as_supervisor.check_access("read")
        values = as_supervisor.read(MEDICAL_FIELDS)[0]
        self.assertFalse(any(values[name] for name in MEDICAL_FIELDS))

    # ------------------------------------------------------------------
    # The end and HR's warning
    # ------------------------------------------------------------------
    def test_the_day_the_period_ends_and_the_day_after(self):
        """Medical period #9 (479号 arts.3-4, 236号 item 1): off sick from 5 January,
        the 90th day, 4 April 2026, is the period's last; on 5 April it is over."""
        self.sick_leave(date(2026, 1, 5), date(2026, 4, 30))
        with freeze_time(shanghai("2026-04-04 23:00")):
            employee = self.as_hr()
            self.assertEqual(employee.cs_medical_used_days, 90)
            self.assertEqual(employee.cs_medical_remaining_days, 0)
            self.assertEqual(employee.cs_medical_ends_on, date(2026, 4, 4))
            self.assertEqual(employee.cs_medical_state, "running")
        with freeze_time(shanghai("2026-04-05 01:00")):
            employee = self.as_hr()
            self.assertEqual(employee.cs_medical_state, "exhausted")
            self.assertEqual(employee.cs_medical_ends_on, date(2026, 4, 4))

    def test_hr_is_warned_once_on_the_warning_day(self):
        """Medical period #10 (479号 arts.3-4; policy: warn 30 days before): the period
        of an employee off sick from 5 January ends on 4 April 2026: no warning on
        4 March (Shanghai time), one activity for the HR responsible on 5 March, due
        4 April, and no second one the next day."""
        self.assertEqual(self.company.cs_medical_warning_days, 30)
        self.sick_leave(date(2026, 1, 5), date(2026, 4, 30))
        with freeze_time(shanghai("2026-03-04 23:30")):
            self.run_cron()
        self.assertFalse(self.warnings())
        with freeze_time(shanghai("2026-03-05 00:30")):
            self.run_cron()
        warning = self.warnings()
        self.assertEqual(len(warning), 1)
        self.assertEqual(warning.date_deadline, date(2026, 4, 4))
        self.assertEqual(warning.user_id, self.hr_responsible)
        self.assertIn("张伟", warning.summary)
        with freeze_time(shanghai("2026-03-06 10:00")):
            self.run_cron()
        self.assertEqual(len(self.warnings()), 1)

    def test_a_warning_marked_done_is_not_repeated_for_the_same_period(self):
        """Medical period #11 (479号 art.4: one period per window): HR marks the warning
        done; the daily run does not raise it again for that period."""
        self.sick_leave(date(2026, 1, 5), date(2026, 4, 30))
        with freeze_time(shanghai("2026-03-05 10:00")):
            self.run_cron()
        self.warnings().with_user(self.hr_responsible).action_done()
        with freeze_time(shanghai("2026-03-10 10:00")):
            self.run_cron()
        self.assertEqual(len(self.warnings()), 1)
        self.assertFalse(self.warnings().active)

    def test_the_warning_days_are_a_company_policy(self):
        """Medical period #12 (policy value): with 10 days, the warning comes on
        25 March, not on 5 March."""
        self.company.cs_medical_warning_days = 10
        self.sick_leave(date(2026, 1, 5), date(2026, 4, 30))
        with freeze_time(shanghai("2026-03-05 10:00")):
            self.run_cron()
        self.assertFalse(self.warnings())
        with freeze_time(shanghai("2026-03-25 10:00")):
            self.run_cron()
        self.assertEqual(len(self.warnings()), 1)

    def test_no_warning_while_the_employee_is_back_at_work(self):
        """Medical period #13 (479号 art.4): the days run out only while off sick: an
        employee back at work since this morning with 16 days left is not flagged."""
        self.sick_leave(date(2026, 1, 5), date(2026, 3, 19))
        with freeze_time(shanghai("2026-03-20 10:00")):
            self.run_cron()
            self.assertEqual(self.as_hr().cs_medical_remaining_days, 16)
        self.assertFalse(self.warnings())

    def test_the_warning_days_are_bounded(self):
        """Integrity (policy value): a negative or absurd number of days is refused
        with a clear message, and the policy keeps its value."""
        for days in (-1, 100_000):
            with self.assertRaises(ValidationError), self.env.cr.savepoint():
                self.company.with_user(self.settings_admin).cs_medical_warning_days = days
                self.company.flush_recordset()
        self.env.invalidate_all()
        self.assertEqual(self.company.cs_medical_warning_days, 30)
