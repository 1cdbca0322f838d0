from odoo.fields import Command
from odoo.tests import TransactionCase, new_test_user


class CsCenterCommon(TransactionCase):
    """A team working 9:00-18:00 (UTC, no lunch break), agents, a manager and a
    key-account group, with the seed's SLA rows."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "9-18",
                "tz": "UTC",
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
        cls.agent = new_test_user(cls.env, "t_agent", groups="cs_center.group_cs_agent")
        cls.agent_2 = new_test_user(cls.env, "t_agent2", groups="cs_center.group_cs_agent")
        cls.agent_3 = new_test_user(cls.env, "t_agent3", groups="cs_center.group_cs_agent")
        cls.assistant = new_test_user(
            cls.env, "t_assistant", groups="cs_center.group_cs_manager_assistant"
        )
        cls.ka_member = new_test_user(cls.env, "t_ka", groups="cs_center.group_cs_key_account")
        cls.manager = new_test_user(cls.env, "t_csmanager", groups="cs_center.group_cs_manager")
        cls.team = cls.env["cs.team"].create(
            {
                "name": "Hotline",
                "resource_calendar_id": cls.calendar.id,
                "manager_id": cls.manager.id,
                "member_ids": [Command.set(cls.agent.ids)],
            }
        )
        cls.team_2 = cls.env["cs.team"].create(
            {"name": "Front Desk", "resource_calendar_id": cls.calendar.id}
        )
        cls.customer = cls.env["res.partner"].create({"name": "李建华"})
        cls.key_account = cls.env["res.partner"].create({"name": "湘江百货", "is_company": True})
        cls.key_contact = cls.env["res.partner"].create(
            {"name": "湘江百货 采购部", "parent_id": cls.key_account.id}
        )
        cls.ka_group = cls.env["cs.key.account.group"].create(
            {
                "name": "KA Group",
                "leader_id": cls.ka_member.id,
                "member_ids": [Command.set(cls.ka_member.ids)],
                "partner_ids": [Command.set(cls.key_account.ids)],
            }
        )

    def complaint(self, user=None, **vals):
        values = {
            "subject": "Broken item",
            "partner_id": self.customer.id,
            "team_id": self.team.id,
            **vals,
        }
        return self.env["cs.complaint"].with_user(user or self.agent).create(values)
