"""Pre-sale lead flow on CRM (售前服务流程, issue #11; seed 002 第三章 一 and 细则)."""

from datetime import date, timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import freeze_time, new_test_user, tagged

from .operations_common import CsOperationsCommon, shanghai

MONDAY = date(2026, 3, 2)


@tagged("post_install", "-at_install")
class TestPresale(CsOperationsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.designer_group = cls.env["cs.designer.group"].create(
            {
                "name": "设计一组",
                "company_id": cls.company.id,
                "member_ids": [Command.set(cls.designer.ids)],
            }
        )

    def leads(self, salesperson, count):
        return (
            self.env["crm.lead"]
            .with_user(salesperson)
            .create(
                [
                    {
                        "name": f"新房装修 {salesperson.login} {index}",
                        "contact_name": f"客户{index}",
                        "phone": f"1380000{index:04d}",
                        "user_id": salesperson.id,
                        "company_id": self.company.id,
                    }
                    for index in range(count)
                ]
            )
        )

    def report(self, salesperson, leads, day=MONDAY):
        with freeze_time(shanghai(day.day, 18)):
            return (
                self.env["cs.presale.report"]
                .with_user(salesperson)
                .create(
                    {
                        "date": day,
                        "company_id": self.company.id,
                        "line_ids": [Command.create({"lead_id": lead.id}) for lead in leads],
                    }
                )
            )

    def confirm(self, report, valid):
        """Customer service marks the first ``valid`` leads valid, the rest not."""
        report.with_user(report.user_id).action_submit()
        for index, line in enumerate(report.line_ids):
            line = line.with_user(self.assistant)
            line.action_mark_valid() if index < valid else line.action_mark_invalid()
        report.with_user(self.assistant).action_confirm()

    def test_two_valid_leads_flag_the_day_short(self):
        """Done when: a salesperson with 2 valid leads on a day is flagged (the
        company asks 3); one with 3 is not."""
        short = self.report(self.salesperson, self.leads(self.salesperson, 3))
        self.confirm(short, valid=2)
        self.assertEqual(short.target, 3)
        self.assertEqual(short.reported_count, 3)
        self.assertEqual(short.valid_count, 2)
        self.assertTrue(short.shortfall)
        full = self.report(self.salesperson_2, self.leads(self.salesperson_2, 3))
        self.confirm(full, valid=3)
        self.assertFalse(full.shortfall)

    def test_daily_target_is_the_company_policy(self):
        """The target is read from the company when the report is made."""
        self.company.cs_presale_daily_leads = 2
        report = self.report(self.salesperson, self.leads(self.salesperson, 2))
        self.confirm(report, valid=2)
        self.assertEqual(report.target, 2)
        self.assertFalse(report.shortfall)

    def test_salesperson_cannot_confirm_their_own_leads(self):
        """Integrity: a salesperson marked their own leads valid, or wrote the
        counts, to hide a short day."""
        report = self.report(self.salesperson, self.leads(self.salesperson, 2))
        report.with_user(self.salesperson).action_submit()
        line = report.line_ids[:1]
        with self.assertRaises(UserError):
            line.with_user(self.salesperson).action_mark_valid()
        with self.assertRaises(UserError):
            line.with_user(self.salesperson).write({"validity": "valid"})
        for vals in (
            {"valid_count": 3},
            {"shortfall": False},
            {"target": 1},
            {"state": "confirmed"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                report.with_user(self.salesperson).write(vals)
        with self.assertRaises(UserError):
            report.with_user(self.salesperson).action_confirm()
        self.assertEqual(line.validity, "to_check")
        self.assertEqual(report.state, "submitted")
        self.assertEqual(report.target, 3)

    def test_one_report_a_day_and_a_lead_reported_once(self):
        """A second report of the day, or a lead already reported, is refused."""
        leads = self.leads(self.salesperson, 2)
        self.report(self.salesperson, leads[:1])
        with self.assertRaises(ValidationError):
            self.report(self.salesperson, leads[1:])
        with self.assertRaises(ValidationError):
            self.report(self.salesperson, leads[:1], day=date(2026, 3, 3))
        with self.assertRaises(ValidationError):
            self.report(self.salesperson, self.leads(self.salesperson_2, 1), day=date(2026, 3, 4))
        self.assertEqual(
            self.env["cs.presale.report"].search_count([("company_id", "=", self.company.id)]), 1
        )
        # A reported lead is kept for the statistics: marked lost, never deleted,
        # not even by a sales manager, who may delete leads.
        sales_manager = new_test_user(
            self.env,
            "op_sales_manager",
            groups="sales_team.group_sale_manager",
            company_id=self.company.id,
            company_ids=[self.company.id],
        )
        with self.assertRaises(UserError) as refused:
            leads[0].with_user(sales_manager).unlink()
        self.assertNotIsInstance(refused.exception, AccessError)
        self.assertTrue(leads[0].exists())

    def test_salespeople_see_only_their_own_reports(self):
        """Pre-sale records of a salesperson are theirs and customer service's."""
        report = self.report(self.salesperson, self.leads(self.salesperson, 1))
        with self.assertRaises(AccessError):
            report.with_user(self.salesperson_2).check_access("read")
        report.with_user(self.agent_out).check_access("read")
        with self.assertRaises(UserError):
            report.with_user(self.agent_out).write({"date": date(2026, 3, 1)})

    def test_sample_room_visit_needs_24_hours_or_a_special_case_2_hours(self):
        """Done when: a sample-room visit requested 10 h ahead is refused unless
        marked special and at least 2 h ahead."""
        Visit = self.env["cs.presale.sample.visit"].with_user(self.salesperson)
        now = shanghai(2, 9)
        base = {
            "customer_name": "王女士",
            "sample_room": "湘江世纪城 3-1201",
            "company_id": self.company.id,
        }
        with freeze_time(now):
            with self.assertRaises(ValidationError):
                Visit.create(dict(base, visit_at=now + timedelta(hours=10)))
            with self.assertRaises(ValidationError):
                Visit.create(dict(base, visit_at=now + timedelta(hours=10), special=True))
            with self.assertRaises(ValidationError):
                Visit.create(
                    dict(
                        base,
                        visit_at=now + timedelta(hours=1),
                        special=True,
                        special_reason="客户明早出国",
                    )
                )
            self.assertFalse(Visit.search([("company_id", "=", self.company.id)]))
            special = Visit.create(
                dict(
                    base,
                    visit_at=now + timedelta(hours=10),
                    special=True,
                    special_reason="客户明早出国",
                )
            )
            normal = Visit.create(dict(base, visit_at=now + timedelta(hours=25)))
        self.assertEqual(special.notice_hours, 10)
        self.assertEqual(normal.state, "requested")

    def test_moved_visit_counts_its_notice_from_the_move(self):
        """Integrity: a request made two days ahead was moved to three hours
        ahead (or its request time written back) to dodge the 24 hours."""
        Visit = self.env["cs.presale.sample.visit"].with_user(self.salesperson)
        with freeze_time(shanghai(2, 9)):
            visit = Visit.create(
                {
                    "customer_name": "王女士",
                    "visit_at": shanghai(4, 10),
                    "company_id": self.company.id,
                }
            )
        with freeze_time(shanghai(4, 7)):
            with self.assertRaises(ValidationError):
                visit.write({"visit_at": shanghai(4, 10, 30)})
            with self.assertRaises(UserError):
                visit.write({"requested_at": shanghai(1, 9)})
        self.assertEqual(visit.visit_at, shanghai(4, 10))
        self.assertEqual(visit.requested_at, shanghai(2, 9))

    def test_customer_service_receives_and_dispatches_to_a_designer(self):
        """Customer service receives the visitor and chooses the designer; a
        salesperson may not pick one (业务人员严禁私自挑选设计师)."""
        lead = self.leads(self.salesperson, 1)
        Reception = self.env["cs.presale.reception"]
        values = {
            "lead_id": lead.id,
            "customer_name": "客户0",
            "expected_at": shanghai(2, 14),
            "company_id": self.company.id,
        }
        with self.assertRaises(UserError):
            Reception.with_user(self.salesperson).create(dict(values, designer_id=self.designer.id))
        reception = Reception.with_user(self.salesperson).create(values)
        with self.assertRaises(UserError):
            reception.with_user(self.salesperson).write({"designer_id": self.designer.id})
        with self.assertRaises(UserError):
            reception.with_user(self.salesperson).action_receive()
        self.assertFalse(reception.designer_id)
        reception.with_user(self.agent_out).action_receive()
        reception.with_user(self.agent_out).write(
            {"designer_id": self.designer.id, "intention": "三室两厅,现代简约,预算20万"}
        )
        reception.with_user(self.agent_out).action_dispatch()
        self.assertEqual(reception.state, "dispatched")
        self.assertEqual(reception.designer_group_id, self.designer_group)
        self.assertEqual(lead.cs_designer_id, self.designer)
        with self.assertRaises(UserError):
            reception.with_user(self.agent_out).write({"designer_id": self.agent_3.id})
        with self.assertRaises(UserError):
            lead.with_user(self.salesperson).write({"cs_designer_id": self.salesperson.id})
        self.assertEqual(lead.cs_designer_id, self.designer)

    def test_weekly_and_monthly_statistics(self):
        """Per salesperson and designer group, by week and month: valid leads,
        short days, customers received and dispatched, follow-ups, signed leads."""
        leads = self.leads(self.salesperson, 3)
        self.confirm(self.report(self.salesperson, leads), valid=2)
        reception = (
            self.env["cs.presale.reception"]
            .with_user(self.agent_out)
            .create(
                {
                    "lead_id": leads[0].id,
                    "customer_name": "客户0",
                    "salesperson_id": self.salesperson.id,
                    "expected_at": shanghai(3, 14),
                    "company_id": self.company.id,
                }
            )
        )
        with freeze_time(shanghai(3, 14)):
            reception.action_receive()
            reception.write({"designer_id": self.designer.id})
            reception.action_dispatch()
        self.env["cs.presale.followup"].with_user(self.salesperson).create(
            {
                "lead_id": leads[0].id,
                "date": shanghai(4, 10),
                "contact_role": "designer",
                "summary": "设计师已出平面方案",
                "next_date": date(2026, 3, 9),
                "company_id": self.company.id,
            }
        )
        self.assertEqual(leads[0].cs_next_followup_date, date(2026, 3, 9))
        with freeze_time(shanghai(6, 15)):
            leads[0].action_set_won()
        Analysis = self.env["cs.presale.analysis"].with_user(self.assistant)
        aggregates = [
            "lead_count:sum",
            "valid_count:sum",
            "short_day_count:sum",
            "reception_count:sum",
            "dispatched_count:sum",
            "followup_count:sum",
            "signed_count:sum",
        ]
        by_week = Analysis._read_group(
            [("company_id", "=", self.company.id)], ["salesperson_id", "date:week"], aggregates
        )
        self.assertEqual(
            [(person, values) for person, _week, *values in by_week],
            [(self.salesperson, [3, 2, 1, 1, 1, 1, 1])],
        )
        by_group = Analysis._read_group(
            [("company_id", "=", self.company.id), ("designer_group_id", "!=", False)],
            ["designer_group_id", "date:month"],
            ["dispatched_count:sum", "signed_count:sum"],
        )
        self.assertEqual(
            [(group, values) for group, _month, *values in by_group],
            [(self.designer_group, [1, 1])],
        )
