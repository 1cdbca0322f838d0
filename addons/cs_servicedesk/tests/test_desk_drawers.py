"""One truth per cash drawer (issue #13).

Each counter has its own cash journal; every deposit taken, refunded, kept or
charged names the counter session in which the cash moved, and a session
expects only its own movements. Tests act as the desk's users over the ORM,
as JSON-RPC does.
"""

import re

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.service.model import get_public_method
from odoo.tests import tagged

from .test_counter import CounterCase
from .test_registers import SIGNATURE

# The one shape of a refused transition, on every model of the desk.
REFUSED_TRANSITION = re.compile(r"^.+ cannot be .+ while it is .+\.")


class DrawersCase(CounterCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.counter_b = cls.env["cs.desk.counter"].create({"name": "Test Desk B"})

    def journal_moves(self, journal):
        return self.env["account.move"].search([("journal_id", "=", journal.id)])

    def close(self, session, pieces, reason=None):
        self.count(session, pieces)
        if reason:
            session.with_user(self.lead).difference_reason = reason
        session.with_user(self.lead).action_close()
        return session


@tagged("post_install", "-at_install")
class TestDeskDrawers(DrawersCase):
    def test_each_counter_has_its_own_cash_drawer(self):
        """Issue #13: every counter shared the company's DESK cash journal, so no
        drawer's cash could be told from another's; a shift lead could also point
        counter B at counter A's drawer."""
        drawer_a, drawer_b = self.counter.cash_journal_id, self.counter_b.cash_journal_id
        self.assertTrue(drawer_a and drawer_b)
        self.assertNotEqual(drawer_a, drawer_b)
        self.assertNotEqual(drawer_a.default_account_id, drawer_b.default_account_id)
        for drawer in drawer_a | drawer_b:
            methods = (
                drawer.inbound_payment_method_line_ids | drawer.outbound_payment_method_line_ids
            )
            self.assertEqual(
                methods.payment_account_id,
                drawer.default_account_id,
                "cash received at the desk hits the drawer at once",
            )
        with self.assertRaises(ValidationError):
            self.counter_b.with_user(self.lead).write({"cash_journal_id": drawer_a.id})
        self.counter_b.invalidate_recordset()
        self.assertEqual(self.counter_b.cash_journal_id, drawer_b)

    def test_umbrella_lent_at_a_and_returned_at_b_moves_cash_in_each_drawer(self):
        """Issue #13: with two counters open at once, a deposit taken at A and
        refunded at B was found by time window in both sessions: each blind count
        showed a false difference of 50 yuan."""
        session_a = self.open_session(opening_float=100.0, user=self.clerk)
        session_b = self.open_session(
            opening_float=200.0, user=self.clerk_2, counter=self.counter_b
        )
        self.sell(self.fax, 5, user=self.clerk_2, counter=self.counter_b)  # 10 cash at B
        loan = self.lend_umbrella(user=self.clerk)
        loan.with_user(self.clerk_2).action_return()
        # A holds the float and the deposit; B the float and its sale, less the refund.
        self.close(session_a, {100.0: 1, 50.0: 1})
        self.close(session_b, {100.0: 1, 50.0: 1, 10.0: 1})
        self.assertEqual((session_a.expected_cash, session_a.difference), (150.0, 0.0))
        self.assertEqual((session_b.expected_cash, session_b.difference), (160.0, 0.0))
        self.assertEqual((session_a.deposits_in, session_a.deposits_out), (50.0, 0.0))
        self.assertEqual((session_b.deposits_in, session_b.deposits_out), (0.0, 50.0))
        self.assertFalse(session_a.difference_move_id | session_b.difference_move_id)
        self.assertEqual(loan.lend_session_id, session_a)
        self.assertEqual(loan.settle_session_id, session_b)
        deposit, settlement = loan.move_ids.sorted("id")
        self.assertEqual(deposit.journal_id, self.counter.cash_journal_id)
        self.assertEqual(settlement.journal_id, self.counter_b.cash_journal_id)
        self.assertAlmostEqual(self.balance(self.counter.cash_journal_id.default_account_id), 50.0)
        self.assertAlmostEqual(
            self.balance(self.counter_b.cash_journal_id.default_account_id), 10.0 - 50.0
        )
        report = self.assertReportMatchesBooks()
        self.assertEqual(report.ledger_total, 0.0)

    def test_two_deposits_outstanding_at_two_counters_match_the_liability(self):
        """Issue #13: the outstanding-deposits report still equals the liability
        balance when the deposits sit in two drawers."""
        self.open_session(opening_float=0.0, user=self.clerk)
        self.open_session(opening_float=0.0, user=self.clerk_2, counter=self.counter_b)
        loan_a = self.lend_umbrella(user=self.clerk)
        loan_b = self.lend_umbrella(user=self.clerk_2, deposit_card="YS-002")
        self.assertEqual(loan_a.lend_session_id.counter_id, self.counter)
        self.assertEqual(loan_b.lend_session_id.counter_id, self.counter_b)
        report = self.assertReportMatchesBooks()
        self.assertEqual(report.ledger_total, 100.0)
        self.assertEqual(report.loan_ids, loan_a | loan_b)

    def test_a_lead_without_a_session_returns_at_the_counter_chosen_on_the_loan(self):
        """Issue #13: the return takes the counter, defaulting to the clerk's open
        session; with two drawers open and none of their own, a shift lead must
        say which drawer pays the refund."""
        self.open_session(opening_float=100.0, user=self.clerk)
        session_b = self.open_session(
            opening_float=100.0, user=self.clerk_2, counter=self.counter_b
        )
        loan = self.lend_umbrella(user=self.clerk)
        moves = len(loan.move_ids)
        with self.assertRaises(UserError):
            loan.with_user(self.lead).action_return()
        self.assertEqual((loan.state, len(loan.move_ids)), ("lent", moves))
        loan.with_user(self.lead).write({"return_counter_id": self.counter_b.id})
        loan.with_user(self.lead).action_return()
        self.assertEqual(loan.settle_session_id, session_b)
        self.assertEqual(loan.returned_to_id, self.lead)
        self.assertEqual(loan.move_ids.sorted("id")[-1].journal_id, self.counter_b.cash_journal_id)

    def test_a_deposit_is_taken_only_into_an_open_drawer(self):
        """Issue #13: a clerk took a deposit with no session open anywhere: the
        cash was in no drawer's count."""
        moves = self.env["account.move"].search_count([])
        loan = (
            self.env["cs.loan"]
            .with_user(self.clerk)
            .create(
                {
                    "item_type_id": self.umbrella.id,
                    "partner_id": self.borrower.id,
                    "deposit_card": "YS-001",
                }
            )
        )
        with self.assertRaises(UserError):
            loan.action_lend()
        self.assertEqual(loan.state, "draft")
        self.assertEqual(self.env["account.move"].search_count([]), moves)
        # A free stroller moves no cash: it is lent without a session.
        stroller = (
            self.env["cs.loan"]
            .with_user(self.clerk)
            .create({"item_type_id": self.stroller.id, "borrower_name": "王小红"})
        )
        stroller.action_lend()
        self.assertEqual(stroller.state, "lent")
        self.assertFalse(stroller.lend_session_id)

    def test_a_loan_cannot_be_moved_into_another_drawer_by_writing_it(self):
        """Integrity: a clerk wrote the lending or settling session of a loan (or its
        lending counter once lent) to move a deposit into another drawer's count."""
        session_a = self.open_session(opening_float=0.0, user=self.clerk)
        session_b = self.open_session(opening_float=0.0, user=self.clerk_2, counter=self.counter_b)
        loan = self.lend_umbrella(user=self.clerk)
        for vals in (
            {"lend_session_id": session_b.id},
            {"settle_session_id": session_b.id},
            {"counter_id": self.counter_b.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                loan.with_user(self.clerk).write(vals)
        with self.assertRaises(UserError):
            self.env["cs.loan"].with_user(self.clerk).create(
                {
                    "item_type_id": self.umbrella.id,
                    "borrower_name": "王小红",
                    "lend_session_id": session_b.id,
                }
            )
        loan.invalidate_recordset()
        self.assertEqual(loan.lend_session_id, session_a)
        self.assertEqual(loan.counter_id, self.counter)
        self.assertFalse(loan.settle_session_id)
        self.assertFalse(session_b.lent_loan_ids)

    def test_desk_accounting_is_set_up_with_the_chart_not_by_a_getter(self):
        """Issue #13: the desk's cash journal and accounts were created by a getter
        the first time anything was posted. A company gets them when its chart is
        loaded; each counter gets its cash drawer when it is created."""
        self.assertFalse(hasattr(self.env["res.company"], "_cs_desk_accounting"))
        company = self.setup_other_company(name="星河广场二店")["company"]
        deposits = company.cs_deposit_account_id
        self.assertTrue(deposits.reconcile)
        self.assertEqual(deposits.internal_group, "liability")
        self.assertEqual(company.cs_damage_income_account_id.internal_group, "income")
        counter = self.env["cs.desk.counter"].create({"name": "二店柜台", "company_id": company.id})
        drawer = counter.cash_journal_id
        self.assertEqual((drawer.type, drawer.company_id), ("cash", company))
        self.assertEqual(drawer.loss_account_id, company.default_cash_difference_expense_account_id)
        self.assertEqual(
            drawer.profit_account_id, company.default_cash_difference_income_account_id
        )
        self.assertEqual(counter.sale_journal_id.type, "sale")

    def test_every_desk_entry_is_posted_by_the_counter_helper(self):
        """Issue #13: the loan, the sale and the session split signed amounts into
        debit and credit each in their own way. One private helper posts every
        desk entry, refusing an unbalanced one."""
        Counter = self.env["cs.desk.counter"]
        with self.assertRaises(AccessError):
            get_public_method(Counter, "_cs_post_entry")
        cash = self.counter.cash_journal_id.default_account_id
        moves = self.env["account.move"].search_count([])
        with self.assertRaises(UserError):
            self.counter._cs_post_entry("Unbalanced", [(cash, 10.0), (self.deposit_account, -5.0)])
        self.assertEqual(self.env["account.move"].search_count([]), moves)
        move = self.counter._cs_post_entry(
            "Deposit", [(cash, 10.0), (self.deposit_account, -10.0), (self.damage_account, 0.0)]
        )
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.journal_id, self.counter.cash_journal_id)
        self.assertEqual(len(move.line_ids), 2, "zero lines are left out")

    def test_refused_transitions_all_speak_the_same_sentence(self):
        """Issue #13: loans, sales, sessions, lost items, point cards and invoices
        on behalf each refused a wrong transition in words of their own."""
        session = self.open_session(opening_float=0.0)
        loan = self.lend_umbrella()
        loan.with_user(self.clerk).action_return()
        sale = self.sell(self.fax)
        sale.with_user(self.clerk).action_void()
        self.close(session, {})
        card = (
            self.env["cs.point.card"]
            .with_user(self.clerk)
            .create(
                {
                    "partner_id": self.borrower.id,
                    "id_number": "430102198802023456",
                    "application_receipt": "R-0301-0099",
                }
            )
        )
        card.action_issue()
        fapiao = (
            self.env["cs.fapiao.request"]
            .with_user(self.clerk)
            .create({"buyer_title": "长沙湘江百货有限公司", "amount": 10.0})
        )
        self.clerk.cs_fapiao_trained = True
        item = (
            self.env["cs.lost.item"]
            .with_user(self.clerk)
            .create({"description": "钱包", "colour": "黑色", "features": "皮质"})
        )
        item.with_user(self.clerk).write(
            {
                "claimant_name": "李建华",
                "claimant_id_number": "430102199001011234",
                "claimant_signature": SIGNATURE,
                "claim_quantity": 1,
                "claim_colour": "黑",
                "claim_features": "皮质",
            }
        )
        item.with_user(self.clerk).action_claim()
        refused = (
            (loan, "action_return"),
            (loan, "action_lend"),
            (sale, "action_void"),
            (sale, "action_confirm"),
            (session.with_user(self.lead), "action_close"),
            (card, "action_issue"),
            (card, "action_reissue"),
            (fapiao, "action_void"),
            (item, "action_claim"),
            (item, "action_hand_over"),
        )
        for record, action in refused:
            with self.subTest(action=f"{record._name}.{action}"):
                with self.assertRaises(UserError) as refusal:
                    getattr(record, action)()
                self.assertRegex(str(refusal.exception), REFUSED_TRANSITION)
        self.assertEqual(
            (loan.state, sale.state, session.state, card.state, fapiao.state, item.state),
            ("returned", "voided", "closed", "active", "requested", "claimed"),
        )

    def test_generic_chart_keeps_deposits_on_a_current_liabilities_sub_account(self):
        """Issue #13: on the generic chart the deposits account is a sub-account of
        its current liabilities and damages go to its other income, found in the
        chart, not typed as codes."""
        company = self.company
        if company.chart_template != "generic_coa":
            self.skipTest("runs on the generic chart")
        parent = self.env.ref(f"account.{company.id}_current_liabilities")
        deposits = company.cs_deposit_account_id
        self.assertNotEqual(deposits, parent)
        self.assertTrue(deposits.code.startswith(parent.code.rstrip("0")))
        self.assertEqual(
            company.cs_damage_income_account_id,
            self.env.ref(f"account.{company.id}_other_income"),
        )
