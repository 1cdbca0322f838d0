from datetime import date, datetime, time

from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.cs_attendance.rules import entitlement, limits


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    cs_jurisdiction_id = fields.Many2one(
        comodel_name="cs.leave.jurisdiction",
        string="Leave Jurisdiction",
        groups="hr.group_hr_user",
        help="Where the employee's statutory leave floors come from (default: the company's).",
    )
    cs_first_work_date = fields.Date(
        string="First Work Date",
        groups="hr.group_hr_user",
        help="Start of the employee's working life, for annual leave by cumulative years.",
    )
    cs_join_date = fields.Date(
        string="Joined the Company",
        groups="hr.group_hr_user",
        help="For the first-year annual leave rule and pro-rating.",
    )

    cs_grade = fields.Selection(
        selection=[("staff", "Staff"), ("director", "Director")],
        string="Leave Grade",
        default="staff",
        groups="hr.group_hr_user",
        help="Directors get the company's director annual leave from the first year.",
    )
    cs_probation_end = fields.Date(
        string="Probation Ends",
        groups="hr.group_hr_user",
        help="Annual leave is granted only after probation.",
    )

    def _cs_jurisdiction(self):
        return self.sudo().cs_jurisdiction_id or self.company_id.cs_jurisdiction_id

    def _cs_service_years(self, on_date):
        """Years with this company on ``on_date``: whole years on each anniversary."""
        start = self.sudo().cs_join_date
        if not (start and on_date) or on_date < start:
            return 0.0
        span = relativedelta(on_date, start)
        return span.years + span.months / 12 + span.days / 365

    def _cs_wage(self, on_date):
        """Monthly wage of the employee's version (contract) in force on ``on_date``."""
        employee = self.sudo()
        if not employee.version_ids:
            return 0.0
        return employee._get_version(on_date or fields.Date.today()).wage

    def _cs_calendar(self):
        """The employee's working schedule, else the company's."""
        return self.sudo().resource_calendar_id or self.company_id.resource_calendar_id

    def _cs_rest_days_batch(self, first, last):
        """``{employee: rest days}`` from ``first`` to ``last``, one schedule read
        per working calendar."""
        by_calendar = {}
        result = {}
        for employee in self:
            key = (employee._cs_calendar().id, employee.company_id.id)
            if key not in by_calendar:
                by_calendar[key] = frozenset(employee._cs_rest_days(first, last))
            result[employee] = by_calendar[key]
        return result

    def _cs_rest_days(self, first, last):
        """The days from ``first`` to ``last`` the employee's schedule has off
        (rest days, public holidays), make-up working days (调休) excepted."""
        unusual = self._cs_calendar()._get_unusual_days(
            datetime.combine(first, time.min), datetime.combine(last, time.max), self.company_id
        )
        return {fields.Date.to_date(day) for day, off in unusual.items() if off}

    def _cs_career_years(self, on_date):
        start = self.sudo().cs_first_work_date or self.sudo().cs_join_date
        # Completed years of work, as the statutory tiers count them.
        return int((on_date - start).days // 365.25) if start else 0

    def action_cs_grant_annual_leave(self, year=None):
        """Grant the year's annual leave: the statutory tier by career years
        (pro-rated for a joiner) or the company's tenure rule, whichever is higher."""
        # The grant is written as superuser, validated at once: Time Off officers only.
        if not (self.env.su or self.env.user.has_group("hr_holidays.group_hr_holidays_user")):
            raise AccessError(self.env._("Only Time Off officers grant annual leave."))
        year = year or fields.Date.context_today(self).year
        if not (isinstance(year, int) and limits.FIRST_YEAR <= year <= limits.LAST_YEAR):
            raise ValidationError(
                self.env._(
                    "Annual leave is granted for a year from %(first)s to %(last)s.",
                    first=limits.FIRST_YEAR,
                    last=limits.LAST_YEAR,
                )
            )
        leave_type = self.env.ref("cs_attendance.leave_type_annual")
        allocations = self.env["hr.leave.allocation"]
        for employee in self.sudo():
            if not employee.cs_join_date:
                raise UserError(
                    self.env._("Set the date %s joined the company first.", employee.name)
                )
            if allocations.sudo().search_count(
                [
                    ("employee_id", "=", employee.id),
                    ("holiday_status_id", "=", leave_type.id),
                    ("state", "!=", "refuse"),
                    ("date_to", "=", date(year, 12, 31)),
                ],
                limit=1,
            ):
                raise UserError(
                    self.env._(
                        "%(employee)s already has annual leave for %(year)s.",
                        employee=employee.name,
                        year=year,
                    )
                )
            company = employee.company_id
            start = max(
                date(year, 1, 1), employee.cs_join_date, employee.cs_probation_end or date.min
            )
            if start > date(year, 12, 31):
                continue  # still on probation all year: no annual leave yet
            rule = (
                employee._cs_career_years(date(year, 12, 31)),
                employee.cs_join_date,
                year,
                company.cs_annual_first_year_days,
                company.cs_annual_later_days,
                company.cs_annual_cap_days,
                company.cs_annual_director_days if employee.cs_grade == "director" else 0,
            )
            days, basis = entitlement.annual(*rule, _=self.env._)
            if not days:
                continue
            allocation = allocations.sudo().create(
                {
                    "name": self.env._("Annual leave %(year)s: %(basis)s", year=year, basis=basis)[
                        :200
                    ],
                    "employee_id": employee.id,
                    "holiday_status_id": leave_type.id,
                    "number_of_days": days,
                    "date_from": start,
                    "date_to": date(year, 12, 31),
                }
            )
            if allocation.state != "validate":
                allocation.action_approve()
            allocation._cs_write_basis(lambda env, rule=rule: entitlement.annual(*rule, _=env._)[1])
            allocations |= allocation | employee._cs_carry_over_annual_leave(year, leave_type)
        return allocations

    def _cs_carry_over_annual_leave(self, year, leave_type):
        """Unused annual leave of the previous year, up to the company's maximum."""
        limit = self.company_id.cs_annual_carry_over_days
        previous = (
            self.env["hr.leave.allocation"]
            .sudo()
            .search(
                [
                    ("employee_id", "=", self.id),
                    ("holiday_status_id", "=", leave_type.id),
                    ("state", "=", "validate"),
                    ("date_from", ">=", date(year - 1, 1, 1)),
                    ("date_from", "<=", date(year - 1, 12, 31)),
                ]
            )
        )
        unused = sum(previous.mapped("number_of_days")) - sum(previous.mapped("leaves_taken"))
        days = min(unused, limit)
        if days <= 0:
            return self.env["hr.leave.allocation"]

        def carried(env):
            return env._(
                "%(days)s unused days of %(year)s carried over (company maximum %(limit)s)",
                days=days,
                year=year - 1,
                limit=limit,
            )

        basis = carried(self.env)
        allocation = (
            self.env["hr.leave.allocation"]
            .sudo()
            .create(
                {
                    "name": basis[:200],
                    "employee_id": self.id,
                    "holiday_status_id": leave_type.id,
                    "number_of_days": days,
                    "date_from": date(year, 1, 1),
                    "date_to": date(year, 12, 31),
                }
            )
        )
        if allocation.state != "validate":
            allocation.action_approve()
        allocation._cs_write_basis(carried)
        return allocation
