from datetime import timedelta

from markupsafe import escape
from pytz import UTC, timezone

from odoo import api, fields, models
from odoo.tools.misc import format_date

from odoo.addons.cs_attendance.rules import medical_period


class HrEmployee(models.Model):
    """The medical treatment period (医疗期) of each employee: the facts HR decides
    on; dismissal protection itself is HR's decision."""

    _name = "hr.employee"
    _inherit = ["hr.employee", "cs.medical.period.mixin"]

    # HR's facts: the same fields as on a sick leave, for HR only here.
    cs_medical_first_sick_day = fields.Date(groups="hr.group_hr_user")
    cs_medical_window_end = fields.Date(groups="hr.group_hr_user")
    cs_medical_period_months = fields.Integer(groups="hr.group_hr_user")
    cs_medical_window_months = fields.Integer(groups="hr.group_hr_user")
    cs_medical_period_days = fields.Integer(groups="hr.group_hr_user")
    cs_medical_used_days = fields.Integer(groups="hr.group_hr_user")
    cs_medical_remaining_days = fields.Integer(groups="hr.group_hr_user")
    cs_medical_ends_on = fields.Date(groups="hr.group_hr_user")
    cs_medical_state = fields.Selection(groups="hr.group_hr_user")
    cs_medical_basis = fields.Char(groups="hr.group_hr_user")
    cs_medical_dates_missing = fields.Boolean(
        string="Career Dates Missing",
        compute="_compute_cs_medical_dates_missing",
        groups="hr.group_hr_user",
        help="Without the first work date only the years with the company are known, and "
        "without the joining date none: the medical period may be too short.",
    )

    @api.depends("cs_first_work_date", "cs_join_date")
    def _compute_cs_medical_dates_missing(self):
        for employee in self:
            employee.cs_medical_dates_missing = not (
                employee.cs_first_work_date and employee.cs_join_date
            )

    @api.depends("cs_first_work_date", "cs_join_date")
    @api.depends_context("uid", "tz")
    def _compute_cs_medical(self):
        today = fields.Date.context_today(self)
        for employee in self:
            employee.update(employee._cs_medical_values(employee._cs_medical_period(today)))

    # ------------------------------------------------------------------
    # The period
    # ------------------------------------------------------------------
    def _cs_medical_period(self, on_date, extra_spans=()):
        """The medical period running on ``on_date`` (a ``medical_period.Period``) or
        None, from the employee's approved sick leave, whoever reads, and
        ``extra_spans`` (a request not yet approved)."""
        self.ensure_one()
        employee = self.sudo()
        leaves = (
            self.env["hr.leave"]
            .sudo()
            .search_fetch(
                [
                    ("employee_id", "=", employee.id),
                    ("state", "=", "validate"),
                    ("holiday_status_id.cs_kind", "=", "sick"),
                    ("request_date_from", "<=", on_date),
                ],
                ["request_date_from", "request_date_to"],
            )
        )
        spans = [(leave.request_date_from, leave.request_date_to) for leave in leaves]
        spans += list(extra_spans)
        rest_days = set()
        for first, last in medical_period.gaps(spans):
            rest_days |= employee._cs_rest_days(first, last)
        return medical_period.running_period(
            spans,
            on_date,
            employee.cs_first_work_date or employee.cs_join_date,
            employee.cs_join_date,
            rest_days,
        )

    # ------------------------------------------------------------------
    # HR's warning
    # ------------------------------------------------------------------
    def _cs_local_today(self, now):
        tz = self.tz or self.company_id.resource_calendar_id.tz or "UTC"
        return UTC.localize(now).astimezone(timezone(tz)).date()

    @api.model
    def _cs_cron_warn_medical_period_end(self):
        """Daily: an activity for HR when the medical period of an employee off sick
        runs out within the company's warning days; once per period."""
        activity_type = self.env.ref("cs_attendance.mail_activity_type_medical_period_end")
        now = fields.Datetime.now()
        leaves = (
            self.env["hr.leave"]
            .sudo()
            .search(
                [
                    ("state", "=", "validate"),
                    ("holiday_status_id.cs_kind", "=", "sick"),
                    ("request_date_from", "<=", (now + timedelta(days=1)).date()),
                    ("request_date_to", ">=", (now - timedelta(days=1)).date()),
                ]
            )
        )
        Activity = self.env["mail.activity"].sudo().with_context(active_test=False)
        for employee in leaves.employee_id:
            today = employee._cs_local_today(now)
            if not any(
                leave.employee_id == employee
                and leave.request_date_from <= today <= leave.request_date_to
                for leave in leaves
            ):
                continue
            period = employee._cs_medical_period(today)
            days = employee.company_id.cs_medical_warning_days
            if not (period and period.exhausts_on) or period.exhausts_on > today + timedelta(
                days=days
            ):
                continue
            if Activity.search_count(
                [
                    ("res_model", "=", "hr.employee"),
                    ("res_id", "=", employee.id),
                    ("activity_type_id", "=", activity_type.id),
                    ("date_deadline", ">=", period.first_sick_day),
                ],
                limit=1,
            ):
                continue
            user = employee.hr_responsible_id or self.env.user
            env = self.with_context(lang=user.lang).env
            values = {
                "employee": employee.name,
                "date": format_date(env, period.ends_on),
                "used": period.used_days,
                "days": period.period_days,
                "first": format_date(env, period.first_sick_day),
            }
            employee.with_context(mail_activity_quick_update=True).activity_schedule(
                act_type_xmlid="cs_attendance.mail_activity_type_medical_period_end",
                date_deadline=period.ends_on,
                summary=env._("Medical period of %(employee)s ends on %(date)s", **values),
                note=escape(
                    env._(
                        "%(used)s of %(days)s days of medical treatment period used since "
                        "%(first)s; off sick every day until then, the period ends on "
                        "%(date)s (劳部发〔1994〕479号). What follows is HR's decision.",
                        **values,
                    )
                ),
                user_id=user.id,
            )
