from odoo import api, models

# What a settlement reads of a leave: changing one of them changes the settled pay.
SETTLED_FIELDS = frozenset(
    {
        "employee_id",
        "holiday_status_id",
        "state",
        "date_from",
        "date_to",
        "request_date_from",
        "request_date_to",
        "request_hour_from",
        "request_hour_to",
        "request_unit_half",
        "request_unit_hours",
        "number_of_days",
        "number_of_hours",
    }
)


class HrLeave(models.Model):
    """Leave in a settled period (考勤月報 approved for payroll) is neither
    requested, approved, refused, moved nor deleted until HR reopens the
    settlement."""

    _inherit = "hr.leave"

    def _cs_check_unlocked(self):
        pairs = []
        for leave in self:
            first, last = leave.request_date_from, leave.request_date_to
            if not (leave.employee_id and first and last):
                continue
            pairs.append((leave.employee_id, first))
            if last != first:
                pairs.append((leave.employee_id, last))
                # A leave enclosing a whole period touches it without starting in it.
                pairs.extend(
                    (leave.employee_id, settlement.period_start)
                    for settlement in self.env["cs.attendance.settlement"]
                    .sudo()
                    .search(
                        [
                            ("employee_id", "=", leave.employee_id.id),
                            ("state", "=", "approved"),
                            ("period_start", ">", first),
                            ("period_start", "<", last),
                        ]
                    )
                )
        self.env["cs.attendance.settlement"]._cs_check_unlocked(pairs)

    @api.model_create_multi
    def create(self, vals_list):
        leaves = super().create(vals_list)
        leaves._cs_check_unlocked()
        return leaves

    def write(self, vals):
        if SETTLED_FIELDS & set(vals):
            self._cs_check_unlocked()
            result = super().write(vals)
            self._cs_check_unlocked()
            return result
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_settled(self):
        self._cs_check_unlocked()
