from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.cs_center.rules import handover as handover_rules


class CsHandoverShift(models.Model):
    """A duty shift of the center (值班), with hours of its own: the handover log
    works without the roster of ``cs_attendance`` (seed 003 第五篇 十一: day
    08:30-16:30, night 16:30-08:30; 第三篇: front desk 08:30-18:00)."""

    _name = "cs.handover.shift"
    _description = "Duty Shift"
    _inherit = ["cs.guarded.mixin", "cs.filled.mixin"]
    _order = "sequence, hour_from, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        index=True,
        default=lambda self: self.env.company,
        help="Leave empty for a shift every company of the database works.",
    )
    hour_from = fields.Float(
        string="Starts", required=True, default=8.5, help="Hour on a 24-hour clock."
    )
    hour_to = fields.Float(
        string="Ends",
        required=True,
        default=16.5,
        help="Hour on a 24-hour clock; a shift ending before it starts ends the next day.",
    )

    @api.constrains("hour_from", "hour_to")
    def _check_hours(self):
        for shift in self:
            if not handover_rules.hours_valid(shift.hour_from, shift.hour_to):
                raise ValidationError(
                    self.env._(
                        "A shift starts and ends between 00:00 and 23:59, at different times."
                    )
                )

    def _bounds(self, day):
        """Start and end of the shift on ``day`` in the company's time zone."""
        self.ensure_one()
        return handover_rules.shift_bounds(day, self.hour_from, self.hour_to)
