"""Untaken statutory annual leave at the end of the year, listed for payroll at
300 % of the daily wage (职工带薪年休假条例 art.5; 企业职工带薪年休假实施办法 arts.5,
10-13; PRC_RULES.md §3), in a company of its own in China."""

import io
from datetime import date

import openpyxl

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.cs_base.tests.access_matrix import create_china_company


@tagged("post_install", "-at_install")
class TestYearEndAnnualLeave(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = create_china_company(cls.env, "年休假测试商场")
        cls.other_company = create_china_company(cls.env, "另一家商场")
        cls.annual = cls.env.ref("cs_attendance.leave_type_annual")

        def user(login, groups, company=cls.company):
            return new_test_user(
                cls.env,
                login,
                groups=groups,
                company_id=company.id,
                company_ids=[company.id],
                tz="Asia/Shanghai",
            )

        cls.hr_officer = user("ye_hr", "hr_holidays.group_hr_holidays_user")
        cls.other_officer = user("ye_hr2", "hr_holidays.group_hr_holidays_user")
        cls.hr_manager = user("ye_mgr", "hr_holidays.group_hr_holidays_user,hr.group_hr_manager")
        cls.employee_user = user("ye_emp", "base.group_user")

        # 16 years of work, with us since 2020: 10 days a year; 3 taken.
        cls.stayer = cls.person("李娜", date(2010, 1, 1), date(2020, 1, 1), wage=8700)
        cls.grant(cls.stayer, 10)
        cls.take(cls.stayer, date(2026, 3, 2), date(2026, 3, 4))
        # 21 years of work, left on 31 May 2026: 15 days a year; 2 taken.
        cls.leaver = cls.person("王强", date(2005, 1, 1), date(2010, 1, 1), wage=8700)
        cls.grant(cls.leaver, 15)
        cls.take(cls.leaver, date(2026, 3, 9), date(2026, 3, 10))
        cls.leaver.write({"departure_date": date(2026, 5, 31), "active": False})
        # 12 years of work, joined on 1 July 2026: 184/365 × 10 = 5.04, 5 days.
        cls.joiner = cls.person("赵敏", date(2014, 1, 1), date(2026, 7, 1), wage=8700)
        cls.grant(cls.joiner, 5)
        # 4 years of work: 5 statutory days; the company grants 10; 7 taken.
        cls.generous = cls.person("陈静", date(2022, 6, 1), date(2023, 1, 1), wage=8700)
        cls.grant(cls.generous, 10)
        cls.take(cls.generous, date(2026, 4, 6), date(2026, 4, 14))
        cls.foreign = cls.person(
            "外司员工", date(2000, 1, 1), date(2020, 1, 1), wage=8700, company=cls.other_company
        )
        cls.grant(cls.foreign, 15)

    @classmethod
    def person(cls, name, first_work, joined, wage, company=None):
        employee = cls.env["hr.employee"].create(
            {
                "name": name,
                "company_id": (company or cls.company).id,
                "cs_first_work_date": first_work,
                "cs_join_date": joined,
            }
        )
        employee.version_id.wage = wage
        return employee

    @classmethod
    def grant(cls, employee, days):
        allocation = cls.env["hr.leave.allocation"].create(
            {
                "name": "Annual leave 2026",
                "employee_id": employee.id,
                "holiday_status_id": cls.annual.id,
                "number_of_days": days,
                "date_from": date(2026, 1, 1),
                "date_to": date(2026, 12, 31),
            }
        )
        if allocation.state != "validate":
            allocation.action_approve()

    @classmethod
    def take(cls, employee, first, last):
        leave = cls.env["hr.leave"].create(
            {
                "holiday_status_id": cls.annual.id,
                "employee_id": employee.id,
                "request_date_from": first,
                "request_date_to": last,
            }
        )
        for _level in range(4):
            if leave.state == "validate":
                break
            leave.action_approve()
        assert leave.state == "validate", leave.state

    def report(self, user=None, year=2026, company=None):
        wizard = (
            self.env["cs.annual.leave.year.end"]
            .with_user(user or self.hr_manager)
            .create({"year": year, "company_id": (company or self.company).id})
        )
        wizard.action_compute()
        return wizard

    @staticmethod
    def line(wizard, employee):
        return wizard.line_ids.filtered(lambda line: line.employee_id == employee)

    def test_untaken_statutory_days_are_listed_at_300_percent(self):
        """Year end #1 (条例 art.5, 实施办法 arts.10-11): 10 statutory days, 3 taken:
        7 owed; daily wage 8,700 ÷ 21.75 = 400; 300 % is 8,400, of which the normal
        pay (100 %) is already in the wage: 5,600 to pay."""
        line = self.line(self.report(), self.stayer)
        self.assertEqual(line.statutory_days, 10)
        self.assertEqual(line.taken_days, 3)
        self.assertEqual(line.statutory_untaken, 7)
        self.assertEqual(line.company_untaken, 0)
        self.assertEqual(line.daily_wage, 400)
        self.assertEqual(line.untaken_value, 8400)
        self.assertEqual(line.untaken_due, 5600)

    def test_a_leaver_is_pro_rated_without_claw_back(self):
        """Year end #2 (实施办法 art.12): left on 31 May 2026 with 15 days a year and 2
        taken: 151/365 × 15 − 2 = 4.21, 4 days owed; an archived employee is listed."""
        line = self.line(self.report(), self.leaver)
        self.assertEqual(line.leave_date, date(2026, 5, 31))
        self.assertEqual(line.days_at_company, 151)
        self.assertEqual(line.statutory_untaken, 4)
        self.assertEqual(line.untaken_due, 4 * 400 * 2)

    def test_a_joiner_is_pro_rated_fraction_dropped(self):
        """Year end #3 (实施办法 art.5): joined 1 July 2026 with 12 years of work:
        184/365 × 10 = 5.04, 5 days, none taken: 5 owed."""
        line = self.line(self.report(), self.joiner)
        self.assertEqual(line.statutory_tier, 10)
        self.assertEqual(line.statutory_days, 5)
        self.assertEqual(line.statutory_untaken, 5)

    def test_company_days_above_the_statute_are_shown_apart(self):
        """Year end #4 (实施办法 art.13): 5 statutory + 5 company days, 7 taken: the
        statutory days are taken, nothing at 300 %; 3 company days left, shown for the
        company's own rule."""
        line = self.line(self.report(), self.generous)
        self.assertEqual((line.statutory_days, line.company_days), (5, 5))
        self.assertEqual(line.taken_days, 7)
        self.assertEqual((line.statutory_untaken, line.company_untaken), (0, 3))
        self.assertEqual(line.untaken_value, 0)

    def test_the_hr_officer_sees_the_days_not_the_wages(self):
        """Year end #5 (wages are the HR manager's, hr.version.wage): a Time Off officer
        runs the report and reads the days; the amounts are refused."""
        line = self.line(self.report(self.hr_officer), self.stayer)
        self.assertEqual(line.statutory_untaken, 7)
        with self.assertRaises(AccessError):
            line.read(["untaken_value"])
        with self.assertRaises(AccessError):
            line.read(["daily_wage"])

    def test_only_the_companys_employees_are_listed(self):
        """Year end #6 (multi-company): an employee of another company is not listed,
        and an officer cannot run the report for a company that is not hers."""
        wizard = self.report()
        self.assertEqual(
            set(wizard.line_ids.employee_id.ids),
            {self.stayer.id, self.leaver.id, self.joiner.id, self.generous.id},
        )
        with self.assertRaises(AccessError):
            self.report(self.hr_officer, company=self.other_company)

    def test_the_report_lines_change_only_through_the_report(self):
        """Year end #7 (integrity): a hostile officer writes 30 untaken days on a line or
        creates a line of her own over JSON-RPC: both refused, the line unchanged."""
        wizard = self.report(self.hr_officer)
        line = self.line(wizard, self.stayer)
        Line = self.env["cs.annual.leave.year.end.line"].with_user(self.hr_officer)
        with self.assertRaises(UserError):
            line.write({"statutory_untaken": 30})
        with self.assertRaises(UserError):
            Line.create(
                {"wizard_id": wizard.id, "employee_id": self.stayer.id, "statutory_untaken": 30}
            )
        self.env.invalidate_all()
        self.assertEqual(line.statutory_untaken, 7)
        self.assertEqual(len(wizard.line_ids), 4)

    def test_running_the_report_again_replaces_its_lines(self):
        """Year end #8: the report is recomputed, not added to."""
        wizard = self.report()
        wizard.action_compute()
        self.assertEqual(len(wizard.line_ids), 4)

    def test_the_year_must_be_sane(self):
        """Year end #9 (integrity): a year outside 2000-2100 or beyond any integer is a
        clear refusal, not a database or date error."""
        Wizard = self.env["cs.annual.leave.year.end"].with_user(self.hr_officer)
        for year in (1999, 2101, 10**6, 2**40):
            with self.assertRaises(ValidationError), self.env.cr.savepoint():
                Wizard.create({"year": year, "company_id": self.company.id})

    def test_employees_and_other_officers_cannot_read_the_report(self):
        """Year end #10 (access): an employee cannot run it; another officer does not
        see this officer's report."""
        with self.assertRaises(AccessError):
            self.env["cs.annual.leave.year.end"].with_user(self.employee_user).create(
                {"year": 2026, "company_id": self.company.id}
            )
        wizard = self.report(self.hr_officer)
        with self.assertRaises(AccessError):
            wizard.with_user(self.other_officer).check_access("read")
        with self.assertRaises(AccessError):
            wizard.line_ids.with_user(self.other_officer).check_access("read")

    def test_the_xlsx_lists_every_line_and_keeps_names_as_text(self):
        """Year end #11 (a list for payroll; integrity): one row per employee, the
        untaken days and the 300 % value; a name typed as a formula stays text."""
        self.stayer.name = '=HYPERLINK("http://example.com","x")'
        wizard = self.report()
        action = wizard.action_export_xlsx()
        attachment_id = int(action["url"].split("/")[3].split("?")[0])
        book = openpyxl.load_workbook(
            io.BytesIO(self.env["ir.attachment"].browse(attachment_id).raw)
        )
        sheet = book.active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(len(rows), 1 + 4)
        formula = '=HYPERLINK("http://example.com","x")'
        names = [row[0] for row in rows[1:]]
        self.assertIn(formula, names)
        index = names.index(formula)
        self.assertIn(7, rows[1 + index])
        self.assertIn(8400, rows[1 + index])
        self.assertEqual(sheet.cell(row=2 + index, column=1).data_type, "s")
