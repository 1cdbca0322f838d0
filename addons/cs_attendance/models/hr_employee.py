from datetime import date, datetime, time, timedelta

from pytz import timezone, utc

from odoo import api, fields, models
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
    cs_first_work_date_missing = fields.Boolean(
        string="First Work Date Missing",
        compute="_compute_cs_first_work_date_missing",
        store=True,
        groups="hr.group_hr_user",
        help="Annual leave counts the years of work with every employer (职工带薪年休假条例 "
        "art.3): without the first work date only the years with the company are known.",
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
        help="Annual leave is granted for the whole year all the same; the company's policy "
        "may have it taken only after probation.",
    )

    @api.depends("cs_first_work_date")
    def _compute_cs_first_work_date_missing(self):
        for employee in self:
            employee.cs_first_work_date_missing = not employee.cs_first_work_date

    def _cs_jurisdiction(self):
        return self.sudo().cs_jurisdiction_id or self.company_id.cs_jurisdiction_id

    def _cs_service_years(self, on_date):
        """Years with this company on ``on_date``: whole years on each anniversary."""
        start = self.sudo().cs_join_date
        if not (start and on_date):
            return 0.0
        return entitlement.years_between(start, on_date)

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

    def _cs_statutory_holidays(self, first, last):
        """The statutory holidays (法定节假日) from ``first`` to ``last`` where the employee
        works, as local dates: the swapped rest days (调休) are not among them."""
        employee = self.sudo()
        calendar = employee._cs_calendar()
        zone = timezone(calendar.tz or employee.tz or "Asia/Shanghai")

        def utc_of(day):
            moment = zone.localize(datetime.combine(day, time.min))
            return moment.astimezone(utc).replace(tzinfo=None)

        holidays = (
            self.env["resource.calendar.leaves"]
            .sudo()
            .search(
                [
                    ("resource_id", "=", False),
                    ("company_id", "=", employee.company_id.id),
                    ("calendar_id", "in", (False, calendar.id)),
                    ("cs_holiday_kind", "=", "statutory"),
                    ("date_from", "<", utc_of(last + timedelta(days=1))),
                    ("date_to", ">", utc_of(first)),
                ]
            )
        )
        days = set()
        for holiday in holidays:
            day = utc.localize(holiday.date_from).astimezone(zone).date()
            end = utc.localize(holiday.date_to).astimezone(zone).date()
            while day <= end:
                days.add(day)
                day += timedelta(days=1)
        return {day for day in days if first <= day <= last}

    def _cs_career_years(self, on_date):
        """Completed years of work on ``on_date``, as the statutory tiers count them:
        from the first work date, else (flagged to HR) from joining the company."""
        start = self.sudo().cs_first_work_date or self.sudo().cs_join_date
        return entitlement.completed_years(start, on_date) if start else 0

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
                    ("date_from", ">=", date(year, 1, 1)),
                    ("date_from", "<=", date(year, 12, 31)),
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
            # 实施办法 arts.3-5: probation excludes no day of the year; the company may
            # only have them taken after it (hr.leave), through next year if need be.
            start = max(date(year, 1, 1), employee.cs_join_date)
            if start > date(year, 12, 31):
                continue
            rule = (
                employee._cs_career_years(date(year, 12, 31)),
                employee.cs_join_date,
                year,
                company.cs_annual_first_year_days,
                company.cs_annual_later_days,
                company.cs_annual_cap_days,
                company.cs_annual_director_days if employee.cs_grade == "director" else 0,
            )
            unknown_career = not employee.cs_first_work_date

            def basis_of(env, rule=rule, unknown_career=unknown_career):
                text = entitlement.annual(*rule, _=env._)[1]
                if unknown_career:
                    text = env._(
                        "%(basis)s; first work date unknown: career counted from joining "
                        "the company",
                        basis=text,
                    )
                return text

            days, _basis = entitlement.annual(*rule, _=self.env._)
            if unknown_career:
                employee._cs_ask_first_work_date()
            if not days:
                continue
            allocation = allocations.sudo().create(
                {
                    "name": self.env._(
                        "Annual leave %(year)s: %(basis)s", year=year, basis=basis_of(self.env)
                    )[:200],
                    "employee_id": employee.id,
                    "holiday_status_id": leave_type.id,
                    "number_of_days": days,
                    "date_from": start,
                    "date_to": entitlement.annual_valid_until(year, employee.cs_probation_end),
                }
            )
            if allocation.state != "validate":
                allocation.action_approve()
            allocation._cs_write_basis(basis_of)
            allocations |= allocation | employee._cs_carry_over_annual_leave(year, leave_type)
        return allocations

    def _cs_ask_first_work_date(self):
        """An activity for HR: the annual leave of an employee without a first work
        date counts only the years with the company."""
        summary = self.env._("Enter the first work date of %(employee)s", employee=self.name)
        if summary in self.activity_ids.mapped("summary"):
            return
        officer = (
            self.env.user
            if not self.env.user._is_superuser()
            else self.env.ref("hr_holidays.group_hr_holidays_user").user_ids[:1]
        )
        self.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=summary,
            note=self.env._(
                "Annual leave counts the years of work with every employer (职工带薪年休假"
                "条例 art.3); without the first work date only the years with the company "
                "were counted."
            ),
            user_id=(officer or self.env.user).id,
        )

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
                    # Days already valid into this year (probation past 31 December)
                    # are not carried over a second time.
                    ("date_to", "<=", date(year - 1, 12, 31)),
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
