from datetime import datetime, timedelta

from pytz import timezone

from odoo import fields, models
from odoo.tools.date_utils import float_to_time
from odoo.tools.intervals import Intervals

HOLIDAY_KINDS = [
    ("statutory", "Statutory Holiday (法定节假日)"),
    ("swapped", "Rest Day Moved (调休/补休)"),
    ("rest", "Weekend in the Holiday Period"),
]


class ResourceCalendarLeaves(models.Model):
    _inherit = "resource.calendar.leaves"

    # 遇法定节假日顺延 and the 300 % pay of 劳动法 art.44 concern statutory holidays only,
    # not the rest days the State Council's notice moves around them.
    cs_holiday_kind = fields.Selection(
        selection=HOLIDAY_KINDS,
        string="Holiday Kind",
        index=True,
        help="Statutory holidays (全国年节及纪念日放假办法 art.2) extend leave that runs longer "
        "over them and are paid 300 % when worked; rest days moved by the State Council's "
        "notice (调休, 补休) and weekends of the holiday period are days off like any other.",
    )


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    def _attendance_intervals_batch(
        self, start_dt, end_dt, resources=None, domain=None, tz=None, lunch=False
    ):
        """Make-up working days (调休) add the schedule's Monday hours on that date."""
        res = super()._attendance_intervals_batch(start_dt, end_dt, resources, domain, tz, lunch)
        if lunch or self.flexible_hours or not self:
            return res
        extras = (
            self.env["cs.workday.extra"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id or self.env.company.id),
                    "|",
                    ("calendar_id", "=", False),
                    ("calendar_id", "=", self.id),
                    ("date", ">=", (start_dt - timedelta(days=1)).date()),
                    ("date", "<=", (end_dt + timedelta(days=1)).date()),
                ]
            )
        )
        if not extras:
            return res
        model_day = self.attendance_ids.filtered(
            lambda a: a.dayofweek == "0" and not a.week_type and a.day_period != "lunch"
        )
        for resource_id, intervals in res.items():
            resource = self.env["resource.resource"].browse(resource_id)
            zone = tz or timezone((resource or self).tz or "UTC")
            items = []
            for extra in extras:
                for attendance in model_day:
                    start = max(
                        zone.localize(
                            datetime.combine(extra.date, float_to_time(attendance.hour_from))
                        ),
                        start_dt.astimezone(zone),
                    )
                    stop = min(
                        zone.localize(
                            datetime.combine(extra.date, float_to_time(attendance.hour_to))
                        ),
                        end_dt.astimezone(zone),
                    )
                    if start < stop:
                        items.append((start, stop, attendance))
            if items:
                res[resource_id] = intervals | Intervals(items, keep_distinct=True)
        return res
