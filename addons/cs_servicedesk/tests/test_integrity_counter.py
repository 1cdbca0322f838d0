"""Integrity of the counter: sales, sessions and their books (issue #15).

Each test does over the ORM, as the role's user, what a hostile user did over
JSON-RPC (``write``/``create``/``action_*`` under that user), then checks the
refusal and that the records and the books did not change.
"""

import uuid
from contextlib import closing

import psycopg2

from odoo import SUPERUSER_ID, api, sql_db
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.service.model import get_public_method
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .test_counter import CounterCase


@tagged("post_install", "-at_install")
class TestIntegrityCounter(CounterCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cny = cls.env.ref("base.CNY")
        cny.active = True
        cls.company_data_2 = cls.setup_other_company(name="湘江百货二店", currency_id=cny.id)
        cls.company_2 = cls.company_data_2["company"]
        cls.clerk_b, cls.lead_b, cls.finance_b = (
            new_test_user(
                cls.env,
                login,
                groups=groups,
                company_id=cls.company_2.id,
                company_ids=[cls.company_2.id],
            )
            for login, groups in (
                ("t_clerk_b", "cs_servicedesk.group_desk_clerk"),
                ("t_lead_b", "cs_servicedesk.group_desk_shift_lead"),
                ("t_finance_b", "account.group_account_invoice"),
            )
        )
        # Company B's counter, set up by its own shift lead.
        cls.counter_b = cls.env["cs.desk.counter"].with_user(cls.lead_b).create({"name": "B Desk"})
        cls.counter_b = cls.counter_b.with_env(cls.env)
        # Posted entries the desk did not create: company B's and company A's own invoices.
        cls.foreign_invoice = cls.init_invoice(
            "out_invoice", amounts=[500.0], post=True, company=cls.company_2
        )
        cls.own_invoice = cls.init_invoice("out_invoice", amounts=[300.0], post=True)

    def both(self, records):
        """``records`` as the fixture user reads them with both companies selected."""
        return records.with_context(allowed_company_ids=[self.company.id, self.company_2.id])

    def move_count(self):
        return self.env["account.move"].sudo().search_count([])

    def sale_vals(self, product=None, counter=None, **line):
        return {
            "counter_id": (counter or self.counter).id,
            "line_ids": [Command.create({"product_id": (product or self.fax).id, **line})],
        }

    def close(self, session, pieces, lead=None):
        session = session.with_user(lead or self.lead)
        self.count(session, pieces)
        session.action_close()

    # Finding 1 ----------------------------------------------------------------

    def test_clerk_cannot_point_a_paid_sale_at_another_entry_and_void_it(self):
        """Integrity #1: a desk clerk wrote the ``move_id`` of a paid sale (it was a
        workflow field) to another company's posted invoice, then pressed Void: the
        server reversed that invoice under sudo."""
        self.open_session()
        sale = self.sell(self.fax)
        receipt = sale.move_id
        with self.assertRaises(UserError):
            sale.with_user(self.clerk).write({"move_id": self.foreign_invoice.id})
        with self.assertRaises(UserError):
            sale.with_user(self.clerk).write({"move_id": self.own_invoice.id})
        sale.invalidate_recordset()
        self.assertEqual(sale.move_id, receipt)

    def test_void_reverses_only_the_receipt_the_sale_posted(self):
        """Integrity #1: ``action_void`` reversed whatever ``move_id`` held. A sale
        left pointing at an entry of another journal (written before the guard, or
        by server code) is refused, and that entry is not reversed."""
        self.open_session()
        sale = self.sell(self.fax)
        sale.sudo().move_id = self.own_invoice
        moves = self.move_count()
        with self.assertRaises(UserError):
            sale.with_user(self.clerk).action_void()
        self.assertEqual(sale.state, "paid")
        self.assertFalse(self.own_invoice.reversal_move_ids)
        self.assertEqual(self.own_invoice.payment_state, "not_paid")
        self.assertEqual(self.move_count(), moves)

    def test_a_receipt_already_reversed_is_not_reversed_again(self):
        """Integrity #1: the void checks the receipt is not reversed yet, whatever
        the sale's state says."""
        self.open_session()
        sale = self.sell(self.fax)
        sale.with_user(self.clerk).action_void()
        credit_note = sale.reversal_move_id
        sale.sudo().state = "paid"
        moves = self.move_count()
        with self.assertRaises(UserError):
            sale.with_user(self.clerk).action_void()
        self.assertEqual(sale.move_id.reversal_move_ids, credit_note)
        self.assertEqual(self.move_count(), moves)

    # Finding 3 ----------------------------------------------------------------

    def test_a_sale_cannot_be_created_already_paid(self):
        """Integrity #3: a clerk created a sale with ``state='paid'``, a number and a
        receipt of their choosing, or with ``default_state`` in the context."""
        Sale = self.env["cs.desk.sale"].with_user(self.clerk)
        with self.assertRaises(UserError):
            Sale.create(dict(self.sale_vals(), state="paid", name="FAKE-0001"))
        with self.assertRaises(UserError):
            Sale.create(dict(self.sale_vals(), move_id=self.own_invoice.id))
        with self.assertRaises(UserError):
            Sale.create(dict(self.sale_vals(), user_id=self.clerk_2.id))
        sale = Sale.with_context(default_state="paid", default_name="FAKE-0002").create(
            self.sale_vals()
        )
        self.assertEqual(sale.state, "draft")
        self.assertNotEqual(sale.name, "FAKE-0002")
        self.assertFalse(
            self.env["cs.desk.sale"].search([("name", "in", ("FAKE-0001", "FAKE-0002"))])
        )

    def test_paid_sale_cannot_be_written_back_to_draft(self):
        """Integrity #3: a clerk wrote ``state='draft'`` on a paid sale and confirmed
        it again: a second receipt was posted for the same service."""
        self.open_session()
        sale = self.sell(self.fax)
        moves = self.move_count()
        with self.assertRaises(UserError):
            sale.with_user(self.clerk).write({"state": "draft"})
        sale.invalidate_recordset()
        self.assertEqual(sale.state, "paid")
        with self.assertRaises(UserError):
            sale.with_user(self.clerk).action_confirm()
        self.assertEqual(self.move_count(), moves)

    def test_voided_sale_cannot_be_set_paid_and_voided_again(self):
        """Integrity #3: voided → paid by a write, then Void again posted a second
        credit note."""
        self.open_session()
        sale = self.sell(self.fax)
        sale.with_user(self.clerk).action_void()
        moves = self.move_count()
        for vals in ({"state": "paid"}, {"reversal_move_id": False}, {"paid_at": False}):
            with self.assertRaises(UserError):
                sale.with_user(self.clerk).write(vals)
        sale.invalidate_recordset()
        self.assertEqual(sale.state, "voided")
        self.assertTrue(sale.reversal_move_id)
        with self.assertRaises(UserError):
            sale.with_user(self.clerk).action_void()
        self.assertEqual(self.move_count(), moves)

    def test_paid_sale_cannot_be_moved_into_an_open_session(self):
        """Integrity #3: a paid sale of a closed session was moved into an open
        session, where the clerk voided it without finance."""
        session = self.open_session(opening_float=0.0)
        sale = self.sell(self.fax, 5)
        self.close(session, {10.0: 1})
        self.open_session(opening_float=0.0)
        new_session = self.counter.current_session_id
        with self.assertRaises(UserError):
            sale.with_user(self.clerk).write({"session_id": new_session.id})
        sale.invalidate_recordset()
        self.assertEqual(sale.session_id, session)
        with self.assertRaises(UserError) as refusal:
            sale.with_user(self.clerk).action_void()
        self.assertIn("credit note", str(refusal.exception))
        self.assertEqual(sale.state, "paid")
        self.assertFalse(sale.move_id.reversal_move_ids)
        self.assertEqual(new_session.sale_count, 0)

    def test_lines_of_a_paid_sale_cannot_be_edited_added_or_deleted(self):
        """Integrity #3: the lines of a paid sale were edited or deleted while the
        posted receipt kept the old total."""
        self.open_session()
        sale = self.sell(self.fax, 3)
        line = sale.line_ids
        self.assertEqual(sale.amount_total, 6.0)
        Line = self.env["cs.desk.sale.line"].with_user(self.clerk)
        for vals in ({"quantity": 1}, {"price_unit": 0.0}, {"product_id": self.copying.id}):
            with self.assertRaises(UserError):
                line.with_user(self.clerk).write(vals)
        with self.assertRaises(UserError):
            line.with_user(self.clerk).unlink()
        with self.assertRaises(UserError):
            Line.create({"sale_id": sale.id, "product_id": self.wrapping.id})
        with self.assertRaises(UserError):
            sale.with_user(self.clerk).write(
                {"line_ids": [Command.create({"product_id": self.wrapping.id})]}
            )
        # A line of a draft sale cannot be moved into a paid one either.
        draft = self.env["cs.desk.sale"].with_user(self.clerk).create(self.sale_vals())
        with self.assertRaises(UserError):
            draft.line_ids.with_user(self.clerk).write({"sale_id": sale.id})
        sale.invalidate_recordset()
        self.assertEqual(sale.line_ids, line)
        self.assertEqual((line.quantity, line.price_unit, line.product_id), (3.0, 2.0, self.fax))
        self.assertEqual(sale.amount_total, 6.0)
        self.assertEqual(sale.move_id.amount_total, 6.0)

    # Finding 4 ----------------------------------------------------------------

    def test_clerk_cannot_close_a_session_by_writing_its_state_or_count(self):
        """Integrity #4: a clerk closed a session by writing ``state`` and
        ``counted_cash``: no blind count, no shift lead."""
        session = self.open_session()
        forged = (
            {"state": "closed"},
            {"counted_cash": 100.0, "expected_cash": 100.0},
            {"difference": 0.0},
            {"closed_at": "2026-01-01 18:00:00", "closed_by_id": self.lead.id},
            {"deposits_in": 0.0, "deposits_out": 50.0},
            {"difference_move_id": self.own_invoice.id},
            {"name": "BC-FORGED"},
            {"user_id": self.clerk_2.id},
        )
        for vals in forged:
            with self.assertRaises(UserError):
                session.with_user(self.clerk).write(vals)
        with self.assertRaises(UserError):
            self.env["cs.desk.session"].with_user(self.clerk).create(
                {"counter_id": self.counter.id, "state": "closed"}
            )
        session.invalidate_recordset()
        self.assertEqual(session.state, "opened")
        self.assertEqual((session.counted_cash, session.expected_cash), (0.0, 0.0))
        self.assertFalse(session.closed_at or session.closed_by_id or session.difference_move_id)
        self.assertNotEqual(session.name, "BC-FORGED")
        self.assertEqual(session.user_id, self.clerk)

    def test_nobody_writes_the_bank_transfer_of_a_closed_session(self):
        """Integrity #4: a clerk wrote ``transfer_move_id`` on a closed session,
        which then blocked finance's hand-over to the bank."""
        session = self.open_session(opening_float=0.0)
        self.sell(self.wrapping, 3)
        self.close(session, {20.0: 1, 10.0: 1})
        for user in (self.clerk, self.lead, self.finance):
            with self.assertRaises(UserError):
                session.with_user(user).write({"transfer_move_id": self.own_invoice.id})
        with self.assertRaises(UserError):
            session.with_user(self.finance).write({"statement_line_id": False, "state": "opened"})
        session.invalidate_recordset()
        self.assertFalse(session.transfer_move_id)
        session.with_user(self.finance).action_hand_to_bank()
        transfer = session.transfer_move_id
        self.assertEqual(transfer.journal_id, self.counter.cash_journal_id)
        self.assertEqual(transfer.amount_total, 30.0)

    def test_count_lines_change_only_while_the_session_is_open(self):
        """Integrity #4: the blind count of a closed session was rewritten, deleted
        or extended, and a denomination changed to a note that does not exist."""
        session = self.open_session(opening_float=0.0)
        self.sell(self.wrapping)
        line = session.count_line_ids.filtered(lambda count: count.denomination == 10.0)
        with self.assertRaises(UserError):
            line.with_user(self.clerk).write({"denomination": 1000.0})
        with self.assertRaises(UserError):
            self.env["cs.desk.session.count"].with_user(self.clerk).create(
                {"session_id": session.id, "denomination": 1000.0, "pieces": 1}
            )
        self.close(session, {10.0: 1})
        count_lines = session.count_line_ids
        with self.assertRaises(UserError):
            line.with_user(self.lead).write({"pieces": 5})
        with self.assertRaises(UserError):
            line.with_user(self.lead).unlink()
        session.invalidate_recordset()
        self.assertEqual(session.count_line_ids, count_lines)
        self.assertEqual((line.denomination, line.pieces), (10.0, 1))
        self.assertEqual(session.counted_cash, 10.0)

    def test_reconciliation_is_not_callable_over_rpc_and_takes_only_its_bank_lines(self):
        """Integrity #4: ``action_reconcile_statement_line(line)`` was public: any
        caller could pass any record, of any company or journal, and reconcile it
        against a session's transfer."""
        Session = self.env["cs.desk.session"]
        self.assertFalse(hasattr(Session, "action_reconcile_statement_line"))
        with self.assertRaises(AccessError):
            get_public_method(Session, "_reconcile_statement_line")
        self.assertTrue(get_public_method(Session, "action_find_statement_line"))
        session = self.open_session(opening_float=0.0)
        self.sell(self.wrapping)
        self.close(session, {10.0: 1})
        session.with_user(self.finance).action_hand_to_bank()
        StatementLine = self.env["account.bank.statement.line"].sudo()
        other_company = StatementLine.create(
            {
                "journal_id": self.company_data_2["default_journal_bank"].id,
                "amount": 10.0,
                "payment_ref": session.name,
            }
        )
        cash_line = StatementLine.create(
            {"journal_id": self.cash_journal.id, "amount": 10.0, "payment_ref": session.name}
        )
        for line in (other_company, cash_line):
            with self.assertRaises(UserError):
                session.with_user(self.finance)._reconcile_statement_line(line)
            self.assertFalse(line.is_reconciled)
        self.assertFalse(session.statement_line_id)

    # Finding 6 ----------------------------------------------------------------

    def test_one_open_session_per_counter_is_a_database_constraint(self):
        """Integrity #6: eight concurrent creates opened eight sessions on one
        counter: the Python count of open sessions sees only its own transaction.
        Here two real transactions each find no open session, then both insert:
        the database refuses the second."""
        self.env.cr.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'cs_desk_session'"
            " AND indexdef LIKE %s",
            ["CREATE UNIQUE INDEX%(counter_id)%"],
        )
        self.assertIn("state", self.env.cr.fetchone()[0])
        db = sql_db.db_connect(self.env.cr.dbname)
        # The counter must be committed for both transactions to see it.
        with closing(db.cursor()) as cr:
            cr.execute(
                "INSERT INTO cs_desk_counter (name, company_id, active) VALUES (%s, %s, true)"
                " RETURNING id",
                [f"Race {uuid.uuid4().hex}", self.env.ref("base.main_company").id],
            )
            counter_id = cr.fetchone()[0]
            cr.commit()
        first, second = db.cursor(), db.cursor()
        try:
            open_domain = [("counter_id", "=", counter_id), ("state", "=", "opened")]
            env_1 = api.Environment(first, SUPERUSER_ID, {})
            env_2 = api.Environment(second, SUPERUSER_ID, {})
            # The second clerk's request has looked: nothing open yet.
            self.assertFalse(env_2["cs.desk.session"].search_count(open_domain))
            env_1["cs.desk.session"].create({"counter_id": counter_id})
            env_1.flush_all()
            first.commit()
            with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.IntegrityError):
                env_2["cs.desk.session"].create({"counter_id": counter_id})
                env_2.flush_all()
                second.commit()
        finally:
            first.close()
            second.close()
            with closing(db.cursor()) as cr:
                cr.execute(
                    "SELECT count(*) FROM cs_desk_session"
                    " WHERE counter_id = %s AND state = 'opened'",
                    [counter_id],
                )
                opened = cr.fetchone()[0]
                cr.execute("SELECT id FROM cs_desk_session WHERE counter_id = %s", [counter_id])
                ids = [row[0] for row in cr.fetchall()]
                cr.execute(
                    "DELETE FROM mail_message WHERE model = 'cs.desk.session' AND res_id = ANY(%s)",
                    [ids],
                )
                cr.execute(
                    "DELETE FROM mail_followers WHERE res_model = 'cs.desk.session'"
                    " AND res_id = ANY(%s)",
                    [ids],
                )
                cr.execute("DELETE FROM cs_desk_session WHERE counter_id = %s", [counter_id])
                cr.execute("DELETE FROM cs_desk_counter WHERE id = %s", [counter_id])
                cr.commit()
        self.assertEqual(opened, 1)

    def test_a_second_session_on_an_open_counter_is_refused_clearly(self):
        """Integrity #6: in one transaction the refusal is a clear message, not a
        database error."""
        self.open_session()
        with self.assertRaises(ValidationError) as refusal:
            self.open_session()
        self.assertIn("already has an open session", str(refusal.exception))
        self.assertEqual(
            self.env["cs.desk.session"].search_count([("counter_id", "=", self.counter.id)]), 1
        )

    # Finding 9 ----------------------------------------------------------------

    def test_a_user_of_company_a_cannot_read_company_b_sale_and_count_lines(self):
        """Integrity #9: ``cs.desk.sale.line`` and ``cs.desk.session.count`` had no
        multi-company rule: a clerk of one company read the other's lines."""
        session_b = self.open_session(user=self.clerk_b, counter=self.counter_b)
        sale_b = self.sell(self.fax, 4, user=self.clerk_b, counter=self.counter_b)
        lines_b = sale_b.with_user(self.clerk_b).line_ids
        counts_b = session_b.count_line_ids
        self.assertTrue(lines_b and counts_b)
        SaleLine = self.env["cs.desk.sale.line"].with_user(self.clerk)
        Count = self.env["cs.desk.session.count"].with_user(self.clerk)
        self.assertFalse(SaleLine.search([("id", "in", lines_b.ids)]))
        self.assertFalse(Count.search([("id", "in", counts_b.ids)]))
        with self.assertRaises(AccessError):
            SaleLine.browse(lines_b.ids).read(["quantity", "price_unit"])
        with self.assertRaises(AccessError):
            Count.browse(counts_b.ids).read(["pieces"])
        with self.assertRaises(AccessError):
            Count.browse(counts_b[:1].ids).write({"pieces": 3})
        counts_b.invalidate_recordset()
        self.assertEqual(sum(counts_b.mapped("pieces")), 0)
        self.assertEqual(lines_b.company_id | counts_b.company_id, self.company_2)

    # Finding 12 ---------------------------------------------------------------

    def test_a_receipt_of_a_trillion_is_refused_before_anything_is_posted(self):
        """Integrity #12: a receipt of 1e12 was accepted and posted, paid in cash."""
        self.open_session()
        moves = self.move_count()
        Sale = self.env["cs.desk.sale"].with_user(self.clerk)
        with self.assertRaises(ValidationError):
            Sale.create(self.sale_vals(price_unit=1e12))
        with self.assertRaises(ValidationError):
            Sale.create(self.sale_vals(quantity=10_000, price_unit=1000.0))
        priced = self.env["product.product"].create(
            {"name": "Gold Wrapping", "list_price": 1e12, "cs_counter_service": True}
        )
        with self.assertRaises(ValidationError):
            Sale.create(self.sale_vals(product=priced))
        sale = Sale.create(self.sale_vals())
        with self.assertRaises(ValidationError):
            sale.line_ids.write({"price_unit": 1e12})
        sale.invalidate_recordset()
        self.assertEqual(sale.amount_total, 2.0)
        self.assertEqual(Sale.search_count([]), 1)
        self.assertEqual(self.move_count(), moves)

    def test_a_negative_receipt_line_is_refused(self):
        """Integrity #12: a −60 receipt line was accepted and posted (cash paid out
        through a receipt); a negative quantity ended in a database error."""
        self.open_session()
        moves = self.move_count()
        Sale = self.env["cs.desk.sale"].with_user(self.clerk)
        for line in ({"price_unit": -60.0}, {"quantity": -1.0}, {"quantity": 0.0}):
            with self.assertRaises(ValidationError):
                Sale.create(self.sale_vals(**line))
        sale = Sale.create(self.sale_vals())
        with self.assertRaises(ValidationError):
            sale.line_ids.write({"price_unit": -60.0})
        sale.action_confirm()
        self.assertEqual(sale.move_id.amount_total, 2.0)
        self.assertEqual(self.move_count(), moves + 2, "one receipt and its payment")

    def test_an_opening_float_of_minus_a_trillion_is_refused(self):
        """Integrity #12: an opening float of −1e12 was accepted; its close posted a
        1e12 cash difference."""
        moves = self.move_count()
        for amount in (-1e12, -0.01, 1e12):
            with self.assertRaises(ValidationError):
                self.open_session(opening_float=amount)
        self.assertFalse(self.counter.session_ids)
        session = self.open_session(opening_float=100.0)
        with self.assertRaises(ValidationError):
            session.with_user(self.clerk).write({"opening_float": -1e12})
        session.invalidate_recordset()
        self.assertEqual(session.opening_float, 100.0)
        self.assertEqual(self.move_count(), moves)

    def test_only_counter_services_of_the_sale_company_are_sold(self):
        """Integrity #12: a product that is not a counter service, another company's
        service or customer were put on a counter sale and posted."""
        self.open_session()
        moves = self.move_count()
        laptop = self.env["product.product"].create({"name": "Laptop", "list_price": 5000.0})
        service_b = (
            self.env["product.product"]
            .sudo()
            .create(
                {
                    "name": "B Copying",
                    "list_price": 1.0,
                    "cs_counter_service": True,
                    "company_id": self.company_2.id,
                }
            )
        )
        customer_b = (
            self.env["res.partner"]
            .sudo()
            .create({"name": "B Customer", "company_id": self.company_2.id})
        )
        # A clerk working for both companies, with both selected.
        both = new_test_user(
            self.env,
            "t_clerk_ab",
            groups="cs_servicedesk.group_desk_clerk",
            company_id=self.company.id,
            company_ids=[self.company.id, self.company_2.id],
        )
        Sale = (
            self.env["cs.desk.sale"]
            .with_user(both)
            .with_context(allowed_company_ids=[self.company.id, self.company_2.id])
        )
        with self.assertRaises(ValidationError) as refusal:
            Sale.create(self.sale_vals(product=laptop))
        self.assertIn("not a counter service", str(refusal.exception))
        with self.assertRaises(UserError):
            Sale.create(self.sale_vals(product=service_b))
        with self.assertRaises(UserError):
            Sale.create(dict(self.sale_vals(), partner_id=customer_b.id))
        sale = Sale.create(self.sale_vals())
        with self.assertRaises(ValidationError):
            sale.line_ids.write({"product_id": laptop.id})
        with self.assertRaises(UserError):
            sale.line_ids.write({"product_id": service_b.id})
        sale.invalidate_recordset()
        self.assertEqual(sale.line_ids.product_id, self.fax)
        self.assertEqual(Sale.search_count([]), 1)
        self.assertEqual(self.move_count(), moves)

    # Finding 14 ---------------------------------------------------------------

    def test_a_quantity_of_1e308_is_a_validation_error_not_a_traceback(self):
        """Integrity #14: a sale quantity of 1e308 ended in an OverflowError."""
        Sale = self.env["cs.desk.sale"].with_user(self.clerk)
        for quantity in (1e308, float("inf"), float("nan")):
            with self.assertRaises(ValidationError):
                Sale.create(self.sale_vals(quantity=quantity))
        sale = Sale.create(self.sale_vals())
        with self.assertRaises(ValidationError):
            sale.line_ids.write({"quantity": 1e308})
        sale.invalidate_recordset()
        self.assertEqual(sale.line_ids.quantity, 1.0)
        self.assertEqual(Sale.search_count([]), 1)

    def test_a_count_of_huge_or_negative_pieces_is_a_validation_error(self):
        """Integrity #14: a count of 10**12 pieces ended in a database error
        (integer out of range), a negative one in a constraint violation."""
        session = self.open_session()
        line = session.count_line_ids[:1]
        for pieces in (10**12, -1):
            with self.assertRaises(ValidationError):
                line.with_user(self.clerk).write({"pieces": pieces})
        line.invalidate_recordset()
        self.assertEqual(line.pieces, 0)

    def test_counters_and_desk_settings_refuse_nonsense(self):
        """Integrity #12/#14: a counter named with 100,000 characters ended in a
        database error (its name is indexed), a counter's receipts journal could be
        any journal, and the desk's deposits account an income account."""
        Counter = self.env["cs.desk.counter"].with_user(self.lead)
        with self.assertRaises(ValidationError):
            Counter.create({"name": "柜" * 100_000})
        with self.assertRaises(ValidationError):
            Counter.create(
                {"name": "Desk 2", "sale_journal_id": self.company_data["default_journal_misc"].id}
            )
        with self.assertRaises(UserError):
            Counter.create(
                {
                    "name": "Desk 3",
                    "cash_journal_id": self.company_data_2["default_journal_cash"].id,
                }
            )
        self.assertFalse(Counter.search([("name", "in", ("Desk 2", "Desk 3"))]))
        company = self.company.sudo()
        for vals in (
            {"cs_deposit_account_id": self.company_data["default_account_revenue"].id},
            {"cs_damage_income_account_id": self.deposit_account.id},
            {"cs_ledger_retention_days": -1},
            {"cs_lost_item_keep_days": 10**12},
        ):
            with self.assertRaises(ValidationError):
                company.write(vals)
        company.invalidate_recordset()
        self.assertEqual(company.cs_deposit_account_id, self.deposit_account)
        self.assertEqual(company.cs_ledger_retention_days, 365)
        # A counter's cash drawer is a cash journal, never a bank journal.
        with self.assertRaises(ValidationError):
            self.counter.with_user(self.lead).write(
                {"cash_journal_id": self.company_data["default_journal_bank"].id}
            )
        self.counter.invalidate_recordset()
        self.assertEqual(self.counter.cash_journal_id, self.cash_journal)

    # A second company ---------------------------------------------------------

    def test_a_second_company_runs_the_counter_on_its_own_books(self):
        """Issue #15: a company created after install opens a session, sells,
        closes with the blind count and hands over to finance in its own journals,
        and its users see nothing of the first company's counter."""
        counter_b = self.both(self.counter_b)
        self.assertEqual(counter_b.company_id, self.company_2)
        journals = counter_b.sale_journal_id | counter_b.cash_journal_id | counter_b.card_journal_id
        self.assertEqual(len(journals), 3)
        self.assertEqual(journals.company_id, self.company_2)
        session_b = self.open_session(opening_float=50.0, user=self.clerk_b, counter=counter_b)
        sale_b = self.sell(self.wrapping, 2, user=self.clerk_b, counter=counter_b)
        card_b = self.sell(self.fax, method="card", user=self.clerk_b, counter=counter_b)
        receipt, card_receipt = self.both(sale_b).move_id, self.both(card_b).move_id
        self.assertEqual(receipt.journal_id, counter_b.sale_journal_id)
        self.assertEqual((receipt.company_id, receipt.state), (self.company_2, "posted"))
        self.assertEqual(receipt.currency_id, self.env.ref("base.CNY"))
        self.assertEqual(card_receipt.payment_state, "paid")
        html, _type = self.both(self.env["ir.actions.report"])._render_qweb_html(
            "cs_servicedesk.action_report_cs_desk_sale", sale_b.ids
        )
        self.assertIn(self.company_2.name, html.decode(), "the receipt shows its own company")
        self.assertNotIn(self.company.name, html.decode())
        self.close(session_b, {50.0: 1, 20.0: 1}, lead=self.lead_b)
        session_b.with_user(self.finance_b).action_hand_to_bank()
        closed = self.both(session_b)
        self.assertEqual(closed.state, "closed")
        self.assertEqual((closed.expected_cash, closed.difference), (70.0, 0.0))
        self.assertEqual(closed.transfer_move_id.company_id, self.company_2)
        self.assertEqual(closed.transfer_move_id.amount_total, 20.0)
        # The first company works on, and neither sees the other's counter.
        session_a = self.open_session()
        sale_a = self.sell(self.fax)
        for user, own_sales, own_session in (
            (self.clerk_b, self.both(sale_b | card_b), closed),
            (self.clerk, sale_a, session_a),
        ):
            env = self.env(user=user)
            self.assertEqual(env["cs.desk.sale"].search([]), own_sales)
            self.assertEqual(env["cs.desk.session"].search([]), own_session)
            self.assertEqual(env["cs.desk.sale.line"].search([]), own_sales.line_ids)
            self.assertEqual(env["cs.desk.session.count"].search([]), own_session.count_line_ids)
            self.assertEqual(env["cs.desk.counter"].search([]), own_session.counter_id)
