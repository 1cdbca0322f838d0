import io
from datetime import date

import xlsxwriter

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import format_date

from odoo.addons.cs_attendance.rules import annual_year_end, entitlement, limits, medical_period

# Amounts are shown to those who may read wages (hr.version.wage).
WAGE_GROUP = "hr.group_hr_manager"


class CsAnnualLeaveYearEnd(models.TransientModel):
    """The year-end list for payroll: each employee's statutory annual leave not
    taken, at 300 % of the daily wage, and the company's days above the statute
    (职工带薪年休假条例 art.5; 实施办法 arts.5, 10-13). A report: it pays nothing."""

    _name = "cs.annual.leave.year.end"
    _inherit = ["cs.guarded.mixin"]
    _description = "Year-End Annual Leave Report"
    _check_company_auto = True
    _cs_action_fields = frozenset({"line_ids"})

    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Company",
        required=True,
        default=lambda self: self.env.company,
    )
    line_ids = fields.One2many(
        comodel_name="cs.annual.leave.year.end.line",
        inverse_name="wizard_id",
        string="Employees",
        readonly=True,
    )

    @api.constrains("year")
    def _check_year(self):
        for report in self:
            if not limits.FIRST_YEAR <= report.year <= limits.LAST_YEAR:
                raise ValidationError(
                    self.env._(
                        "The report covers a year from %(first)s to %(last)s.",
                        first=limits.FIRST_YEAR,
                        last=limits.LAST_YEAR,
                    )
                )

    # ------------------------------------------------------------------
    # The lines
    # ------------------------------------------------------------------
    def _employees(self):
        """The company's employees with us during the year, leavers included."""
        first, last = date(self.year, 1, 1), date(self.year, 12, 31)
        return (
            self.env["hr.employee"]
            .with_context(active_test=False)
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    "|",
                    ("cs_join_date", "=", False),
                    ("cs_join_date", "<=", last),
                    "|",
                    ("departure_date", "=", False),
                    ("departure_date", ">=", first),
                    "|",
                    ("active", "=", True),
                    ("departure_date", "!=", False),
                ]
            )
        )

    def _days_by_employee(self, model, employees, date_field):
        """Annual leave days of ``model`` (approved) starting in the year, per employee."""
        first, last = date(self.year, 1, 1), date(self.year, 12, 31)
        groups = (
            self.env[model]
            .sudo()
            ._read_group(
                [
                    ("employee_id", "in", employees.ids),
                    ("holiday_status_id.cs_kind", "=", "annual"),
                    ("state", "=", "validate"),
                    (date_field, ">=", first),
                    (date_field, "<=", last),
                ],
                groupby=["employee_id"],
                aggregates=["number_of_days:sum"],
            )
        )
        return {employee.id: days for employee, days in groups}

    def _line_values(self, employee, granted, taken):
        """``(values, amounts)`` of ``employee``'s line; amounts need the wage group."""
        first, last = date(self.year, 1, 1), date(self.year, 12, 31)
        joined = employee.cs_join_date or first
        leave_date = (
            employee.departure_date
            if employee.departure_date and employee.departure_date < last
            else None
        )
        end = leave_date or last
        career = medical_period.completed_years(employee.cs_first_work_date or joined, end)
        career = max(career, medical_period.completed_years(joined, end))
        tier = entitlement.statutory_annual(career)
        result = annual_year_end.year_end(tier, self.year, joined, leave_date, granted, taken)
        basis = [
            self.env._(
                "%(tier)s days a year for %(years)s years of work (条例 art.3)",
                tier=tier,
                years=career,
            )
        ]
        if leave_date:
            basis.append(
                self.env._(
                    "left on %(date)s: %(days)s/365 × %(tier)s − %(taken)s taken, fraction "
                    "dropped, no claw-back (实施办法 art.12)",
                    date=format_date(self.env, leave_date),
                    days=result.days_at_company,
                    tier=tier,
                    taken=f"{taken:g}",
                )
            )
        elif joined > first:
            basis.append(
                self.env._(
                    "joined on %(date)s: %(days)s/365 of the year, fraction dropped "
                    "(实施办法 art.5)",
                    date=format_date(self.env, joined),
                    days=result.days_at_company,
                )
            )
        if not employee.cs_join_date:
            basis.append(self.env._("no joining date: counted from 1 January"))
        elif not employee.cs_first_work_date:
            basis.append(self.env._("no first work date: years of work counted from joining"))
        values = {
            "wizard_id": self.id,
            "employee_id": employee.id,
            "join_date": employee.cs_join_date,
            "leave_date": leave_date,
            "career_years": career,
            "statutory_tier": tier,
            "days_at_company": result.days_at_company,
            "statutory_days": result.statutory_days,
            "granted_days": granted,
            "company_days": result.company_days,
            "taken_days": taken,
            "statutory_untaken": result.statutory_untaken,
            "company_untaken": result.company_untaken,
            "dates_missing": not (employee.cs_first_work_date and employee.cs_join_date),
            "basis": "; ".join(basis)[:1000],
        }
        staff = employee.sudo()
        wage = staff._get_version(end).wage if staff.version_ids else 0.0
        daily, value, due = annual_year_end.untaken_pay(result.statutory_untaken, wage)
        return values, {"daily_wage": daily, "untaken_value": value, "untaken_due": due}

    def _compute_lines(self):
        self.ensure_one()
        self.line_ids.unlink()
        employees = self._employees()
        granted = self._days_by_employee("hr.leave.allocation", employees, "date_from")
        taken = self._days_by_employee("hr.leave", employees, "request_date_from")
        rows = [
            self._line_values(employee, granted.get(employee.id, 0.0), taken.get(employee.id, 0.0))
            for employee in employees
        ]
        lines = self.env["cs.annual.leave.year.end.line"]._cs_action_create(
            [values for values, _amounts in rows]
        )
        # The wage is read as superuser: its amounts are written so, and only the
        # wage group reads them back (the fields' groups).
        for line, (_values, amounts) in zip(lines, rows, strict=True):
            line.sudo()._cs_action_write(amounts)
        return lines

    def action_compute(self):
        self.ensure_one()
        self._compute_lines()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Year-End Annual Leave %(year)s", year=self.year),
            "res_model": "cs.annual.leave.year.end.line",
            "view_mode": "list,pivot",
            "domain": [("wizard_id", "=", self.id)],
            "context": {"create": False, "edit": False, "delete": False},
        }

    # ------------------------------------------------------------------
    # The xlsx for payroll
    # ------------------------------------------------------------------
    def _columns(self, show_amounts):
        columns = [
            ("employee_id", self.env._("Employee"), 22),
            ("join_date", self.env._("Joined"), 12),
            ("leave_date", self.env._("Left"), 12),
            ("career_years", self.env._("Years of Work"), 10),
            ("statutory_tier", self.env._("Statutory Days a Year"), 12),
            ("days_at_company", self.env._("Days With the Company"), 12),
            ("statutory_days", self.env._("Statutory Days"), 12),
            ("granted_days", self.env._("Granted"), 10),
            ("company_days", self.env._("Company Days Above the Statute"), 14),
            ("taken_days", self.env._("Taken"), 10),
            ("statutory_untaken", self.env._("Statutory Days Untaken (300 %)"), 14),
            ("company_untaken", self.env._("Company Days Untaken (company rule)"), 14),
        ]
        if show_amounts:
            columns += [
                ("daily_wage", self.env._("Daily Wage"), 12),
                ("untaken_value", self.env._("Value at 300 %"), 14),
                ("untaken_due", self.env._("To Pay (200 %)"), 14),
            ]
        return columns + [("basis", self.env._("Basis"), 60)]

    def _xlsx(self, lines):
        show_amounts = self.env.user.has_group(WAGE_GROUP)
        columns = self._columns(show_amounts)
        output = io.BytesIO()
        # Names are text: "=..." stays text, not a formula (xlsx injection).
        workbook = xlsxwriter.Workbook(
            output, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
        )
        sheet = workbook.add_worksheet(self.env._("Annual Leave %(year)s", year=self.year))
        bold = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        for col, (_name, title, width) in enumerate(columns):
            sheet.set_column(col, col, width)
            sheet.write_string(0, col, title, bold)
        for row, record in enumerate(lines.read([name for name, _t, _w in columns]), 1):
            for col, (name, _title, _width) in enumerate(columns):
                value = record[name]
                if name == "employee_id":
                    value = value[1] if value else ""
                elif isinstance(value, date):
                    value = fields.Date.to_string(value)
                if isinstance(value, str):
                    sheet.write_string(row, col, value)
                elif value is not False:
                    sheet.write_number(row, col, value)
        workbook.close()
        return output.getvalue()

    def action_export_xlsx(self):
        self.ensure_one()
        lines = self._compute_lines()
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"annual-leave-year-end-{self.year}.xlsx",
                "raw": self._xlsx(lines),
                "res_model": self._name,
                "res_id": self.id,
                "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }
        )
        return {"type": "ir.actions.act_url", "url": f"/web/content/{attachment.id}?download=true"}
