"""The manager's dashboard (REQUIREMENTS C12, issue #11): figures of a fixture
period equal the values computed by hand, and a measure that does not apply to
a record stays out of its average."""

import io
from datetime import date

import openpyxl

from odoo.tests import TransactionCase, freeze_time, tagged

from .operations_common import CsOperationsCommon, shanghai

AGGREGATES = [
    "complaint_count:sum",
    "response_compliance:avg",
    "resolution_hours:avg",
    "resolution_work_hours:avg",
    "satisfaction:avg",
    "satisfied_rate:avg",
    "call_count:sum",
    "answered_in_time_rate:avg",
    "quality_check_count:sum",
    "quality_score:avg",
    "handover_count:sum",
    "handover_on_time_rate:avg",
]


@tagged("post_install", "-at_install")
class TestManagerDashboard(CsOperationsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.service = cls.env.ref("cs_center.category_service")
        cls.product = cls.env.ref("cs_center.category_product")
        cls.desk_team = cls.env["cs.team"].create(
            {
                "name": "前台组",
                "company_id": cls.company.id,
                "resource_calendar_id": cls.calendar.id,
            }
        )
        cls._complaints()
        cls._calls_checks_and_handovers()

    @classmethod
    def _complaints(cls):
        """Five complaints of the hotline received Monday 10:00 in Shanghai:
        email ones must be answered within 2 hours (the seed's policy)."""
        Complaint = cls.env["cs.complaint"].with_user(cls.agent_out)
        with freeze_time(shanghai(2, 10)):
            cls.c1, cls.c2, cls.c3, cls.c4, cls.c5 = Complaint.create(
                [
                    {
                        "subject": f"投诉 {index}",
                        "partner_id": cls.customer.id,
                        "team_id": cls.team.id,
                        "company_id": cls.company.id,
                        "channel": channel,
                        "category_id": category.id,
                        "received_at": shanghai(2, 10),
                    }
                    for index, (channel, category) in enumerate(
                        [
                            ("email", cls.service),
                            ("email", cls.service),
                            ("email", cls.product),
                            ("phone", cls.product),
                            ("phone", cls.product),
                        ]
                    )
                ]
            )
        with freeze_time(shanghai(2, 10, 30)):  # answered in time
            cls.c1.action_acknowledge()
        with freeze_time(shanghai(2, 12)):  # resolved after 2 h, 2 working hours
            cls.c1.action_resolve()
        with freeze_time(shanghai(2, 13)):  # answered an hour late
            cls.c2.action_acknowledge()
            # c3 is never answered: the escalation run finds it breached.
            cls.env["cs.complaint"]._cron_escalate_breaches()
        with freeze_time(shanghai(3, 10)):  # 24 h elapsed, 8 + 1 working hours
            cls.c2.action_resolve()
            cls.env["cs.complaint.callback"].with_user(cls.agent_out).create(
                {"complaint_id": cls.c1.id, "score": 5, "comments": "满意"}
            )
        cls.c4.with_user(cls.agent_in).action_acknowledge()

    @classmethod
    def _calls_checks_and_handovers(cls):
        Call = cls.env["cs.call.record"].with_user(cls.agent_out)
        cls.calls = Call.create(
            [
                {
                    "content": f"来电 {seconds}",
                    "answer": "已答复",
                    "partner_id": cls.customer.id,
                    "phone": "13900001111",
                    "ring_seconds": seconds,
                    "call_at": shanghai(2, 11),
                }
                for seconds in (5, 10, 20)  # 1, 2 and 4 rings: the last one late
            ]
        )
        Check = cls.env["cs.quality.check"].with_user(cls.assistant)
        phone = cls.env.ref("cs_center.checklist_phone")
        forbidden = cls.env.ref("cs_center.qa_phone_not_my_business")
        clean, vetoed = Check.create(
            [{"checklist_id": phone.id, "call_id": call.id} for call in cls.calls[:2]]
        )
        vetoed.line_ids.filtered(lambda line: line.item_id == forbidden).write({"result": "fail"})
        (clean | vetoed).action_done()
        Handover = cls.env["cs.handover"].with_user(cls.agent_out)
        cls.on_time, cls.late = Handover.create(
            [
                {
                    "shift_id": cls.day_shift.id,
                    "shift_date": day,
                    "incoming_user_id": cls.agent_in.id,
                    "company_id": cls.company.id,
                }
                for day in (date(2026, 3, 2), date(2026, 3, 3))
            ]
        )
        (cls.on_time | cls.late).action_hand_over()
        for handover, taken in ((cls.on_time, shanghai(2, 16, 25)), (cls.late, shanghai(3, 17))):
            with freeze_time(taken):
                handover.line_ids.with_user(cls.agent_in).action_acknowledge()
                handover.with_user(cls.agent_in).action_take_over()

    def figures(self, groupby, domain=()):
        Report = self.env["cs.dashboard.report"].with_user(self.manager)
        return {
            key: dict(zip([a.split(":")[0] for a in AGGREGATES], values, strict=True))
            for key, *values in Report._read_group(
                [("date", ">=", shanghai(1, 0)), ("date", "<", shanghai(8, 0)), *domain],
                [groupby],
                AGGREGATES,
            )
        }

    def test_team_figures_equal_the_hand_computed_ones(self):
        """The hotline's week, by hand: 5 complaints; response on time 1 of the 3
        email complaints due (c1 in time, c2 late, c3 breached) = 33.33 %;
        resolution (2 h + 24 h) / 2 = 13 h elapsed and (2 + 9) / 2 = 5.5 working
        hours, the 3 unresolved left out; satisfaction 5 from the only rated
        complaint (the 4 unrated are not 0: not 1); calls 2 of 3 within the rings;
        quality (100 + 0) / 2; handovers 1 of 2 relieved on time."""
        hotline = self.figures("team_id")[self.team]
        self.assertEqual(hotline["complaint_count"], 5)
        self.assertAlmostEqual(hotline["response_compliance"], 100 / 3, places=2)
        self.assertAlmostEqual(hotline["resolution_hours"], 13.0, places=2)
        self.assertAlmostEqual(hotline["resolution_work_hours"], 5.5, places=2)
        self.assertEqual(hotline["satisfaction"], 5.0)
        self.assertEqual(hotline["satisfied_rate"], 100.0)
        self.assertEqual(hotline["call_count"], 3)
        self.assertAlmostEqual(hotline["answered_in_time_rate"], 200 / 3, places=2)
        self.assertEqual(hotline["quality_check_count"], 2)
        self.assertEqual(hotline["quality_score"], 50.0)
        self.assertEqual(hotline["handover_count"], 2)
        self.assertEqual(hotline["handover_on_time_rate"], 50.0)
        self.assertNotIn(self.desk_team, self.figures("team_id"))

    def test_pivot_averages_leave_unrated_and_unresolved_out(self):
        """What the pivot asks the server (formatted_read_group): one complaint
        rated 5 and four unrated show 5, not 1."""
        Report = self.env["cs.dashboard.report"].with_user(self.manager)
        [row] = Report.formatted_read_group(
            [("kind", "=", "complaint"), ("team_id", "=", self.team.id)],
            ["team_id"],
            ["satisfaction:avg", "resolution_hours:avg", "__count"],
        )
        self.assertEqual(row["__count"], 5)
        self.assertEqual(row["satisfaction:avg"], 5.0)
        self.assertAlmostEqual(row["resolution_hours:avg"], 13.0, places=2)

    def test_volumes_by_category_channel_and_agent(self):
        by_category = self.figures("category_id", [("kind", "=", "complaint")])
        self.assertEqual(by_category[self.service]["complaint_count"], 2)
        self.assertEqual(by_category[self.product]["complaint_count"], 3)
        self.assertEqual(by_category[self.service]["satisfaction"], 5.0)
        # Nothing to average is no figure (False from the ORM), not an average of 0.
        self.assertIs(by_category[self.product]["satisfaction"], False)
        by_channel = self.figures("channel")
        self.assertEqual(by_channel["email"]["complaint_count"], 3)
        self.assertEqual(by_channel["phone"]["complaint_count"], 2)
        self.assertEqual(by_channel["phone"]["call_count"], 3)
        self.assertIs(by_channel["phone"]["response_compliance"], False)
        by_agent = self.figures("user_id")
        self.assertEqual(by_agent[self.agent_out]["complaint_count"], 4)
        self.assertEqual(by_agent[self.agent_in]["complaint_count"], 1)
        self.assertEqual(by_agent[self.agent_out]["quality_score"], 50.0)
        self.assertEqual(by_agent[self.agent_in]["handover_on_time_rate"], 50.0)

    def test_dashboard_is_the_managers_and_of_their_companies(self):
        """Agents do not read the dashboard; another company's rows are not shown."""
        Report = self.env["cs.dashboard.report"]
        self.assertFalse(Report.with_user(self.agent_out).has_access("read"))
        other = self.env["res.company"].create({"name": "别家商场"})
        self.env["cs.complaint"].create({"subject": "别家投诉", "company_id": other.id})
        self.assertEqual(Report.with_user(self.manager).search([]).company_id, self.company)

    def test_export_holds_the_dashboards_figures(self):
        """One xlsx: the team sheet shows the pivot's figures; what does not apply
        is an empty cell, never 0."""
        export = (
            self.env["cs.dashboard.export"]
            .with_user(self.manager)
            .create({"date_from": "2026-03-01", "date_to": "2026-03-07"})
        )
        book = openpyxl.load_workbook(io.BytesIO(export._xlsx()))
        sheet = book.worksheets[0]
        header = [cell.value for cell in sheet[1]]
        rows = {
            row[0]: dict(zip(header, row, strict=True))
            for row in sheet.iter_rows(min_row=2, values_only=True)
        }
        Report = self.env["cs.dashboard.report"]
        label = Report._fields["satisfaction"]._description_string(self.env)
        hotline = rows[self.team.display_name]
        self.assertEqual(hotline[label], 5.0)
        self.assertAlmostEqual(
            hotline[Report._fields["resolution_work_hours"]._description_string(self.env)], 5.5
        )
        self.assertEqual(
            hotline[Report._fields["complaint_count"]._description_string(self.env)], 5
        )
        categories = {
            row[0]: row for row in book.worksheets[3].iter_rows(min_row=2, values_only=True)
        }
        product = categories[self.product.display_name]
        self.assertIsNone(product[header.index(label)])

    def test_working_hours_follow_the_team_calendar(self):
        """A complaint resolved the next morning: 24 elapsed hours, 9 working ones."""
        self.assertEqual(self.c2.resolution_work_hours, 9.0)
        self.assertEqual(self.c1.resolution_work_hours, 2.0)
        self.assertEqual(self.c3.resolution_work_hours, 0.0)


class TestComplaintMeasuresAreNotAveragedWithZeros(TransactionCase):
    def test_unrated_and_unresolved_complaints_cannot_be_averaged_as_zero(self):
        """Issue #11: on a complaint 0 stands for "no callback" and "not
        resolved"; averaging those fields would count them as a score of 0 and
        0 hours (one complaint rated 5 and four unrated showed 1), so no pivot
        may offer them as measures: the dashboard averages them instead."""
        fields = self.env["cs.complaint"].fields_get(
            ["satisfaction_score", "resolution_hours"], ["aggregator"]
        )
        # The web client's pivot offers as measures the fields with an aggregator.
        self.assertEqual(fields, {"satisfaction_score": {}, "resolution_hours": {}})
