"""A company of its own in Shanghai for the working-day tests: a front-desk team
with its manager, two employees and an HR attendance officer, each a real user."""

from datetime import date, datetime, timedelta

import pytz

from odoo import Command
from odoo.tests import TransactionCase, freeze_time, new_test_user

SHANGHAI = pytz.timezone("Asia/Shanghai")


class WorkdayCommon(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cny = cls.env.ref("base.CNY")
        cny.sudo().active = True
        cls.company = cls.env["res.company"].create(
            {"name": "考勤测试商场", "country_id": cls.env.ref("base.cn").id, "currency_id": cny.id}
        )
        cls.company.resource_calendar_id.tz = "Asia/Shanghai"
        cls.company.partner_id.tz = "Asia/Shanghai"
        cls.calendar = cls.company.resource_calendar_id
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=[cls.company.id]))

        def user(login, name, groups="base.group_user"):
            return new_test_user(
                cls.env,
                login,
                groups=groups,
                name=name,
                company_id=cls.company.id,
                company_ids=[cls.company.id],
                tz="Asia/Shanghai",
            )

        cls.hr_user = user(
            "w_hr", "人事王芳", "base.group_user,hr_attendance.group_hr_attendance_user"
        )

        def person(login, name, **vals):
            return cls.env["hr.employee"].create(
                {
                    "name": name,
                    "user_id": user(login, name).id,
                    "company_id": cls.company.id,
                    "resource_calendar_id": cls.calendar.id,
                    "tz": "Asia/Shanghai",
                    "cs_join_date": date(2026, 3, 2),
                    "attendance_manager_id": cls.hr_user.id,
                    **vals,
                }
            )

        cls.manager = person("w_mgr", "陈经理")
        cls.team = cls.env["hr.department"].create(
            {"name": "前台", "company_id": cls.company.id, "manager_id": cls.manager.id}
        )
        cls.manager.department_id = cls.team
        cls.employee = person("w_emp", "李娜", department_id=cls.team.id, parent_id=cls.manager.id)
        cls.mate = person("w_mate", "张伟", department_id=cls.team.id, parent_id=cls.manager.id)
        cls.day_shift = cls.env.ref("cs_attendance.shift_day")
        cls.night_shift = cls.env.ref("cs_attendance.shift_night")
        cls.Day = cls.env["cs.attendance.day"]

    @staticmethod
    def utc(text):
        """Shanghai wall-clock text to the naive UTC Odoo stores."""
        stamp = SHANGHAI.localize(datetime.fromisoformat(text))
        return stamp.astimezone(pytz.utc).replace(tzinfo=None)

    def punch(self, employee, check_in, check_out=None):
        return (
            self.env["hr.attendance"]
            .sudo()
            .create(
                {
                    "employee_id": employee.id,
                    "check_in": self.utc(check_in),
                    "check_out": self.utc(check_out) if check_out else False,
                }
            )
        )

    def roster(self, lines, date_from, date_to, publish=True):
        """A roster of the team planned by its manager: ``lines`` are
        ``(employee, date, shift)``."""
        roster = (
            self.env["cs.roster"]
            .with_user(self.manager.user_id)
            .create(
                {
                    "name": "前台排班",
                    "department_id": self.team.id,
                    "company_id": self.company.id,
                    "date_from": date_from,
                    "date_to": date_to,
                    "line_ids": [
                        Command.create({"employee_id": e.id, "date": d, "shift_id": s.id})
                        for e, d, s in lines
                    ],
                }
            )
        )
        if publish:
            roster.action_publish()
        return roster

    def evaluate(self, employees, first, last):
        """The evaluation as the nightly cron runs it, two days after ``last``."""
        with freeze_time(datetime.combine(last + timedelta(days=2), datetime.min.time())):
            self.Day._cs_evaluate(employees, first, last)

    def day(self, employee, on):
        return self.Day.search([("employee_id", "=", employee.id), ("date", "=", on)])

    def set_policy(self, **values):
        self.company.write({f"cs_att_{name}": value for name, value in values.items()})


class WorkdayFormsCommon(WorkdayCommon):
    """The team of :class:`WorkdayCommon` with a direct supervisor under the
    department's manager: the two signatures of the forms (seed 3(4), 5(1))."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supervisor = cls.env["hr.employee"].create(
            {
                "name": "刘组长",
                "user_id": new_test_user(
                    cls.env,
                    "w_sup",
                    name="刘组长",
                    company_id=cls.company.id,
                    company_ids=[cls.company.id],
                    tz="Asia/Shanghai",
                ).id,
                "company_id": cls.company.id,
                "department_id": cls.team.id,
                "parent_id": cls.manager.id,
                "resource_calendar_id": cls.calendar.id,
                "tz": "Asia/Shanghai",
                "cs_join_date": date(2026, 3, 2),
            }
        )
        (cls.employee | cls.mate).parent_id = cls.supervisor
        cls.Exception = cls.env["cs.attendance.exception"]

    def as_user(self, employee_or_user, records):
        user = getattr(employee_or_user, "user_id", employee_or_user)
        return records.with_user(user)

    def file_exception(self, employee, kind, date_from, date_to=None, **vals):
        """A form the employee fills in and submits (no time frozen: the caller does)."""
        form = self.Exception.with_user(employee.user_id).create(
            {
                "employee_id": employee.id,
                "kind": kind,
                "date_from": date_from,
                "date_to": date_to or date_from,
                "reason": vals.pop("reason", "客户现场服务"),
                **vals,
            }
        )
        form.action_submit()
        return form
