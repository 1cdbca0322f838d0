"""Quality inspection (服务质量监督, issue #11; seed 001 服务质量监督与评估 1,
绩效考核; 003 5.3.8-5.3.10)."""

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .operations_common import CsOperationsCommon, shanghai


@tagged("post_install", "-at_install")
class TestQualityInspection(CsOperationsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.phone = cls.env.ref("cs_center.checklist_phone")
        cls.not_my_business = cls.env.ref("cs_center.qa_phone_not_my_business")

    def call(self, agent=None, ring_seconds=10, day=2):
        return (
            self.env["cs.call.record"]
            .with_user(agent or self.agent_out)
            .create(
                {
                    "content": "咨询周末促销活动",
                    "answer": "已说明满减规则",
                    "partner_id": self.customer.id,
                    "phone": "13900001111",
                    "ring_seconds": ring_seconds,
                    "call_at": shanghai(day, 10),
                }
            )
        )

    def check(self, call=None, **results):
        """A spot check of a call by the inspector; ``results`` by item xmlid."""
        check = (
            self.env["cs.quality.check"]
            .with_user(self.assistant)
            .create({"checklist_id": self.phone.id, "call_id": (call or self.call()).id})
        )
        for xmlid, result in results.items():
            item = self.env.ref(f"cs_center.{xmlid}")
            check.line_ids.filtered(lambda line, i=item: line.item_id == i).with_user(
                self.assistant
            ).write({"result": result})
        return check

    def test_clean_call_scores_full_marks(self):
        """Every standard met: 100, passed, the agent's month at 100."""
        check = self.check()
        self.assertEqual(check.agent_id, self.agent_out)
        self.assertEqual(len(check.line_ids), len(self.phone.item_ids))
        check.with_user(self.assistant).action_done()
        self.assertEqual(check.score, 100)
        self.assertTrue(check.passed)
        self.assertEqual(check.period_id.score, 100)
        self.assertEqual(check.period_id.agent_id, self.agent_out)

    def test_forbidden_phrase_fails_the_check_and_lowers_the_period(self):
        """Done when: a check with a forbidden phrase ("这不关我的事") scores
        below the pass mark and lowers the agent's period score."""
        first = self.check()
        first.with_user(self.assistant).action_done()
        period = first.period_id
        self.assertEqual(period.score, 100)
        second = self.check(qa_phone_not_my_business="fail")
        second.with_user(self.assistant).action_done()
        self.assertLess(second.score, self.company.cs_qa_pass_mark)
        self.assertEqual(second.score, 0)
        self.assertFalse(second.passed)
        self.assertTrue(second.forbidden_used)
        self.assertEqual(second.period_id, period)
        self.assertEqual(period.score, 50)
        self.assertEqual(period.check_count, 2)
        self.assertEqual(period.failed_count, 1)
        self.assertEqual(period.forbidden_count, 1)
        self.assertFalse(period.passed)

    def test_forbidden_phrase_cap_is_a_policy_below_the_pass_mark(self):
        """The cap is the company's (default 0, 一票否决); it must stay below the pass mark."""
        self.company.cs_qa_forbidden_max_score = 60
        check = self.check(qa_phone_not_my_business="fail")
        check.with_user(self.assistant).action_done()
        self.assertEqual(check.score, 60)
        with self.assertRaises(ValidationError):
            self.company.cs_qa_forbidden_max_score = 80

    def test_missed_standards_score_their_share(self):
        """The greeting (20 points of 100) missed and the call answered on the
        fourth ring (20 points, filled from the call itself): 60."""
        late_call = self.call(ring_seconds=16)
        check = self.check(call=late_call, qa_phone_greeting="fail")
        ring_line = check.line_ids.filtered(
            lambda line: line.item_id == self.env.ref("cs_center.qa_phone_rings")
        )
        self.assertEqual(ring_line.result, "fail")
        check.with_user(self.assistant).action_done()
        self.assertEqual(check.score, 60)
        self.assertFalse(check.passed)

    def test_agents_see_only_their_own_scored_results(self):
        """Agents see their own results only, once scored; inspectors and HR see all."""
        draft = self.check()
        mine = self.check()
        mine.with_user(self.assistant).action_done()
        colleague = self.check(call=self.call(agent=self.agent_in))
        colleague.with_user(self.assistant).action_done()
        Check = self.env["cs.quality.check"]
        self.assertEqual(
            Check.with_user(self.agent_out).search([("company_id", "=", self.company.id)]), mine
        )
        for record in (draft, colleague):
            with self.assertRaises(AccessError):
                record.with_user(self.agent_out).check_access("read")
        with self.assertRaises(AccessError):
            colleague.line_ids.with_user(self.agent_out).check_access("read")
        Period = self.env["cs.quality.period"]
        self.assertEqual(
            Period.with_user(self.agent_out).search([]).agent_id,
            self.agent_out,
        )
        self.assertEqual(
            Period.with_user(self.hr_officer).search([]).agent_id,
            self.agent_out | self.agent_in,
        )
        self.assertEqual(len(Check.with_user(self.assistant).search([])), 3)

    def test_agent_cannot_change_a_score(self):
        """Integrity: the agent raised their own score, and the inspector wrote a
        score or a period over JSON-RPC instead of scoring the items."""
        check = self.check(qa_phone_not_my_business="fail")
        check.with_user(self.assistant).action_done()
        period = check.period_id
        with self.assertRaises(UserError):
            check.with_user(self.agent_out).write({"score": 100})
        with self.assertRaises(UserError):
            period.with_user(self.agent_out).write({"score": 100})
        with self.assertRaises(AccessError):
            check.with_user(self.agent_out).write({"note": "本次抽查作废"})
        with self.assertRaises(AccessError):
            check.line_ids[:1].with_user(self.agent_out).check_access("write")
        for vals in ({"score": 100}, {"passed": True}, {"state": "draft"}, {"period_id": False}):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                check.with_user(self.assistant).write(vals)
        with self.assertRaises(UserError):
            check.line_ids[:1].with_user(self.assistant).write({"result": "pass"})
        self.env.invalidate_all()
        self.assertEqual(check.score, 0)
        self.assertEqual(check.period_id, period)
        self.assertEqual(period.score, 0)

    def test_reset_check_no_longer_counts(self):
        """A check reset to draft leaves the month; a month without checks has no
        score at all (not 0)."""
        check = self.check(qa_phone_not_my_business="fail")
        check.with_user(self.assistant).action_done()
        period = check.period_id
        check.with_user(self.assistant).action_reset()
        self.assertFalse(period.exists())
        self.assertFalse(check.period_id)
        check.line_ids.filtered(lambda line: line.item_id == self.not_my_business).with_user(
            self.assistant
        ).write({"result": "pass"})
        check.with_user(self.assistant).action_done()
        self.assertEqual(check.period_id.score, 100)

    def test_inspector_does_not_check_their_own_work(self):
        """Integrity: an inspector scored a call they answered themselves."""
        own_call = self.call(agent=self.assistant)
        with self.assertRaises(ValidationError):
            self.env["cs.quality.check"].with_user(self.assistant).create(
                {"checklist_id": self.phone.id, "call_id": own_call.id}
            )
        self.assertFalse(self.env["cs.quality.check"].search([("call_id", "=", own_call.id)]))

    def test_channel_decides_the_checked_record(self):
        """A phone checklist checks a call; a chat one names the chat."""
        complaint = self.complaint(self.agent_out, received_at=shanghai(2, 9))
        Check = self.env["cs.quality.check"].with_user(self.assistant)
        with self.assertRaises(ValidationError):
            Check.create({"checklist_id": self.phone.id, "complaint_id": complaint.id})
        chat = Check.create(
            {
                "checklist_id": self.env.ref("cs_center.checklist_chat").id,
                "agent_id": self.agent_in.id,
                "chat_reference": "在线客服会话 #2031",
                "contact_at": shanghai(3, 14),
            }
        )
        chat.with_user(self.assistant).action_done()
        self.assertEqual(chat.period_id.date_from.isoformat(), "2026-03-01")

    def test_appraisal_report_prints_the_period(self):
        """The quality score HR uses for the appraisal prints per agent and month."""
        check = self.check()
        check.with_user(self.assistant).action_done()
        html = (
            self.env["ir.actions.report"]
            .with_user(self.hr_officer)
            ._render_qweb_html("cs_center.report_cs_quality_period", check.period_id.ids)[0]
            .decode()
        )
        self.assertIn(self.agent_out.name, html)
        self.assertIn("100.0", html)
