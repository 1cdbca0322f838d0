from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command

from odoo.addons.cs_servicedesk.rules import cash as cash_rules


class CsDeskSession(models.Model):
    """A counter session: opening float, sales, deposits, the blind cash count
    at closing and the handover to finance (seed 003 5.2.15, 6)."""

    _name = "cs.desk.session"
    _description = "Counter Session"
    _inherit = ["cs.sequence.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "opened_at desc, id desc"

    name = fields.Char(readonly=True, copy=False, default="/")
    counter_id = fields.Many2one(comodel_name="cs.desk.counter", required=True, index=True)
    company_id = fields.Many2one(related="counter_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        selection=[("opened", "Open"), ("closed", "Closed")],
        default="opened",
        required=True,
        tracking=True,
        index=True,
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Opened By",
        default=lambda self: self.env.user,
        readonly=True,
    )
    opened_at = fields.Datetime(default=fields.Datetime.now, readonly=True)
    closed_at = fields.Datetime(readonly=True, tracking=True)
    closed_by_id = fields.Many2one(comodel_name="res.users", readonly=True)
    opening_float = fields.Monetary(string="Opening Float", tracking=True)
    sale_ids = fields.One2many(comodel_name="cs.desk.sale", inverse_name="session_id")
    cash_sales_total = fields.Monetary(compute="_compute_totals", store=True)
    card_sales_total = fields.Monetary(compute="_compute_totals", store=True)
    sale_count = fields.Integer(compute="_compute_totals", store=True)
    deposits_in = fields.Monetary(string="Deposits Taken", readonly=True)
    deposits_out = fields.Monetary(
        string="Deposits Refunded", readonly=True, help="Refunds less charges collected."
    )
    count_line_ids = fields.One2many(
        comodel_name="cs.desk.session.count", inverse_name="session_id", string="Cash Count"
    )
    counted_cash = fields.Monetary(readonly=True, tracking=True)
    expected_cash = fields.Monetary(readonly=True)
    difference = fields.Monetary(readonly=True, tracking=True)
    difference_reason = fields.Char(tracking=True)
    difference_move_id = fields.Many2one(comodel_name="account.move", readonly=True)
    handover_amount = fields.Monetary(
        compute="_compute_handover_amount", store=True, help="Counted cash less the float kept."
    )
    transfer_move_id = fields.Many2one(
        comodel_name="account.move", string="Cash Handed to Bank", readonly=True
    )
    statement_line_id = fields.Many2one(comodel_name="account.bank.statement.line", readonly=True)
    reconciliation_state = fields.Selection(
        selection=[("open", "Open"), ("reconciled", "Reconciled"), ("different", "Different")],
        compute="_compute_reconciliation_state",
        store=True,
        index=True,
    )

    @api.depends("sale_ids.state", "sale_ids.amount_total", "sale_ids.payment_method")
    def _compute_totals(self):
        for session in self:
            paid = session.sale_ids.filtered(lambda s: s.state == "paid")
            session.cash_sales_total = sum(
                paid.filtered(lambda s: s.payment_method == "cash").mapped("amount_total")
            )
            session.card_sales_total = sum(
                paid.filtered(lambda s: s.payment_method == "card").mapped("amount_total")
            )
            session.sale_count = len(paid)

    @api.depends("counted_cash", "opening_float", "state")
    def _compute_handover_amount(self):
        for session in self:
            session.handover_amount = (
                session.counted_cash - session.opening_float if session.state == "closed" else 0.0
            )

    @api.depends("transfer_move_id", "statement_line_id.amount", "statement_line_id.is_reconciled")
    def _compute_reconciliation_state(self):
        for session in self:
            line = session.statement_line_id
            if not line:
                session.reconciliation_state = "open"
            elif line.is_reconciled and not session.currency_id.compare_amounts(
                line.amount, session.handover_amount
            ):
                session.reconciliation_state = "reconciled"
            else:
                session.reconciliation_state = "different"

    @api.constrains("counter_id", "state")
    def _check_one_open_session(self):
        for session in self.filtered(lambda s: s.state == "opened"):
            if (
                self.search_count(
                    [("counter_id", "=", session.counter_id.id), ("state", "=", "opened")]
                )
                > 1
            ):
                raise UserError(
                    self.env._("%s already has an open session.", session.counter_id.name)
                )

    @api.model_create_multi
    def create(self, vals_list):
        sessions = super().create(vals_list)
        sessions.count_line_ids = [
            Command.create({"denomination": d}) for d in cash_rules.DENOMINATIONS
        ]
        return sessions

    def write(self, vals):
        if any(s.state == "closed" for s in self) and set(vals) - {
            "transfer_move_id",
            "statement_line_id",
            "message_main_attachment_id",
        }:
            raise UserError(self.env._("A closed session cannot be changed."))
        return super().write(vals)

    def unlink(self):
        if any(s.sale_ids or s.state == "closed" for s in self):
            raise UserError(self.env._("Sessions with sales are kept for finance."))
        return super().unlink()

    def _deposit_movements(self):
        """Deposits taken and refunded at the desk during the session."""
        self.ensure_one()
        end = self.closed_at or fields.Datetime.now()
        Loan = self.env["cs.loan"].sudo()
        window = [("company_id", "=", self.company_id.id)]
        taken = Loan.search(window + [("lent_at", ">=", self.opened_at), ("lent_at", "<=", end)])
        settled = Loan.search(
            window + [("returned_at", ">=", self.opened_at), ("returned_at", "<=", end)]
        )
        deposits_in = sum(taken.mapped("deposit_amount"))
        deposits_out = sum(settled.mapped("refund_amount")) - sum(settled.mapped("charge_amount"))
        return deposits_in, deposits_out

    def action_close(self):
        """Close with the blind count: the expected cash is shown only afterwards."""
        if not self.env.user.has_group("cs_servicedesk.group_desk_shift_lead"):
            raise UserError(self.env._("Only the shift lead closes a session."))
        for session in self:
            if session.state != "opened":
                raise UserError(self.env._("Session %s is already closed.", session.name))
            counted = cash_rules.counted_total(
                {line.denomination: line.pieces for line in session.count_line_ids}
            )
            deposits_in, deposits_out = session._deposit_movements()
            expected = cash_rules.expected_cash(
                session.opening_float, session.cash_sales_total, deposits_in, deposits_out
            )
            diff = cash_rules.difference(counted, expected)
            if not session.currency_id.is_zero(diff) and not session.difference_reason:
                raise UserError(
                    self.env._(
                        "The count differs from the expected cash: give the reason before closing."
                    )
                )
            move = (
                session._post_difference(diff) if not session.currency_id.is_zero(diff) else False
            )
            session.write(
                {
                    "state": "closed",
                    "closed_at": fields.Datetime.now(),
                    "closed_by_id": self.env.uid,
                    "counted_cash": counted,
                    "expected_cash": expected,
                    "deposits_in": deposits_in,
                    "deposits_out": deposits_out,
                    "difference": diff,
                    "difference_move_id": move and move.id,
                }
            )
        return True

    def _post_difference(self, diff):
        journal = self.counter_id.sudo().cash_journal_id
        company = self.company_id.sudo()
        if diff < 0:
            other = journal.loss_account_id or company.default_cash_difference_expense_account_id
        else:
            other = journal.profit_account_id or company.default_cash_difference_income_account_id
        ref = self.env._(
            "Cash difference %(session)s: %(reason)s",
            session=self.name,
            reason=self.difference_reason,
        )
        # A positive difference (cash over) debits the drawer; a shortage credits it.
        return self._post_entry(journal, ref, journal.default_account_id, other, diff)

    def _post_entry(self, journal, ref, debit_account, credit_account, amount):
        """Post a two-line entry: ``amount`` from ``credit_account`` to
        ``debit_account`` (a negative amount goes the other way)."""
        line = {"name": ref}
        move = (
            self.env["account.move"]
            .sudo()
            .create(
                {
                    "move_type": "entry",
                    "journal_id": journal.id,
                    "ref": ref,
                    "line_ids": [
                        Command.create(
                            dict(
                                line,
                                account_id=debit_account.id,
                                debit=max(amount, 0.0),
                                credit=max(-amount, 0.0),
                            )
                        ),
                        Command.create(
                            dict(
                                line,
                                account_id=credit_account.id,
                                debit=max(-amount, 0.0),
                                credit=max(amount, 0.0),
                            )
                        ),
                    ],
                }
            )
        )
        move.action_post()
        return move

    def _check_finance(self):
        if not self.env.user.has_group("account.group_account_invoice"):
            raise UserError(
                self.env._("Only finance hands the cash to the bank and reconciles it.")
            )

    def action_hand_to_bank(self):
        """Finance takes the session's takings to the bank: cash → transfer account."""
        self._check_finance()
        for session in self:
            if session.state != "closed" or session.transfer_move_id:
                raise UserError(self.env._("Close the session first; hand its cash over once."))
            journal = session.counter_id.sudo().cash_journal_id
            transfer = session.company_id.sudo().transfer_account_id
            ref = self.env._("Cash of %s to bank", session.name)
            move = session._post_entry(
                journal, ref, transfer, journal.default_account_id, session.handover_amount
            )
            session.transfer_move_id = move
        return True

    def action_reconcile_statement_line(self, statement_line):
        """Match the bank's statement line with the cash handed over; a line of
        another amount is recorded as a difference and left unreconciled."""
        self._check_finance()
        self.ensure_one()
        if not self.transfer_move_id:
            raise UserError(self.env._("Hand the session's cash to the bank first."))
        statement_line = statement_line.sudo()
        if not self.currency_id.compare_amounts(statement_line.amount, self.handover_amount):
            transfer = self.company_id.sudo().transfer_account_id
            ctx = {"skip_account_move_synchronization": True}
            _liquidity, suspense, _other = statement_line.with_context(**ctx)._seek_for_lines()
            suspense.with_context(**ctx).account_id = transfer
            counterpart = self.transfer_move_id.sudo().line_ids.filtered(
                lambda line: line.account_id == transfer
            )
            (suspense + counterpart).reconcile()
        self.statement_line_id = statement_line
        return self.reconciliation_state

    def action_find_statement_line(self):
        """Button: the bank line whose label names this session."""
        self.ensure_one()
        line = (
            self.env["account.bank.statement.line"]
            .sudo()
            .search(
                [
                    ("payment_ref", "ilike", self.name),
                    ("is_reconciled", "=", False),
                    ("company_id", "=", self.company_id.id),
                ],
                limit=1,
            )
        )
        if not line:
            raise UserError(self.env._("No unreconciled bank line mentions %s yet.", self.name))
        self.action_reconcile_statement_line(line)
        return True


class CsDeskSessionCount(models.Model):
    _name = "cs.desk.session.count"
    _description = "Cash Count Line"
    _order = "denomination desc"

    session_id = fields.Many2one(comodel_name="cs.desk.session", required=True, ondelete="cascade")
    currency_id = fields.Many2one(related="session_id.currency_id")
    denomination = fields.Float(required=True, readonly=True)
    pieces = fields.Integer()
    amount = fields.Monetary(compute="_compute_amount")

    _pieces_positive = models.Constraint("CHECK(pieces >= 0)", "A count cannot be negative.")

    @api.depends("denomination", "pieces")
    def _compute_amount(self):
        for line in self:
            line.amount = line.denomination * line.pieces
