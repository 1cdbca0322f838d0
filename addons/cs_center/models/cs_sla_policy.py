from odoo import fields, models

from .cs_complaint import CHANNELS, COMPLEXITY, URGENCY


class CsSlaPolicy(models.Model):
    """One row of the service-level policy (seed 001 服务质量标准 2, 5).

    Empty criteria match every complaint; targets are minutes of working time
    on the team's calendar (progress updates: working days)."""

    _name = "cs.sla.policy"
    _description = "SLA Policy"
    _inherit = ["cs.guarded.mixin"]
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda self: self.env.company
    )
    channel = fields.Selection(selection=CHANNELS)
    urgency = fields.Selection(selection=URGENCY)
    complexity = fields.Selection(selection=COMPLEXITY)
    category_id = fields.Many2one(comodel_name="cs.complaint.category")
    key_account_group_id = fields.Many2one(comodel_name="cs.key.account.group", check_company=True)
    response_minutes = fields.Integer(
        string="First Response (min)", help="Read / acknowledge / contact the customer within."
    )
    reply_minutes = fields.Integer(string="First Reply (min)", help="First answer to the customer.")
    resolve_minutes = fields.Integer(string="Resolution (min)")
    progress_days = fields.Integer(
        string="Progress Update (working days)",
        help="Complex cases: tell the customer the progress and the expected date within.",
    )

    _targets_positive = models.Constraint(
        "CHECK(response_minutes >= 0 AND reply_minutes >= 0 AND resolve_minutes >= 0 "
        "AND progress_days >= 0)",
        "SLA targets cannot be negative.",
    )

    def _as_rule_rows(self):
        return [
            {
                "channel": row.channel,
                "urgency": row.urgency,
                "complexity": row.complexity,
                "category_id": row.category_id.id,
                "group_id": row.key_account_group_id.id,
                "response_minutes": row.response_minutes,
                "reply_minutes": row.reply_minutes,
                "resolve_minutes": row.resolve_minutes,
                "progress_days": row.progress_days,
            }
            for row in self
        ]
