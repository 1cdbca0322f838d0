from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.cs_center.rules import quality as quality_rules


class CsQualityCheckLine(models.Model):
    """One checklist item as the inspector found it in the checked contact."""

    _name = "cs.quality.check.line"
    _description = "Quality Spot Check Item"
    _inherit = ["cs.guarded.mixin", "cs.filled.mixin"]
    _order = "check_id, sequence, id"
    # Lines come from the checklist; the inspector gives each its result.
    _cs_action_fields = frozenset({"check_id", "item_id", "weight"})

    check_id = fields.Many2one(
        comodel_name="cs.quality.check", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="check_id.company_id", store=True, index=True, string="Company"
    )
    agent_id = fields.Many2one(related="check_id.agent_id", store=True, string="Agent")
    item_id = fields.Many2one(
        comodel_name="cs.quality.checklist.item", required=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="item_id.sequence", store=True)
    name = fields.Char(related="item_id.name", string="Standard")
    phrase = fields.Char(related="item_id.phrase")
    kind = fields.Selection(related="item_id.kind", store=True)
    weight = fields.Integer(
        string="Points",
        compute="_compute_weight",
        store=True,
        help="The item's points when the line was made: later changes of the checklist leave "
        "past checks as they were scored.",
    )
    result = fields.Selection(
        selection=[
            (quality_rules.PASS, "Complies"),
            (quality_rules.FAIL, "Fails"),
            (quality_rules.NOT_APPLICABLE, "Not Applicable"),
        ],
        required=True,
        default=quality_rules.PASS,
        help="For a forbidden phrase, Fails means the phrase was used.",
    )
    note = fields.Char(help="What was said or missing.")

    @api.depends("item_id")
    def _compute_weight(self):
        for line in self:
            line.weight = line.item_id.weight

    def write(self, vals):
        if not self._cs_in_action() and self.check_id.filtered(lambda c: c.state != "draft"):
            raise UserError(
                self.env._("A scored check keeps its results: reset it to draft to correct them.")
            )
        return super().write(vals)

    def unlink(self):
        if not self._cs_in_action() and not self.env.su:
            raise UserError(
                self.env._("The items of a check come from its checklist: mark one Not Applicable.")
            )
        return super().unlink()
