from datetime import datetime, timedelta

from odoo.tests import freeze_time, tagged

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

    def test_tracking_sheet_reads_its_rows_by_batch_not_by_complaint(self):
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


@tagged("post_install", "-at_install")
class TestSlaQueryCounts(CsCenterCommon):
    """#14 P1/P3 guards: the cost in queries of creating complaints with their
    deadlines, and of the escalation cron, does not grow with the number of
    complaints (beyond the number each complaint draws from its sequence)."""

    # What one more complaint may cost at creation: its number (the sequence is
    # looked up, then drawn from).
    QUERIES_PER_COMPLAINT = 2

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team.leader_id = cls.agent_2

    def _queries(self, func):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        result = func()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before, result

    def _create(self, count, start):
        return self.env["cs.complaint"].create(
            [
                {
                    "subject": f"C{i}",
                    "partner_id": self.customer.id,
                    "team_id": self.team.id,
                    "channel": "phone",
                    "urgency": "urgent",
                    "received_at": start + timedelta(minutes=i),
                }
                for i in range(count)
            ]
        )

    def test_creating_complaints_costs_no_query_per_complaint_but_its_number(self):
        """#14 P1: deadlines planned set-based, followers subscribed in batch,
        no search per complaint: 30 complaints cost 27 numbers more than 3."""
        few, _ = self._queries(lambda: self._create(3, datetime(2026, 3, 2, 9, 0)))
        many, complaints = self._queries(lambda: self._create(30, datetime(2026, 3, 3, 9, 0)))
        self.assertTrue(all(complaints.mapped("response_deadline")))
        self.assertLessEqual(many - few, 27 * self.QUERIES_PER_COMPLAINT, (few, many))

    def test_breach_scan_is_one_query(self):
        """#14 P3: finding the breached complaints is one indexed search."""
        self._create(30, datetime(2026, 3, 2, 9, 0))
        with freeze_time(datetime(2026, 3, 2, 11, 0)):
            queries, found = self._queries(self.env["cs.complaint"]._breach_candidates)
        self.assertEqual(queries, 1)
        self.assertEqual(len(found), 30)

    def test_escalation_costs_the_same_for_3_and_30_complaints(self):
        """#14 P3: one message and one activity per step, created in batches:
        escalating 30 breached complaints costs the queries of escalating 3."""
        Complaint = self.env["cs.complaint"]
        counts = []
        for day, count in ((2, 3), (3, 3), (4, 30)):
            complaints = self._create(count, datetime(2026, 3, day, 9, 0))
            with freeze_time(datetime(2026, 3, day, 11, 0)):
                queries, escalated = self._queries(Complaint._cron_escalate_breaches)
            self.assertEqual(escalated, complaints)
            self.assertEqual(len(escalated.activity_ids), count * 3, "handler, leader, manager")
            counts.append(queries)
            # Out of the next runs' way (a fixture, not the code under test).
            complaints.sudo().write({"state": "waiting"})
        _warm_up, few, many = counts
        self.assertEqual(many, few)
