"""Browser tours of the main flows (issue #16), each saving a screenshot of its main
form for the README."""

from odoo.tests import HttpCase, new_test_user, tagged

# The module, not its class: a TestCase imported by name would run here too.
from odoo.addons.cs_base.tests import tour_screenshots


@tagged("post_install", "-at_install")
class TestCallToCallbackTour(tour_screenshots.TourScreenshotMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = new_test_user(
            cls.env, "t_flow_agent", groups="cs_center.group_cs_agent", name="Agent Wang"
        )
        cls.customer = cls.env["res.partner"].create({"name": "Zhang Wei (tour)"})

    def test_agent_takes_a_call_to_a_complaint_resolved_and_called_back(self):
        """Issue #16 tours: an agent records a complaint call, turns it into a complaint
        with the call form's button, acknowledges and resolves it, and records the
        customer's score in the callback (回访)."""
        self.start_tour("/odoo", "cs_call_to_callback", login="t_flow_agent")

        call = self.env["cs.call.record"].search([("partner_id", "=", self.customer.id)])
        self.assertEqual(len(call), 1)
        self.assertEqual(call.call_type, "complaint")
        self.assertEqual(call.user_id, self.agent)
        complaint = call.complaint_id
        self.assertTrue(complaint, "the call is linked to the complaint it became")
        self.assertEqual(complaint.call_id, call)
        self.assertEqual(complaint.partner_id, self.customer)
        self.assertEqual(complaint.channel, "phone")
        self.assertEqual(complaint.first_owner_id, self.agent, "首问责任制: the agent owns it")
        self.assertIn("Lift B was repaired", complaint.resolution)
        self.assertTrue(complaint.resolved_at)
        self.assertEqual(complaint.state, "callback_done")
        self.assertTrue(complaint.customer_confirmed)
        callback = complaint.callback_ids
        self.assertEqual(len(callback), 1)
        self.assertEqual(callback.score, 4)
        self.assertEqual(callback.method, "phone")
        self.assertEqual(callback.user_id, self.agent)
        self.assertEqual(callback.agent_id, self.agent)
        self.assertTrue(callback.satisfied)
        self.assertIn("cs_call_to_callback", self.cs_screenshots)
