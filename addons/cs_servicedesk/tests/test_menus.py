"""Every demo role logs in and opens every menu action of the suite it can see."""

from odoo.tests import HttpCase, tagged
from odoo.tools.safe_eval import safe_eval

SUITE = ("cs_center", "cs_attendance", "cs_servicedesk")
# Demo logins (password = login) and a menu each must reach.
ROLES = {
    "agent": "cs_center.menu_cs_root",
    "assistant": "cs_center.menu_cs_root",
    "csmanager": "cs_center.menu_cs_config",
    "keyaccount": "cs_center.menu_cs_root",
    "hr": None,
    "clerk": "cs_servicedesk.menu_desk_root",
    "shiftlead": "cs_servicedesk.menu_desk_config",
    "finance": None,
}


@tagged("post_install", "-at_install")
class TestDemoRolesOpenMenus(HttpCase):
    def _rpc(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def _suite_actions(self, menus):
        """The window actions behind the suite's menus among ``menus``."""
        data = self.env["ir.model.data"].search(
            [("model", "=", "ir.ui.menu"), ("module", "in", SUITE), ("res_id", "in", menus.ids)]
        )
        suite_menus = menus.browse(data.mapped("res_id"))
        return suite_menus.filtered(
            lambda m: m.action and m.action._name == "ir.actions.act_window"
        )

    def _open(self, menu, user):
        action = self.make_jsonrpc_request("/web/action/load", {"action_id": menu.action.id})
        views = [[False, mode] for mode in action["view_mode"].split(",")]
        if ["search", False] not in views:
            views.append([False, "search"])
        self._rpc(action["res_model"], "get_views", views=views, options={"load_filters": True})
        domain = action.get("domain") or []
        if isinstance(domain, str):
            # The web client evaluates string domains with the user's id and context.
            domain = safe_eval(domain, {"uid": user.id, "context": {}})
        result = self._rpc(
            action["res_model"],
            "web_search_read",
            domain=domain,
            specification={"display_name": {}},
            limit=80,
        )
        self.assertIn("records", result, f"{menu.complete_name}: no records key")

    def test_every_demo_role_opens_its_menus(self):
        users = self.env["res.users"].search([("login", "in", list(ROLES))])
        if len(users) < len(ROLES):
            self.skipTest("demo data not loaded: the demo roles are missing")
        opened = 0
        for login, must_see in ROLES.items():
            with self.subTest(login=login):
                self.authenticate(login, login)
                user = users.filtered(lambda u, login=login: u.login == login)
                visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
                menus = self.env["ir.ui.menu"].browse(visible)
                if must_see:
                    self.assertIn(self.env.ref(must_see), menus, f"{login} must see {must_see}")
                for menu in self._suite_actions(menus):
                    self._open(menu, user)
                    opened += 1
        self.assertGreater(opened, 0, "no menu action of the suite was opened")

    def test_agent_cannot_see_front_desk_configuration(self):
        agent = self.env["res.users"].search([("login", "=", "agent")])
        if not agent:
            self.skipTest("demo data not loaded: the demo agent is missing")
        visible = self.env["ir.ui.menu"].with_user(agent)._visible_menu_ids()
        self.assertNotIn(self.env.ref("cs_servicedesk.menu_desk_config").id, visible)
        self.assertNotIn(self.env.ref("cs_center.menu_cs_config").id, visible)
