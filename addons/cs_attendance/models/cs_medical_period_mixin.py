from odoo import fields, models
from odoo.tools.misc import format_date

MEDICAL_STATES = [
    ("none", "None Running"),
    ("running", "Running"),
    ("exhausted", "Days Used Up"),
]


class CsMedicalPeriodMixin(models.AbstractModel):
    """The facts of a medical treatment period (医疗期, 劳部发〔1994〕479号 arts.3-4),
    shown on the employee and on a sick leave. Nothing is stored: the facts are
    counted from the approved sick leave each time they are read."""

    _name = "cs.medical.period.mixin"
    _description = "Medical Treatment Period Facts"

    cs_medical_first_sick_day = fields.Date(
        string="Medical Period From",
        compute="_compute_cs_medical",
        help="First sick day of the running medical treatment period (医疗期): it opens the "
        "period and its window (劳部发〔1995〕236号 item 1).",
    )
    cs_medical_window_end = fields.Date(
        string="Window Ends",
        compute="_compute_cs_medical",
        help="The period must be used within its window, counted from the first sick day "
        "(劳部发〔1994〕479号 art.4); the first sick day after it starts a new period.",
    )
    cs_medical_period_months = fields.Integer(
        string="Medical Period (months)",
        compute="_compute_cs_medical",
        help="By years of work and years with the company on the first sick day "
        "(劳部发〔1994〕479号 art.3).",
    )
    cs_medical_window_months = fields.Integer(
        string="Window (months)", compute="_compute_cs_medical"
    )
    cs_medical_period_days = fields.Integer(
        string="Medical Period (days)",
        compute="_compute_cs_medical",
        help="The months of the period at 30 calendar days each.",
    )
    cs_medical_used_days = fields.Integer(
        string="Days Used",
        compute="_compute_cs_medical",
        help="Calendar days of approved sick leave since the first sick day, rest days and "
        "holidays included (劳部发〔1995〕236号 item 2).",
    )
    cs_medical_remaining_days = fields.Integer(string="Days Left", compute="_compute_cs_medical")
    cs_medical_ends_on = fields.Date(
        string="Medical Period Ends",
        compute="_compute_cs_medical",
        help="The last day of the period: the day its days run out if the employee stays off "
        "sick every day from then on, or the end of its window when they cannot run out "
        "before it.",
    )
    cs_medical_state = fields.Selection(
        selection=MEDICAL_STATES, string="Medical Period State", compute="_compute_cs_medical"
    )
    cs_medical_basis = fields.Char(string="Medical Period Basis", compute="_compute_cs_medical")

    def _compute_cs_medical(self):
        raise NotImplementedError

    def _cs_medical_blank(self):
        return {
            "cs_medical_first_sick_day": False,
            "cs_medical_window_end": False,
            "cs_medical_period_months": 0,
            "cs_medical_window_months": 0,
            "cs_medical_period_days": 0,
            "cs_medical_used_days": 0,
            "cs_medical_remaining_days": 0,
            "cs_medical_ends_on": False,
            "cs_medical_state": False,
            "cs_medical_basis": False,
        }

    def _cs_medical_values(self, period):
        """The medical-period fields for ``period`` (a ``medical_period.Period``;
        None: nothing running)."""
        if period is None:
            return self._cs_medical_blank() | {"cs_medical_state": "none"}
        return {
            "cs_medical_first_sick_day": period.first_sick_day,
            "cs_medical_window_end": period.window_end,
            "cs_medical_period_months": period.period_months,
            "cs_medical_window_months": period.window_months,
            "cs_medical_period_days": period.period_days,
            "cs_medical_used_days": period.used_days,
            "cs_medical_remaining_days": period.remaining_days,
            "cs_medical_ends_on": period.ends_on,
            "cs_medical_state": period.state,
            "cs_medical_basis": self.env._(
                "%(career)s years of work, %(company)s with the company on %(first)s: "
                "%(months)s months (%(days)s days) within %(window)s months "
                "(劳部发〔1994〕479号 arts.3-4)",
                career=period.career_years,
                company=period.company_years,
                first=format_date(self.env, period.first_sick_day),
                months=period.period_months,
                days=period.period_days,
                window=period.window_months,
            ),
        }
