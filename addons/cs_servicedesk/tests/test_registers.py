import base64

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user, tagged

SIGNATURE = base64.b64encode(
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
    b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00"
    b"\x00IEND\xaeB`\x82"
)


@tagged("post_install", "-at_install")
class TestRegisters(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clerk = new_test_user(cls.env, "t_reg_clerk", groups="cs_servicedesk.group_desk_clerk")
        cls.lead = new_test_user(
            cls.env, "t_reg_lead", groups="cs_servicedesk.group_desk_shift_lead"
        )
        cls.wallet = (
            cls.env["cs.lost.item"]
            .with_user(cls.clerk)
            .create(
                {
                    "description": "钱包",
                    "quantity": 1,
                    "colour": "黑色",
                    "features": "皮质，内有身份证",
                }
            )
        )

    def _claim(self, item, user, **claim):
        item.with_user(user).write(
            {
                "claimant_name": "李建华",
                "claimant_id_number": "430102199001011234",
                "claimant_signature": SIGNATURE,
                **claim,
            }
        )
        return item.with_user(user).action_claim()

    def test_matching_claim_hands_the_item_over(self):
        self._claim(
            self.wallet, self.clerk, claim_quantity=1, claim_colour="黑", claim_features="皮质"
        )
        self.assertEqual(self.wallet.state, "claimed")

    def test_non_matching_claim_is_refused_without_a_shift_lead_override(self):
        with self.assertRaisesRegex(UserError, "does not match"):
            self._claim(
                self.wallet,
                self.clerk,
                claim_quantity=1,
                claim_colour="红色",
                claim_features="皮质",
            )
        self.assertEqual(self.wallet.state, "registered")
        with self.assertRaisesRegex(UserError, "Only a shift lead"):
            self._claim(self.wallet, self.clerk, override_reason="Knows the ID inside")
        self._claim(self.wallet, self.lead, override_reason="Knows the ID inside")
        self.assertEqual(self.wallet.state, "claimed")

    def test_claim_needs_id_number_and_signature(self):
        self.wallet.write({"claim_quantity": 1, "claim_colour": "黑色", "claim_features": "皮质"})
        with self.assertRaisesRegex(UserError, "signature"):
            self.wallet.with_user(self.clerk).action_claim()

    def test_medicine_use_below_minimum_raises_one_restock_activity(self):
        medicine = (
            self.env["cs.medicine"]
            .with_user(self.lead)
            .create(
                {"name": "创可贴", "kind": "external", "minimum": 5, "responsible_id": self.lead.id}
            )
        )
        Move = self.env["cs.medicine.move"].with_user(self.clerk)
        Move.create({"medicine_id": medicine.id, "move_type": "restock", "quantity": 10})
        Move.create({"medicine_id": medicine.id, "quantity": 5, "patient": "顾客 张女士"})
        self.assertEqual(medicine.stock, 5)
        self.assertFalse(medicine.activity_ids, "at the minimum, no request yet")
        Move.create({"medicine_id": medicine.id, "quantity": 1, "patient": "员工 周敏"})
        self.assertEqual(medicine.stock, 4)
        self.assertEqual(medicine.activity_ids.user_id, self.lead)
        Move.create({"medicine_id": medicine.id, "quantity": 1})
        self.assertEqual(len(medicine.activity_ids), 1)

    def test_medicine_cannot_be_used_beyond_its_stock_and_lines_are_kept(self):
        medicine = self.env["cs.medicine"].with_user(self.lead).create({"name": "藿香正气水"})
        move = (
            self.env["cs.medicine.move"]
            .with_user(self.clerk)
            .create({"medicine_id": medicine.id, "move_type": "restock", "quantity": 2})
        )
        with self.assertRaisesRegex(UserError, "Not enough"):
            self.env["cs.medicine.move"].with_user(self.clerk).create(
                {"medicine_id": medicine.id, "quantity": 3}
            )
        self.assertEqual(medicine.stock, 2)
        with self.assertRaises(UserError):
            move.with_user(self.lead).unlink()

    def test_lost_card_is_reissued_with_its_points_and_the_old_number_blocked(self):
        partner = self.env["res.partner"].create({"name": "林美玲"})
        card = (
            self.env["cs.point.card"]
            .with_user(self.clerk)
            .create(
                {
                    "partner_id": partner.id,
                    "id_number": "430102198802023456",
                    "application_receipt": "R-20260301-0099",
                }
            )
        )
        card.action_issue()
        self.env["cs.point.card.line"].with_user(self.clerk).create(
            {"card_id": card.id, "points": 120, "receipt": "R-20260302-0100"}
        )
        with self.assertRaises(UserError):
            card.action_reissue()
        card.action_report_lost()
        action = card.action_reissue()
        new = self.env["cs.point.card"].browse(action["res_id"])
        self.assertEqual(card.state, "replaced")
        self.assertEqual(new.state, "active")
        self.assertNotEqual(new.name, card.name)
        self.assertEqual((new.points, card.points), (120, 0))
        with self.assertRaises(UserError):
            self.env["cs.point.card.line"].create(
                {"card_id": card.id, "points": 10, "receipt": "R-late"}
            )

    def test_paging_request_is_logged_with_who_asked(self):
        page = (
            self.env["cs.free.service"]
            .with_user(self.clerk)
            .create(
                {
                    "service_type": "paging_person",
                    "requested_by": "王女士",
                    "content": "寻找一名穿红衣服的5岁男孩",
                }
            )
        )
        self.assertTrue(page.name.startswith("FW"))
        self.assertEqual(page.handled_by_id, self.clerk)
