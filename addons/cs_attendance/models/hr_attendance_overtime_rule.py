from collections import defaultdict
from datetime import datetime, time

from odoo import fields, models
from odoo.tools.intervals import Intervals

from odoo.addons.cs_attendance.rules import overtime as rules

STATUTORY = "cs_statutory_holiday"


class HrAttendanceOvertimeRule(models.Model):
    """Odoo's overtime rules know working days, non-working days, leave and
    schedules; PRC pay also tells a statutory holiday (法定节假日, 300 %) from a
    rest day (200 %), swapped rest days of a holiday included (劳动法 art.44)."""

    _inherit = "hr.attendance.overtime.rule"

    timing_type = fields.Selection(
        selection_add=[(STATUTORY, "On a statutory holiday")],
        ondelete={STATUTORY: "set default"},
    )

    def _get_rules_intervals_by_timing_type(
        self, min_check_in, max_check_out, employees, schedules_intervals_by_employee
    ):
        result = super()._get_rules_intervals_by_timing_type(
            min_check_in, max_check_out, employees, schedules_intervals_by_employee
        )
        if STATUTORY not in set(self.mapped("timing_type")):
            return result
        # Whole local days, as Odoo's own working and non-working days are.
        days_by_employee = defaultdict(Intervals)
        first = min_check_in.date() if isinstance(min_check_in, datetime) else min_check_in
        last = max_check_out.date() if isinstance(max_check_out, datetime) else max_check_out
        holidays = self.env["cs.overtime.request"]._cs_statutory_holidays(employees, first, last)
        empty = self.env["resource.calendar"]
        for employee in employees:
            days_by_employee[employee] = Intervals(
                [
                    (datetime.combine(day, time.min), datetime.combine(day, time.max), empty)
                    for day in sorted(holidays.get(employee.id, ()))
                ],
                keep_distinct=True,
            )
        result[STATUTORY] = days_by_employee
        return result

    def _cs_rate(self, kind):
        """The pay multiplier these rules (one ruleset) give overtime on a day of
        ``kind``: the highest of the paid rules of that kind."""
        types = {
            rules.DAY_WORKING: lambda r: r.base_off == "quantity",
            rules.DAY_REST: lambda r: r.base_off == "timing" and r.timing_type == "non_work_days",
            rules.DAY_HOLIDAY: lambda r: r.base_off == "timing" and r.timing_type == STATUTORY,
        }
        matching = self.filtered(lambda r: r.paid and types[kind](r))
        return max(matching.mapped("amount_rate"), default=0.0)
