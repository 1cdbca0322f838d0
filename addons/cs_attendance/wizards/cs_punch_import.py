import base64
import binascii
import csv
import io
from collections import defaultdict
from datetime import timedelta

import openpyxl
import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.cs_attendance.rules import attendance as rules
from odoo.addons.cs_base.models.cs_guarded_mixin import YEAR_MAX, YEAR_MIN

# A punch clock's monthly export for a large store is some ten thousand rows; a
# file far beyond is not an export (and would hold the server for minutes).
MAX_ROWS = 200_000
MAX_FILE_BYTES = 20 * 1024 * 1024
# A badge or staff number is short; a longer "badge" is not one.
MAX_BADGE_LENGTH = 64
# Bad rows named in one message; the count says how many more there are.
MAX_ERRORS_SHOWN = 200


class CsPunchImport(models.TransientModel):
    """考勤機導出: import a punch clock's export (CSV or xlsx, one row per punch:
    badge or staff number, timestamp in the company's time zone) into Odoo's
    attendances, one per shift. Any bad row: nothing is imported, every bad row
    is named. Importing the same file again adds nothing."""

    _name = "cs.punch.import"
    _description = "Import Punch-Clock Records"

    data_file = fields.Binary(string="File", required=True)
    filename = fields.Char()
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, default=lambda self: self.env.company
    )
    result = fields.Text(readonly=True)

    # Reading the file --------------------------------------------------------------

    def _rows(self):
        """``[(line number, badge, timestamp value)]`` without the header row."""
        try:
            raw = base64.b64decode(self.data_file or b"")
        except (binascii.Error, ValueError) as error:
            raise UserError(self.env._("The file could not be read.")) from error
        if len(raw) > MAX_FILE_BYTES:
            raise UserError(
                self.env._(
                    "The file is larger than %(size)s MB: split it by month.",
                    size=MAX_FILE_BYTES // (1024 * 1024),
                )
            )
        if raw[:2] == b"PK" or (self.filename or "").lower().endswith(".xlsx"):
            rows = self._xlsx_rows(raw)
        else:
            rows = self._csv_rows(raw)
        if rows and self._is_header(rows[0]):
            rows = rows[1:]
        if len(rows) > MAX_ROWS:
            raise UserError(
                self.env._("The file has more than %(rows)s rows: split it.", rows=MAX_ROWS)
            )
        if not rows:
            raise UserError(self.env._("The file holds no punch."))
        return rows

    def _csv_rows(self, raw):
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise UserError(self.env._("The file is neither UTF-8 nor GB18030 text."))
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        rows = []
        try:
            for number, row in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
                if number > MAX_ROWS + 2:
                    break
                if any(cell.strip() for cell in row):
                    rows.append((number, *self._cells(row)))
        except csv.Error as error:
            raise UserError(
                self.env._("The file is not a readable CSV file (%(error)s).", error=error)
            ) from error
        return rows

    def _xlsx_rows(self, raw):
        try:
            book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds on a damaged file
            raise UserError(
                self.env._("The file is not a readable xlsx workbook (%(error)s).", error=error)
            ) from error
        rows = []
        try:
            sheet = book.worksheets[0]
            for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                if number > MAX_ROWS + 2:
                    break
                if any(cell not in (None, "") for cell in row):
                    rows.append((number, *self._cells(row)))
        except Exception as error:  # a damaged sheet fails while it is read
            raise UserError(
                self.env._("The file is not a readable xlsx workbook (%(error)s).", error=error)
            ) from error
        finally:
            book.close()
        return rows

    @staticmethod
    def _cells(row):
        cells = list(row) + [None, None]
        return cells[0], cells[1]

    @staticmethod
    def _is_header(row):
        """A first row whose time column holds no digit is the column titles
        (工号, 打卡时间...): every timestamp has digits."""
        _number, _badge, stamp = row
        return isinstance(stamp, str) and not any(char.isdigit() for char in stamp)

    # Checking and pairing ----------------------------------------------------------

    def _error_text(self, code, value):
        messages = {
            rules.ERROR_BADGE_MISSING: self.env._("no badge or staff number"),
            rules.ERROR_BADGE_TOO_LONG: self.env._(
                "the badge is longer than %(max)s characters", max=MAX_BADGE_LENGTH
            ),
            rules.ERROR_TIMESTAMP: self.env._(
                "%(value)s is not a date and time such as 2026-03-05 08:25", value=value
            ),
            rules.ERROR_YEAR: self.env._(
                "%(value)s is outside the years %(first)s to %(last)s",
                value=value,
                first=YEAR_MIN,
                last=YEAR_MAX,
            ),
            "unknown": self.env._(
                "no employee of %(company)s has the badge or staff number %(badge)s",
                company=self.company_id.name,
                badge=value,
            ),
            "future": self.env._("%(value)s is in the future", value=value),
        }
        return messages[code]

    def _employees_by_badge(self, badges):
        Employee = self.env["hr.employee"].sudo().with_context(active_test=False)
        domain = [("company_id", "=", self.company_id.id)]
        found = {}
        for field in ("identification_id", "barcode"):
            for employee in Employee.search(domain + [(field, "in", list(badges))]):
                found.setdefault(employee[field], employee)
        return found

    def _existing(self, employees, first, last):
        """``{employee id: [(check in, check out)]}`` of the attendances already there."""
        attendances = (
            self.env["hr.attendance"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", employees.ids),
                    ("check_in", "<=", last + timedelta(days=2)),
                    ("check_in", ">=", first - timedelta(days=2)),
                ]
            )
        )
        result = defaultdict(list)
        for attendance in attendances:
            result[attendance.employee_id.id].append(
                (attendance.check_in, attendance.check_out or attendance.check_in)
            )
        return result

    def action_import(self):
        self.ensure_one()
        zone = self.company_id._cs_att_tz()
        punches, errors = rules.read_punch_rows(
            self._rows(), YEAR_MIN, YEAR_MAX, badge_max=MAX_BADGE_LENGTH
        )
        errors = [(line, self._error_text(code, value)) for line, code, value in errors]
        employees = self._employees_by_badge({punch.badge for punch in punches})
        now = fields.Datetime.now()
        by_employee = defaultdict(list)
        for punch in punches:
            employee = employees.get(punch.badge)
            utc = zone.localize(punch.stamp).astimezone(pytz.utc).replace(tzinfo=None)
            if not employee:
                errors.append((punch.line, self._error_text("unknown", punch.badge)))
            elif utc > now:
                errors.append((punch.line, self._error_text("future", punch.stamp)))
            else:
                by_employee[employee].append((punch, utc))
        attendances, overlaps = self._pair(by_employee)
        errors += overlaps
        if errors:
            raise ValidationError(self._errors_message(errors))
        created = self.env["hr.attendance"].create(attendances) if attendances else []
        skipped = sum(len(items) for items in by_employee.values())
        self.result = self.env._(
            "%(created)s attendances created from %(punches)s punches; the others were "
            "already recorded.",
            created=len(created),
            punches=skipped,
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def _errors_message(self, errors):
        errors = sorted(errors)
        lines = [
            self.env._("Line %(line)s: %(problem)s", line=line, problem=problem)
            for line, problem in errors[:MAX_ERRORS_SHOWN]
        ]
        if len(errors) > MAX_ERRORS_SHOWN:
            lines.append(
                self.env._("... and %(count)s more bad rows.", count=len(errors) - MAX_ERRORS_SHOWN)
            )
        title = self.env._(
            "Nothing was imported: %(count)s rows must be corrected first.", count=len(errors)
        )
        return "\n".join([title, *lines])

    def _pair(self, by_employee):
        """Attendance values to create, one per shift, and the errors: a shift's
        punches overlapping an attendance recorded otherwise."""
        if not by_employee:
            return [], []
        Day = self.env["cs.attendance.day"].sudo()
        staff = self.env["hr.employee"].sudo().browse([e.id for e in by_employee])
        stamps = [utc for items in by_employee.values() for _punch, utc in items]
        first, last = min(stamps), max(stamps)
        zones = {employee.id: pytz.timezone(employee._get_tz()) for employee in staff}
        schedules = Day._cs_schedules(
            staff, first.date() - timedelta(days=1), last.date() + timedelta(days=1), zones
        )
        margin = self.company_id.cs_att_punch_margin_hours
        existing = self._existing(staff, first, last)
        values, errors = [], []
        for employee, items in by_employee.items():
            zone = zones[employee.id]
            local = {}
            for punch, utc in items:
                stamp = pytz.utc.localize(utc).astimezone(zone).replace(tzinfo=None)
                local.setdefault(stamp, (punch, utc))
            windows = [
                (day, min(s for s, _e in item["intervals"]), max(e for _s, e in item["intervals"]))
                for day, item in schedules[employee.id].items()
            ]
            assigned, unassigned = rules.assign_punches(list(local), windows, margin)
            groups = list(assigned.values())
            by_date = defaultdict(list)
            for stamp in unassigned:
                by_date[stamp.date()].append(stamp)
            groups += list(by_date.values())
            for group in groups:
                pairs = [local[stamp] for stamp in sorted(group)]
                check_in, check_out = pairs[0][1], pairs[-1][1]
                clash = self._clash(existing[employee.id], check_in, check_out)
                if clash is True:
                    continue
                if clash:
                    errors += [
                        (
                            punch.line,
                            self.env._(
                                "the punch at %(stamp)s of %(employee)s overlaps the "
                                "attendance %(start)s - %(end)s already recorded",
                                stamp=punch.stamp,
                                employee=employee.name,
                                start=pytz.utc.localize(clash[0])
                                .astimezone(zone)
                                .replace(tzinfo=None),
                                end=pytz.utc.localize(clash[1])
                                .astimezone(zone)
                                .replace(tzinfo=None),
                            ),
                        )
                        for punch, _utc in pairs
                    ]
                    continue
                values.append(
                    {
                        "employee_id": employee.id,
                        "check_in": check_in,
                        "check_out": check_out,
                        "in_mode": "manual",
                        "out_mode": "manual",
                    }
                )
        return values, errors

    @api.model
    def _clash(self, existing, check_in, check_out):
        """True when an attendance already holds these punches (imported before),
        the overlapping attendance when one conflicts, else None."""
        for start, end in existing:
            if start <= check_in and check_out <= end:
                return True
            if check_in <= end and start <= check_out:
                return (start, end)
        return None
