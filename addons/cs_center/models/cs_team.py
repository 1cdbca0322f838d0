from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.cs_center.rules import sla as sla_rules

from .res_company import ladder_policy_error

# The team's escalation policy and the company setting it starts from.
LADDER_POLICY = {
    "sla_handler_percent": "cs_sla_handler_percent",
    "sla_leader_percent": "cs_sla_leader_percent",
    "reopen_limit": "cs_reopen_limit",
}


class CsTeam(models.Model):
    """A customer-service team (热线组, 前台服务组, ...) and its working calendar."""

    _name = "cs.team"
    _description = "Customer Service Team"
    _inherit = ["cs.guarded.mixin", "mail.alias.mixin.optional"]
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda self: self.env.company
    )
    manager_id = fields.Many2one(
        comodel_name="res.users",
        string="Manager",
        check_company=True,
        help="Receives the team's SLA escalations.",
    )
    leader_id = fields.Many2one(
        comodel_name="res.users",
        string="Team Leader",
        check_company=True,
        help="Warned when a deadline is near, before the manager hears of a breach (组长).",
    )
    member_ids = fields.Many2many(comodel_name="res.users", string="Members", check_company=True)
    resource_calendar_id = fields.Many2one(
        comodel_name="resource.calendar",
        string="Working Hours",
        compute="_compute_resource_calendar_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        help="SLA deadlines count the working time of this calendar, with its leaves.",
    )
    # The escalation ladder: values of the team, starting from its company's.
    sla_handler_percent = fields.Integer(
        string="Warn the Handler At (%)",
        compute="_compute_ladder_policy",
        store=True,
        readonly=False,
        precompute=True,
        help="Share of a target's working time after which the handler is warned.",
    )
    sla_leader_percent = fields.Integer(
        string="Warn the Team Leader At (%)",
        compute="_compute_ladder_policy",
        store=True,
        readonly=False,
        precompute=True,
        help="Share of a target's working time after which the team leader is warned; the "
        "manager hears of the breach.",
    )
    reopen_limit = fields.Integer(
        string="Escalate After Reopenings",
        compute="_compute_ladder_policy",
        store=True,
        readonly=False,
        precompute=True,
        help="A complaint reopened more than this many times is escalated to the manager.",
    )

    @api.depends("company_id")
    def _compute_resource_calendar_id(self):
        """The working hours of the team's company, unless the team has its own
        calendar of that company (or a shared one)."""
        for team in self:
            calendar = team.resource_calendar_id
            if not calendar or (calendar.company_id and calendar.company_id != team.company_id):
                team.resource_calendar_id = team.company_id.resource_calendar_id

    @api.depends("company_id")
    def _compute_ladder_policy(self):
        for team in self:
            company = team.company_id.sudo()
            for name, setting in LADDER_POLICY.items():
                team[name] = company[setting]

    @api.constrains("sla_handler_percent", "sla_leader_percent", "reopen_limit")
    def _check_ladder_policy(self):
        for team in self:
            if not sla_rules.ladder_policy_ok(
                team.sla_handler_percent, team.sla_leader_percent, team.reopen_limit
            ):
                raise ValidationError(ladder_policy_error(self.env, team.display_name))

    def _alias_get_creation_values(self):
        """Emails to the team's alias become complaints of the team."""
        values = super()._alias_get_creation_values()
        values["alias_model_id"] = self.env["ir.model"]._get_id("cs.complaint")
        if self.id:
            values["alias_defaults"] = {"team_id": self.id, "company_id": self.company_id.id}
        return values
