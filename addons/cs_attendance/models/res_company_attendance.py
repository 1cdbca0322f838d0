import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.cs_attendance.rules import attendance as rules

# The sane range of each attendance policy value: beyond it a figure is a typing
# error, not a company rule (a tolerance of a whole day, a quota of a year).
POLICY_BOUNDS = {
    "cs_att_tolerance_minutes": (0, 480),
    "cs_att_absence_minutes": (1, 480),
    "cs_att_missed_punch_quota": (0, 31),
    "cs_att_week_review_hours": (0, 168),
    "cs_att_absence_consecutive_days": (1, 31),
    "cs_att_absence_window_count": (1, 92),
    "cs_att_absence_window_months": (1, 12),
    # The 29th to the 31st do not exist in every month.
    "cs_att_period_start_day": (1, 28),
    "cs_att_punch_margin_hours": (0, 12),
    "cs_att_exception_hour": (0, 24),
}

WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]


class ResCompany(models.Model):
    """The company's attendance rules (seed 003 第二篇 3(5)(8), 5): seed defaults."""

    _inherit = "res.company"

    cs_att_tolerance_minutes = fields.Integer(
        string="Late/Early Tolerated a Month (minutes)",
        default=10,
        help="Seed 3(8): up to this many minutes late or early in an attendance period are "
        "not deducted; beyond them every minute counts.",
    )
    cs_att_absence_minutes = fields.Integer(
        string="Late/Early Counted as Absence Beyond (minutes)",
        default=30,
        help="Seed 3(8) 遲到或早退超過半小時: a day late or early by more than this is a "
        "day's absence for discipline; its pay follows the pay rule below.",
    )
    cs_att_pay_rule = fields.Selection(
        selection=[
            (rules.PAY_MINUTES, "Deduct the time missed"),
            (rules.PAY_STARTED_HOUR, "Deduct by the started hour"),
            (rules.PAY_DAY, "Deduct a day beyond the absence limit"),
        ],
        string="Late/Early Pay Deduction",
        default=rules.PAY_MINUTES,
        required=True,
        help="Once the monthly tolerance is exceeded. The time missed is what the law "
        "allows (劳动法 art.50); the seed deducts by the started hour (按相應時數), and a "
        "whole day for an arrival beyond the absence limit.",
    )
    cs_att_week_review_hours = fields.Float(
        string="Weekly Review Below (hours)",
        default=40.0,
        help="Seed 4(2): each week the manager reviews who worked fewer hours than this, "
        "and every missed punch that has neither an exception form nor a leave.",
    )
    cs_att_missed_punch_quota = fields.Integer(
        string="Missed Punches Confirmed a Month",
        default=3,
        help="Seed 3(5) 漏打卡: this many missed punches a period, confirmed by the "
        "supervisor, count as present; each further one is a day of absence.",
    )
    cs_att_absence_consecutive_days = fields.Integer(
        string="Absence Review: Consecutive Working Days",
        default=3,
        help="Seed 3(8): this many consecutive working days of absence flag the employee "
        "for review by HR (never an automatic dismissal).",
    )
    cs_att_absence_window_count = fields.Integer(
        string="Absence Review: Days Within the Window",
        default=6,
        help="Seed 3(8): this many days of absence within the window flag the employee.",
    )
    cs_att_absence_window_months = fields.Integer(
        string="Absence Review: Window (months)", default=3
    )
    cs_att_period_start_day = fields.Integer(
        string="Attendance Period Starts On Day",
        default=21,
        help="Seed 第二篇 5: the attendance period runs from the 21st to the 20th.",
    )
    cs_att_punch_margin_hours = fields.Float(
        string="Punch Belongs to a Shift Within (hours)",
        default=4.0,
        help="A punch this close to a shift's start or end belongs to it; a punch farther "
        "from every shift is work outside the schedule.",
    )

    cs_att_exception_weekday = fields.Selection(
        selection=WEEKDAYS,
        string="Missed Punches Filed By (weekday)",
        default="4",
        required=True,
        help="Seed 3(5) 每周五17:00前: the missed punches of the week are filed on "
        "attendance exception forms by this weekday, at the hour below; a reminder goes out "
        "that morning.",
    )
    cs_att_exception_hour = fields.Float(
        string="Missed Punches Filed By (hour)",
        default=17.0,
        help="Local time on the deadline weekday, e.g. 17.0 for 17:00.",
    )

    @api.constrains(*POLICY_BOUNDS)
    def _check_cs_att_policy(self):
        for company in self:
            for name, (low, high) in POLICY_BOUNDS.items():
                if not low <= company[name] <= high:
                    raise ValidationError(
                        self.env._(
                            "%(policy)s must lie between %(low)s and %(high)s.",
                            policy=self._fields[name]._description_string(self.env),
                            low=low,
                            high=high,
                        )
                    )

    def _cs_att_policy(self):
        self.ensure_one()
        return rules.Policy(
            tolerance_minutes=self.cs_att_tolerance_minutes,
            absence_minutes=self.cs_att_absence_minutes,
            pay_rule=self.cs_att_pay_rule,
            missed_punch_quota=self.cs_att_missed_punch_quota,
            absence_consecutive_days=self.cs_att_absence_consecutive_days,
            absence_window_count=self.cs_att_absence_window_count,
            absence_window_months=self.cs_att_absence_window_months,
        )

    def _cs_att_tz(self):
        """The company's time zone: its address's, else its working schedule's."""
        self.ensure_one()
        name = self.partner_id.tz or self.resource_calendar_id.tz or "UTC"
        return pytz.timezone(name)
