from datetime import date, datetime, time, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.cs_attendance.rules import limits


class CsHolidayLoad(models.TransientModel):
    """Load a year's statutory holidays and make-up working days (调休) from the
    State Council's notice, as kept by the ``chinese_calendar`` package."""

    _name = "cs.holiday.load"
    _description = "Load Chinese Holidays"

    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    company_id = fields.Many2one(comodel_name="res.company", default=lambda self: self.env.company)

    @api.constrains("year")
    def _check_year(self):
        for wizard in self:
            if not limits.FIRST_YEAR <= wizard.year <= limits.LAST_YEAR:
                raise ValidationError(
                    self.env._(
                        "Holidays are loaded for a year from %(first)s to %(last)s.",
                        first=limits.FIRST_YEAR,
                        last=limits.LAST_YEAR,
                    )
                )

    def _days(self):
        try:
            import chinese_calendar
        except ImportError as error:
            raise UserError(
                self.env._("Install the Python package chinese-calendar to load the holidays.")
            ) from error
        holidays, workdays = [], []
        day = date(self.year, 1, 1)
        try:
            while day.year == self.year:
                is_holiday, name = chinese_calendar.get_holiday_detail(day)
                if is_holiday and name:
                    holidays.append((day, name))
                elif not is_holiday and day.weekday() >= 5:
                    workdays.append((day, name or "Make-up working day"))
                day += timedelta(days=1)
        except NotImplementedError as error:
            raise UserError(
                self.env._(
                    "The holidays of %s are not published in chinese-calendar yet.", self.year
                )
            ) from error
        return holidays, workdays

    def action_load(self):
        holidays, workdays = self._days()
        Leave = self.env["resource.calendar.leaves"]
        existing = {
            leave.date_from.date()
            for leave in Leave.search(
                [
                    ("resource_id", "=", False),
                    ("company_id", "=", self.company_id.id),
                    ("date_from", ">=", datetime(self.year, 1, 1)),
                    ("date_from", "<", datetime(self.year + 1, 1, 1)),
                ]
            )
        }
        Leave.create(
            [
                {
                    "name": name,
                    "company_id": self.company_id.id,
                    "date_from": datetime.combine(day, time.min),
                    "date_to": datetime.combine(day, time(23, 59, 59)),
                    "time_type": "leave",
                }
                for day, name in holidays
                if day not in existing
            ]
        )
        Extra = self.env["cs.workday.extra"]
        known = set(Extra.search([("company_id", "=", self.company_id.id)]).mapped("date"))
        Extra.create(
            [
                {"date": day, "name": name, "company_id": self.company_id.id}
                for day, name in workdays
                if day not in known
            ]
        )
        return {"type": "ir.actions.act_window_close"}
