"""Shared fixture of the handover, quality, pre-sale and dashboard tests
(issue #11): a company of their own in China created by the test, a team
working 09:00-18:00 in Asia/Shanghai, and a user per role in that company."""

from datetime import datetime, timedelta

from odoo.fields import Command
from odoo.tests import TransactionCase

from odoo.addons.cs_base.tests.access_matrix import company_user, create_china_company


def shanghai(day, hour, minute=0):
    """A Shanghai wall-clock time on ``day`` of March 2026 (2 March is a Monday),
    as Odoo stores it: naive UTC, 8 hours earlier."""
    return datetime(2026, 3, day, hour, minute) - timedelta(hours=8)


class CsOperationsCommon(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = create_china_company(cls.env, "运营测试商场")
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company.ids))
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "9-18 上海",
                "tz": "Asia/Shanghai",
                "company_id": cls.company.id,
                "hours_per_day": 9,
                "attendance_ids": [
                    Command.create(
                        {
                            "name": f"Day {day}",
                            "dayofweek": str(day),
                            "hour_from": 9,
                            "hour_to": 18,
                            "day_period": "morning",
                        }
                    )
                    for day in range(5)
                ],
            }
        )

        def user(login, groups):
            return company_user(cls.env, cls.company, login, groups)

        cls.agent_out = user("op_agent_out", "cs_center.group_cs_agent")
        cls.agent_in = user("op_agent_in", "cs_center.group_cs_agent")
        cls.agent_3 = user("op_agent_3", "cs_center.group_cs_agent")
        cls.assistant = user("op_assistant", "cs_center.group_cs_manager_assistant")
        cls.manager = user("op_manager", "cs_center.group_cs_manager")
        cls.hr_officer = user("op_hr", "hr.group_hr_user")
        cls.salesperson = user("op_sales", "sales_team.group_sale_salesman")
        cls.salesperson_2 = user("op_sales2", "sales_team.group_sale_salesman")
        cls.designer = user("op_designer", "base.group_user")
        cls.team = cls.env["cs.team"].create(
            {
                "name": "热线组",
                "company_id": cls.company.id,
                "resource_calendar_id": cls.calendar.id,
                "manager_id": cls.manager.id,
                "member_ids": [Command.set((cls.agent_out | cls.agent_in | cls.agent_3).ids)],
            }
        )
        cls.customer = cls.env["res.partner"].create({"name": "刘芳", "phone": "13900001111"})
        cls.day_shift = cls.env.ref("cs_center.shift_day")
        cls.night_shift = cls.env.ref("cs_center.shift_night")

    def complaint(self, user, **vals):
        return (
            self.env["cs.complaint"]
            .with_user(user)
            .create(
                {
                    "subject": "电梯故障",
                    "partner_id": self.customer.id,
                    "team_id": self.team.id,
                    "company_id": self.company.id,
                    **vals,
                }
            )
        )
