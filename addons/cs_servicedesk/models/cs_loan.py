from datetime import timedelta

from psycopg2.errors import LockNotAvailable

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command

from odoo.addons.cs_servicedesk.rules import deposit as deposit_rules

from .cs_loan_item_type import MAX_ITEM_PRICE, is_number_within

SETTLED = ("returned", "damaged", "lost")


class CsLoan(models.Model):
    """借用台账: one line of the desk's loan ledger (seed 003 5.2.10-5.2.11)."""

    _name = "cs.loan"
    _description = "Loan Ledger Entry"
    _inherit = [
        "cs.guarded.mixin",
        "cs.desk.state.mixin",
        "cs.sequence.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "lent_at desc, id desc"
    _check_company_auto = True

    _cs_action_fields = frozenset(
        {
            "state",
            "name",
            "lent_at",
            "lent_by_id",
            "returned_at",
            "returned_to_id",
            "deposit_amount",
            "refund_amount",
            "income_amount",
            "charge_amount",
            "move_ids",
            "is_overdue",
            "lend_session_id",
            "settle_session_id",
        }
    )
    # The deposit was taken for this item and this borrower: fixed once lent.
    _cs_fixed_once_lent = frozenset(
        {
            "company_id",
            "item_type_id",
            "item_ref",
            "leaves_premises",
            "deposit_card",
            "partner_id",
            "borrower_name",
            "borrower_id_number",
            "borrower_phone",
            "counter_id",
        }
    )
    # The settlement entry was posted from these: fixed once settled.
    _cs_fixed_once_settled = frozenset({"due_at", "damage_price", "return_counter_id"})

    name = fields.Char(
        string="Number", readonly=True, copy=False, default=lambda self: self.env._("New")
    )
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("lent", "Lent"),
            ("returned", "Returned"),
            ("damaged", "Returned Damaged"),
            ("lost", "Lost"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    item_type_id = fields.Many2one(
        comodel_name="cs.loan.item.type",
        string="Item Type",
        required=True,
        tracking=True,
        check_company=True,
    )
    item_ref = fields.Char(string="Item", help="Label or number of the lent item.")
    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Borrower", tracking=True, check_company=True
    )
    borrower_name = fields.Char(help="Name of a borrower who is not a contact.")
    borrower_id_number = fields.Char(string="ID Number")
    borrower_phone = fields.Char(string="Phone")
    lent_at = fields.Datetime(readonly=True, tracking=True)
    lent_by_id = fields.Many2one(comodel_name="res.users", string="Lent By", readonly=True)
    due_at = fields.Datetime(string="Due", tracking=True, index=True)
    is_overdue = fields.Boolean(
        string="Overdue", readonly=True, index=True, help="Set by the overdue check once past due."
    )
    leaves_premises = fields.Boolean(
        string="Leaves the Premises", help="The borrower takes the item out of the premises."
    )
    returned_at = fields.Datetime(readonly=True, tracking=True)
    returned_to_id = fields.Many2one(comodel_name="res.users", string="Returned To", readonly=True)
    condition_note = fields.Text(string="Condition on Return")
    damage_price = fields.Monetary(
        string="Damage / Loss Price",
        tracking=True,
        help="Paid by the borrower for a damaged or lost item (default: replacement price); "
        "never more than the item's replacement price.",
    )
    deposit_amount = fields.Monetary(string="Deposit", readonly=True, tracking=True)
    deposit_card = fields.Char(string="Deposit Card No.", tracking=True)
    refund_amount = fields.Monetary(readonly=True)
    income_amount = fields.Monetary(string="Kept as Income", readonly=True)
    charge_amount = fields.Monetary(string="Charged", readonly=True)
    deposit_outstanding = fields.Monetary(
        compute="_compute_deposit_outstanding",
        store=True,
        help="Deposit held for this loan now: a liability until the loan is settled.",
    )
    # Where the cash moved (seed: the deposit is taken and refunded at the desk's
    # drawer): each step names its counter session, as a POS payment does.
    counter_id = fields.Many2one(
        comodel_name="cs.desk.counter",
        string="Lending Counter",
        check_company=True,
        index=True,
        tracking=True,
        default=lambda self: self._default_counter_id(),
        help="The counter whose drawer takes the deposit; by default the counter of your "
        "open session.",
    )
    lend_session_id = fields.Many2one(
        comodel_name="cs.desk.session",
        string="Lending Session",
        readonly=True,
        copy=False,
        index=True,
        check_company=True,
    )
    return_counter_id = fields.Many2one(
        comodel_name="cs.desk.counter",
        string="Return Counter",
        check_company=True,
        tracking=True,
        help="The counter whose drawer refunds the deposit or takes the charge; when empty, "
        "the counter of your open session.",
    )
    settle_session_id = fields.Many2one(
        comodel_name="cs.desk.session",
        string="Settling Session",
        readonly=True,
        copy=False,
        index=True,
        check_company=True,
    )
    move_ids = fields.Many2many(
        comodel_name="account.move",
        string="Journal Entries",
        readonly=True,
        copy=False,
        groups="account.group_account_invoice",
    )

    @api.model
    def _default_counter_id(self):
        return self.env["cs.desk.session"]._cs_open_session(self.env.company).counter_id

    @api.depends("state", "deposit_amount")
    def _compute_deposit_outstanding(self):
        for loan in self:
            loan.deposit_outstanding = loan.deposit_amount if loan.state == "lent" else 0.0

    @api.constrains("leaves_premises", "item_type_id")
    def _check_premises(self):
        for loan in self:
            if loan.leaves_premises and loan.item_type_id.premises_only:
                raise UserError(
                    self.env._(
                        "A %(item)s may only be used inside the premises: it cannot leave.",
                        item=loan.item_type_id.name,
                    )
                )

    @api.constrains("partner_id", "borrower_name")
    def _check_borrower(self):
        for loan in self:
            if not loan.partner_id and not loan.borrower_name:
                raise UserError(self.env._("Record who borrows the item: a contact or a name."))

    @api.constrains("damage_price", "item_type_id")
    def _check_damage_price(self):
        for loan in self:
            limit = loan.item_type_id.replacement_price
            if not is_number_within(loan.damage_price, 0.0, limit):
                raise ValidationError(
                    self.env._(
                        "The damage or loss price of %(loan)s must be between 0 and the "
                        "replacement price of the %(item)s (%(limit)s).",
                        loan=loan.name,
                        item=loan.item_type_id.name,
                        limit=limit,
                    )
                )

    @api.constrains("lent_at", "due_at")
    def _check_due_after_lent(self):
        # The years of every date are bounded by cs.guarded.mixin.
        for loan in self:
            if loan.lent_at and loan.due_at and loan.due_at <= loan.lent_at:
                raise ValidationError(
                    self.env._(
                        "Loan %(loan)s must be due after it was lent (%(lent)s).",
                        loan=loan.name,
                        lent=loan.lent_at,
                    )
                )

    @api.model
    def _check_amount_vals(self, vals):
        # Before the ORM rounds the amount: NaN or infinity would fail there.
        if "damage_price" in vals and not is_number_within(
            vals["damage_price"], 0.0, MAX_ITEM_PRICE
        ):
            raise ValidationError(
                self.env._(
                    "A damage or loss price is an amount between 0 and %(max)s.",
                    max=MAX_ITEM_PRICE,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        Session = self.env["cs.desk.session"]
        for vals in vals_list:
            self._check_amount_vals(vals)
            company_id = vals.get("company_id")
            if (
                "counter_id" not in vals
                and isinstance(company_id, int)
                and not isinstance(company_id, bool)
                and company_id != self.env.company.id
            ):
                # The default counter is the current company's: a loan of another
                # company takes the counter of an open session there, if any.
                company = self.env["res.company"].browse(company_id).exists()
                vals["counter_id"] = (
                    Session._cs_open_session(company).counter_id.id if company else False
                )
        return super().create(vals_list)

    def write(self, vals):
        self._check_amount_vals(vals)
        if not self._cs_in_action():
            for fixed, states in (
                (self._cs_fixed_once_lent, ("lent", *SETTLED)),
                (self._cs_fixed_once_settled, SETTLED),
            ):
                names = fixed & set(vals)
                loans = self.filtered(lambda loan, states=states: loan.state in states)
                if names and loans:
                    raise UserError(
                        self.env._(
                            "%(fields)s of loan %(loan)s cannot change any more: it is %(state)s.",
                            fields=", ".join(
                                sorted(
                                    self._fields[name]._description_string(self.env)
                                    for name in names
                                )
                            ),
                            loan=loans[0].name,
                            state=dict(self._fields["state"]._description_selection(self.env))[
                                loans[0].state
                            ],
                        )
                    )
        result = super().write(vals)
        if "due_at" in vals:
            # A loan given more time is no longer overdue; the check flags it again later.
            now = fields.Datetime.now()
            self.filtered(lambda loan: loan.is_overdue and loan.due_at > now)._cs_action_write(
                {"is_overdue": False}
            )
        return result

    @api.onchange("item_type_id")
    def _onchange_item_type_id(self):
        self.damage_price = self.item_type_id.replacement_price

    def unlink(self):
        self._check_state(
            ("draft",),
            self.env._("deleted"),
            self.env._("Ledger entries are kept (seed: one year) and archived, never deleted."),
        )
        return super().unlink()

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------
    def action_lend(self):
        """Hand the item over; take its deposit into the deposits liability, in
        the drawer of the lending counter's open session."""
        self._check_state(("draft",), self.env._("lent"))
        now = fields.Datetime.now()
        for loan in self:
            deposit = loan.item_type_id.deposit_amount
            if deposit and not loan.deposit_card:
                raise UserError(
                    self.env._("Give the borrower a deposit card and record its number first.")
                )
            session = loan._cash_session(loan.counter_id, required=bool(deposit))
            loan._cs_action_write(
                {
                    "state": "lent",
                    "lent_at": now,
                    "lent_by_id": self.env.uid,
                    "due_at": now + timedelta(hours=loan.item_type_id.due_hours),
                    "deposit_amount": deposit,
                    "damage_price": loan.damage_price or loan.item_type_id.replacement_price,
                    "lend_session_id": session.id,
                    "counter_id": session.counter_id.id or loan.counter_id.id,
                }
            )
            if deposit:
                loan._post_deposit()
        return True

    def _cash_session(self, counter, required):
        """The open session whose drawer moves this loan's cash: ``counter``'s,
        else the clerk's own (or the company's only open one)."""
        self.ensure_one()
        session = self.env["cs.desk.session"]._cs_open_session(self.company_id, counter)
        if required and not session:
            if counter:
                raise UserError(
                    self.env._(
                        "Open a session on %(counter)s first: its drawer takes the cash of "
                        "loan %(loan)s.",
                        counter=counter.name,
                        loan=self.name,
                    )
                )
            raise UserError(
                self.env._(
                    "Loan %(loan)s moves cash: choose the counter whose open session takes "
                    "it (you have no open session of your own).",
                    loan=self.name,
                )
            )
        return session

    def action_return(self):
        return self._settle("returned")

    def action_return_damaged(self):
        return self._settle("damaged")

    def action_mark_lost(self):
        return self._settle("lost")

    def _lock_for_settlement(self):
        """Only one clerk may settle a loan: a second one pressing at the same
        time is told so at once, and a stale screen finds the loan settled."""
        self.flush_recordset()
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    "SELECT pg_try_advisory_xact_lock(%s, id) AS got FROM cs_loan WHERE id IN %s",
                    [self._advisory_key(), tuple(self.ids)],
                )
                if not all(got for (got,) in self.env.cr.fetchall()):
                    raise LockNotAvailable()
                self.env.cr.execute(
                    "SELECT id FROM cs_loan WHERE id IN %s FOR UPDATE NOWAIT", [tuple(self.ids)]
                )
        except LockNotAvailable:
            raise UserError(
                self.env._("Another clerk is settling this loan right now; reload and check it.")
            ) from None
        self.invalidate_recordset(["state"])

    @api.model
    def _advisory_key(self):
        # First half of the two-key advisory lock: the table, as a stable number.
        return 7231001

    def _settle(self, outcome):
        if not self:
            return True
        self._lock_for_settlement()
        actions = {
            "returned": self.env._("returned"),
            "damaged": self.env._("returned damaged"),
            "lost": self.env._("marked lost"),
        }
        self._check_state(("lent",), actions[outcome])
        now = fields.Datetime.now()
        for loan in self:
            price = loan.damage_price if outcome != "returned" else 0.0
            if outcome == "lost" and not price:
                price = loan.item_type_id.replacement_price
            result = deposit_rules.settle(loan.deposit_amount, price, outcome)
            moves_cash = not (
                loan.currency_id.is_zero(result.refund) and loan.currency_id.is_zero(result.charge)
            )
            session = loan._cash_session(loan.return_counter_id, required=moves_cash)
            loan._cs_action_write(
                {
                    "state": outcome,
                    "returned_at": now,
                    "returned_to_id": self.env.uid,
                    "refund_amount": result.refund,
                    "income_amount": result.income,
                    "charge_amount": result.charge,
                    "is_overdue": False,
                    "settle_session_id": session.id,
                    "return_counter_id": session.counter_id.id or loan.return_counter_id.id,
                }
            )
            if loan.deposit_amount or result.charge:
                loan._post_settlement(result)
            loan.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    # ------------------------------------------------------------------
    # Accounting
    # ------------------------------------------------------------------
    def _post_deposit(self):
        """The deposit into the lending drawer, held as a liability."""
        counter = self.lend_session_id.counter_id.sudo()
        ref = self.env._("Deposit %(loan)s (card %(card)s)", loan=self.name, card=self.deposit_card)
        move = counter._cs_post_entry(
            ref,
            [
                (counter.cash_journal_id.default_account_id, self.deposit_amount),
                (self.company_id.sudo().cs_deposit_account_id, -self.deposit_amount),
            ],
            partner=self.partner_id,
        )
        self.sudo().move_ids = [Command.link(move.id)]

    def _post_settlement(self, result):
        """One entry releases the whole deposit: the refund paid from the settling
        drawer (else the lending one, when no cash moves), the kept part and any
        charge to income, the charge received in cash."""
        company = self.company_id.sudo()
        deposit_account = company.cs_deposit_account_id
        counter = (self.settle_session_id or self.lend_session_id).counter_id.sudo()
        ref = self.env._("Settlement %(loan)s", loan=self.name)
        move = counter._cs_post_entry(
            ref,
            [
                (deposit_account, self.deposit_amount),
                (counter.cash_journal_id.default_account_id, result.charge - result.refund),
                (company.cs_damage_income_account_id, -(result.income + result.charge)),
            ],
            partner=self.partner_id,
        )
        self.sudo().move_ids = [Command.link(move.id)]
        deposit_lines = self.sudo().move_ids.line_ids.filtered(
            lambda line: line.account_id == deposit_account and not line.reconciled
        )
        if len(deposit_lines) > 1:
            deposit_lines.reconcile()

    @api.model
    def _outstanding_deposits(self, at_date=None):
        """The ledger's view: deposits of loans lent by ``at_date`` and not
        settled by then, per loan. Reconciles with the liability account."""
        at_date = at_date or fields.Date.context_today(self)
        end = fields.Datetime.to_datetime(at_date) + timedelta(days=1)
        loans = self.with_context(active_test=False).search(
            [
                ("company_id", "=", self.env.company.id),
                ("deposit_amount", ">", 0),
                ("lent_at", "<", end),
                "|",
                ("returned_at", "=", False),
                ("returned_at", ">=", end),
            ]
        )
        return {loan: loan.deposit_amount for loan in loans}

    @api.model
    def _deposit_account_balance(self, at_date=None):
        """The books' view: the credit balance of the deposits account at ``at_date``."""
        at_date = at_date or fields.Date.context_today(self)
        account = self.env.company.cs_deposit_account_id
        if not account:
            return 0.0
        # The shift lead reconciles the ledger with this one balance of the current
        # company (checked against the user's companies) without accounting rights.
        [(balance,)] = (
            self.env["account.move.line"]
            .sudo()
            ._read_group(
                [
                    ("account_id", "=", account.id),
                    ("company_id", "=", self.env.company.id),
                    ("parent_state", "=", "posted"),
                    ("date", "<=", at_date),
                ],
                aggregates=["balance:sum"],
            )
        )
        return -(balance or 0.0)

    # ------------------------------------------------------------------
    # Crons
    # ------------------------------------------------------------------
    @api.model
    def _cron_flag_overdue(self):
        overdue = self.search(
            [
                ("state", "=", "lent"),
                ("is_overdue", "=", False),
                ("due_at", "<", fields.Datetime.now()),
            ]
        )
        overdue._cs_action_write({"is_overdue": True})
        for loan in overdue:
            loan.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Overdue: ask the borrower to return the item"),
                user_id=(loan.lent_by_id or self.env.user).id,
            )
        return overdue

    @api.model
    def _cron_archive_settled(self):
        """Seed 003 6: ledgers are kept for the retention period, then archived."""
        archived = self.browse()
        for company in self.env["res.company"].search([]):
            limit = fields.Datetime.now() - timedelta(days=company.cs_ledger_retention_days)
            archived |= self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "in", SETTLED),
                    ("returned_at", "<", limit),
                ]
            )
        archived.action_archive()
        return archived
