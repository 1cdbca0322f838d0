from odoo import api, fields, models
from odoo.exceptions import ValidationError

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
    """A front-desk counter: its journals and its receipt numbering."""

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
        domain="[('type', '=', 'cash'), ('company_id', '=', company_id)]",
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
        counters = super().create(vals_list)
        counters._setup_journals()
        return counters

    def write(self, vals):
        self._check_counter_values(vals)
        return super().write(vals)

    def _setup_journals(self):
        """Give each counter its receipts journal and the desk's cash drawer."""
        Journal = self.env["account.journal"].sudo()
        for counter in self:
            company = counter.company_id
            if not company.chart_template and not Journal.search(
                [("company_id", "=", company.id), ("type", "=", "sale")], limit=1
            ):
                continue  # no accounting set up yet: journals are chosen later
            vals = {}
            if not counter.sale_journal_id:
                code = f"CT{counter.id:03d}"
                vals["sale_journal_id"] = (
                    Journal.search([("company_id", "=", company.id), ("code", "=", code)], limit=1)
                    or Journal.with_company(company).create(
                        {
                            "name": self.env._("%s Receipts", counter.name),
                            "type": "sale",
                            "code": code,
                            "company_id": company.id,
                        }
                    )
                ).id
            if not counter.cash_journal_id:
                vals["cash_journal_id"] = company._cs_desk_accounting()[0].id
            if not counter.card_journal_id:
                vals["card_journal_id"] = Journal.search(
                    [("company_id", "=", company.id), ("type", "=", "bank")], limit=1
                ).id
            counter.write(vals)

    @api.model
    def _demo_setup(self):
        """Demo: a counter on the main company, only where accounting is set up."""
        if self.search_count([]) or not self.env.company.chart_template:
            return self.browse()
        return self.create({"name": self.env._("Main Service Desk")})
