import math

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# The most a lendable item, or its deposit, may cost in the company currency: a
# billion is beyond any item a desk lends in any currency, and keeps every sum of
# the ledger far from where amounts lose their cents.
MAX_ITEM_PRICE = 1e9
# The longest a loan may run before it is overdue: a year, the time the ledger is
# kept (seed 003 6); longer due times overflow the date arithmetic.
MAX_DUE_HOURS = 24 * 366


def is_number_within(value, low, high):
    """Whether ``value`` is a finite number within ``[low, high]``: NaN,
    infinities, booleans, text and anything else are not (an empty value reads
    as 0, as the ORM reads it)."""
    value = value or 0
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return math.isfinite(value) and low <= value <= high


class CsLoanItemType(models.Model):
    """A kind of lendable item and the desk's policy for it (seed 003 5.2.10-5.2.11)."""

    _name = "cs.loan.item.type"
    _description = "Lendable Item Type"
    _inherit = ["cs.guarded.mixin"]
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    deposit_amount = fields.Monetary(
        string="Deposit",
        help="Cash deposit taken when the item is lent (爱心雨伞: 50 yuan); 0 for free loans.",
    )
    premises_only = fields.Boolean(
        string="Premises Only",
        help="The item may not leave the premises (爱心童车 is used inside the plaza only).",
    )
    due_hours = fields.Float(
        string="Due After (hours)", default=24.0, help="Time allowed before the loan is overdue."
    )
    replacement_price = fields.Monetary(
        help="What the borrower pays when the item is lost (or the default for damage)."
    )
    loan_count = fields.Integer(compute="_compute_loan_count")

    _deposit_positive = models.Constraint(
        "CHECK(deposit_amount >= 0 AND replacement_price >= 0 AND due_hours > 0)",
        "Deposits, prices and due times cannot be negative.",
    )

    @api.model
    def _check_policy_vals(self, vals):
        """Refuse out-of-range prices and due times before they reach the
        database (whose check would fail with a bare SQL error) or the ORM's
        rounding (which fails on NaN)."""
        for name in ("deposit_amount", "replacement_price"):
            if name in vals and not is_number_within(vals[name], 0.0, MAX_ITEM_PRICE):
                raise ValidationError(
                    self.env._(
                        "%(field)s of a lendable item is an amount between 0 and %(max)s.",
                        field=self._fields[name]._description_string(self.env),
                        max=MAX_ITEM_PRICE,
                    )
                )
        if "due_hours" in vals and not (
            is_number_within(vals["due_hours"], 0.0, MAX_DUE_HOURS)
            and float(vals["due_hours"] or 0.0) > 0
        ):
            raise ValidationError(
                self.env._(
                    "A loan is due after more than 0 and at most %(max)s hours.",
                    max=MAX_DUE_HOURS,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_policy_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_policy_vals(vals)
        return super().write(vals)

    @api.depends_context("company")
    def _compute_loan_count(self):
        counts = dict(
            self.env["cs.loan"]._read_group(
                [("item_type_id", "in", self.ids)], ["item_type_id"], ["__count"]
            )
        )
        for item_type in self:
            item_type.loan_count = counts.get(item_type, 0)
