import pytz

from odoo import api, models


class HrAttendance(models.Model):
    """Punches in a settled period (考勤月報 approved for payroll) do not change
    until HR reopens the settlement: not by the kiosk, an import, a manager's
    correction nor a JSON-RPC call."""

    _inherit = "hr.attendance"

    def _cs_settled_days(self):
        """``[(employee, local date)]`` of each check-in and check-out."""
        pairs = []
        for attendance in self:
            employee = attendance.employee_id
            if not employee:
                continue
            zone = pytz.timezone(employee.sudo()._get_tz())
            for stamp in (attendance.check_in, attendance.check_out):
                if stamp:
                    pairs.append((employee, pytz.utc.localize(stamp).astimezone(zone).date()))
        return pairs

    def _cs_check_unlocked(self):
        self.env["cs.attendance.settlement"]._cs_check_unlocked(self._cs_settled_days())

    @api.model_create_multi
    def create(self, vals_list):
        attendances = super().create(vals_list)
        attendances._cs_check_unlocked()
        return attendances

    def write(self, vals):
        if {"employee_id", "check_in", "check_out"} & set(vals):
            self._cs_check_unlocked()
            result = super().write(vals)
            self._cs_check_unlocked()
            return result
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_settled(self):
        self._cs_check_unlocked()
