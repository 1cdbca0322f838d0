from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.cs_center.rules import quality as quality_rules

# Items a check can fill in from the inspected record itself.
AUTO_RULES = [
    ("answered_in_time", "Answered within the rings"),
    ("record_complete", "Record complete"),
]


class CsQualityChecklistItem(models.Model):
    """A standard (the greeting, a courtesy phrase, answered within the rings, a
    complete record) worth some points, or a forbidden phrase (服务禁用语)."""

    _name = "cs.quality.checklist.item"
    _description = "Quality Checklist Item"
    _inherit = ["cs.guarded.mixin", "cs.filled.mixin"]
    _order = "checklist_id, sequence, id"

    checklist_id = fields.Many2one(
        comodel_name="cs.quality.checklist", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="checklist_id.company_id", store=True, index=True, string="Company"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Standard", required=True, translate=True)
    kind = fields.Selection(
        selection=[
            (quality_rules.STANDARD, "Standard"),
            (quality_rules.FORBIDDEN, "Forbidden Phrase"),
        ],
        required=True,
        default=quality_rules.STANDARD,
        help="A standard is met or missed; a forbidden phrase heard caps the check below the "
        "pass mark.",
    )
    phrase = fields.Char(
        help="The words of the seed the inspector listens for, e.g. 您好!某购物广场 or "
        "这不关我的事."
    )
    weight = fields.Integer(
        string="Points", default=10, help="Share of the score of a standard item."
    )
    auto_rule = fields.Selection(
        selection=AUTO_RULES,
        string="Filled From the Record",
        help="The check fills this item from the inspected call or complaint; the inspector "
        "may still correct it.",
    )

    @api.constrains("weight", "kind")
    def _check_weight(self):
        for item in self:
            lowest = 1 if item.kind == quality_rules.STANDARD else 0
            if not lowest <= item.weight <= quality_rules.WEIGHT_MAX:
                raise ValidationError(
                    self.env._(
                        "A checklist item weighs %(min)s to %(max)s points.",
                        min=lowest,
                        max=quality_rules.WEIGHT_MAX,
                    )
                )
