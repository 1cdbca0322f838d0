from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.cs_center.rules import sla as sla_rules

from .cs_complaint import CHANNELS, COMPLEXITY, SLA_TARGETS, URGENCY


def _target_columns():
    """One column per entry of SLA_TARGETS."""
    return {
        target.policy: fields.Integer(string=target.policy_label, help=target.policy_help)
        for target in SLA_TARGETS
    }


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
    # The targets: a column per entry of SLA_TARGETS.
    locals().update(_target_columns())

    _targets_positive = models.Constraint(
        "CHECK({})".format(" AND ".join(f"{target.policy} >= 0" for target in SLA_TARGETS)),
        "SLA targets cannot be negative.",
    )

    @api.constrains(*(target.policy for target in SLA_TARGETS))
    def _check_targets_in_range(self):
        for row in self:
            for target in SLA_TARGETS:
                if row[target.policy] > sla_rules.TARGET_MAX[target.unit]:
                    raise ValidationError(
                        self.env._(
                            "%(target)s is at most %(max)s: a longer target is a typing mistake.",
                            target=self._fields[target.policy]._description_string(self.env),
                            max=sla_rules.TARGET_MAX[target.unit],
                        )
                    )

    def _as_rule_rows(self):
        return [
            {
                "channel": row.channel,
                "urgency": row.urgency,
                "complexity": row.complexity,
                "category_id": row.category_id.id,
                "group_id": row.key_account_group_id.id,
                **{target.policy: row[target.policy] for target in SLA_TARGETS},
            }
            for row in self
        ]
