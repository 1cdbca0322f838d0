from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import DeskCommon


class CounterCase(DeskCommon):
    """A counter with its journals, three counter services, finance, and the
    clerk's moves (open, sell, count) as the web client makes them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finance = new_test_user(
            cls.env,
            "t_finance",
            groups="account.group_account_invoice",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        Product = cls.env["product.product"]
        cls.revenue = cls.company_data["default_account_revenue"]
        cls.wrapping = Product.create(
            {
                "name": "Gift Wrapping",
                "type": "service",
                "list_price": 10.0,
                "cs_counter_service": True,
            }
        )
        cls.fax = Product.create(
            {"name": "Fax", "type": "service", "list_price": 2.0, "cs_counter_service": True}
        )
        cls.copying = Product.create(
            {"name": "Copying", "type": "service", "list_price": 0.5, "cs_counter_service": True}
        )

    def sell(self, product, quantity=1, method="cash", user=None, counter=None):
        sale = (
            self.env["cs.desk.sale"]
            .with_user(user or self.clerk)
            .create(
                {
                    "counter_id": (counter or self.counter).id,
                    "payment_method": method,
                    "line_ids": [(0, 0, {"product_id": product.id, "quantity": quantity})],
                }
            )
        )
        self.assertEqual(sale.state, "draft")
        sale.action_confirm()
        return sale.with_env(self.env)

    def count(self, session, pieces):
        for line in session.count_line_ids:
            line.pieces = pieces.get(line.denomination, 0)


@tagged("post_install", "-at_install")
class TestCounter(CounterCase):
    def test_price_is_shown_before_the_service(self):
        sale = (
            self.env["cs.desk.sale"]
            .with_user(self.clerk)
            .create(
                {
                    "counter_id": self.counter.id,
                    "line_ids": [(0, 0, {"product_id": self.copying.id, "quantity": 12})],
                }
            )
        )
        self.assertEqual(sale.amount_total, 6.0)
        self.assertEqual(sale.state, "draft")
        self.assertFalse(sale.sudo().move_id)

    def test_selling_needs_an_open_session(self):
        sale = (
            self.env["cs.desk.sale"]
            .with_user(self.clerk)
            .create(
                {"counter_id": self.counter.id, "line_ids": [(0, 0, {"product_id": self.fax.id})]}
            )
        )
        with self.assertRaisesRegex(UserError, "Open a session"):
            sale.action_confirm()
        self.assertEqual(sale.state, "draft")

    def test_three_services_give_three_consecutive_posted_receipts(self):
        session = self.open_session()
        sales = self.sell(self.wrapping) | self.sell(self.fax, 3) | self.sell(self.copying, 10)
        moves = sales.move_id
        self.assertEqual(set(moves.mapped("state")), {"posted"})
        self.assertEqual(set(moves.mapped("move_type")), {"out_receipt"})
        self.assertEqual(moves.journal_id, self.counter.sale_journal_id)
        numbers = [int(name.rsplit("/", 1)[1]) for name in moves.sorted("id").mapped("name")]
        self.assertEqual(numbers, [numbers[0], numbers[0] + 1, numbers[0] + 2])
        self.assertEqual(sales.mapped("name"), moves.mapped("name"))
        income = moves.line_ids.filtered(lambda line: line.display_type == "product")
        self.assertEqual(income.account_id, self.revenue)
        self.assertAlmostEqual(-sum(income.mapped("balance")), 10.0 + 6.0 + 5.0)
        self.assertEqual(set(moves.mapped("payment_state")), {"paid"})
        self.assertEqual(session.sale_count, 3)

    def test_cash_and_card_payments_land_in_their_journals(self):
        self.open_session()
        cash_sale = self.sell(self.wrapping, method="cash")
        card_sale = self.sell(self.wrapping, method="card")
        self.assertEqual(
            cash_sale.move_id.matched_payment_ids.journal_id, self.counter.cash_journal_id
        )
        self.assertEqual(
            card_sale.move_id.matched_payment_ids.journal_id, self.counter.card_journal_id
        )
        self.assertAlmostEqual(self.balance(self.cash_account), 10.0)

    def test_paid_sale_cannot_be_edited_by_the_clerk(self):
        self.open_session()
        sale = self.sell(self.fax)
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            sale.with_user(self.clerk).partner_id = self.borrower
        with self.assertRaises(UserError):
            sale.with_user(self.clerk).unlink()

    def test_closing_two_yuan_short_posts_a_two_yuan_loss_on_the_handover(self):
        session = self.open_session(opening_float=100.0)
        self.sell(self.wrapping, 2)  # 20 cash
        self.lend_umbrella()  # 50 deposit into the drawer
        self.count(session, {100.0: 1, 50.0: 1, 10.0: 1, 5.0: 1, 1.0: 3})  # 168 of 170
        with self.assertRaisesRegex(UserError, "reason"):
            session.with_user(self.lead).action_close()
        self.assertEqual(session.state, "opened")
        session.difference_reason = "Change given twice"
        session.with_user(self.lead).action_close()
        self.assertEqual(session.state, "closed")
        self.assertEqual((session.expected_cash, session.counted_cash), (170.0, 168.0))
        self.assertEqual(session.difference, -2.0)
        self.assertEqual(session.deposits_in, 50.0)
        loss_line = session.difference_move_id.line_ids.filtered(lambda line: line.debit)
        self.assertAlmostEqual(loss_line.debit, 2.0)
        self.assertNotEqual(loss_line.account_id, self.cash_account)
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "cs_servicedesk.action_report_cs_desk_session", session.ids
        )
        self.assertIn("Change given twice", html.decode())
        self.assertIn(session.sale_ids.name, html.decode())

    def test_closing_twice_is_refused_and_clerks_cannot_close(self):
        session = self.open_session(opening_float=0.0)
        with self.assertRaisesRegex(UserError, "shift lead"):
            session.with_user(self.clerk).action_close()
        session.with_user(self.lead).action_close()
        with self.assertRaisesRegex(UserError, "cannot be closed while it is Closed"):
            session.with_user(self.lead).action_close()
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            session.with_user(self.lead).opening_float = 5.0

    def test_finance_reconciles_the_banked_session_and_the_report_balances(self):
        session = self.open_session(opening_float=0.0)
        self.sell(self.wrapping, 3)
        self.count(session, {20.0: 1, 10.0: 1})
        session.with_user(self.lead).action_close()
        with self.assertRaises(UserError):
            session.with_user(self.clerk).action_hand_to_bank()
        session.with_user(self.finance).action_hand_to_bank()
        self.assertEqual(session.reconciliation_state, "open")
        self.assertAlmostEqual(self.balance(self.cash_account), 0.0, msg="the drawer was emptied")
        bank = self.company_data["default_journal_bank"]
        line = self.env["account.bank.statement.line"].create(
            {"journal_id": bank.id, "amount": 30.0, "payment_ref": f"Deposit {session.name}"}
        )
        session.with_user(self.finance).action_find_statement_line()
        self.assertEqual(session.statement_line_id, line)
        self.assertTrue(line.is_reconciled)
        self.assertEqual(session.reconciliation_state, "reconciled")
        sessions = self.env["cs.desk.session"].search([("counter_id", "=", self.counter.id)])
        handed = sum(sessions.mapped("handover_amount"))
        self.assertAlmostEqual(handed, 30.0)
        self.assertAlmostEqual(
            self.balance(self.cash_account),
            sum(sessions.mapped("cash_sales_total")) + sum(sessions.mapped("difference")) - handed,
        )

    def test_bank_line_of_another_amount_shows_the_session_as_different(self):
        session = self.open_session(opening_float=0.0)
        self.sell(self.wrapping)
        self.count(session, {10.0: 1})
        session.with_user(self.lead).action_close()
        session.with_user(self.finance).action_hand_to_bank()
        line = self.env["account.bank.statement.line"].create(
            {
                "journal_id": self.company_data["default_journal_bank"].id,
                "amount": 9.0,
                "payment_ref": session.name,
            }
        )
        session.with_user(self.finance)._reconcile_statement_line(line)
        self.assertEqual(session.reconciliation_state, "different")
        self.assertFalse(line.is_reconciled)

    def test_clerk_cannot_void_after_close_but_finance_issues_a_credit_note(self):
        session = self.open_session(opening_float=0.0)
        sale = self.sell(self.fax, 5)
        self.count(session, {10.0: 1})
        session.with_user(self.lead).action_close()
        with self.assertRaisesRegex(UserError, "credit note"):
            sale.with_user(self.clerk).action_void()
        self.assertEqual(sale.state, "paid")
        sale.with_user(self.finance).action_void()
        self.assertEqual(sale.state, "voided")
        self.assertEqual(sale.reversal_move_id.state, "posted")
        self.assertEqual(sale.reversal_move_id.reversed_entry_id, sale.move_id)

    def test_invoice_on_behalf_needs_a_trained_clerk(self):
        request = (
            self.env["cs.fapiao.request"]
            .with_user(self.clerk)
            .create(
                {
                    "buyer_title": "长沙湘江百货有限公司",
                    "buyer_tax_number": "91430100MA4L000000",
                    "amount": 120.0,
                    "fapiao_number": "04300000001",
                }
            )
        )
        with self.assertRaisesRegex(UserError, "trained"):
            request.with_user(self.clerk).action_issue()
        self.clerk.cs_fapiao_trained = True
        request.with_user(self.clerk).action_issue()
        self.assertEqual(request.state, "issued")
        with self.assertRaisesRegex(UserError, "reason"):
            request.with_user(self.clerk).action_void()
        request.void_reason = "Wrong buyer title"
        request.with_user(self.clerk).action_void()
        self.assertEqual(request.state, "voided")
