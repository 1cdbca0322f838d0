"""The escalation ladder (issue #11): the handler is warned when a share of a
deadline has elapsed, then the team leader, then the manager on the breach; a
complaint reopened too often is escalated too. Each step once, in the chatter,
with the policy of the complaint's team."""

from datetime import datetime

from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, new_test_user, tagged

from .common import CsCenterCommon

MONDAY_9 = datetime(2026, 3, 2, 9, 0)


def at(hour, minute):
    return datetime(2026, 3, 2, hour, minute)


@tagged("post_install", "-at_install")
class TestEscalationLadder(CsCenterCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.leader = new_test_user(cls.env, "t_leader", groups="cs_center.group_cs_agent")
        cls.team.leader_id = cls.leader

    def _emailed(self, team=None):
        """An email of Monday 9:00 (read within 2 h, first reply within 4 h),
        acknowledged at 9:05 by the agent, who handles it: only the reply is
        left, due at 13:00."""
        complaint = self.complaint(
            channel="email", received_at=MONDAY_9, team_id=(team or self.team).id
        )
        with freeze_time(at(9, 5)):
            complaint.with_user(self.agent).action_acknowledge()
        self.assertEqual(complaint.reply_deadline, at(13, 0))
        return complaint

    def _cron(self, when):
        with freeze_time(when):
            return self.env["cs.complaint"]._cron_escalate_breaches()

    def _activities(self, complaint, user):
        return complaint.activity_ids.filtered(lambda activity: activity.user_id == user)

    def _logged(self, complaint, text):
        return complaint.message_ids.filtered(lambda message: text in (message.body or ""))

    def test_reply_deadline_80_percent_elapsed_warns_the_handler_once(self):
        """Escalation ladder (#11): 80 % of the four working hours of the first
        reply (12:12) warns the handler, once, whatever how often the cron runs."""
        complaint = self._emailed()
        self._cron(at(12, 11))
        self.assertFalse(self._activities(complaint, self.agent), "79.6 % elapsed: too early")
        self.assertFalse(complaint.reply_escalation)
        self._cron(at(12, 12))
        self.assertEqual(len(self._activities(complaint, self.agent)), 1)
        self.assertEqual(complaint.reply_escalation, "handler")
        self.assertEqual(len(self._logged(complaint, "Reply Deadline")), 1)
        self._cron(at(12, 20))
        self._cron(at(12, 30))
        self.assertEqual(len(self._activities(complaint, self.agent)), 1)
        self.assertEqual(len(self._logged(complaint, "Reply Deadline")), 1)
        self.assertFalse(self._activities(complaint, self.leader))
        self.assertFalse(complaint.escalated)

    def test_90_percent_elapsed_warns_the_team_leader_once(self):
        """Escalation ladder (#11): the team leader hears of it next (12:36)."""
        complaint = self._emailed()
        self._cron(at(12, 12))
        self._cron(at(12, 35))
        self.assertFalse(self._activities(complaint, self.leader))
        self._cron(at(12, 36))
        self._cron(at(12, 50))
        self.assertEqual(len(self._activities(complaint, self.leader)), 1)
        self.assertEqual(complaint.reply_escalation, "leader")
        self.assertFalse(self._activities(complaint, self.manager))

    def test_breach_escalates_to_the_manager_once(self):
        """Escalation ladder (#11): at 13:00 the reply is still in time; missed,
        it escalates to the manager once, and the breach stays flagged."""
        complaint = self._emailed()
        self.assertFalse(self._cron(at(13, 0)) & complaint)
        self.assertFalse(self._activities(complaint, self.manager))
        self.assertIn(complaint, self._cron(at(13, 1)))
        self.assertFalse(self._cron(at(13, 30)) & complaint)
        self.assertFalse(self._cron(at(16, 0)) & complaint)
        self.assertEqual(len(self._activities(complaint, self.manager)), 1)
        self.assertEqual(complaint.reply_escalation, "manager")
        self.assertTrue(complaint.reply_breached)
        self.assertTrue(complaint.escalated)
        # The late run took the handler's and the leader's steps too, once each.
        self.assertEqual(len(self._activities(complaint, self.agent)), 1)
        self.assertEqual(len(self._activities(complaint, self.leader)), 1)

    def test_a_met_target_climbs_no_further(self):
        """Escalation ladder (#11): the first reply at 12:30 stops the ladder."""
        complaint = self._emailed()
        self._cron(at(12, 12))
        with freeze_time(at(12, 30)):
            complaint.with_user(self.agent).action_log_progress()
        self._cron(at(12, 40))
        self._cron(at(13, 30))
        self.assertEqual(complaint.reply_escalation, "handler")
        self.assertFalse(complaint.reply_breached)
        self.assertFalse(complaint.activity_ids.filtered(lambda a: a.user_id != self.agent))

    def test_waiting_for_the_customer_holds_the_ladder(self):
        """Escalation ladder (#11): the clock stops while the customer is
        awaited, and the warnings move with the deadline when it resumes."""
        complaint = self._emailed()
        with freeze_time(at(10, 0)):
            complaint.with_user(self.agent).action_wait_customer()
        self._cron(at(14, 0))
        self.assertFalse(complaint.activity_ids)
        self.assertFalse(complaint.reply_breached)
        with freeze_time(at(14, 0)):
            complaint.with_user(self.agent).action_resume()
        # Four working hours paused: the reply is due at 17:00, the handler warned at 16:12.
        self.assertEqual(complaint.reply_deadline, at(17, 0))
        self.assertEqual(complaint.reply_warn_handler_at, at(16, 12))
        self._cron(at(16, 11))
        self.assertFalse(complaint.activity_ids)
        self._cron(at(16, 12))
        self.assertEqual(len(self._activities(complaint, self.agent)), 1)

    def test_third_reopening_escalates(self):
        """Escalation ladder (#11): a complaint reopened more than twice (the
        team's policy) goes to the manager, once."""
        complaint = self.complaint()
        agent_complaint = complaint.with_user(self.agent)
        agent_complaint.action_acknowledge()
        for count in (1, 2, 3, 4):
            agent_complaint.action_resolve()
            agent_complaint.action_reopen()
            self.assertEqual(complaint.reopen_count, count)
            self.assertEqual(bool(self._activities(complaint, self.manager)), count >= 3, count)
        self.assertEqual(len(self._activities(complaint, self.manager)), 1)
        self.assertTrue(complaint.reopen_escalated)
        self.assertEqual(len(self._logged(complaint, "reopened 3 times")), 1)

    def test_ladder_policy_is_the_teams(self):
        """Escalation ladder (#11): a team warning at 50 % warns at 11:00; the
        other team keeps 80 %."""
        self.team_2.write({"sla_handler_percent": 50, "leader_id": self.leader.id})
        complaint = self._emailed(team=self.team_2)
        self.assertEqual(complaint.reply_warn_handler_at, at(11, 0))
        self.assertEqual(self._emailed().reply_warn_handler_at, at(12, 12))
        self._cron(at(11, 0))
        self.assertEqual(len(self._activities(complaint, self.agent)), 1)

    def test_team_takes_its_companys_policy(self):
        """Escalation ladder (#11): the policy defaults come from the team's company."""
        self.env.company.write(
            {"cs_sla_handler_percent": 70, "cs_sla_leader_percent": 85, "cs_reopen_limit": 4}
        )
        team = self.env["cs.team"].create({"name": "Night Shift"})
        self.assertEqual(
            (team.sla_handler_percent, team.sla_leader_percent, team.reopen_limit), (70, 85, 4)
        )

    def test_team_policy_must_make_sense(self):
        """Escalation ladder (#11): a manager set the warning at 0 % or 100 %, or
        the leader's before the handler's: refused, nothing changed."""
        team = self.team.with_user(self.manager)
        for vals in (
            {"sla_handler_percent": 0},
            {"sla_handler_percent": 100},
            {"sla_leader_percent": 120},
            {"sla_handler_percent": 90, "sla_leader_percent": 80},
            {"reopen_limit": -1},
            {"reopen_limit": 10_000},
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                team.write(vals)
                team.env.flush_all()
        self.team.invalidate_recordset()
        self.assertEqual(
            (self.team.sla_handler_percent, self.team.sla_leader_percent, self.team.reopen_limit),
            (80, 90, 2),
        )

    def test_agent_cannot_forge_the_ladder(self):
        """Escalation ladder (#11): an agent wrote the ladder's steps, instants and
        reopen count over JSON-RPC to silence the warnings: refused."""
        complaint = self._emailed()
        names = (
            "reply_escalation",
            "reply_warn_handler_at",
            "reply_warn_leader_at",
            "reopen_count",
            "reopen_escalated",
        )
        before = complaint.read(names)
        for vals in (
            {"reply_escalation": "manager"},
            {"reply_warn_handler_at": datetime(2027, 1, 1)},
            {"reply_warn_leader_at": False},
            {"reopen_count": -5},
            {"reopen_escalated": True},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                complaint.with_user(self.agent).write(vals)
        complaint.invalidate_recordset()
        self.assertEqual(complaint.read(names), before)
