"""The desk on Odoo's Chinese chart of accounts, l10n_cn (issue #13).

The deposit, sale and session suites run again on a company with the ``cn``
chart (小企业会计准则), and the accounts are checked by their Chinese codes:
deposits on a sub-account of 其他应付款 (2241), kept and damage amounts on
营业外收入 (5301), cash differences on 现金溢余收益 / 现金短缺损失 (530103 /
560303), the handover through the chart's transfer account.
"""

from odoo.tests import tagged

# Modules, not classes: a TestCase imported by name would run here a second time.
from . import test_counter, test_desk_drawers, test_loan_deposit


@tagged("post_install", "-at_install")
class TestLoanDepositCnChart(test_loan_deposit.TestLoanDeposit):
    """The loan and deposit suite on the Chinese chart."""

    chart_template = "cn"
    allow_inherited_tests_method = True


@tagged("post_install", "-at_install")
class TestCounterCnChart(test_counter.TestCounter):
    """The counter sale and session suite on the Chinese chart."""

    chart_template = "cn"
    allow_inherited_tests_method = True


@tagged("post_install", "-at_install")
class TestDeskDrawersCnChart(test_desk_drawers.TestDeskDrawers):
    """Two drawers open at once, on the Chinese chart."""

    chart_template = "cn"
    allow_inherited_tests_method = True


@tagged("post_install", "-at_install")
class TestDeskChineseAccounts(test_desk_drawers.DrawersCase):
    chart_template = "cn"

    def cn(self, xmlid):
        return self.env.ref(f"account.{self.company.id}_{xmlid}")

    def balances(self, moves):
        result = {}
        for line in moves.line_ids:
            result[line.account_id.code] = result.get(line.account_id.code, 0.0) + line.balance
        return result

    def test_deposits_land_on_an_other_payables_sub_account(self):
        """Issue #13: on the Chinese chart a deposit is 其他应付款, on a sub-account
        of 2241 that reconciles, never the parent account itself."""
        other_payables = self.cn("l10n_cn_common_account_2241")
        deposits = self.company.cs_deposit_account_id
        self.assertEqual(other_payables.code, "224100")
        self.assertNotEqual(deposits, other_payables)
        self.assertEqual(deposits.code, "224101")
        self.assertTrue(deposits.reconcile)
        self.assertEqual(deposits.account_type, "liability_current")
        self.open_session(opening_float=0.0)
        loan = self.lend_umbrella()
        cash = self.counter.cash_journal_id.default_account_id
        self.assertTrue(cash.code.startswith("1001"), "库存现金")
        self.assertEqual(self.balances(loan.move_ids), {cash.code: 50.0, "224101": -50.0})
        loan.action_return()
        self.assertEqual(self.balances(loan.move_ids), {cash.code: 0.0, "224101": 0.0})
        self.assertReportMatchesBooks()

    def test_kept_and_damage_amounts_are_non_operating_income(self):
        """Issue #13: what a damaged or lost item is paid at is 营业外收入 (5301)."""
        income = self.cn("l10n_cn_account_5301")
        self.assertEqual(self.company.cs_damage_income_account_id, income)
        self.assertEqual(income.code, "530100")
        self.open_session(opening_float=0.0)
        damaged = self.lend_umbrella(damage_price=35.0)
        damaged.action_return_damaged()
        lost = self.lend_umbrella(deposit_card="YS-002")
        lost.action_mark_lost()
        self.assertEqual(self.balances(damaged.move_ids)["530100"], -35.0)
        self.assertEqual(self.balances(lost.move_ids)["530100"], -80.0)
        self.assertAlmostEqual(self.balance(income), -115.0)
        self.assertReportMatchesBooks()

    def test_cash_differences_use_the_charts_cash_difference_accounts(self):
        """Issue #13: a drawer short goes to 现金短缺损失 (560303), a drawer over to
        现金溢余收益 (530103), both chosen on the counter's cash journal."""
        drawer = self.counter.cash_journal_id
        self.assertEqual(drawer.loss_account_id.code, "560303")
        self.assertEqual(drawer.profit_account_id.code, "530103")
        short = self.open_session(opening_float=100.0)
        self.sell(self.wrapping, 2)
        self.close(short, {100.0: 1, 10.0: 1, 5.0: 1, 1.0: 3}, reason="找零多给")
        self.assertEqual(short.difference, -2.0)
        self.assertEqual(self.balances(short.difference_move_id)["560303"], 2.0)
        over = self.open_session(opening_float=100.0)
        self.close(over, {100.0: 1, 1.0: 1}, reason="顾客未取找零")
        self.assertEqual(over.difference, 1.0)
        self.assertEqual(self.balances(over.difference_move_id)["530103"], -1.0)

    def test_receipts_and_the_handover_book_on_the_chinese_chart(self):
        """Issue #13: receipts in yuan on the counter's own journals, the handover
        to the bank through the chart's transfer account (101202)."""
        self.assertEqual(self.company.currency_id, self.env.ref("base.CNY"))
        session = self.open_session(opening_float=0.0)
        sale = self.sell(self.wrapping, 3)
        self.assertEqual(sale.move_id.currency_id.name, "CNY")
        self.assertEqual(sale.move_id.journal_id, self.counter.sale_journal_id)
        self.assertEqual(sale.move_id.payment_state, "paid")
        self.close(session, {20.0: 1, 10.0: 1})
        session.with_user(self.finance).action_hand_to_bank()
        self.assertEqual(self.company.transfer_account_id.code, "101202")
        self.assertEqual(self.balances(session.transfer_move_id)["101202"], 30.0)
        self.assertEqual(session.transfer_move_id.journal_id, self.counter.cash_journal_id)
