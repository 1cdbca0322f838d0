from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.cs_servicedesk.rules import cash as cash_rules

from .cs_desk_sale import MAX_AMOUNT, _is_chatter_field, _within

# A blind count of more pieces of one note than this is a typing error (and an
# integer column holds at most 2**31 - 1).
MAX_PIECES = 100_000


class CsDeskSession(models.Model):
    """A counter session: opening float, sales, deposits, the blind cash count
    at closing and the handover to finance (seed 003 5.2.15, 6)."""

    _name = "cs.desk.session"
    _description = "Counter Session"
    _inherit = [
        "cs.guarded.mixin",
        "cs.desk.state.mixin",
        "cs.sequence.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "opened_at desc, id desc"
    _check_company_auto = True
    _cs_action_fields = frozenset(
        {
            "name",
            "state",
            "user_id",
            "opened_at",
            "closed_at",
            "closed_by_id",
            "counted_cash",
            "expected_cash",
            "difference",
            "deposits_in",
            "deposits_out",
            "difference_move_id",
            "transfer_move_id",
            "statement_line_id",
        }
    )

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
        readonly=True,
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
    # Deposits whose cash moved through this session's drawer (as each POS
    # payment names its session): the expected cash sums these, never a window.
    lent_loan_ids = fields.One2many(
        comodel_name="cs.loan", inverse_name="lend_session_id", string="Deposits Taken In"
    )
    settled_loan_ids = fields.One2many(
        comodel_name="cs.loan", inverse_name="settle_session_id", string="Loans Settled"
    )
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
    difference_move_id = fields.Many2one(
        comodel_name="account.move", readonly=True, check_company=True
    )
    handover_amount = fields.Monetary(
        compute="_compute_handover_amount", store=True, help="Counted cash less the float kept."
    )
    transfer_move_id = fields.Many2one(
        comodel_name="account.move",
        string="Cash Handed to Bank",
        readonly=True,
        check_company=True,
    )
    statement_line_id = fields.Many2one(
        comodel_name="account.bank.statement.line", readonly=True, check_company=True
    )
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

    # What holds when two clerks open the same counter at once: the check below
    # only sees its own transaction.
    _one_open_per_counter = models.UniqueIndex(
        "(counter_id) WHERE state = 'opened'",
        lambda env, diag: env._("This counter already has an open session."),
    )
    _name_company_uniq = models.Constraint(
        "UNIQUE(name, company_id)", "Session numbers are unique in a company."
    )

    def _check_counters_free(self, counter_ids):
        """A clear refusal when a counter already has an open session; under
        concurrency the unique index above is what holds."""
        counters = self.env["cs.desk.counter"].sudo().browse(counter_ids)
        for counter in counters:
            others = self.sudo().search_count(
                [
                    ("counter_id", "=", counter.id),
                    ("state", "=", "opened"),
                    ("id", "not in", self.ids),
                ]
            )
            if others or counter_ids.count(counter.id) > 1:
                raise ValidationError(self.env._("%s already has an open session.", counter.name))

    @api.constrains("opening_float")
    def _check_opening_float(self):
        for session in self:
            if not _within(session.opening_float, 0.0, MAX_AMOUNT):
                raise ValidationError(
                    self.env._("The opening float is between 0 and %(max)s.", max=MAX_AMOUNT)
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # Wrong types first (the mixin's check), then the open counters.
            self._cs_check_values(vals)
        self._check_counters_free(
            [
                vals["counter_id"]
                for vals in vals_list
                if vals.get("counter_id") and vals.get("state", "opened") == "opened"
            ]
        )
        sessions = super().create(vals_list)
        self.env["cs.desk.session.count"]._cs_action_create(
            [
                {"session_id": session.id, "denomination": denomination}
                for session in sessions
                for denomination in cash_rules.DENOMINATIONS
            ]
        )
        return sessions

    def write(self, vals):
        self._cs_check_values(vals)
        editable = self._cs_action_fields if self._cs_in_action() else set()
        if {name for name in vals if name not in editable and not _is_chatter_field(name)}:
            self._check_state(("opened",), self.env._("changed"))
        if "counter_id" in vals:
            if self.sale_ids or self.lent_loan_ids or self.settled_loan_ids:
                raise UserError(
                    self.env._("A session whose drawer took cash stays on its counter.")
                )
            opened = self.filtered(lambda session: session.state == "opened")
            opened._check_counters_free([vals["counter_id"]] * len(opened))
        return super().write(vals)

    def unlink(self):
        if any(s.sale_ids or s.lent_loan_ids or s.settled_loan_ids for s in self):
            raise UserError(self.env._("Sessions whose drawer took cash are kept for finance."))
        self._check_state(
            ("opened",), self.env._("deleted"), self.env._("Closed sessions are kept for finance.")
        )
        return super().unlink()

    @api.model
    def _cs_open_session(self, company, counter=None):
        """The open session whose drawer takes or pays cash now: ``counter``'s when
        a counter is named; else the user's own open session in ``company``, else
        the company's only open session; else none."""
        if counter:
            return counter.current_session_id
        domain = [("state", "=", "opened"), ("company_id", "=", company.id)]
        own = self.search(domain + [("user_id", "=", self.env.uid)])
        if len(own) == 1:
            return own
        opened = own or self.search(domain)
        return opened if len(opened) == 1 else self.browse()

    def _deposit_movements(self):
        """Deposits taken and settled through this session's drawer."""
        self.ensure_one()
        session = self.sudo().with_context(active_test=False)
        settled = session.settled_loan_ids
        deposits_in = sum(session.lent_loan_ids.mapped("deposit_amount"))
        deposits_out = sum(settled.mapped("refund_amount")) - sum(settled.mapped("charge_amount"))
        return deposits_in, deposits_out

    def action_close(self):
        """Close with the blind count: the expected cash is shown only afterwards."""
        if not self.env.user.has_group("cs_servicedesk.group_desk_shift_lead"):
            raise UserError(self.env._("Only the shift lead closes a session."))
        self._check_state(("opened",), self.env._("closed"))
        for session in self:
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
            session._cs_action_write(
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
        """Cash over goes to the drawer's profit account, a shortage to its loss
        account (the chart's cash-difference accounts unless the counter's cash
        journal names others)."""
        counter = self.counter_id.sudo()
        journal = counter.cash_journal_id
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
        return counter._cs_post_entry(ref, [(journal.default_account_id, diff), (other, -diff)])

    def _check_finance(self):
        if not self.env.user.has_group("account.group_account_invoice"):
            raise UserError(
                self.env._("Only finance hands the cash to the bank and reconciles it.")
            )

    def action_hand_to_bank(self):
        """Finance takes the session's takings to the bank: cash → transfer account."""
        self._check_finance()
        self._check_state(("closed",), self.env._("handed to the bank"))
        for session in self:
            if session.transfer_move_id:
                raise UserError(
                    self.env._(
                        "The cash of %(session)s was already handed over.", session=session.name
                    )
                )
            counter = session.counter_id.sudo()
            cash = counter.cash_journal_id.default_account_id
            transfer = session.company_id.sudo().transfer_account_id
            ref = self.env._("Cash of %s to bank", session.name)
            amount = session.handover_amount
            move = counter._cs_post_entry(ref, [(transfer, amount), (cash, -amount)])
            session._cs_action_write({"transfer_move_id": move.id})
        return True

    def _reconcile_statement_line(self, statement_line):
        """Match the bank's statement line with the cash handed over; a line of
        another amount is recorded as a difference and left unreconciled.

        Private: it takes a record and works under sudo, so only the button
        (:meth:`action_find_statement_line`) and server code call it."""
        self._check_finance()
        self.ensure_one()
        if not self.transfer_move_id:
            raise UserError(self.env._("Hand the session's cash to the bank first."))
        statement_line = statement_line.sudo()
        if (
            statement_line.company_id != self.company_id
            or statement_line.journal_id.type != "bank"
            or statement_line.is_reconciled
            or self.search_count([("statement_line_id", "=", statement_line.id)])
        ):
            raise UserError(
                self.env._(
                    "Session %(session)s is matched only with an unreconciled line of a "
                    "bank statement of its own company.",
                    session=self.name,
                )
            )
        if not self.currency_id.compare_amounts(statement_line.amount, self.handover_amount):
            transfer = self.company_id.sudo().transfer_account_id
            ctx = {"skip_account_move_synchronization": True}
            _liquidity, suspense, _other = statement_line.with_context(**ctx)._seek_for_lines()
            suspense.with_context(**ctx).account_id = transfer
            counterpart = self.transfer_move_id.sudo().line_ids.filtered(
                lambda line: line.account_id == transfer
            )
            (suspense + counterpart).reconcile()
        self._cs_action_write({"statement_line_id": statement_line.id})
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
                    ("journal_id.type", "=", "bank"),
                ],
                limit=1,
            )
        )
        if not line:
            raise UserError(self.env._("No unreconciled bank line mentions %s yet.", self.name))
        self._reconcile_statement_line(line)
        return True


