from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.cs_attendance.rules import overtime as rules

# The sane range of each overtime policy value: beyond it a figure is a typing error.
OVERTIME_BOUNDS = {
    "cs_ot_week_hours": (0, 168),
    "cs_ot_filing_days": (0, 28),
    "cs_ot_day_cap_hours": (0, 24),
    "cs_ot_month_cap_hours": (0, 744),
    "cs_ot_lieu_months": (1, 60),
}


class ResCompany(models.Model):
    """The company's overtime rules (seed 003 第二篇 5 加班管理流程) and the
    statutory caps (劳动法 art.41), with the seed's and the law's defaults."""

    _inherit = "res.company"

    cs_ot_ruleset_id = fields.Many2one(
        comodel_name="hr.attendance.overtime.ruleset",
        string="Overtime Pay Rules",
        default=lambda self: self.env.ref(
            "cs_attendance.overtime_ruleset_prc", raise_if_not_found=False
        ),
        help="The ruleset whose rates an overtime request is paid at when the employee's "
        "contract names none with them (PRC: 150 %, 200 %, 300 %).",
    )
    cs_ot_rest_day_only = fields.Boolean(
        string="Overtime Only on Rest Days",
        default=True,
        help="Seed 5(1) 排班為休息: overtime is filed only for a scheduled rest day (or a "
        "statutory holiday); work beyond a working day's schedule is not overtime.",
    )
    cs_ot_week_hours = fields.Float(
        string="Rest-Day Overtime Once the Week Exceeds (hours)",
        default=40.0,
        help="Seed 5(1) 周出勤大于40小时: rest-day overtime counts only the hours the week's "
        "attendance exceeds this.",
    )
    cs_ot_filing_days = fields.Integer(
        string="Overtime Filed Within (days after the period)",
        default=1,
        help="Seed 5(2) 每月21號下班前...不得補報: the overtime of a period is filed by this "
        "many days after its last day (the 21st); later it is refused.",
    )
    cs_ot_day_cap_hours = fields.Float(
        string="Working-Day Overtime Cap (hours a day)",
        default=3.0,
        help="劳动法 art.41: a working day is extended by at most 3 hours.",
    )
    cs_ot_month_cap_hours = fields.Float(
        string="Overtime Cap (hours a period)",
        default=36.0,
        help="劳动法 art.41: at most 36 hours of overtime a month, of every kind.",
    )
    cs_ot_cap_mode = fields.Selection(
        selection=[("warn", "Warn HR"), ("refuse", "Refuse the request")],
        string="Beyond a Cap",
        default="warn",
        required=True,
        help="Overtime worked beyond a statutory cap must still be paid: by default the "
        "request goes on with a warning for HR; a company may refuse it instead.",
    )
    cs_ot_compensation = fields.Selection(
        selection=[
            (rules.COMP_PAY, "Paid (200 %)"),
            (rules.COMP_TIME_OFF, "Time off in lieu (调休)"),
            ("employee", "The employee chooses"),
        ],
        string="Rest-Day Overtime Compensated By",
        default=rules.COMP_PAY,
        required=True,
        help="工资支付暂行规定 art.13: rest-day overtime is paid 200 % unless compensated by "
        "time off. Statutory-holiday overtime is always paid 300 %, never converted.",
    )
    cs_ot_lieu_months = fields.Integer(
        string="Time Off in Lieu Valid (months)",
        default=6,
        help="Time off in lieu earned by rest-day overtime is taken within this many months; "
        "what is left then expires.",
    )
    cs_ot_lieu_leave_type_id = fields.Many2one(
        comodel_name="hr.leave.type",
        string="Time Off in Lieu Type",
        default=lambda self: self.env.ref(
            "cs_attendance.leave_type_lieu", raise_if_not_found=False
        ),
        help="The leave type (in hours) the time off in lieu is credited to.",
    )

    @api.constrains(*OVERTIME_BOUNDS)
    def _check_cs_ot_policy(self):
        for company in self:
            for name, (low, high) in OVERTIME_BOUNDS.items():
                if not low <= company[name] <= high:
                    raise ValidationError(
                        self.env._(
                            "%(policy)s must lie between %(low)s and %(high)s.",
                            policy=self._fields[name]._description_string(self.env),
                            low=low,
                            high=high,
                        )
                    )

    @api.model
    def _cs_ot_set_defaults(self):
        """The shipped ruleset and leave type for the companies that existed before them."""
        ruleset = self.env.ref("cs_attendance.overtime_ruleset_prc")
        lieu = self.env.ref("cs_attendance.leave_type_lieu")
        companies = self.sudo().with_context(active_test=False).search([])
        companies.filtered(lambda c: not c.cs_ot_ruleset_id).cs_ot_ruleset_id = ruleset
        companies.filtered(lambda c: not c.cs_ot_lieu_leave_type_id).cs_ot_lieu_leave_type_id = lieu
