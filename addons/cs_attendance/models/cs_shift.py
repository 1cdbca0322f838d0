from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.cs_attendance.rules import attendance as rules
from odoo.addons.cs_attendance.rules import overtime as overtime_rules


class CsShift(models.Model):
    """班次: a shift template a roster assigns (seed: day 8:30-16:30, night
    16:30-8:30 across midnight, front desk 8:30-18:00)."""

    _name = "cs.shift"
    _description = "Shift"
    _inherit = ["cs.guarded.mixin"]
    _order = "sequence, start_hour, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    code = fields.Char(help="Short code shown in the roster calendar.")
    color = fields.Integer()
    start_hour = fields.Float(
        string="Starts At", required=True, help="Local time, e.g. 16.5 for 16:30."
    )
    end_hour = fields.Float(
        string="Ends At",
        required=True,
        help="Local time; an end earlier than the start is on the next day.",
    )
    break_hours = fields.Float(
        string="Break (hours)", help="Rest within the shift that is not working time."
    )
    crosses_midnight = fields.Boolean(compute="_compute_hours", store=True)
    work_hours = fields.Float(
        string="Working Hours", compute="_compute_hours", store=True, aggregator=None
    )
    is_night = fields.Boolean(
        string="Night Work",
        compute="_compute_hours",
        store=True,
        help="Part of the shift lies between 22:00 and 06:00: not given to an employee "
        "pregnant from the 7th month or nursing a child under one.",
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        index=True,
        default=lambda self: self.env.company,
        help="Empty: the shift is shared by every company.",
    )

    @api.depends("start_hour", "end_hour", "break_hours")
    def _compute_hours(self):
        for shift in self:
            shift.crosses_midnight = rules.crosses_midnight(shift.start_hour, shift.end_hour)
            span = shift.end_hour - shift.start_hour
            if shift.crosses_midnight:
                span += 24
            shift.work_hours = max(span - shift.break_hours, 0.0)
            shift.is_night = overtime_rules.is_night_shift(shift.start_hour, shift.end_hour)

    @api.constrains("start_hour", "end_hour", "break_hours")
    def _check_hours(self):
        for shift in self:
            if not (0 <= shift.start_hour < 24 and 0 <= shift.end_hour < 24):
                raise ValidationError(
                    self.env._(
                        "Shift %(shift)s: start and end are hours of the day, from 0 to 23:59.",
                        shift=shift.name,
                    )
                )
            if shift.start_hour == shift.end_hour:
                raise ValidationError(
                    self.env._("Shift %(shift)s ends when it starts.", shift=shift.name)
                )
            span = (shift.end_hour - shift.start_hour) % 24
            if not 0 <= shift.break_hours < span:
                raise ValidationError(
                    self.env._(
                        "Shift %(shift)s: the break must be shorter than the shift.",
                        shift=shift.name,
                    )
                )

    def _window(self, day):
        """Start and end (naive local) of this shift on ``day``."""
        self.ensure_one()
        return rules.shift_window(day, self.start_hour, self.end_hour)
