from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestComplaintTour(HttpCase):
    def test_agent_records_and_acknowledges_a_complaint_in_the_browser(self):
        agent = new_test_user(self.env, "t_tour_agent", groups="cs_center.group_cs_agent")
        self.start_tour(
            "/odoo/action-cs_center.action_cs_complaint",
            "cs_complaint_intake",
            login="t_tour_agent",
        )
        complaint = self.env["cs.complaint"].search(
            [("subject", "=", "Lift out of order on floor three")]
        )
        self.assertEqual(complaint.state, "acknowledged")
        self.assertEqual(complaint.first_owner_id, agent)
