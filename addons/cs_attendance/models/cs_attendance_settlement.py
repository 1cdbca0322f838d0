from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.cs_attendance.rules import attendance as att_rules

# Who acts for HR on attendance: hr_attendance's officers and its administrators.
HR_GROUP = "hr_attendance.group_hr_attendance_officer"


class CsAttendanceSettlement(models.Model):
    """考勤月報 (seed 003 第二篇 4, 5; REQUIREMENTS A9): one employee's attendance
    period (seed: the 21st to the 20th) as payroll reads it. Computed set-based
    from the evaluated days, leave and overtime; confirmed by the manager,
    approved by HR, and then locked: the punches, exception forms, leave and
    overtime of the period change only after HR reopens it, with a reason."""

    _name = "cs.attendance.settlement"
    _description = "Attendance Settlement"
    _inherit = ["cs.guarded.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "period_start desc, department_id, employee_id"
    _check_company_auto = True

    _cs_action_fields = frozenset(
        {
            "employee_id",
            "company_id",
            "department_id",
            "period_start",
            "period_end",
            "state",
        }
    )

    employee_id = fields.Many2one(
        comodel_name="hr.employee", required=True, index=True, readonly=True, check_company=True
    )
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, readonly=True
    )
    department_id = fields.Many2one(
        comodel_name="hr.department", string="Department", index=True, readonly=True
    )
    period_start = fields.Date(string="From", required=True, index=True, readonly=True)
    period_end = fields.Date(string="To", required=True, index=True, readonly=True)
    state = fields.Selection(
        selection=[
            ("draft", "To Confirm"),
            ("confirmed", "Confirmed by the Manager"),
            ("approved", "Approved and Locked"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )

    _employee_period_uniq = models.Constraint(
        "UNIQUE(employee_id, period_start)", "An employee has one settlement per period."
    )

    # The lock -------------------------------------------------------------------------

    @api.model
    def _cs_locked_periods(self, employees, first, last):
        """``{(employee id, period start)}`` approved (locked) between ``first`` and ``last``."""
        rows = self.sudo()._read_group(
            [
                ("employee_id", "in", employees.ids),
                ("state", "=", "approved"),
                ("period_start", "<=", last),
                ("period_end", ">=", first),
            ],
            ["employee_id", "period_start:day"],
        )
        return {(employee.id, start) for employee, start in rows}

    @api.model
    def _cs_check_unlocked(self, pairs):
        """Refuse a change to the attendance of ``pairs`` ``[(employee, date)]``
        that falls in an approved (locked) settlement."""
        pairs = [(employee, day) for employee, day in pairs if employee and day]
        if not pairs:
            return
        employees = self.env["hr.employee"].union(*(employee for employee, _day in pairs))
        days = [day for _employee, day in pairs]
        locked = self.sudo().search(
            [
                ("employee_id", "in", employees.ids),
                ("state", "=", "approved"),
                ("period_start", "<=", max(days)),
                ("period_end", ">=", min(days)),
            ]
        )
        for employee, day in pairs:
            for settlement in locked:
                if (
                    settlement.employee_id == employee
                    and settlement.period_start <= day <= settlement.period_end
                ):
                    raise UserError(
                        self.env._(
                            "The attendance of %(employee)s from %(start)s to %(end)s is "
                            "settled and locked for payroll: HR reopens the settlement, with "
                            "a reason, before anything of it changes.",
                            employee=employee.sudo().name,
                            start=settlement.period_start,
                            end=settlement.period_end,
                        )
                    )

    @api.model
    def _cs_period_of(self, company, day):
        return att_rules.period_bounds(day, company.cs_att_period_start_day)
