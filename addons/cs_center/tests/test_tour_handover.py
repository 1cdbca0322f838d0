from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.cs_base.tests.access_matrix import create_china_company


@tagged("post_install", "-at_install")
class TestHandoverTour(HttpCase):
    def test_incoming_agent_takes_over_and_opens_the_carried_complaint(self):
        """Done when: in the browser, the incoming agent acknowledges the
        handover's line, takes over and opens the carried-over complaint."""
        company = create_china_company(self.env, "交接班浏览器测试商场")

        def agent(login):
            return new_test_user(
                self.env,
                login,
                groups="cs_center.group_cs_agent",
                company_id=company.id,
                company_ids=[company.id],
                tz="Asia/Shanghai",
            )

        outgoing, incoming = agent("t_tour_outgoing"), agent("t_tour_incoming")
        complaint = (
            self.env["cs.complaint"]
            .with_user(outgoing)
            .create({"subject": "Lift out of order on floor three", "company_id": company.id})
        )
        complaint.with_user(outgoing).action_acknowledge()
        handover = (
            self.env["cs.handover"]
            .with_user(outgoing)
            .create(
                {
                    "shift_id": self.env.ref("cs_center.shift_night").id,
                    "shift_date": fields.Date.today(),
                    "incoming_user_id": incoming.id,
                    "company_id": company.id,
                }
            )
        )
        self.assertEqual(handover.line_ids.complaint_id, complaint)
        handover.with_user(outgoing).action_hand_over()
        self.start_tour(
            "/odoo/action-cs_center.action_cs_handover",
            "cs_handover_take_over",
            login="t_tour_incoming",
        )
        self.assertEqual(handover.state, "taken_over")
        self.assertEqual(handover.line_ids.acknowledged_by_id, incoming)
