from datetime import date

from odoo.tests import TransactionCase, new_test_user


class LeaveCommon(TransactionCase):
    """A store whose head runs it, a customer-service department with its
    manager, a supervisor and an employee, each a real user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        Employee = cls.env["hr.employee"]
        cls.calendar = cls.env.company.resource_calendar_id
        cls.hr_officer = new_test_user(
            cls.env, "t_hr", groups="hr_holidays.group_hr_holidays_user,hr.group_hr_user"
        )

        def person(login, name, **vals):
            user = new_test_user(cls.env, login, groups="base.group_user", name=name)
            return Employee.create(
                {
                    "name": name,
                    "user_id": user.id,
                    "resource_calendar_id": cls.calendar.id,
                    "tz": "UTC",
                    **vals,
                }
            )

        cls.head = person("t_head", "王总")
        cls.store = cls.env["hr.department"].create({"name": "Store", "manager_id": cls.head.id})
        cls.manager = person("t_manager", "陈经理", department_id=cls.store.id)
        cls.department = cls.env["hr.department"].create(
            {"name": "Customer Service", "parent_id": cls.store.id, "manager_id": cls.manager.id}
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

    @staticmethod
    def d(text):
        return date.fromisoformat(text)
