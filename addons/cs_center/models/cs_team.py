from odoo import fields, models


class CsTeam(models.Model):
    """A customer-service team (热线组, 前台服务组, ...) and its working calendar."""

    _name = "cs.team"
    _description = "Customer Service Team"
    _inherit = ["mail.alias.mixin.optional"]
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda self: self.env.company
    )
    manager_id = fields.Many2one(
        comodel_name="res.users", string="Manager", help="Receives the team's SLA escalations."
    )
    member_ids = fields.Many2many(comodel_name="res.users", string="Members")
    resource_calendar_id = fields.Many2one(
        comodel_name="resource.calendar",
        string="Working Hours",
        default=lambda self: self.env.company.resource_calendar_id,
        help="SLA deadlines count the working time of this calendar, with its leaves.",
    )

    def _alias_get_creation_values(self):
        """Emails to the team's alias become complaints of the team."""
        values = super()._alias_get_creation_values()
        values["alias_model_id"] = self.env["ir.model"]._get_id("cs.complaint")
        if self.id:
            values["alias_defaults"] = {"team_id": self.id, "company_id": self.company_id.id}
        return values
