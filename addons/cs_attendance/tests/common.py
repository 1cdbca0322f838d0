from datetime import date

from odoo import Command
from odoo.tests import TransactionCase, new_test_user


def create_china_company(env, name):
    """A company of its own in China: yuan, a working schedule in Asia/Shanghai."""
    cny = env.ref("base.CNY")
    cny.active = True
    company = env["res.company"].create(
        {"name": name, "country_id": env.ref("base.cn").id, "currency_id": cny.id}
    )
    company.resource_calendar_id.tz = "Asia/Shanghai"
    company.partner_id.tz = "Asia/Shanghai"
    return company


class LeaveCommon(TransactionCase):
    """A store whose head runs it, a customer-service department with its manager,
    a supervisor and an employee, each a real user of the store's company: the
    main company, or with :attr:`company_of_its_own` a company in China (yuan,
    Asia/Shanghai) created by the test."""

    company_of_its_own = False

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tz = "UTC"
        if cls.company_of_its_own:
            cls.company = create_china_company(cls.env, "测试商场")
            cls.tz = "Asia/Shanghai"
            # The test's company is the current one of whoever runs the setup.
            cls.env.user.write(
                {"company_ids": [Command.link(cls.company.id)], "company_id": cls.company.id}
            )
        else:
            cls.company = cls.env.company
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        Employee = cls.env["hr.employee"]
        cls.calendar = cls.company.resource_calendar_id
        cls.hr_officer = cls.user(
            "t_hr", groups="hr_holidays.group_hr_holidays_user,hr.group_hr_user"
        )

        def person(login, name, **vals):
            user = cls.user(login, name=name)
            return Employee.create(
                {
                    "name": name,
                    "user_id": user.id,
                    "company_id": cls.company.id,
                    "resource_calendar_id": cls.calendar.id,
                    "tz": cls.tz,
                    **vals,
                }
            )

        cls.person = staticmethod(person)
        cls.head = person("t_head", "王总")
        cls.store = cls.env["hr.department"].create(
            {"name": "Store", "manager_id": cls.head.id, "company_id": cls.company.id}
        )
        cls.manager = person("t_manager", "陈经理", department_id=cls.store.id)
        cls.department = cls.env["hr.department"].create(
            {
                "name": "Customer Service",
                "parent_id": cls.store.id,
                "manager_id": cls.manager.id,
                "company_id": cls.company.id,
            }
        )
        cls.supervisor = person(
            "t_super", "刘组长", department_id=cls.department.id, parent_id=cls.manager.id
        )
        cls.employee = person(
            "t_emp",
            "李娜",
            department_id=cls.department.id,
            parent_id=cls.supervisor.id,
            cs_jurisdiction_id=cls.env.ref("cs_attendance.jurisdiction_beijing").id,
        )
        cls.sick = cls.env.ref("cs_attendance.leave_type_sick")
        cls.personal = cls.env.ref("cs_attendance.leave_type_personal")

    @classmethod
    def user(cls, login, groups="base.group_user", **vals):
        """A user of the test's company only."""
        if cls.company_of_its_own:
            vals.update(
                company_id=cls.company.id,
                company_ids=[Command.set(cls.company.ids)],
                tz="Asia/Shanghai",
            )
        return new_test_user(cls.env, login, groups=groups, **vals)

    def leave(self, leave_type, start, stop, employee=None, user=None):
        employee = employee or self.employee
        return (
            self.env["hr.leave"]
            .with_user(user or employee.user_id)
            .create(
                {
                    "holiday_status_id": leave_type.id,
                    "employee_id": employee.id,
                    "request_date_from": start,
                    "request_date_to": stop,
                }
            )
            .sudo()
        )

    def life_event(self, employee=None, **vals):
        event = (
            self.env["cs.life.event"]
            .with_user(self.hr_officer)
            .create({"employee_id": (employee or self.employee).id, **vals})
        )
        event.action_confirm()
        return event

    def load_holidays(self, year, company=None):
        """The year's statutory holidays and make-up working days, loaded by HR."""
        return (
            self.env["cs.holiday.load"]
            .with_user(self.hr_officer)
            .create({"year": year, "company_id": (company or self.company).id})
            .action_load()
        )

    @staticmethod
    def d(text):
        return date.fromisoformat(text)