class CsDeskSessionCount(models.Model):
    _name = "cs.desk.session.count"
    _description = "Cash Count Line"
    _inherit = ["cs.guarded.mixin"]
    _order = "denomination desc"
    # The session creates its count lines, one per note: none is added, moved
    # to another session or given another denomination.
    _cs_action_fields = frozenset({"session_id", "denomination"})

    session_id = fields.Many2one(
        comodel_name="cs.desk.session", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="session_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="session_id.currency_id")
    denomination = fields.Float(required=True, readonly=True)
    pieces = fields.Integer()
    amount = fields.Monetary(compute="_compute_amount")

    _pieces_positive = models.Constraint("CHECK(pieces >= 0)", "A count cannot be negative.")

    @api.depends("denomination", "pieces")
    def _compute_amount(self):
        for line in self:
            line.amount = line.denomination * line.pieces

    @api.constrains("denomination")
    def _check_denomination(self):
        for line in self:
            if line.denomination not in cash_rules.DENOMINATIONS:
                raise ValidationError(
                    self.env._("%(value)s is not a yuan note or coin.", value=line.denomination)
                )

    def _check_session_open(self, sessions):
        sessions._check_state(("opened",), self.env._("recounted"))

    def _check_pieces(self, vals):
        if "pieces" in vals and not _within(vals["pieces"], 0, MAX_PIECES):
            raise ValidationError(
                self.env._("A count is a number of pieces between 0 and %(max)s.", max=MAX_PIECES)
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._cs_check_values(vals)
            self._check_pieces(vals)
        self._check_session_open(
            self.env["cs.desk.session"].browse(
                {vals["session_id"] for vals in vals_list if vals.get("session_id")}
            )
        )
        return super().create(vals_list)

    def write(self, vals):
        self._cs_check_values(vals)
        self._check_pieces(vals)
        self._check_session_open(self.session_id)
        return super().write(vals)

    def unlink(self):
        self._check_session_open(self.session_id)
        return super().unlink()
