from odoo import api, models


class HrLeave(models.Model):
    """A sick leave shows the medical treatment period (医疗期) it draws on, counted
    to its last day, this leave included: to its employee and to HR."""

    _name = "hr.leave"
    _inherit = ["hr.leave", "cs.medical.period.mixin"]

    @api.depends(
        "holiday_status_id", "employee_id", "request_date_from", "request_date_to", "state"
    )
    @api.depends_context("uid")
    def _compute_cs_medical(self):
        hr = self.env.su or self.env.user.has_group("hr.group_hr_user")
        for leave in self:
            employee = leave.employee_id.sudo()
            if not (
                leave.holiday_status_id.cs_kind == "sick"
                and employee
                and leave.request_date_from
                and leave.request_date_to
                # The period follows from the employee's career: HR data.
                and (hr or employee.user_id == self.env.user)
            ):
                leave.update(leave._cs_medical_blank())
                continue
            this = (
                []
                if leave.state in ("refuse", "cancel")
                else [(leave.request_date_from, leave.request_date_to)]
            )
            period = employee._cs_medical_period(leave.request_date_to, this)
            leave.update(leave._cs_medical_values(period))
