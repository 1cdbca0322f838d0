from odoo import fields, models

# Every stored value of a line is computed by the report: none is typed.
LINE_FIELDS = frozenset(
    {
        "wizard_id",
        "employee_id",
        "join_date",
        "leave_date",
        "career_years",
        "statutory_tier",
        "days_at_company",
        "statutory_days",
        "granted_days",
        "company_days",
        "taken_days",
        "statutory_untaken",
        "company_untaken",
        "daily_wage",
        "untaken_value",
        "untaken_due",
        "dates_missing",
        "basis",
    }
)


class CsAnnualLeaveYearEndLine(models.TransientModel):
    """One employee's annual leave at the end of the year: the statutory days not
    taken, owed at 300 % of the daily wage (职工带薪年休假条例 art.5; 实施办法 art.10),
    and the company's days above the statute, which follow the company's rule."""

    _name = "cs.annual.leave.year.end.line"
    _inherit = ["cs.guarded.mixin"]
    _description = "Year-End Annual Leave Line"
    _order = "wizard_id, employee_id, id"
    _check_company_auto = True
    _cs_action_fields = LINE_FIELDS

    wizard_id = fields.Many2one(
        comodel_name="cs.annual.leave.year.end",
        string="Report",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        related="wizard_id.company_id",
        store=True,
        index=True,
    )
    year = fields.Integer(related="wizard_id.year", string="Year")
    employee_id = fields.Many2one(
        comodel_name="hr.employee",
        string="Employee",
        required=True,
        check_company=True,
        index=True,
    )
    join_date = fields.Date(string="Joined")
    leave_date = fields.Date(string="Left", help="Last day of an employee who left in the year.")
    career_years = fields.Integer(string="Years of Work")
    statutory_tier = fields.Integer(
        string="Statutory Days a Year",
        help="5, 10 or 15 days by years of work, none under a year (条例 art.3).",
    )
    days_at_company = fields.Integer(string="Days With the Company", aggregator="sum")
    statutory_days = fields.Float(
        string="Statutory Days",
        aggregator="sum",
        help="The statutory days for the time with the company in the year: a joiner's "
        "share in whole days (实施办法 art.5), a leaver's exact share (art.12).",
    )
    granted_days = fields.Float(string="Granted", aggregator="sum")
    company_days = fields.Float(
        string="Company Days Above the Statute",
        aggregator="sum",
        help="Annual leave granted above the statutory days (实施办法 art.13): not taken, "
        "they follow the company's own rule, not the 300 %.",
    )
    taken_days = fields.Float(
        string="Taken", aggregator="sum", help="Counted against the statutory days first."
    )
    statutory_untaken = fields.Float(
        string="Statutory Days Untaken",
        aggregator="sum",
        help="Owed at 300 % of the daily wage (条例 art.5; 实施办法 arts.10, 12); a "
        "leaver's fraction of a day is not paid and days taken beyond the share are "
        "not clawed back.",
    )
    company_untaken = fields.Float(string="Company Days Untaken", aggregator="sum")
    currency_id = fields.Many2one(related="company_id.currency_id")
    daily_wage = fields.Monetary(
        string="Daily Wage",
        aggregator=None,
        groups="hr.group_hr_manager",
        help="The monthly wage of the employee's contract at the year's end (or the last "
        "day) ÷ 21.75 (实施办法 art.11; 劳社部发〔2008〕3号).",
    )
    untaken_value = fields.Monetary(
        string="Value at 300 %",
        groups="hr.group_hr_manager",
        help="Untaken statutory days × daily wage × 300 %, normal pay included (实施办法 art.10).",
    )
    untaken_due = fields.Monetary(
        string="To Pay (200 %)",
        groups="hr.group_hr_manager",
        help="The 300 % less the normal pay for those days, already in the monthly wage.",
    )
    dates_missing = fields.Boolean(
        string="Dates Missing",
        help="No first work date (years of work counted from joining) or no joining date "
        "(counted from 1 January): check the employee.",
    )
    basis = fields.Char(string="Basis")
