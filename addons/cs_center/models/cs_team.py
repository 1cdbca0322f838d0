from odoo import api, fields, models


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

    @api.depends("company_id")
    def _compute_resource_calendar_id(self):
        """The working hours of the team's company, unless the team has its own
        calendar of that company (or a shared one)."""
        for team in self:
            calendar = team.resource_calendar_id
            if not calendar or (calendar.company_id and calendar.company_id != team.company_id):
                team.resource_calendar_id = team.company_id.resource_calendar_id

    def _alias_get_creation_values(self):
        """Emails to the team's alias become complaints of the team."""
        values = super()._alias_get_creation_values()
        values["alias_model_id"] = self.env["ir.model"]._get_id("cs.complaint")
        if self.id:
            values["alias_defaults"] = {"team_id": self.id, "company_id": self.company_id.id}
        return values
