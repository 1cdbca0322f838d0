from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CsCenterCommon


@tagged("post_install", "-at_install")
class TestComplaintOwnership(CsCenterCommon):
    def test_first_owner_is_the_agent_who_took_the_contact(self):
        complaint = self.complaint()
        self.assertEqual(complaint.first_owner_id, self.agent)
        self.assertIn(self.agent.partner_id, complaint.message_partner_ids)

    def test_transferred_twice_keeps_the_first_owner_following(self):
        complaint = self.complaint()
        complaint.with_user(self.agent)._transfer(
            team=self.team_2, user=self.agent_2, reason="desk"
        )
        complaint.with_user(self.agent_2)._transfer(user=self.agent_3, reason="specialist")
        self.assertEqual(complaint.transfer_count, 2)
        self.assertEqual(complaint.user_id, self.agent_3)
        self.assertEqual(complaint.first_owner_id, self.agent)
        self.assertIn(self.agent.partner_id, complaint.message_partner_ids)

    def test_first_owner_cannot_be_reassigned(self):
        complaint = self.complaint()
        with self.assertRaisesRegex(UserError, "first owner"):
            complaint.with_user(self.manager).first_owner_id = self.agent_2
        self.assertEqual(complaint.first_owner_id, self.agent)

    def _resolved(self):
        complaint = self.complaint()
        complaint.action_acknowledge()
        complaint.action_resolve()
        return complaint

    def test_closing_without_customer_confirmation_is_refused(self):
        complaint = self._resolved()
        with self.assertRaisesRegex(UserError, "not confirmed"):
            complaint.with_user(self.agent).action_close()
        self.assertEqual(complaint.state, "resolved")

    def test_manager_closes_without_confirmation_only_with_a_reason(self):
        complaint = self._resolved()
        complaint.close_override_reason = "Customer unreachable after three calls"
        with self.assertRaisesRegex(UserError, "Only a CS manager"):
            complaint.with_user(self.agent).action_close()
        complaint.with_user(self.manager).action_close()
        self.assertEqual(complaint.state, "closed")

    def test_good_callback_confirms_and_closing_is_allowed(self):
        complaint = self._resolved()
        self.env["cs.complaint.callback"].create({"complaint_id": complaint.id, "score": 5})
        self.assertEqual(complaint.state, "callback_done")
        self.assertTrue(complaint.customer_confirmed)
        complaint.with_user(self.agent).action_close()
        self.assertEqual(complaint.state, "closed")

    def test_low_callback_score_reopens_and_escalates(self):
        complaint = self._resolved()
        self.env["cs.complaint.callback"].create({"complaint_id": complaint.id, "score": 2})
        self.assertEqual(complaint.state, "in_progress")
        self.assertFalse(complaint.customer_confirmed)
        self.assertEqual(complaint.activity_ids.user_id, self.manager)
        self.assertEqual(complaint.satisfaction_score, 2)

    def test_complex_complaint_needs_consulted_departments_before_assignment(self):
        complaint = self.complaint(complexity="complex", user_id=self.agent_2.id)
        with self.assertRaisesRegex(UserError, "consulted"):
            complaint.action_assess()
        department = self.env["hr.department"].create({"name": "Logistics"})
        complaint.consulted_department_ids = department
        complaint.action_assess()
        self.assertEqual(complaint.state, "in_progress")

    def test_referral_outside_records_body_and_contact_and_keeps_it_open(self):
        complaint = self.complaint()
        with self.assertRaises(UserError):
            complaint.action_refer()
        complaint.write({"referral_body": "自来水公司", "referral_contact": "96390"})
        complaint.action_refer()
        self.assertTrue(complaint.referred)
        self.assertEqual(complaint.state, "new")

    def test_key_account_complaint_is_visible_only_to_its_group_and_managers(self):
        complaint = self.complaint(user=self.manager, partner_id=self.key_contact.id)
        self.assertEqual(complaint.key_account_group_id, self.ka_group)
        self.assertEqual(complaint.user_id, self.ka_member, "routed to the group")
        Complaint = self.env["cs.complaint"]
        self.assertFalse(Complaint.with_user(self.agent).search([("id", "=", complaint.id)]))
        with self.assertRaises(AccessError):
            complaint.with_user(self.agent).read(["subject"])
        self.assertEqual(
            Complaint.with_user(self.ka_member).search([("id", "=", complaint.id)]), complaint
        )
        self.assertEqual(
            Complaint.with_user(self.manager).search([("id", "=", complaint.id)]), complaint
        )

    def test_complaint_by_email_through_an_alias(self):
        complaint = self.env["cs.complaint"].message_new(
            {
                "subject": "Late delivery",
                "email_from": "wang@example.com",
                "body": "<p>Still waiting</p>",
            },
            {"team_id": self.team.id},
        )
        self.assertEqual(complaint.channel, "email")
        self.assertEqual(complaint.team_id, self.team)
        self.assertTrue(complaint.reply_deadline)

    def test_online_survey_answer_becomes_a_callback(self):
        self.customer.email = "li.jianhua@example.com"
        complaint = self._resolved()
        complaint.action_send_survey()
        rating = self.env["rating.rating"].search(
            [("res_model", "=", "cs.complaint"), ("res_id", "=", complaint.id)]
        )
        self.assertTrue(rating.access_token)
        complaint.rating_apply(5, token=rating.access_token, feedback="很满意")
        self.assertEqual(complaint.callback_ids.method, "survey")
        self.assertEqual(complaint.state, "callback_done")
        self.assertTrue(complaint.customer_confirmed)

    def test_low_survey_answer_reopens_the_complaint(self):
        complaint = self._resolved()
        complaint.action_send_survey()
        token = complaint._rating_get_access_token()
        complaint.rating_apply(1, token=token)
        self.assertEqual(complaint.state, "in_progress")
        self.assertEqual(complaint.satisfaction_score, 1)
