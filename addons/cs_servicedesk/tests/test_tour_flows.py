"""Browser tours of the front desk (issue #16): an umbrella lent at one counter and
returned at another, in 简体中文; a counter sale, the session's blind count and its
reconciliation with the bank. Each runs in a company in China of its own, on the
Chinese chart, and saves a screenshot of its main form for the README."""

from odoo.tests import HttpCase, tagged

# Modules, not classes: a TestCase imported by name would run here a second time.
from odoo.addons.cs_base.tests import tour_screenshots

from . import test_desk_drawers


class DeskTourCase(tour_screenshots.TourScreenshotMixin, test_desk_drawers.DrawersCase, HttpCase):
    """Two counters with their drawers, their clerks, a shift lead and finance, in a
    fresh company in China booking in yuan on the cn chart."""

    chart_template = "cn"
    country_code = "CN"
    browser_timezone = "Asia/Shanghai"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.clerk | cls.clerk_2 | cls.lead | cls.finance).tz = "Asia/Shanghai"


@tagged("post_install", "-at_install")
class TestUmbrellaTwoCountersTour(DeskTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.name = "长沙星河广场（测试一店）"
        # The whole interface in 简体中文, as `odoo-bin i18n loadlang` would load it.
        cls.env["res.lang"]._activate_lang("zh_CN")
        # As the superuser: account loads the charts' terms of every company.
        cls.env["ir.module.module"].sudo().search(
            [("state", "=", "installed")]
        )._update_translations(["zh_CN"])
        for user, name in ((cls.clerk, "何芳"), (cls.clerk_2, "李静"), (cls.lead, "黄磊")):
            user.write({"name": name, "lang": "zh_CN"})
        cls.counter.name = "一号柜台"
        cls.counter_b.name = "二号柜台"
        cls.umbrella.name = "雨伞"
        # A name of its own: the demo data has a 陈晓明 of every company.
        cls.borrower.name = "欧阳晓明"

    def test_umbrella_lent_at_one_counter_and_returned_at_another(self):
        """Issue #16 tours: in Chinese, a clerk at counter 一号柜台 lends an umbrella with
        its 50 yuan deposit and the deposit card's number; the borrower returns it at
        二号柜台, where another clerk, logged in on her own, refunds the deposit from her
        drawer. Each drawer counts only its own cash; the outstanding deposits still
        equal the deposits liability."""
        company = self.company
        self.assertEqual((company.country_id.code, company.currency_id.name), ("CN", "CNY"))
        self.assertEqual(company.chart_template, "cn")
        session_a = self.open_session(opening_float=100.0, user=self.clerk)
        session_b = self.open_session(
            opening_float=200.0, user=self.clerk_2, counter=self.counter_b
        )

        self.start_tour("/odoo", "cs_desk_umbrella_two_counters", login="t_clerk", timeout=240)

        loan = self.env["cs.loan"].search([("company_id", "=", company.id)])
        self.assertEqual(len(loan), 1)
        self.assertEqual((loan.item_type_id, loan.partner_id), (self.umbrella, self.borrower))
        self.assertEqual(loan.deposit_card, "YS-0816")
        self.assertEqual(loan.state, "returned")
        self.assertEqual((loan.deposit_amount, loan.refund_amount), (50.0, 50.0))
        self.assertEqual((loan.lent_by_id, loan.returned_to_id), (self.clerk, self.clerk_2))
        self.assertEqual((loan.counter_id, loan.lend_session_id), (self.counter, session_a))
        self.assertEqual(
            (loan.return_counter_id, loan.settle_session_id),
            (self.counter_b, session_b),
            "the return took the drawer of the returning clerk's own session",
        )
        # The blind counts hold what each drawer should: A the deposit, B less the refund.
        self.close(session_a, {100.0: 1, 50.0: 1})
        self.close(session_b, {100.0: 1, 50.0: 1})
        self.assertEqual((session_a.deposits_in, session_a.deposits_out), (50.0, 0.0))
        self.assertEqual((session_b.deposits_in, session_b.deposits_out), (0.0, 50.0))
        self.assertEqual(session_a.expected_cash, session_a.opening_float + 50.0)
        self.assertEqual(session_b.expected_cash, session_b.opening_float - 50.0)
        self.assertEqual((session_a.difference, session_b.difference), (0.0, 0.0))
        deposit, settlement = loan.move_ids.sorted("id")
        self.assertEqual(deposit.journal_id, self.counter.cash_journal_id)
        self.assertEqual(settlement.journal_id, self.counter_b.cash_journal_id)
        self.assertEqual((deposit.state, settlement.state), ("posted", "posted"))
        report = self.assertReportMatchesBooks()
        self.assertEqual(report.ledger_total, 0.0, "no deposit is outstanding")
        self.assertIn("cs_desk_umbrella_two_counters", self.cs_screenshots)


@tagged("post_install", "-at_install")
class TestSaleCloseReconcileTour(DeskTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.name = "Xinghe Plaza (Test Store 2)"
        for user, name in (
            (cls.clerk, "He Fang"),
            (cls.lead, "Huang Lei"),
            (cls.finance, "Tang Min"),
        ):
            user.write({"name": name, "lang": "en_US"})
        cls.counter.name = "Counter 1"
        cls.counter_b.name = "Counter 2"
        # A name of its own: the demo sells "Copying (per page)" in every company.
        cls.copying.name = "Copying A4"

    def test_clerk_sells_copying_lead_closes_blind_and_finance_reconciles(self):
        """Issue #16 tours: a clerk sells 20 copies (a counter service) and confirms
        the receipt once paid in cash; the shift lead closes the session with a blind
        count by denomination and sees the expected cash only then; finance hands the
        cash to the bank and reconciles it with the bank's statement line."""
        company = self.company
        self.assertEqual((company.country_id.code, company.currency_id.name), ("CN", "CNY"))
        session = self.open_session(opening_float=100.0, user=self.clerk).with_env(self.env)
        # What the bank sends: the deposit of the session's takings, labelled with its name.
        bank_line = self.env["account.bank.statement.line"].create(
            {
                "journal_id": self.company_data["default_journal_bank"].id,
                "amount": 10.0,
                "payment_ref": f"Cash deposit {session.name}",
            }
        )

        self.start_tour("/odoo", "cs_desk_sale_close_reconcile", login="t_clerk", timeout=240)

        sale = self.env["cs.desk.sale"].search([("company_id", "=", company.id)])
        self.assertEqual(len(sale), 1)
        self.assertEqual(sale.state, "paid")
        self.assertEqual((sale.user_id, sale.session_id), (self.clerk, session))
        self.assertEqual((sale.line_ids.product_id, sale.line_ids.quantity), (self.copying, 20.0))
        self.assertEqual(sale.amount_total, 10.0)
        receipt = sale.move_id
        self.assertEqual((receipt.move_type, receipt.state), ("out_receipt", "posted"))
        self.assertEqual(receipt.payment_state, "paid")
        self.assertEqual(sale.name, receipt.name)

        self.assertEqual(session.state, "closed")
        self.assertEqual(session.closed_by_id, self.lead)
        self.assertEqual(
            (session.counted_cash, session.expected_cash, session.difference), (110.0, 110.0, 0.0)
        )
        self.assertFalse(session.difference_move_id)
        self.assertEqual(session.handover_amount, 10.0)
        self.assertEqual(session.transfer_move_id.state, "posted")
        self.assertEqual(session.statement_line_id, bank_line)
        self.assertTrue(bank_line.is_reconciled)
        self.assertEqual(session.reconciliation_state, "reconciled")
        self.assertIn("cs_desk_sale_close_reconcile", self.cs_screenshots)
