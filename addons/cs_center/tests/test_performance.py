from datetime import datetime, timedelta

from odoo.tests import tagged

from .common import CsCenterCommon


@tagged("post_install", "-at_install")
class TestSetBasedQueries(CsCenterCommon):
    """The tracking sheet and the repeat-caller flag cost the same number of
    queries for 3 records as for 30: no query per record."""

    def _complaints(self, count):
        return self.env["cs.complaint"].create(
            [
                {
                    "subject": f"C{i}",
                    "partner_id": self.customer.id,
                    "team_id": self.team.id,
                    "received_at": datetime(2026, 3, 2, 9, 0) + timedelta(minutes=i),
                }
                for i in range(count)
            ]
        )

    def _queries(self, func):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_tracking_sheet_reads_all_rows_at_once(self):
        sheet = self.env["cs.tracking.sheet"].create(
            {"date_from": "2026-03-01", "date_to": "2026-03-31"}
        )
        few = self._complaints(3)
        small = self._queries(lambda: list(sheet._rows(few)))
        many = self._complaints(30)
        large = self._queries(lambda: list(sheet._rows(many)))
        self.assertEqual(small, large)

    def test_repeat_caller_flags_are_computed_in_one_pass(self):
        def calls(count, offset):
            return self.env["cs.call.record"].create(
                [
                    {
                        "phone": f"1390000{i % 7:04d}",
                        "content": "x",
                        "call_at": datetime(2026, 3, 2, 9, 0) + timedelta(minutes=offset + i),
                    }
                    for i in range(count)
                ]
            )

        few, many = calls(3, 0), calls(30, 100)
        self.assertEqual(
            self._queries(few._compute_repeat_caller), self._queries(many._compute_repeat_caller)
        )
        self.assertTrue(any(many.mapped("repeat_caller")))
