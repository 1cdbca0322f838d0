from odoo import api, fields, models

from odoo.addons.cs_attendance.rules import overtime as rules


class HrEmployee(models.Model):
    """What the working day needs of an employee beyond the leave rules: the
    expected birth of a pregnancy (女职工劳动保护特别规定 art.6, HR only) and the
    balance of time off in lieu (调休)."""

    _inherit = "hr.employee"

    cs_pregnancy_due_date = fields.Date(
        string="Expected Birth (pregnancy)",
        groups="hr.group_hr_user",
        tracking=True,
        help="女职工劳动保护特别规定 art.6: from the 7th month of pregnancy (12 weeks before "
        "this date) no overtime and no night shift. Entered by HR; cleared after the birth, "
        "which the birth's life event records.",
    )
    cs_lieu_balance_hours = fields.Float(
        string="Time Off in Lieu Left (hours)",
        compute="_compute_cs_lieu_balance_hours",
        help="调休: hours of time off in lieu earned by rest-day overtime, still valid and "
        "not yet taken.",
    )

    @api.depends_context("uid")
    def _compute_cs_lieu_balance_hours(self):
        today = fields.Date.context_today(self)
        balances = self._cs_lieu_balances(today)
        for employee in self:
            employee.cs_lieu_balance_hours = balances.get(employee.id, 0.0)

    def _cs_lieu_balances(self, day):
        """``{employee id: hours}`` of time off in lieu valid on ``day`` and not taken
        or requested (Odoo's own count, allocation by allocation)."""
        employees = self.sudo()
        types = employees.company_id.cs_ot_lieu_leave_type_id | (
            self.env.ref("cs_attendance.leave_type_lieu", raise_if_not_found=False)
            or self.env["hr.leave.type"]
        )
        if not types or not employees:
            return {}
        allocations = (
            self.env["hr.leave.allocation"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", employees.ids),
                    ("holiday_status_id", "in", types.ids),
                    ("state", "=", "validate"),
                    ("date_from", "<=", day),
                    "|",
                    ("date_to", "=", False),
                    ("date_to", ">=", day),
                ]
            )
        )
        if not allocations:
            return {}
        consumed = allocations.employee_id._get_consumed_leaves(types, target_date=day)[0]
        balances = {}
        for allocation in allocations:
            employee = allocation.employee_id
            left = consumed[employee][allocation.holiday_status_id][allocation]
            balances[employee.id] = balances.get(employee.id, 0.0) + max(
                left["virtual_remaining_leaves"], 0.0
            )
        return balances

    def _cs_protection(self, day):
        """Why ``day`` may not be given overtime or a night shift (arts. 6 and 9),
        or None. Read as the system: a manager planning may not read the dates."""
        self.ensure_one()
        employee = self.sudo()
        births = (
            self.env["cs.life.event"]
            .sudo()
            .search(
                [
                    ("employee_id", "=", employee.id),
                    ("event_type", "=", "birth"),
                    ("parent_role", "=", "mother"),
                    ("event_date", "<=", day),
                ]
            )
            .mapped("event_date")
        )
        return rules.protection(day, employee.cs_pregnancy_due_date, births)

    def _cs_protection_message(self, reason, day):
        if reason == rules.PROTECTED_PREGNANCY:
            return self.env._(
                "%(employee)s is pregnant from the 7th month on %(day)s: no overtime and no "
                "night shift (女职工劳动保护特别规定 art.6).",
                employee=self.sudo().name,
                day=day,
            )
        return self.env._(
            "%(employee)s is nursing a child under one on %(day)s: no overtime and no night "
            "shift (女职工劳动保护特别规定 art.9).",
            employee=self.sudo().name,
            day=day,
        )
