from odoo import api, fields, models
from odoo.exceptions import UserError


class CsComplaint(models.Model):
    """Resolution time in working hours, for the manager's dashboard."""

    _inherit = "cs.complaint"

    resolution_work_hours = fields.Float(
        string="Resolution (working hours)",
        compute="_compute_resolution_work_hours",
        store=True,
        readonly=True,
        help="Working hours of the team's calendar (with its public holidays) from receipt to "
        "resolution; 0 while unresolved (the dashboard leaves those out of its averages).",
    )

    @api.depends("received_at", "resolved_at", "team_id")
    def _compute_resolution_work_hours(self):
        """The calendar's later changes leave past complaints as they were counted."""
        for complaint in self:
            calendar = complaint._calendar()
            complaint.resolution_work_hours = (
                calendar.get_work_hours_count(
                    complaint.received_at, complaint.resolved_at, compute_leaves=True
                )
                if complaint.resolved_at
                and complaint.received_at
                and calendar
                and complaint.resolved_at > complaint.received_at
                else 0.0
            )

    def write(self, vals):
        if "resolution_work_hours" in vals and not self._cs_in_action():
            raise UserError(
                self.env._("The resolution time is counted from the complaint's dates.")
            )
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        if any("resolution_work_hours" in vals for vals in vals_list) and not self._cs_in_action():
            raise UserError(
                self.env._("The resolution time is counted from the complaint's dates.")
            )
        return super().create(vals_list)
