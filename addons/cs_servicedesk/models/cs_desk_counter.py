from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command

# A counter's name is indexed (unique per company): a longer one is refused
# before it reaches the index, which cannot hold a row of 100,000 characters.
MAX_NAME_LENGTH = 100

# The kind of journal each of the counter's journals must be.
JOURNAL_TYPES = {
    "sale_journal_id": "sale",
    "cash_journal_id": "cash",
    "card_journal_id": "bank",
}


class CsDeskCounter(models.Model):
    """A front-desk counter: its cash drawer (a cash journal of its own), its
    receipt numbering, and the one way the desk posts an entry."""

    _name = "cs.desk.counter"
    _description = "Front Desk Counter"
    # No action fields: the mixin refuses values of the wrong type or size.
    _inherit = ["cs.guarded.mixin"]
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda self: self.env.company
    )
    sale_journal_id = fields.Many2one(
        comodel_name="account.journal",
        string="Receipts Journal",
        check_company=True,
        domain="[('type', '=', 'sale'), ('company_id', '=', company_id)]",
        help="Its own sales journal, so that the counter's receipts are numbered without gaps.",
    )
    cash_journal_id = fields.Many2one(
        comodel_name="account.journal",
        string="Cash Journal",
        check_company=True,
        index=True,
        domain="[('type', '=', 'cash'), ('company_id', '=', company_id)]",
        help="The counter's cash drawer, its own: sales paid in cash, deposits taken and "
        "refunded, cash differences and the handover to the bank are posted here. Its "
        "profit and loss accounts take the drawer's cash differences.",
    )
    cash_profit_account_id = fields.Many2one(
        related="cash_journal_id.profit_account_id", string="Cash Over Account"
    )
    cash_loss_account_id = fields.Many2one(
        related="cash_journal_id.loss_account_id", string="Cash Short Account"
    )
    card_journal_id = fields.Many2one(
        comodel_name="account.journal",
        string="Card / Mobile Journal",
        check_company=True,
        domain="[('type', '=', 'bank'), ('company_id', '=', company_id)]",
    )
    walk_in_partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Walk-in Customer",
        default=lambda self: self.env.ref(
            "cs_servicedesk.partner_walk_in", raise_if_not_found=False
        ),
    )
    session_ids = fields.One2many(comodel_name="cs.desk.session", inverse_name="counter_id")
    current_session_id = fields.Many2one(
        comodel_name="cs.desk.session", compute="_compute_current_session_id"
    )

    _name_uniq = models.Constraint("UNIQUE(name, company_id)", "Counter names are unique.")
    # One truth per drawer: what holds when two shift leads save at once.
    _cash_journal_uniq = models.UniqueIndex(
        "(cash_journal_id) WHERE cash_journal_id IS NOT NULL",
        lambda env, diag: env._("Each counter has a cash journal of its own."),
    )

    def _check_own_drawer(self, journal_id):
        """Refuse a cash journal that is already another counter's drawer, before
        the unique index above does with a database error."""
        if not journal_id:
            return
        other = (
            self.with_context(active_test=False)
            .sudo()
            .search([("cash_journal_id", "=", journal_id), ("id", "not in", self.ids)], limit=1)
        )
        if other or len(self) > 1:
            raise ValidationError(
                self.env._(
                    "%(journal)s is the cash drawer of counter %(other)s: each counter has a "
                    "cash journal of its own.",
                    journal=self.env["account.journal"]
                    .sudo()
                    .browse(journal_id)
                    .exists()
                    .display_name,
                    other=(other or self[1:]).name,
                )
            )

    @api.constrains(*JOURNAL_TYPES)
    def _check_journal_types(self):
        for counter in self:
            for field_name, journal_type in JOURNAL_TYPES.items():
                journal = counter[field_name].sudo()
                if journal and journal.type != journal_type:
                    raise ValidationError(
                        self.env._(
                            "%(field)s of counter %(counter)s must be a journal of type %(type)s.",
                            field=self._fields[field_name]._description_string(self.env),
                            counter=counter.name,
                            type=dict(journal._fields["type"]._description_selection(self.env))[
                                journal_type
                            ],
                        )
                    )

    @api.depends("session_ids.state")
    def _compute_current_session_id(self):
        for counter in self:
            counter.current_session_id = counter.session_ids.filtered(
                lambda s: s.state == "opened"
            )[:1]

    def _check_counter_values(self, vals):
        """Wrong types and sizes (the mixin's check), then the indexed name's length."""
        self._cs_check_values(vals)
        if len(str(vals.get("name") or "")) > MAX_NAME_LENGTH:
            raise ValidationError(
                self.env._("A counter's name has at most %(max)s characters.", max=MAX_NAME_LENGTH)
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_counter_values(vals)
            self._check_own_drawer(vals.get("cash_journal_id"))
        counters = super().create(vals_list)
        counters._setup_journals()
        counters._cs_prepare_drawer()
        return counters

    def write(self, vals):
        self._check_counter_values(vals)
        self._check_own_drawer(vals.get("cash_journal_id"))
        result = super().write(vals)
        if vals.get("cash_journal_id"):
            self._cs_prepare_drawer()
        return result

    def _cs_prepare_drawer(self):
        """Cash received or paid at the counter hits its drawer at once, not an
        outstanding account waiting for a bank statement."""
        for journal in self.sudo().cash_journal_id:
            methods = (
                journal.inbound_payment_method_line_ids | journal.outbound_payment_method_line_ids
            )
            methods.filtered(
                lambda line: not line.payment_account_id
            ).payment_account_id = journal.default_account_id

    def _setup_journals(self):
        """Give each counter, once, its receipts journal and a cash drawer of its
        own, their codes chosen by Odoo (INV1, CSH2...), where the company has a
        chart of accounts; the company's desk accounts are set up with them."""
        Journal = self.env["account.journal"].sudo()
        for counter in self:
            company = counter.company_id.sudo()
            if not company.chart_template:
                continue  # no accounting set up yet: journals are chosen later
            company._cs_setup_desk_accounting()
            vals = {}
            if not counter.sale_journal_id:
                vals["sale_journal_id"] = counter._cs_create_journal(
                    "sale",
                    company._cs_in_languages(
                        lambda env, name=counter.name: env._("%(counter)s Receipts", counter=name)
                    ),
                ).id
            if not counter.cash_journal_id:
                vals["cash_journal_id"] = counter._cs_create_journal(
                    "cash",
                    company._cs_in_languages(
                        lambda env, name=counter.name: env._("%(counter)s Cash", counter=name)
                    ),
                ).id
            if not counter.card_journal_id:
                vals["card_journal_id"] = Journal.search(
                    [("company_id", "=", company.id), ("type", "=", "bank")], limit=1
                ).id
            counter.write(vals)

    def _cs_create_journal(self, journal_type, names):
        """A journal of the counter's company, its code chosen by Odoo, named in
        each installed language (``names``: ``{lang: name}``)."""
        self.ensure_one()
        company = self.company_id
        journal = (
            self.env["account.journal"]
            .sudo()
            .with_company(company)
            .with_context(lang="en_US")
            .create(
                {
                    "name": names.get("en_US") or next(iter(names.values())),
                    "type": journal_type,
                    "company_id": company.id,
                }
            )
        )
        journal.update_field_translations("name", names)
        return journal

    def _cs_post_entry(self, ref, lines, partner=None):
        """Post a desk entry in the counter's cash journal, the one way every desk
        entry is posted: ``lines`` are ``(account, amount)`` pairs, a positive
        amount a debit and a negative one a credit; zero lines are left out and
        the entry must balance. Runs as superuser (clerks post deposits without
        accounting rights) on entries it creates itself."""
        self.ensure_one()
        counter = self.sudo()
        journal = counter.cash_journal_id
        currency = counter.company_id.currency_id
        lines = [(account, currency.round(amount)) for account, amount in lines]
        lines = [(account, amount) for account, amount in lines if not currency.is_zero(amount)]
        if not journal or not all(account for account, _amount in lines):
            raise UserError(
                self.env._(
                    "Counter %(counter)s has no cash journal or the desk's accounts are not "
                    "set: choose them in the counter and the Front Desk settings.",
                    counter=counter.name,
                )
            )
        if not lines or not currency.is_zero(sum(amount for _account, amount in lines)):
            raise UserError(
                self.env._(
                    "The entry %(ref)s is empty or does not balance: it is not posted.", ref=ref
                )
            )
        move = (
            self.env["account.move"]
            .sudo()
            .create(
                {
                    "move_type": "entry",
                    "journal_id": journal.id,
                    "company_id": counter.company_id.id,
                    "date": fields.Date.context_today(self),
                    "ref": ref,
                    "line_ids": [
                        Command.create(
                            {
                                "account_id": account.id,
                                "partner_id": partner.id if partner else False,
                                "name": ref,
                                "debit": max(amount, 0.0),
                                "credit": max(-amount, 0.0),
                            }
                        )
                        for account, amount in lines
                    ],
                }
            )
        )
        move.action_post()
        return move
