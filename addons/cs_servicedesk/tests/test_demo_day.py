"""The demo is a Chinese shopping plaza's day at the front desk (issue #13).

Runs on a database installed with demo data (``scripts/test`` and
``scripts/demo`` make one); skipped elsewhere.
"""

from unittest import SkipTest

from lxml import etree

from odoo.tests import TransactionCase, tagged
from odoo.tools.safe_eval import safe_eval

DESK_ROLES = ("clerk", "shiftlead", "finance")


@tagged("post_install", "-at_install")
class TestDemoPlazaDay(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            login: cls.env.ref(f"cs_servicedesk.user_{login}", raise_if_not_found=False)
            for login in DESK_ROLES
        }
        if not all(cls.users.values()):
            raise SkipTest("demo data not loaded: the desk's demo users are missing")
        cls.company = cls.env.ref("base.main_company")

    def test_the_plaza_books_in_yuan_on_the_chinese_chart(self):
        """Issue #13: the demo ran on a US company in dollars on the generic chart,
        its users in English."""
        company = self.company
        self.assertEqual(company.name, "长沙星河广场有限公司")
        self.assertEqual(company.currency_id, self.env.ref("base.CNY"))
        self.assertEqual(company.chart_template, "cn")
        self.assertEqual(company.country_id, self.env.ref("base.cn"))
        self.assertEqual(company.partner_id.tz, "Asia/Shanghai")
        self.assertEqual(company.resource_calendar_id.tz, "Asia/Shanghai")
        self.assertEqual(company.cs_deposit_account_id.code[:4], "2241")
        demo_users = self.env["res.users"].search(
            [("login", "in", [*DESK_ROLES, "agent", "csmanager", "hr"])]
        )
        self.assertEqual(len(demo_users), 6)
        self.assertEqual(set(demo_users.mapped("lang")), {"zh_CN"})
        self.assertEqual(set(demo_users.mapped("tz")), {"Asia/Shanghai"})

    def test_two_counters_one_session_handed_over_and_one_open(self):
        """Issue #13: two counters; one session closed with a small difference and
        its reason, handed to the bank; one open."""
        counters = self.env["cs.desk.counter"].search([("company_id", "=", self.company.id)])
        self.assertEqual(len(counters), 2)
        self.assertEqual(len(counters.cash_journal_id), 2, "each counter its own drawer")
        sessions = counters.session_ids
        closed = sessions.filtered(lambda s: s.state == "closed")
        self.assertTrue(sessions.filtered(lambda s: s.state == "opened"))
        handed = closed.filtered(lambda s: s.transfer_move_id and s.difference)
        self.assertTrue(handed)
        self.assertTrue(all(handed.mapped("difference_reason")))
        self.assertTrue(all(abs(s.difference) < 10 for s in handed), "a small difference")
        sales = self.env["cs.desk.sale"].search([("company_id", "=", self.company.id)])
        self.assertIn("out_receipt", sales.move_id.mapped("move_type"))
        self.assertIn("out_invoice", sales.move_id.mapped("move_type"))

    def test_outstanding_deposits_equal_the_liability_account(self):
        """Issue #13: umbrellas out with their deposits: the report shows a balance,
        equal to the deposits account."""
        lead = self.users["shiftlead"]
        report = self.env["cs.deposit.report"].with_user(lead).create({})
        self.assertGreater(report.ledger_total, 0)
        self.assertAlmostEqual(report.account_balance, report.ledger_total)
        self.assertEqual(report.currency_id.symbol, "¥")
        loans = self.env["cs.loan"].search([("company_id", "=", self.company.id)])
        self.assertTrue(loans.filtered(lambda loan: loan.state == "damaged"))
        self.assertGreater(len(loans.lend_session_id.counter_id), 1, "lent at both counters")

    def test_the_day_has_every_register(self):
        """Issue #13: invoices on behalf, lost and found claimed and kept, medicine
        uses with a restock request, point cards."""
        domain = [("company_id", "=", self.company.id)]
        fapiao = self.env["cs.fapiao.request"].search(domain)
        self.assertEqual(set(fapiao.mapped("state")) >= {"requested", "issued"}, True)
        items = self.env["cs.lost.item"].search(domain)
        self.assertTrue({"registered", "claimed"} <= set(items.mapped("state")))
        medicines = self.env["cs.medicine"].search(domain)
        self.assertTrue(medicines.move_ids.filtered(lambda m: m.move_type == "use"))
        self.assertTrue(medicines.activity_ids, "a restock request")
        cards = self.env["cs.point.card"].search(domain)
        self.assertTrue(cards.filtered(lambda c: c.state == "active" and c.points > 0))

    def _default_filters(self, model, action_context):
        """The domain of the filters the web client switches on for the action."""
        wanted = {
            key[len("search_default_") :]
            for key, value in action_context.items()
            if key.startswith("search_default_") and value
        }
        if not wanted:
            return []
        arch = self.env[model].get_views([(False, "search")])["views"]["search"]["arch"]
        domain = []
        for node in etree.fromstring(arch).iter("filter"):
            if node.get("name") in wanted and node.get("domain"):
                domain += safe_eval(node.get("domain"), {"uid": self.env.uid})
        return domain

    def test_every_front_desk_menu_shows_something_on_first_login(self):
        """Issue #13: logged in as the clerk, the shift lead and finance, lists and
        reports of the front desk were empty."""
        root = self.env.ref("cs_servicedesk.menu_desk_root")
        for login, user in self.users.items():
            env = self.env(user=user, context={"lang": user.lang})
            menus = env["ir.ui.menu"].browse(env["ir.ui.menu"]._visible_menu_ids())
            desk_menus = menus.filtered(
                lambda m: (
                    m.action
                    and m.action._name == "ir.actions.act_window"
                    and m.parent_path.startswith(root.parent_path)
                )
            )
            self.assertTrue(desk_menus, login)
            for menu in desk_menus:
                action = menu.action.sudo()
                with self.subTest(login=login, menu=menu.complete_name):
                    Model = env[action.res_model]
                    if action.res_model == "cs.deposit.report":
                        report = Model.create({})
                        self.assertTrue(report.loan_ids, "the report lists the deposits held")
                        continue
                    context = safe_eval(action.context or "{}", {"uid": user.id})
                    domain = safe_eval(action.domain or "[]", {"uid": user.id})
                    domain += self._default_filters(action.res_model, context)
                    self.assertTrue(Model.search_count(domain), "an empty list")
