import base64
import binascii
import csv
import io
from datetime import date, datetime, time, timedelta

from pytz import timezone, utc

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.cs_attendance.rules import entitlement, limits

# The time zone of the holidays when the company has none: they are China's.
DEFAULT_TZ = "Asia/Shanghai"
# A schedule file is a year's notice: a few dozen lines.
MAX_CSV_BYTES = 100_000
# What a CSV file may write in its kind column.
KIND_WORDS = {
    "statutory": "statutory",
    "法定": "statutory",
    "法定节假日": "statutory",
    "swapped": "swapped",
    "调休": "swapped",
    "补休": "swapped",
    "workday": "workday",
    "上班": "workday",
    "调休上班": "workday",
}


def _chinese_calendar():
    try:
        import chinese_calendar  # noqa: PLC0415 - optional until holidays are loaded
    except ImportError:
        return None
    return chinese_calendar


class CsHolidayLoad(models.TransientModel):
    """Load a year's statutory holidays and make-up working days (调休) from the
    State Council's notice: as kept by the ``chinese_calendar`` package for the years
    it knows, else as HR enters it (or imports it from a small CSV file)."""

    _name = "cs.holiday.load"
    _description = "Load Chinese Holidays"

    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    company_id = fields.Many2one(comodel_name="res.company", default=lambda self: self.env.company)
    package_knows_year = fields.Boolean(compute="_compute_package", string="Known to the Package")
    package_note = fields.Char(compute="_compute_package")
    line_ids = fields.One2many(
        comodel_name="cs.holiday.load.line",
        inverse_name="wizard_id",
        string="Schedule",
        help="The State Council's notice for the year: each statutory holiday, each rest "
        "day moved around it and each make-up working day. Filled: loaded instead of the "
        "package's days.",
    )
    csv_file = fields.Binary(
        string="CSV File", help='Lines "date,kind,name": kind is statutory, swapped or workday.'
    )
    csv_filename = fields.Char()

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

    @api.model
    def _package_years(self):
        """``(first, last)`` years the package knows, or None without the package."""
        package = _chinese_calendar()
        if not package:
            return None
        known = package.constants.holidays
        return min(known).year, max(known).year

    @api.depends("year")
    def _compute_package(self):
        years = self._package_years()
        for wizard in self:
            wizard.package_knows_year = bool(years and years[0] <= wizard.year <= years[1])
            if wizard.package_knows_year:
                wizard.package_note = False
            elif years:
                wizard.package_note = self.env._(
                    "chinese-calendar knows the holidays of %(first)s to %(last)s, not of "
                    "%(year)s: enter the State Council's schedule below or import it from a "
                    "CSV file.",
                    first=years[0],
                    last=years[1],
                    year=wizard.year,
                )
            else:
                wizard.package_note = self.env._(
                    "The Python package chinese-calendar is not installed: enter the State "
                    "Council's schedule below or import it from a CSV file."
                )

    def _package_days(self):
        """``[(day, kind, name)]`` of the year from the package."""
        package = _chinese_calendar()
        first = date(self.year, 1, 1)
        qingming = next(
            day
            for day, term in package.get_solar_terms(date(self.year, 4, 1), date(self.year, 4, 30))
            if term == "清明"
        )
        fixed = entitlement.fixed_holiday_dates(self.year, qingming)
        days = []
        for offset in range((date(self.year, 12, 31) - first).days + 1):
            day = first + timedelta(days=offset)
            is_holiday, name = package.get_holiday_detail(day)
            if is_holiday and name:
                kind = entitlement.holiday_kind(day, name, package.is_in_lieu(day), fixed)
                days.append((day, kind, name))
            elif not is_holiday and day.weekday() >= 5:
                days.append((day, "workday", name or self.env._("Make-up working day")))
        return days

    def _entered_days(self):
        """``[(day, kind, name)]`` HR entered, checked against the year and the law."""
        days = [(line.date, line.kind, line.name) for line in self.line_ids]
        outside = [day for day, _kind, _name in days if day.year != self.year]
        if outside:
            raise ValidationError(
                self.env._(
                    "%(day)s is not in %(year)s: the schedule holds the days of one year.",
                    day=outside[0],
                    year=self.year,
                )
            )
        if len({day for day, _kind, _name in days}) != len(days):
            raise ValidationError(self.env._("Each day of the schedule is entered once."))
        jurisdiction = (
            self.company_id.cs_jurisdiction_id
            or self.env.ref("cs_attendance.jurisdiction_national")
        ).sudo()
        statutory = sum(1 for _day, kind, _name in days if kind == "statutory")
        if statutory != jurisdiction.public_holiday_days:
            raise ValidationError(
                self.env._(
                    "The schedule holds %(count)s statutory holiday days; the law has "
                    "%(law)s a year (%(cited)s). Check the State Council's notice: rest "
                    "days moved around the holidays are entered as such, not as statutory.",
                    count=statutory,
                    law=jurisdiction.public_holiday_days,
                    cited=jurisdiction.holiday_source or jurisdiction.name,
                )
            )
        return days

    def _days(self):
        if self.line_ids:
            return self._entered_days()
        if self.package_knows_year:
            return self._package_days()
        raise UserError(self.package_note)

    def action_read_csv(self):
        """Fill the schedule from the CSV file: ``date,kind,name`` per line."""
        self.ensure_one()
        if not self.csv_file:
            raise UserError(self.env._("Choose the CSV file of the schedule first."))
        try:
            content = base64.b64decode(self.csv_file, validate=True)
        except (binascii.Error, ValueError) as error:
            raise UserError(self.env._("The file could not be read.")) from error
        if len(content) > MAX_CSV_BYTES:
            raise UserError(self.env._("A schedule file holds a year's notice: at most 100 KB."))
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise UserError(self.env._("Save the CSV file in UTF-8.")) from error
        lines = []
        for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
            if not row or not any(cell.strip() for cell in row):
                continue
            if number == 1 and row[0].strip().lower() == "date":
                continue
            try:
                day = date.fromisoformat(row[0].strip())
                kind = KIND_WORDS[row[1].strip().lower()]
                name = row[2].strip() if len(row) > 2 else ""
            except (IndexError, KeyError, ValueError) as error:
                raise UserError(
                    self.env._(
                        'Line %(number)s should read "date,kind,name", such as '
                        '"2027-10-01,statutory,国庆节" (kind: statutory, swapped or workday).',
                        number=number,
                    )
                ) from error
            lines.append({"date": day, "kind": kind, "name": name[:100] or row[1].strip()})
        self.line_ids = [Command.clear()] + [Command.create(vals) for vals in lines]
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def _utc_span(self, day, zone):
        """The local calendar day ``day`` in ``zone``, as naive UTC datetimes."""
        start = zone.localize(datetime.combine(day, time.min)).astimezone(utc)
        stop = zone.localize(datetime.combine(day, time(23, 59, 59))).astimezone(utc)
        return start.replace(tzinfo=None), stop.replace(tzinfo=None)

    def action_load(self):
        self.ensure_one()
        days = self._days()
        company = self.company_id
        zone = timezone(company.resource_calendar_id.tz or company.partner_id.tz or DEFAULT_TZ)
        Leave = self.env["resource.calendar.leaves"]
        first = self._utc_span(date(self.year, 1, 1), zone)[0]
        last = self._utc_span(date(self.year, 12, 31), zone)[1]
        existing = {
            utc.localize(leave.date_from).astimezone(zone).date()
            for leave in Leave.search(
                [
                    ("resource_id", "=", False),
                    ("company_id", "=", company.id),
                    ("date_from", ">=", first),
                    ("date_from", "<=", last),
                ]
            )
        }
        Leave.create(
            [
                {
                    "name": name,
                    "company_id": company.id,
                    "date_from": self._utc_span(day, zone)[0],
                    "date_to": self._utc_span(day, zone)[1],
                    "time_type": "leave",
                    "cs_holiday_kind": kind,
                }
                for day, kind, name in days
                if kind != "workday" and day not in existing
            ]
        )
        Extra = self.env["cs.workday.extra"]
        known = set(Extra.search([("company_id", "=", company.id)]).mapped("date"))
        Extra.create(
            [
                {"date": day, "name": name, "company_id": company.id}
                for day, kind, name in days
                if kind == "workday" and day not in known
            ]
        )
        return {"type": "ir.actions.act_window_close"}
