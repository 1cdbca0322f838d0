from datetime import datetime

from odoo import sql_db
from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from .common import DeskCommon


@tagged("post_install", "-at_install")
class TestLoanDeposit(DeskCommon):
    def test_umbrella_loan_takes_its_deposit_into_the_liability_account(self):
        loan = self.lend_umbrella()
        self.assertEqual(loan.state, "lent")
        self.assertEqual(loan.deposit_amount, 50.0)
        self.assertAlmostEqual(self.balance(self.deposit_account), -50.0)
        self.assertAlmostEqual(self.balance(self.cash_account), 50.0)
        self.assertFalse(
            loan.move_ids.line_ids.filtered(
                lambda line: line.account_id.internal_group == "income"
            ),
            "a deposit is never income",
        )
        report = self.assertReportMatchesBooks()
        self.assertEqual(report.ledger_total, 50.0)
        self.assertIn(loan, report.loan_ids)

    def test_lending_a_deposit_item_needs_a_deposit_card(self):
        loan = (
            self.env["cs.loan"]
            .with_user(self.clerk)
            .create({"item_type_id": self.umbrella.id, "partner_id": self.borrower.id})
        )
        with self.assertRaises(UserError):
            loan.action_lend()
        self.assertEqual(loan.state, "draft")
        self.assertFalse(loan.sudo().move_ids)

    def test_shift_lead_without_accounting_rights_reconciles_the_deposits(self):
        """The report is the shift lead's: it reads the deposits account's balance
        although the lead may not read journal items."""
        self.lend_umbrella()
        self.assertFalse(self.lead.has_group("account.group_account_invoice"))
        report = self.env["cs.deposit.report"].with_user(self.lead).create({})
        self.assertEqual(report.ledger_total, 50.0)
        self.assertAlmostEqual(report.account_balance, 50.0)
        self.assertAlmostEqual(report.difference, 0.0)

    def test_normal_return_refunds_the_deposit(self):
        loan = self.lend_umbrella()
        loan.with_user(self.clerk).action_return()
        self.assertEqual(loan.state, "returned")
        self.assertEqual(loan.refund_amount, 50.0)
        self.assertAlmostEqual(self.balance(self.deposit_account), 0.0)
        self.assertAlmostEqual(self.balance(self.cash_account), 0.0)
        deposit_lines = loan.move_ids.line_ids.filtered(
            lambda line: line.account_id == self.deposit_account
        )
        self.assertTrue(all(deposit_lines.mapped("reconciled")))
        self.assertEqual(self.assertReportMatchesBooks().ledger_total, 0.0)

    def test_damaged_return_keeps_the_price_as_income_and_refunds_the_rest(self):
        loan = self.lend_umbrella(damage_price=35.0)
        loan.with_user(self.clerk).action_return_damaged()
        self.assertEqual(loan.state, "damaged")
        self.assertEqual(
            (loan.refund_amount, loan.income_amount, loan.charge_amount), (15.0, 35.0, 0.0)
        )
        self.assertAlmostEqual(self.balance(self.damage_account), -35.0)
        self.assertAlmostEqual(self.balance(self.cash_account), 35.0)
        self.assertAlmostEqual(self.balance(self.deposit_account), 0.0)
        self.assertReportMatchesBooks()

    def test_lost_item_keeps_the_deposit_and_charges_the_difference(self):
        loan = self.lend_umbrella()
        loan.with_user(self.clerk).action_mark_lost()
        self.assertEqual(loan.state, "lost")
        self.assertEqual(
            (loan.refund_amount, loan.income_amount, loan.charge_amount), (0.0, 50.0, 30.0)
        )
        self.assertAlmostEqual(self.balance(self.damage_account), -80.0)
        self.assertAlmostEqual(self.balance(self.cash_account), 80.0)
        self.assertAlmostEqual(self.balance(self.deposit_account), 0.0)
        self.assertReportMatchesBooks()

    def test_report_equals_the_liability_balance_at_past_dates(self):
        with freeze_time("2026-03-02 10:00:00"):
            first = self.lend_umbrella()
        with freeze_time("2026-03-03 10:00:00"):
            self.lend_umbrella(deposit_card="YS-002")
            first.action_return()
        report = self.env["cs.deposit.report"].create({"date": "2026-03-02"})
        self.assertEqual(report.ledger_total, 50.0)
        self.assertAlmostEqual(report.account_balance, 50.0)
        report = self.env["cs.deposit.report"].create({"date": "2026-03-03"})
        self.assertEqual(report.ledger_total, 50.0)
        self.assertAlmostEqual(report.difference, 0.0)

    def test_a_refund_cannot_happen_twice(self):
        loan = self.lend_umbrella()
        loan.with_user(self.clerk).action_return()
        moves = loan.move_ids
        with self.assertRaisesRegex(UserError, "cannot be returned while it is Returned"):
            loan.with_user(self.clerk_2).action_return()
        self.assertEqual(loan.move_ids, moves)
        self.assertAlmostEqual(self.balance(self.cash_account), 0.0)

    def test_two_clerks_pressing_return_at_once_one_is_refused(self):
        loan = self.lend_umbrella()
        # The other clerk's request holds the settlement lock in its own transaction.
        other = sql_db.db_connect(self.env.cr.dbname).cursor()
        try:
            other.execute("SELECT pg_advisory_xact_lock(%s, %s)", [loan._advisory_key(), loan.id])
            with self.assertRaisesRegex(UserError, "Another clerk"):
                loan.with_user(self.clerk).action_return()
        finally:
            other.rollback()
            other.close()
        self.assertEqual(loan.state, "lent")
        self.assertEqual(len(loan.move_ids), 1)
        loan.with_user(self.clerk).action_return()
        self.assertEqual(loan.state, "returned")

    def test_a_stroller_cannot_leave_the_premises(self):
        with self.assertRaisesRegex(UserError, "inside the premises"):
            self.env["cs.loan"].with_user(self.clerk).create(
                {
                    "item_type_id": self.stroller.id,
                    "borrower_name": "王小红",
                    "leaves_premises": True,
                }
            )
        loan = (
            self.env["cs.loan"]
            .with_user(self.clerk)
            .create({"item_type_id": self.stroller.id, "borrower_name": "王小红"})
        )
        loan.action_lend()
        self.assertFalse(loan.sudo().move_ids, "a free loan posts nothing")
        with self.assertRaises(UserError):
            loan.leaves_premises = True

    def test_unlinking_a_returned_loan_is_refused_and_archived_loans_stay_searchable(self):
        loan = self.lend_umbrella()
        loan.action_return()
        with self.assertRaises(UserError):
            loan.with_user(self.lead).unlink()
        loan.with_user(self.lead).action_archive()
        Loan = self.env["cs.loan"].with_user(self.clerk)
        self.assertFalse(Loan.search([("id", "=", loan.id)]))
        self.assertEqual(Loan.search([("id", "=", loan.id), ("active", "=", False)]), loan)

    def test_loan_is_overdue_only_after_its_due_time(self):
        with freeze_time("2026-05-04 09:00:00"):
            loan = self.lend_umbrella()
        self.assertEqual(loan.due_at, datetime(2026, 5, 7, 9, 0))
        with freeze_time("2026-05-07 08:59:00"):
            self.env["cs.loan"]._cron_flag_overdue()
        self.assertFalse(loan.is_overdue)
        with freeze_time("2026-05-07 09:01:00"):
            self.env["cs.loan"]._cron_flag_overdue()
        self.assertTrue(loan.is_overdue)
        self.assertEqual(len(loan.activity_ids), 1)
        with freeze_time("2026-05-07 10:00:00"):
            self.env["cs.loan"]._cron_flag_overdue()
        self.assertEqual(len(loan.activity_ids), 1, "the reminder is not repeated")

    def test_settled_ledgers_are_archived_after_one_year_not_before(self):
        with freeze_time("2025-06-01 10:00:00"):
            loan = self.lend_umbrella()
            loan.action_return()
        with freeze_time("2026-05-31 10:00:00"):
            self.env["cs.loan"]._cron_archive_settled()
        self.assertTrue(loan.active)
        with freeze_time("2026-06-01 10:01:00"):
            self.env["cs.loan"]._cron_archive_settled()
        self.assertFalse(loan.active)

    def test_loan_receipt_renders_with_the_deposit_card(self):
        loan = self.lend_umbrella(deposit_card="YS-777")
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "cs_servicedesk.action_report_cs_loan", loan.ids
        )
        self.assertIn("YS-777", html.decode())
        self.assertIn(loan.name, html.decode())
