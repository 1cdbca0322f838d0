import pytz

from odoo import api, fields, models

from odoo.addons.cs_center.rules import quality as quality_rules


class CsQualityPeriod(models.Model):
    """An agent's quality results for a month: the scored spot checks and their
    average, the quality score HR uses for appraisal (seed 001 绩效考核; 000
    客服部经理职责 4). Made and kept up to date by the checks, never typed."""

    _name = "cs.quality.period"
    _description = "Agent Quality Period"
    _inherit = ["cs.guarded.mixin", "cs.filled.mixin"]
    _order = "date_from desc, agent_id"
    _check_company_auto = True
    _cs_action_fields = frozenset(
        {
            "agent_id",
            "company_id",
            "date_from",
            "date_to",
            "employee_id",
            "check_count",
            "score",
            "failed_count",
            "forbidden_count",
            "passed",
        }
    )

    agent_id = fields.Many2one(
        comodel_name="res.users", string="Agent", required=True, index=True, readonly=True
    )
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, readonly=True
    )
    date_from = fields.Date(string="Month", required=True, index=True, readonly=True)
    date_to = fields.Date(string="Until", required=True, readonly=True)
    employee_id = fields.Many2one(
        comodel_name="hr.employee",
        string="Employee",
        compute="_compute_employee_id",
        store=True,
        readonly=True,
        help="The agent's employee in the company, for the appraisal.",
    )
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, string="Department"
    )
    check_ids = fields.One2many(
        comodel_name="cs.quality.check", inverse_name="period_id", string="Scored Checks"
    )
    check_count = fields.Integer(
        string="Checks", compute="_compute_results", store=True, aggregator="sum"
    )
    score = fields.Float(
        string="Quality Score",
        compute="_compute_results",
        store=True,
        aggregator="avg",
        help="Average score of the agent's checks scored in the month.",
    )
    failed_count = fields.Integer(
        string="Checks Failed", compute="_compute_results", store=True, aggregator="sum"
    )
    forbidden_count = fields.Integer(
        string="Forbidden Phrases", compute="_compute_results", store=True, aggregator="sum"
    )
    passed = fields.Boolean(compute="_compute_results", store=True)

    _agent_month_uniq = models.UniqueIndex(
        "(agent_id, company_id, date_from)", "An agent has one quality period a month."
    )

    @api.depends("agent_id", "company_id")
    def _compute_employee_id(self):
        for period in self:
            period.employee_id = period.agent_id.sudo().employee_ids.filtered(
                lambda e, c=period.company_id: e.company_id == c
            )[:1]

    @api.depends(
        "check_ids.score", "check_ids.state", "check_ids.passed", "check_ids.forbidden_used"
    )
    def _compute_results(self):
        for period in self:
            checks = period.check_ids.filtered(lambda c: c.state == "done")
            score = quality_rules.period_score(checks.mapped("score"))
            period.check_count = len(checks)
            period.score = score or 0.0
            period.failed_count = len(checks.filtered(lambda c: not c.passed))
            period.forbidden_count = len(checks.filtered("forbidden_used"))
            period.passed = score is not None and quality_rules.passed(
                score, period.company_id.cs_qa_pass_mark
            )

    def _compute_display_name(self):
        for period in self:
            period.display_name = self.env._(
                "%(agent)s, %(month)s",
                agent=period.agent_id.name or "",
                month=period.date_from.strftime("%Y-%m") if period.date_from else "",
            )

    @api.model
    def _cs_period_for(self, check):
        """The period of the month the checked contact took place in (the
        company's time zone), made when the month's first check is scored."""
        company = check.company_id
        zone = pytz.timezone(company.resource_calendar_id.tz or company.partner_id.tz or "UTC")
        day = pytz.utc.localize(check.contact_at).astimezone(zone).date()
        date_from = day.replace(day=1)
        # Periods are the system's: read and made whoever scores the check.
        Period = self.sudo()
        period = Period.search(
            [
                ("agent_id", "=", check.agent_id.id),
                ("company_id", "=", company.id),
                ("date_from", "=", date_from),
            ],
            limit=1,
        )
        if not period:
            period = Period._cs_action_create(
                {
                    "agent_id": check.agent_id.id,
                    "company_id": company.id,
                    "date_from": date_from,
                    "date_to": fields.Date.end_of(date_from, "month"),
                }
            )
        return period.with_env(self.env)
