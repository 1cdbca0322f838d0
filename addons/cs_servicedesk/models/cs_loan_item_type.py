from odoo import api, fields, models


class CsLoanItemType(models.Model):
    """A kind of lendable item and the desk's policy for it (seed 003 5.2.10-5.2.11)."""

    _name = "cs.loan.item.type"
    _description = "Lendable Item Type"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, default=lambda self: self.env.company
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

    @api.depends_context("company")
    def _compute_loan_count(self):
        counts = dict(
            self.env["cs.loan"]._read_group(
                [("item_type_id", "in", self.ids)], ["item_type_id"], ["__count"]
            )
        )
        for item_type in self:
            item_type.loan_count = counts.get(item_type, 0)
