"""Shift handover (交接班日志, issue #11; seed 000 交接班制度, 003 第三篇 十-十五).

Each test acts as the real person over the ORM (``with_user``), which is what
the web client and JSON-RPC do.
"""

from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .operations_common import CsOperationsCommon, shanghai

MONDAY = date(2026, 3, 2)


@tagged("post_install", "-at_install")
class TestHandover(CsOperationsCommon):
    def handover(self, outgoing=None, incoming=None, shift=None, day=MONDAY, **vals):
        outgoing = outgoing or self.agent_out
        return (
            self.env["cs.handover"]
            .with_user(outgoing)
            .create(
                {
                    "shift_id": (shift or self.day_shift).id,
                    "shift_date": day,
                    "incoming_user_id": (incoming or self.agent_in).id,
                    "company_id": self.company.id,
                    **vals,
                }
            )
        )

    def open_complaint(self, user=None, received=None):
        """A complaint taken during Monday's day shift and still open."""
        with freeze_time(received or shanghai(2, 10)):
            complaint = self.complaint(
                user or self.agent_out, received_at=received or shanghai(2, 10)
            )
            complaint.with_user(user or self.agent_out).action_acknowledge()
        return complaint

    def test_shift_runs_on_the_company_clock(self):
        """The day shift 08:30-16:30 in Shanghai ends at 08:30 UTC; a night shift
        ends the next morning."""
        day = self.handover()
        self.assertEqual(day.shift_start, shanghai(2, 8, 30))
        self.assertEqual(day.shift_end, shanghai(2, 16, 30))
        night = self.handover(shift=self.night_shift)
        self.assertEqual(night.shift_end, shanghai(3, 8, 30))

    def test_open_complaint_of_the_shift_is_carried_over_without_typing(self):
        """Done when: an open complaint of the shift appears on the next handover
        without anyone typing it, and stays on the following one while open."""
        complaint = self.open_complaint()
        # Filed on the web form during the shift: nobody owns it yet.
        unowned = self.env["cs.complaint"]._create_from_web_form(
            {"name": "访客", "subject": "停车场收费不合理", "email": "guest@example.com"}
        )
        unowned.sudo().write({"company_id": self.company.id, "received_at": shanghai(2, 15)})
        before_shift = self.env["cs.complaint"]._create_from_web_form(
            {"name": "访客", "subject": "昨晚的投诉", "email": "guest@example.com"}
        )
        before_shift.sudo().write({"company_id": self.company.id, "received_at": shanghai(1, 23)})
        handover = self.handover()
        self.assertIn(unowned, handover.line_ids.complaint_id)
        self.assertNotIn(before_shift, handover.line_ids.complaint_id)
        line = handover.line_ids.filtered(lambda line: line.complaint_id == complaint)
        self.assertEqual(len(line), 1)
        self.assertTrue(line.automatic)
        self.assertEqual(line.kind, "complaint")
        self.assertIn(complaint.name, line.name)
        # The incoming agent takes it over; the complaint is still open at the
        # end of the next shift: it is carried on again.
        handover.with_user(self.agent_out).action_hand_over()
        with freeze_time(shanghai(2, 16, 20)):
            handover.line_ids.with_user(self.agent_in).action_acknowledge()
            handover.with_user(self.agent_in).action_take_over()
        following = self.handover(
            outgoing=self.agent_in, incoming=self.agent_3, shift=self.night_shift
        )
        self.assertIn(complaint, following.line_ids.complaint_id)

    def test_call_awaiting_follow_up_is_carried_over(self):
        """The shift's unanswered call follow-ups become lines too; a done one does not."""
        Call = self.env["cs.call.record"].with_user(self.agent_out)
        pending = Call.create(
            {
                "content": "要求回电说明退款进度",
                "follow_up_required": True,
                "call_at": shanghai(2, 11),
            }
        )
        done = Call.create(
            {"content": "咨询停车收费", "follow_up_required": True, "call_at": shanghai(2, 12)}
        )
        done.action_follow_up_done()
        handover = self.handover()
        self.assertIn(pending, handover.line_ids.call_id)
        self.assertNotIn(done, handover.line_ids.call_id)

    def test_resolved_complaint_leaves_a_draft_handover(self):
        """Collecting again drops an item dealt with meanwhile."""
        complaint = self.open_complaint()
        handover = self.handover()
        self.assertIn(complaint, handover.line_ids.complaint_id)
        complaint.with_user(self.agent_out).action_resolve()
        handover.with_user(self.agent_out).action_collect()
        self.assertNotIn(complaint, handover.line_ids.complaint_id)

    def test_shift_is_not_closed_with_an_unacknowledged_line(self):
        """Done when: a handover cannot be closed with an unacknowledged line
        (接班人未到岗,交班人不得离台)."""
        self.open_complaint()
        handover = self.handover()
        handover.with_user(self.agent_out).write(
            {
                "line_ids": [(0, 0, {"name": "3号工位耳机有杂音"})],
                "equipment_state": "录音系统正常",
            }
        )
        handover.with_user(self.agent_out).action_hand_over()
        first, second = handover.line_ids[:2]
        with freeze_time(shanghai(2, 16, 25)):
            first.with_user(self.agent_in).action_acknowledge()
            with self.assertRaises(UserError):
                handover.with_user(self.agent_in).action_take_over()
        self.assertEqual(handover.state, "handed_over")
        self.assertFalse(handover.taken_over_at)
        self.assertEqual(handover.pending_count, 1)
        with freeze_time(shanghai(2, 16, 28)):
            second.with_user(self.agent_in).action_acknowledge()
            handover.with_user(self.agent_in).action_take_over()
        self.assertEqual(handover.state, "taken_over")
        self.assertFalse(handover.late)

    def test_incoming_agent_cannot_close_the_shift_by_writing_its_state(self):
        """Integrity: the incoming agent wrote state=taken_over, and the line's
        acknowledgement, over JSON-RPC instead of reading the lines."""
        self.open_complaint()
        handover = self.handover()
        handover.with_user(self.agent_out).action_hand_over()
        line = handover.line_ids[:1]
        for vals in ({"state": "taken_over"}, {"taken_over_at": shanghai(2, 16)}, {"late": False}):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                handover.with_user(self.agent_in).write(vals)
        with self.assertRaises(UserError):
            line.with_user(self.agent_in).write({"acknowledged_at": shanghai(2, 16)})
        # Not even a supervisor writes the workflow of a draft log.
        draft = self.handover(day=date(2026, 3, 3))
        for vals in ({"state": "handed_over"}, {"late": True}, {"reviewed_at": shanghai(3, 9)}):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                draft.with_user(self.assistant).write(vals)
        self.env.invalidate_all()
        self.assertEqual(handover.state, "handed_over")
        self.assertFalse(line.acknowledged_at)
        self.assertEqual(draft.state, "draft")
        self.assertFalse(draft.late or draft.reviewed_at)

    def test_only_the_incoming_person_acknowledges_and_takes_over(self):
        """Integrity: the outgoing agent acknowledged its own lines and took over
        for the relief who had not come, to leave early."""
        self.open_complaint()
        handover = self.handover()
        handover.with_user(self.agent_out).action_hand_over()
        line = handover.line_ids[:1]
        for user in (self.agent_out, self.agent_3):
            with self.subTest(user=user.login):
                with self.assertRaises(UserError):
                    line.with_user(user).action_acknowledge()
                with self.assertRaises(UserError):
                    handover.with_user(user).action_take_over()
        self.assertFalse(line.acknowledged_at)
        self.assertEqual(handover.state, "handed_over")

    def test_late_relief_is_recorded_late(self):
        """A relief taking over ten minutes after the change-over is late; within
        the company's tolerance it is not (逾时接班按迟到处理)."""
        self.open_complaint()
        late = self.handover()
        late.with_user(self.agent_out).action_hand_over()
        with freeze_time(shanghai(2, 16, 40)):
            late.line_ids.with_user(self.agent_in).action_acknowledge()
            late.with_user(self.agent_in).action_take_over()
        self.assertTrue(late.late)
        self.assertEqual(late.late_minutes, 10)
        self.assertEqual(late.relief_arrived_at, shanghai(2, 16, 40))

        self.company.cs_handover_late_minutes = 15
        tolerated = self.handover(day=date(2026, 3, 3))
        tolerated.with_user(self.agent_out).action_hand_over()
        with freeze_time(shanghai(3, 16, 40)):
            tolerated.with_user(self.agent_in).action_relief_arrived()
        with freeze_time(shanghai(3, 17, 30)):
            tolerated.line_ids.with_user(self.agent_in).action_acknowledge()
            tolerated.with_user(self.agent_in).action_take_over()
        self.assertFalse(tolerated.late)
        self.assertEqual(tolerated.relief_arrived_at, shanghai(3, 16, 40))

    def test_unacknowledged_lines_show_on_the_next_handover(self):
        """Nobody took over: the supervisor closes the handover and its lines
        nobody acknowledged are carried onto the next handover, once."""
        handover = self.handover(line_ids=[(0, 0, {"name": "打印机卡纸,已报修"})])
        handover.with_user(self.agent_out).action_hand_over()
        with self.assertRaises(UserError):
            handover.with_user(self.assistant).action_no_relief()  # no reason yet
        handover.with_user(self.assistant).write({"no_relief_reason": "接班人病假,由张伟替值"})
        handover.with_user(self.assistant).action_no_relief()
        self.assertEqual(handover.state, "no_relief")
        self.assertTrue(handover.late)
        note = handover.line_ids
        following = self.handover(
            outgoing=self.agent_3, incoming=self.agent_out, shift=self.night_shift
        )
        carried = following.line_ids.filtered(lambda line: line.carried_from_line_id == note)
        self.assertEqual(carried.name, "打印机卡纸,已报修")
        self.assertTrue(carried.automatic)
        later = self.handover(outgoing=self.agent_out, incoming=self.agent_in, day=date(2026, 3, 3))
        self.assertFalse(later.line_ids.filtered(lambda line: line.carried_from_line_id == note))

    def test_agent_cannot_close_a_handover_nobody_took_over(self):
        """Only a supervisor closes a handover without relief."""
        handover = self.handover()
        handover.with_user(self.agent_out).action_hand_over()
        with self.assertRaises(UserError):
            handover.with_user(self.agent_out).write({"no_relief_reason": "没人来"})
        with self.assertRaises(UserError):
            handover.with_user(self.agent_out).action_no_relief()
        self.assertEqual(handover.state, "handed_over")

    def test_supervisor_reviews_the_days_handovers(self):
        """客户主管每日检查当日值班记录: a supervisor reviews, an agent may not, and
        the review is final."""
        handover = self.handover()
        handover.with_user(self.agent_out).action_hand_over()
        with freeze_time(shanghai(2, 16, 0)):
            handover.with_user(self.agent_in).action_take_over()
        with self.assertRaises(UserError):
            handover.with_user(self.agent_in).action_review()
        with self.assertRaises(UserError):
            handover.with_user(self.agent_in).write({"review_note": "已查看"})
        handover.with_user(self.assistant).write({"review_note": "记录清楚,事项已跟进"})
        handover.with_user(self.assistant).action_review()
        self.assertEqual(handover.reviewed_by_id, self.assistant)
        with self.assertRaises(UserError):
            handover.with_user(self.assistant).write({"review_note": "改一下"})
        self.assertEqual(handover.review_note, "记录清楚,事项已跟进")

    def test_signed_log_does_not_change(self):
        """Once handed over, the log is what the outgoing person signed: neither
        person edits it, adds or removes a line; a carried-over item cannot be
        removed from a draft either."""
        self.open_complaint()
        handover = self.handover(equipment_state="电话正常")
        automatic = handover.line_ids.filtered("automatic")
        with self.assertRaises(UserError):
            automatic.with_user(self.agent_out).unlink()
        handover.with_user(self.agent_out).action_hand_over()
        for user in (self.agent_out, self.agent_in):
            with self.subTest(user=user.login):
                with self.assertRaises(UserError):
                    handover.with_user(user).write({"equipment_state": "电话故障"})
                with self.assertRaises(UserError):
                    self.env["cs.handover.line"].with_user(user).create(
                        {"handover_id": handover.id, "name": "补记一条"}
                    )
                with self.assertRaises(UserError):
                    automatic.with_user(user).unlink()
        self.assertEqual(handover.equipment_state, "电话正常")
        self.assertEqual(handover.line_ids, automatic)

    def test_agent_hands_over_only_their_own_shift(self):
        """Integrity: an agent recorded a handover in a colleague's name."""
        with self.assertRaises(UserError):
            self.handover(outgoing=self.agent_3, outgoing_user_id=self.agent_out.id)
        with self.assertRaises(ValidationError):
            self.handover(incoming=self.agent_out)
        self.assertFalse(self.env["cs.handover"].search([("company_id", "=", self.company.id)]))

    def test_other_companys_complaint_is_not_carried(self):
        """A handover lists only its company's items."""
        self.open_complaint()
        other = self.env["res.company"].create({"name": "别家商场"})
        foreign = self.env["cs.complaint"].create(
            {"subject": "别家投诉", "company_id": other.id, "received_at": shanghai(2, 10)}
        )
        handover = self.handover()
        self.assertNotIn(foreign, handover.line_ids.complaint_id)
        with self.assertRaises(AccessError):
            foreign.with_user(self.agent_in).check_access("read")
