"""Integrity of loans, deposits and registers (issue #15).

Each test plays a hostile desk user calling the ORM exactly as JSON-RPC does
(``with_user``: ``create``/``write``/``action_*``), then checks that the server
refused and that nothing changed: the record, its journal entries, the books.
"""

import base64
import random
from datetime import datetime

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import TransactionCase, freeze_time, new_test_user, tagged

from .common import DeskCommon

# Random digits: a run of one digit compresses and would fit the index.
LONG_CARD_NUMBER = "".join(random.Random(15).choices("0123456789", k=100_000))

SIGNATURE = base64.b64encode(
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
    b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00"
    b"\x00IEND\xaeB`\x82"
)


@tagged("post_install", "-at_install")
class TestLoanIntegrity(DeskCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_2 = cls.setup_other_company(name="湘江二店")["company"]
        cls.umbrella_2 = cls.env["cs.loan.item.type"].create(
            {
                "name": "Umbrella",
                "deposit_amount": 30.0,
                "replacement_price": 60.0,
                "due_hours": 24,
                "company_id": cls.company_2.id,
            }
        )
        cls.clerk_c2 = new_test_user(
            cls.env,
            "t_clerk_c2",
            groups="cs_servicedesk.group_desk_clerk",
            company_id=cls.company_2.id,
            company_ids=[cls.company_2.id],
        )

    def desk_moves(self, journal=None):
        return self.env["account.move"].search_count(
            [("journal_id", "=", (journal or self.cash_journal).id)]
        )

    def snapshot(self, loan):
        loan.invalidate_recordset()
        return loan.sudo().read(
            [
                "state",
                "name",
                "lent_at",
                "returned_at",
                "deposit_amount",
                "refund_amount",
                "income_amount",
                "charge_amount",
                "damage_price",
                "due_at",
                "item_type_id",
                "partner_id",
                "move_ids",
                "is_overdue",
            ]
        )[0]

    def test_returned_loan_cannot_be_reset_to_lent_and_refunded_again(self):
        """Integrity #2: a clerk wrote state='lent' on a returned loan over
        JSON-RPC and pressed Return again: a second refund was posted."""
        loan = self.lend_umbrella()
        loan.with_user(self.clerk).action_return()
        before, moves = self.snapshot(loan), self.desk_moves()
        for user in (self.clerk, self.lead):
            with self.assertRaises(UserError):
                loan.with_user(user).write({"state": "lent"})
        with self.assertRaises(UserError):
            loan.with_user(self.clerk).write({"state": "lent", "returned_at": False})
        with self.assertRaisesRegex(UserError, "cannot be returned while it is Returned"):
            loan.with_user(self.clerk).action_return()
        self.assertEqual(self.snapshot(loan), before)
        self.assertEqual(self.desk_moves(), moves)
        self.assertAlmostEqual(self.balance(self.deposit_account), 0.0)
        self.assertAlmostEqual(self.balance(self.cash_account), 0.0)

    def test_loan_amounts_and_stamps_are_written_only_by_its_actions(self):
        """Integrity #2: a clerk (and a shift lead) forged a lent loan's deposit,
        refund, income and charge, its number, its stamps and its overdue flag."""
        loan = self.lend_umbrella()
        before, moves = self.snapshot(loan), self.desk_moves()
        forged = {
            "deposit_amount": 500.0,
            "refund_amount": 500.0,
            "income_amount": 1.0,
            "charge_amount": 1.0,
            "name": "LOAN-FORGED",
            "lent_at": "2026-01-01 00:00:00",
            "lent_by_id": self.clerk_2.id,
            "returned_at": "2026-01-02 00:00:00",
            "returned_to_id": self.clerk_2.id,
            "is_overdue": True,
        }
        for user in (self.clerk, self.lead):
            for field_name, value in forged.items():
                with (
                    self.subTest(user=user.login, field=field_name),
                    self.assertRaises(UserError),
                ):
                    loan.with_user(user).write({field_name: value})
        # An accountant with the shift-lead role links a foreign entry to the loan.
        foreign = self.env["account.move"].create(
            {"move_type": "entry", "journal_id": self.company_data["default_journal_misc"].id}
        )
        with self.assertRaises(UserError):
            loan.write({"move_ids": [Command.link(foreign.id)]})
        self.assertEqual(self.snapshot(loan), before)
        self.assertEqual(self.desk_moves(), moves)
        self.assertAlmostEqual(self.balance(self.deposit_account), -50.0)

    def test_a_loan_is_created_in_draft_whatever_the_caller_sends(self):
        """Integrity #2: a clerk created a loan already 'returned' with a 500 deposit,
        or slipped default_state/default_deposit_amount into the context."""
        Loan = self.env["cs.loan"].with_user(self.clerk)
        count = Loan.search_count([])
        vals = {"item_type_id": self.umbrella.id, "partner_id": self.borrower.id}
        for forged in ({"state": "returned"}, {"deposit_amount": 500.0}, {"refund_amount": 5.0}):
            with self.subTest(forged=forged), self.assertRaises(UserError):
                Loan.create({**vals, **forged})
        self.assertEqual(Loan.search_count([]), count)
        loan = Loan.with_context(default_state="returned", default_deposit_amount=500.0).create(
            vals
        )
        self.assertEqual((loan.state, loan.deposit_amount), ("draft", 0.0))
        with self.assertRaises(UserError):
            loan.copy({"state": "lent"})

    def test_damage_price_is_positive_and_bounded(self):
        """Integrity #12 and #14: a clerk set a damage price of 1e12 (posted as
        income) or a negative one (a ValueError traceback on return)."""
        loan = self.lend_umbrella()
        before, moves = self.snapshot(loan), self.desk_moves()
        for price in (1e12, 80.01, -35.0, float("nan")):
            with self.subTest(price=price), self.assertRaises(ValidationError):
                loan.with_user(self.clerk).write({"damage_price": price})
        for price in (1e12, -1.0):
            with self.subTest(price=price), self.assertRaises(ValidationError):
                self.env["cs.loan"].with_user(self.clerk).create(
                    {
                        "item_type_id": self.umbrella.id,
                        "partner_id": self.borrower.id,
                        "damage_price": price,
                    }
                )
        self.assertEqual(self.snapshot(loan), before)
        self.assertEqual(self.desk_moves(), moves)
        loan.with_user(self.clerk).write({"damage_price": 35.0})
        loan.with_user(self.clerk).action_return_damaged()
        self.assertEqual((loan.refund_amount, loan.income_amount), (15.0, 35.0))
        self.assertAlmostEqual(self.balance(self.deposit_account), 0.0)

    def test_item_type_prices_and_due_hours_are_bounded(self):
        """Integrity #12 and #14: a shift lead gave an item type a deposit of 1e12
        or a due time of 1e308 hours (an OverflowError when lending)."""
        ItemType = self.env["cs.loan.item.type"].with_user(self.lead)
        for vals in (
            {"deposit_amount": 1e12},
            {"replacement_price": 1e12},
            {"deposit_amount": -5.0},
            {"due_hours": 1e308},
            {"due_hours": 0},
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                ItemType.create({"name": "Power bank", **vals})
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                self.umbrella.with_user(self.lead).write(vals)
        umbrella = self.umbrella
        umbrella.invalidate_recordset()
        self.assertEqual(
            (umbrella.deposit_amount, umbrella.replacement_price, umbrella.due_hours),
            (50.0, 80.0, 72.0),
        )

    @freeze_time("2026-05-04 09:00:00")
    def test_due_is_after_lent_and_within_the_ledger_years(self):
        """Integrity #12: a clerk set a lent umbrella due the day before it was lent,
        or in year 9999, so it never became overdue."""
        loan = self.lend_umbrella()
        before = self.snapshot(loan)
        for due in (
            datetime(2026, 5, 3, 9, 0),
            datetime(2026, 5, 4, 9, 0),
            datetime(9999, 12, 31),
            datetime(1900, 1, 1),
        ):
            with self.subTest(due=due), self.assertRaises(ValidationError):
                loan.with_user(self.clerk).write({"due_at": due})
        self.assertEqual(self.snapshot(loan), before)
        loan.with_user(self.clerk).write({"due_at": datetime(2026, 5, 10, 9, 0)})
        self.assertEqual(loan.due_at, datetime(2026, 5, 10, 9, 0))
        loan.with_user(self.clerk).action_return()
        with self.assertRaises(UserError):
            loan.with_user(self.clerk).write({"due_at": datetime(2026, 5, 20, 9, 0)})

    def test_an_overdue_loan_given_more_time_is_no_longer_overdue(self):
        """The overdue flag is written by the check only, and follows the due time."""
        with freeze_time("2026-05-04 09:00:00"):
            loan = self.lend_umbrella()
        with freeze_time("2026-05-08 09:00:00"):
            self.env["cs.loan"]._cron_flag_overdue()
            self.assertTrue(loan.is_overdue)
            with self.assertRaises(UserError):
                loan.with_user(self.clerk).write({"is_overdue": False})
            self.assertTrue(loan.is_overdue)
            loan.with_user(self.clerk).write({"due_at": datetime(2026, 5, 9, 9, 0)})
            self.assertFalse(loan.is_overdue)
        with freeze_time("2026-05-09 10:00:00"):
            self.env["cs.loan"]._cron_flag_overdue()
        self.assertTrue(loan.is_overdue)

    def test_item_type_and_borrower_are_fixed_once_lent(self):
        """Integrity #2: a clerk lent an umbrella (deposit taken) and then changed
        the loan to a free stroller for another borrower, or its deposit card."""
        loan = self.lend_umbrella()
        before = self.snapshot(loan)
        other = self.env["res.partner"].create({"name": "王小红"})
        for vals in (
            {"item_type_id": self.stroller.id},
            {"partner_id": other.id},
            {"borrower_name": "王小红"},
            {"deposit_card": "YS-999"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                loan.with_user(self.clerk).write(vals)
        self.assertEqual(self.snapshot(loan), before)
        self.assertEqual(loan.deposit_card, "YS-001")
        loan.with_user(self.clerk).action_return()
        with self.assertRaises(UserError):
            loan.with_user(self.clerk).write({"damage_price": 10.0})

    def test_a_loan_cannot_use_another_companys_item_type(self):
        """Integrity #12: a clerk of the first company lent an item type of the
        second company (its deposit posted in the first company's books)."""
        Loan = self.env["cs.loan"].with_user(self.clerk)
        count, moves = Loan.search_count([]), self.desk_moves()
        with self.assertRaises(UserError):
            Loan.create({"item_type_id": self.umbrella_2.id, "partner_id": self.borrower.id})
        loan = Loan.create({"item_type_id": self.umbrella.id, "partner_id": self.borrower.id})
        with self.assertRaises(UserError):
            loan.write({"item_type_id": self.umbrella_2.id})
        self.assertEqual(loan.item_type_id, self.umbrella)
        self.assertEqual(Loan.search_count([]), count + 1)
        self.assertEqual(self.desk_moves(), moves)

    def test_settling_no_loan_is_a_no_op(self):
        """Integrity #14: action_return called over JSON-RPC on no record gave a
        psycopg2 syntax error (``IN ()``)."""
        Loan = self.env["cs.loan"].with_user(self.clerk)
        moves = self.desk_moves()
        self.assertTrue(Loan.action_return())
        self.assertTrue(Loan.action_return_damaged())
        self.assertTrue(Loan.action_mark_lost())
        self.assertEqual(self.desk_moves(), moves)

    def test_crons_still_flag_and_archive_through_the_guard(self):
        """Integrity #2: the crons write the guarded overdue flag and archive."""
        with freeze_time("2025-05-04 09:00:00"):
            loan = self.lend_umbrella()
        with freeze_time("2025-05-08 09:00:00"):
            self.env["cs.loan"].with_user(self.lead)._cron_flag_overdue()
        self.assertTrue(loan.is_overdue)
        with freeze_time("2025-05-08 10:00:00"):
            loan.with_user(self.clerk).action_return()
        self.assertFalse(loan.is_overdue)
        with freeze_time("2026-06-01 10:00:00"):
            self.env["cs.loan"].with_user(self.lead)._cron_archive_settled()
        self.assertFalse(loan.active)

    def test_second_company_lends_an_umbrella_with_its_own_deposit_books(self):
        """Integrity #12 and multi-company: a second company lends an umbrella with
        a deposit and takes it back; its entries go to its own journal and
        accounts, and its clerk sees no loan of the first company."""
        first = self.lend_umbrella()
        counter_2 = self.env["cs.desk.counter"].create(
            {"name": "二店柜台", "company_id": self.company_2.id}
        )
        self.env["cs.desk.session"].with_user(self.clerk_c2).create({"counter_id": counter_2.id})
        Loan = self.env["cs.loan"].with_user(self.clerk_c2)
        loan = Loan.create(
            {"item_type_id": self.umbrella_2.id, "borrower_name": "刘洋", "deposit_card": "B-01"}
        )
        self.assertEqual(loan.company_id, self.company_2)
        self.assertEqual(loan.counter_id, counter_2)
        loan.action_lend()
        journal = counter_2.cash_journal_id
        deposit_account = self.company_2.cs_deposit_account_id
        self.assertNotEqual(journal, self.cash_journal)
        self.assertNotEqual(deposit_account, self.deposit_account)
        self.assertEqual(loan.sudo().move_ids.journal_id, journal)
        self.assertEqual(loan.sudo().move_ids.company_id, self.company_2)
        self.assertAlmostEqual(self.balance(deposit_account), -30.0)
        self.assertAlmostEqual(self.balance(self.deposit_account), -50.0)
        loan.action_return()
        self.assertEqual((loan.state, loan.refund_amount), ("returned", 30.0))
        self.assertEqual(len(loan.sudo().move_ids), 2)
        self.assertEqual(loan.sudo().move_ids.journal_id, journal)
        self.assertAlmostEqual(self.balance(deposit_account), 0.0)
        self.assertAlmostEqual(self.balance(journal.default_account_id), 0.0)
        self.assertAlmostEqual(self.balance(self.deposit_account), -50.0)
        # The second company's clerk alone sees none of the first company's loans.
        self.assertEqual(Loan.search([]), loan)
        self.assertFalse(Loan.search([("id", "=", first.id)]))
        with self.assertRaises(AccessError):
            first.with_user(self.clerk_c2).read(["name"])
        with self.assertRaises(AccessError):
            first.with_user(self.clerk_c2).action_return()
        self.assertEqual(first.state, "lent")
        with self.assertRaises(AccessError):
            self.env["cs.loan.item.type"].with_user(self.clerk_c2).browse(self.umbrella.id).read(
                ["name"]
            )
        report = self.env["cs.deposit.report"].with_company(self.company_2).create({})
        self.assertAlmostEqual(report.ledger_total, 0.0)
        self.assertAlmostEqual(report.difference, 0.0)


@tagged("post_install", "-at_install")
class TestRegisterIntegrity(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company_2 = cls.env["res.company"].create({"name": "湘江二店"})
        cls.clerk = new_test_user(
            cls.env,
            "t_int_clerk",
            groups="cs_servicedesk.group_desk_clerk",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.trained_clerk = new_test_user(
            cls.env,
            "t_int_trained",
            groups="cs_servicedesk.group_desk_clerk",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
            cs_fapiao_trained=True,
        )
        cls.lead = new_test_user(
            cls.env,
            "t_int_lead",
            groups="cs_servicedesk.group_desk_shift_lead",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.clerk_c2 = new_test_user(
            cls.env,
            "t_int_clerk_c2",
            groups="cs_servicedesk.group_desk_clerk",
            company_id=cls.company_2.id,
            company_ids=[cls.company_2.id],
        )

    # ------------------------------------------------------------------
    # Invoices on behalf (代开发票)
    # ------------------------------------------------------------------
    def new_fapiao(self, **vals):
        return (
            self.env["cs.fapiao.request"]
            .with_user(self.clerk)
            .create(
                {
                    "buyer_title": "长沙湘江百货有限公司",
                    "amount": 120.0,
                    "fapiao_number": "04300000001",
                    **vals,
                }
            )
        )

    def test_untrained_clerk_cannot_issue_a_fapiao_by_writing_its_state(self):
        """Integrity #10: an untrained clerk wrote state='issued' (and the issuer)
        instead of pressing Issue, which only trained clerks may do."""
        request = self.new_fapiao()
        for vals in (
            {"state": "issued"},
            {"issued_by_id": self.trained_clerk.id},
            {"state": "voided"},
            {"name": "FP-FORGED"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                request.with_user(self.clerk).write(vals)
        with self.assertRaises(UserError):
            self.new_fapiao(state="issued")
        request.invalidate_recordset()
        self.assertEqual((request.state, request.issued_by_id.id), ("requested", False))

    def test_an_issued_fapiao_is_not_edited_or_reopened(self):
        """Integrity #10: after a trained clerk issued a fapiao, a clerk changed its
        amount and number, or reopened it by writing state."""
        request = self.new_fapiao()
        request.with_user(self.trained_clerk).action_issue()
        for vals in (
            {"amount": 1.0},
            {"fapiao_number": "04300000999"},
            {"buyer_title": "Someone else"},
            {"state": "requested"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                request.with_user(self.clerk).write(vals)
        request.invalidate_recordset()
        self.assertEqual(
            (request.state, request.amount, request.fapiao_number, request.issued_by_id),
            ("issued", 120.0, "04300000001", self.trained_clerk),
        )

    def test_fapiao_amount_is_positive_and_within_the_invoice_limit(self):
        """Integrity #12: a clerk requested a fapiao of -120, 0 or 1e12."""
        Request = self.env["cs.fapiao.request"].with_user(self.clerk)
        count = Request.search_count([])
        for amount in (-120.0, 0.0, 1e12, float("nan")):
            with self.subTest(amount=amount), self.assertRaises(ValidationError):
                self.new_fapiao(amount=amount)
        self.assertEqual(Request.search_count([]), count)
        request = self.new_fapiao()
        with self.assertRaises(ValidationError):
            request.write({"amount": -1.0})
        self.assertEqual(request.amount, 120.0)

    # ------------------------------------------------------------------
    # Lost and found (失物登记认领)
    # ------------------------------------------------------------------
    def new_item(self, user=None, **vals):
        return (
            self.env["cs.lost.item"]
            .with_user(user or self.clerk)
            .create(
                {
                    "description": "钱包",
                    "quantity": 1,
                    "colour": "黑色",
                    "features": "皮质，内有身份证",
                    **vals,
                }
            )
        )

    def test_a_mismatched_claim_is_not_marked_claimed_by_writing_state(self):
        """Integrity #10: the claimant's colour did not match; the clerk wrote
        state='claimed' (and a claim time) instead of asking a shift lead."""
        item = self.new_item()
        item.with_user(self.clerk).write(
            {
                "claimant_name": "李建华",
                "claimant_id_number": "430102199001011234",
                "claimant_signature": SIGNATURE,
                "claim_quantity": 1,
                "claim_colour": "红色",
                "claim_features": "皮质",
            }
        )
        with self.assertRaisesRegex(UserError, "does not match"):
            item.with_user(self.clerk).action_claim()
        for vals in (
            {"state": "claimed"},
            {"claimed_at": fields.Datetime.now()},
            {"state": "handed_over"},
            {"name": "LF-FORGED"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                item.with_user(self.clerk).write(vals)
        with self.assertRaises(UserError):
            self.new_item(state="claimed")
        item.invalidate_recordset()
        self.assertEqual((item.state, item.claimed_at), ("registered", False))

    def test_a_claimed_item_keeps_its_claimant_and_signature(self):
        """Integrity #10: after the hand-over a clerk rewrote who claimed the item,
        the description, and the claimant's signature."""
        item = self.new_item()
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
        for vals in (
            {"claimant_name": "张三"},
            {"claimant_id_number": "000"},
            {"claimant_signature": False},
            {"claim_colour": "红色"},
            {"colour": "红色"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                item.with_user(self.clerk).write(vals)
        item.invalidate_recordset()
        self.assertEqual(
            (item.state, item.claimant_name, item.colour, bool(item.claimant_signature)),
            ("claimed", "李建华", "黑色", True),
        )

    @freeze_time("2026-05-04 09:00:00")
    def test_found_date_cannot_be_back_dated_to_skip_the_keep_period(self):
        """Integrity #10 and #14: a clerk back-dated found_at by 60 days to hand an
        item on at once, registered one 'found' years ago or in the future, or in
        year 9999 (an OverflowError)."""
        item = self.new_item()
        found_at = item.found_at
        with self.assertRaises(UserError):
            item.with_user(self.clerk).write({"found_at": datetime(2026, 3, 4, 9, 0)})
        with self.assertRaises(UserError):
            item.with_user(self.lead).write({"found_at": datetime(2026, 3, 4, 9, 0)})
        item.with_user(self.lead).write({"handed_over_to": "派出所"})
        with self.assertRaisesRegex(UserError, "kept until"):
            item.with_user(self.lead).action_hand_over()
        item.invalidate_recordset()
        self.assertEqual((item.found_at, item.state), (found_at, "registered"))
        Item = self.env["cs.lost.item"].with_user(self.clerk)
        count = Item.search_count([])
        for found in (
            datetime(2026, 3, 4, 9, 0),
            datetime(2026, 5, 4, 10, 0),
            datetime(9999, 12, 31),
            datetime(1, 1, 1),
        ):
            with self.subTest(found=found), self.assertRaises(ValidationError):
                self.new_item(found_at=found)
        self.assertEqual(Item.search_count([]), count)
        yesterday = self.new_item(found_at=datetime(2026, 5, 3, 18, 0))
        self.assertEqual(yesterday.unclaimed_deadline, datetime(2026, 6, 2, 18, 0))

    def test_lost_item_quantity_is_positive_and_bounded(self):
        """Integrity #12: a clerk registered -3, 0 or 10**9 wallets."""
        Item = self.env["cs.lost.item"].with_user(self.clerk)
        count = Item.search_count([])
        for quantity in (-3, 0, 10**9):
            with self.subTest(quantity=quantity), self.assertRaises(ValidationError):
                self.new_item(quantity=quantity)
        self.assertEqual(Item.search_count([]), count)
        item = self.new_item()
        with self.assertRaises(ValidationError):
            item.write({"quantity": -1})
        with self.assertRaises(ValidationError):
            item.write({"claim_quantity": 10**9})
        self.assertEqual(item.quantity, 1)

    # ------------------------------------------------------------------
    # Medicine register (应急药品)
    # ------------------------------------------------------------------
    def test_medicine_move_needs_a_medicine_and_a_sane_quantity(self):
        """Integrity #12 and #14: a clerk logged a use without a medicine (a
        KeyError/TypeError), a negative use (a psycopg2 check violation) and a
        restock of 1e308 boxes."""
        medicine = self.env["cs.medicine"].with_user(self.lead).create({"name": "创可贴"})
        Move = self.env["cs.medicine.move"].with_user(self.clerk)
        Move.create({"medicine_id": medicine.id, "move_type": "restock", "quantity": 10})
        count = Move.search_count([])
        for vals in (
            {"quantity": 1},
            {"medicine_id": False, "quantity": 1},
            {"medicine_id": None},
            {"medicine_id": [medicine.id]},
            {"medicine_id": medicine.id, "quantity": -5},
            {"medicine_id": medicine.id, "quantity": 0},
            {"medicine_id": medicine.id, "move_type": "restock", "quantity": 1e308},
            {"medicine_id": medicine.id, "move_type": "restock", "quantity": float("nan")},
            {"medicine_id": medicine.id, "quantity": "many"},
            {"medicine_id": medicine.id, "move_type": []},
            {"medicine_id": medicine.id, "move_type": "theft"},
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                Move.create(vals)
        self.assertEqual(Move.search_count([]), count)
        medicine.invalidate_recordset()
        self.assertEqual(medicine.stock, 10)

    def test_a_choice_outside_the_list_is_refused_clearly(self):
        """Integrity #14: a shift lead created a medicine of kind '0' and a clerk
        a free service of type 'x': a ValueError traceback from the ORM."""
        medicine = self.env["cs.medicine"].with_user(self.lead).create({"name": "体温计"})
        service = (
            self.env["cs.free.service"]
            .with_user(self.clerk)
            .create({"requested_by": "王女士", "content": "寻找走失儿童"})
        )
        Medicine = self.env["cs.medicine"].with_user(self.lead)
        Service = self.env["cs.free.service"].with_user(self.clerk)
        counts = (Medicine.search_count([]), Service.search_count([]))
        with self.assertRaises(ValidationError):
            Medicine.create({"name": "碘伏", "kind": "0"})
        with self.assertRaises(ValidationError):
            medicine.with_user(self.lead).write({"kind": "poison"})
        with self.assertRaises(ValidationError):
            Service.create({"requested_by": "x", "content": "x", "service_type": "x"})
        with self.assertRaises(ValidationError):
            service.with_user(self.clerk).write({"service_type": "vip"})
        self.assertEqual((Medicine.search_count([]), Service.search_count([])), counts)
        self.env.invalidate_all()
        self.assertEqual((medicine.kind, service.service_type), ("internal", "paging_person"))

    # ------------------------------------------------------------------
    # Point cards (积分卡)
    # ------------------------------------------------------------------
    def new_card(self, user=None, **vals):
        partner = self.env["res.partner"].create({"name": "林美玲"})
        return (
            self.env["cs.point.card"]
            .with_user(user or self.clerk)
            .create(
                {
                    "partner_id": partner.id,
                    "id_number": "430102198802023456",
                    "application_receipt": "R-20260301-0099",
                    **vals,
                }
            )
        )

    def test_card_number_is_bounded_in_length(self):
        """Integrity #14: a 100,000-digit card number gave a psycopg2 error (the
        unique index cannot hold it)."""
        Card = self.env["cs.point.card"].with_user(self.clerk)
        count = Card.search_count([])
        with self.assertRaises(ValidationError):
            self.new_card(name=LONG_CARD_NUMBER)
        self.assertEqual(Card.search_count([]), count)
        card = self.new_card(name="JF-0001")
        with self.assertRaises(ValidationError):
            card.with_user(self.clerk).write({"name": LONG_CARD_NUMBER})
        self.assertEqual(card.name, "JF-0001")

    def test_card_state_and_replacement_change_only_through_actions(self):
        """Integrity #10: a clerk activated a card without issuing it, marked a lost
        card active again, and linked a card as replaced by another one."""
        card, other = self.new_card(), self.new_card()
        for vals in (
            {"state": "active"},
            {"replaced_by_id": other.id},
            {"replaces_id": other.id},
            {"issued_at": "2026-01-01"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                card.with_user(self.clerk).write(vals)
        card.with_user(self.clerk).action_issue()
        card.with_user(self.clerk).action_report_lost()
        with self.assertRaises(UserError):
            card.with_user(self.clerk).write({"state": "active"})
        with self.assertRaises(UserError):
            card.with_user(self.clerk).write({"name": "JF-NEW"})
        card.invalidate_recordset()
        self.assertEqual(card.state, "lost")
        self.assertFalse(card.replaced_by_id | card.replaces_id)
        action = card.with_user(self.clerk).action_reissue()
        self.assertEqual(card.replaced_by_id.id, action["res_id"])
        self.assertEqual(card.replaced_by_id.replaces_id, card)

    def test_point_card_lines_are_isolated_per_company(self):
        """Integrity #9: cs.point.card.line had no multi-company rule: a clerk of
        the second company read the first company's points."""
        card = self.new_card()
        card.with_user(self.clerk).action_issue()
        line = (
            self.env["cs.point.card.line"]
            .with_user(self.clerk)
            .create({"card_id": card.id, "points": 120, "receipt": "R-0302-0100"})
        )
        self.assertEqual(line.company_id, self.company)
        Line = self.env["cs.point.card.line"].with_user(self.clerk_c2)
        self.assertFalse(Line.search([("id", "=", line.id)]))
        with self.assertRaises(AccessError):
            line.with_user(self.clerk_c2).read(["points"])
        with self.assertRaises(AccessError):
            Line.create({"card_id": card.id, "points": 5000, "receipt": "R-C2"})
        card.invalidate_recordset()
        self.assertEqual(card.points, 120)
