from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.cs_attendance.rules import attendance as att_rules

HR_GROUP = "hr_attendance.group_hr_attendance_officer"


class CsSettlementOpen(models.TransientModel):
    """Open the month (考勤月報): the settlements of a period for the employees one
    settles (HR: the company's or a department's; a manager: their team's),
    evaluated and computed anew where still to confirm."""

    _name = "cs.settlement.open"
    _description = "Open the Attendance Month"

    company_id = fields.Many2one(
        comodel_name="res.company", required=True, default=lambda self: self.env.company
    )
    date = fields.Date(
        string="A Day of the Period",
        required=True,
        default=lambda self: self._default_date(),
        help="Any day of the attendance period; by default the last one that has ended.",
    )
    department_id = fields.Many2one(
        comodel_name="hr.department", string="Department", check_company=True
    )
    period_start = fields.Date(compute="_compute_period", string="From")
    period_end = fields.Date(compute="_compute_period", string="To")

    @api.model
    def _default_date(self):
        company = self.env.company
        today = fields.Date.context_today(self)
        first, _last = att_rules.period_bounds(today, company.cs_att_period_start_day)
        return first - timedelta(days=1)

    @api.depends("date", "company_id")
    def _compute_period(self):
        for wizard in self:
            if wizard.date and wizard.company_id:
                wizard.period_start, wizard.period_end = att_rules.period_bounds(
                    wizard.date, wizard.company_id.cs_att_period_start_day
                )
            else:
                wizard.period_start = wizard.period_end = False

    def _employees(self):
        """Whom the user settles: HR everyone of the company (or the department);
        a manager the employees they manage, never themselves."""
        Employee = self.env["hr.employee"].sudo()
        domain = [("company_id", "=", self.company_id.id)]
        if self.department_id:
            domain.append(("department_id", "child_of", self.department_id.id))
        if not self.env.user.has_group(HR_GROUP):
            uid = self.env.uid
            domain += [
                ("user_id", "!=", uid),
                "|",
                ("parent_id.user_id", "=", uid),
                ("department_id.manager_id.user_id", "=", uid),
            ]
        return Employee.search(domain)

    def action_open(self):
        self.ensure_one()
        if self.company_id not in self.env.user.company_ids:
            raise UserError(self.env._("Settle the attendance of one of your companies."))
        employees = self._employees()
        if not employees:
            raise UserError(self.env._("You settle nobody's attendance in this company."))
        Settlement = self.env["cs.attendance.settlement"]
        start, end = self.period_start, self.period_end
        # Approved (locked) days are left as they are; confirmed figures too.
        self.env["cs.attendance.day"]._cs_evaluate(employees, start, end)
        Settlement._cs_compute_period(employees, start)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_attendance.action_cs_attendance_settlement"
        )
        action["domain"] = [("employee_id", "in", employees.ids), ("period_start", "=", start)]
        action["context"] = {}
        action["name"] = self.env._("Attendance %(start)s – %(end)s", start=start, end=end)
        return action
