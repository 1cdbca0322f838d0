"""Punch-clock import (issue #10): seed 003 第二篇 4(2) 考勤機導出考勤表."""

import base64
import io
from datetime import date, datetime

import openpyxl

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .workday_common import WorkdayCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-09 04:00:00")
class TestWorkdayPunchImport(WorkdayCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee.barcode = "1001"
        cls.mate.identification_id = "110101199001011234"

    def run_import(self, text, user=None, filename="punches.csv"):
        data = text.encode() if isinstance(text, str) else text
        wizard = (
            self.env["cs.punch.import"]
            .with_user(user or self.hr_user)
            .create({"data_file": base64.b64encode(data), "filename": filename})
        )
        wizard.action_import()
        return wizard

    def attendances(self):
        return self.env["hr.attendance"].search(
            [("employee_id", "in", (self.employee | self.mate).ids)], order="check_in"
        )

    GOOD = (
        "工号,打卡时间\n"
        "1001,2026-03-02 07:55:10\n"
        "1001,2026-03-02 17:03:00\n"
        "110101199001011234,2026-03-02 08:01\n"
        "110101199001011234,2026-03-02 17:00\n"
    )

    def test_one_bad_row_imports_nothing_and_names_it(self):
        """Seed 第二篇 4(2): a file whose 4th line has an unknown badge and whose 5th
        has no time imports nothing; the message names both lines."""
        text = self.GOOD.replace("110101199001011234,2026-03-02 08:01", "9999,2026-03-02 08:01")
        text += "1001,明天\n"
        with self.assertRaises(ValidationError) as caught:
            self.run_import(text)
        message = str(caught.exception)
        self.assertIn("Line 4:", message)
        self.assertIn("9999", message)
        self.assertIn("Line 6:", message)
        self.assertNotIn("Line 2:", message)
        self.assertFalse(self.attendances())

    def test_same_file_twice_creates_each_attendance_once(self):
        """Seed 第二篇 4(2). Edge: importing the same export again adds nothing."""
        self.run_import(self.GOOD)
        first = self.attendances()
        self.assertEqual(len(first), 2)
        self.assertEqual(first[0].check_in, self.utc("2026-03-02 07:55:10"))
        self.assertEqual(first[0].check_out, self.utc("2026-03-02 17:03:00"))
        wizard = self.run_import(self.GOOD)
        self.assertEqual(self.attendances(), first)
        self.assertIn("0 attendances created", wizard.result)

    def test_night_shift_punches_pair_across_midnight(self):
        """Seed 第二篇 3(2): the night shift's 16:41 and next morning's 08:20 make one
        attendance of Thursday; evaluated 11 late, 10 early."""
        self.roster(
            [(self.employee, date(2026, 3, 5), self.night_shift)],
            date(2026, 3, 2),
            date(2026, 3, 8),
        )
        self.run_import("1001,2026-03-05 16:41\n1001,2026-03-06 08:20\n")
        attendance = self.attendances()
        self.assertEqual(len(attendance), 1)
        self.assertEqual(attendance.check_out, self.utc("2026-03-06 08:20"))
        self.Day._cs_evaluate(self.employee, date(2026, 3, 5), date(2026, 3, 5))
        day = self.day(self.employee, date(2026, 3, 5))
        self.assertEqual((day.late_minutes, day.early_minutes), (11, 10))

    def test_xlsx_export_imports(self):
        """Seed 第二篇 4(2): the same punches from an xlsx export with real datetimes."""
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["工号", "打卡时间"])
        sheet.append([1001, datetime(2026, 3, 3, 8, 2)])
        sheet.append([1001, datetime(2026, 3, 3, 17, 1)])
        buffer = io.BytesIO()
        book.save(buffer)
        self.run_import(buffer.getvalue(), filename="punches.xlsx")
        attendance = self.attendances()
        self.assertEqual(attendance.check_in, self.utc("2026-03-03 08:02"))

    def test_future_punch_and_overlap_are_bad_rows(self):
        """Hostile input: a punch after now, and punches overlapping an attendance
        recorded at the kiosk, are named; nothing is imported."""
        self.punch(self.employee, "2026-03-02 12:00", "2026-03-02 13:00")
        with self.assertRaises(ValidationError) as caught:
            self.run_import(self.GOOD + "1001,2026-03-20 08:00\n")
        self.assertIn("Line 6:", str(caught.exception))
        self.assertIn("Line 2:", str(caught.exception))
        self.assertEqual(len(self.attendances()), 1)

    def test_employee_cannot_import(self):
        """Access: importing punches is HR's job."""
        with self.assertRaises(AccessError):
            self.run_import(self.GOOD, user=self.employee.user_id)
        self.assertFalse(self.attendances())

    def test_unreadable_files_are_refused_clearly(self):
        """Hostile input: a CSV holding a NUL character, a damaged xlsx and an empty
        file are refused with a message, never a traceback; nothing is imported."""
        with self.assertRaises(UserError):
            self.run_import("1001,2026-03-02 08:00\n1001,\x00\n")
        with self.assertRaises(UserError):
            self.run_import(b"PK\x03\x04 not a workbook", filename="punches.xlsx")
        with self.assertRaises(UserError):
            self.run_import("工号,打卡时间\n")
        self.assertFalse(self.attendances())
