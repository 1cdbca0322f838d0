from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CsCenterCommon


@tagged("post_install", "-at_install")
class TestSuggestions(CsCenterCommon):
    """顾客意见 (seed 003 5.2.6): recorded, thanked, forwarded to the manager."""

    def suggestion(self, **vals):
        values = {"subject": "母婴室", "content": "希望每层设母婴室", "kind": "written", **vals}
        return self.env["cs.suggestion"].with_user(self.agent).create(values)

    def test_manager_of_the_agents_team_is_the_default_responsible(self):
        self.assertEqual(self.suggestion().manager_id, self.manager)

    def test_thanking_records_the_date_once(self):
        suggestion = self.suggestion()
        suggestion.action_thank()
        self.assertTrue(suggestion.thanked)
        self.assertTrue(suggestion.thanked_at)
        with self.assertRaises(UserError):
            suggestion.action_thank()

    def test_forwarding_gives_the_manager_a_to_do(self):
        suggestion = self.suggestion()
        suggestion.action_forward()
        self.assertEqual(suggestion.state, "forwarded")
        self.assertTrue(suggestion.forwarded_at)
        self.assertEqual(suggestion.activity_ids.user_id, self.manager)
        suggestion.with_user(self.manager).action_done()
        self.assertEqual(suggestion.state, "done")
        self.assertFalse(suggestion.activity_ids)

    def test_forwarding_without_a_manager_is_refused(self):
        suggestion = self.suggestion(manager_id=False)
        with self.assertRaises(UserError):
            suggestion.action_forward()

    def test_closing_before_forwarding_is_refused(self):
        with self.assertRaises(UserError):
            self.suggestion().action_done()

    def test_periodic_summary_counts_by_kind(self):
        self.suggestion() | self.suggestion(kind="oral") | self.suggestion(kind="oral")
        counts = dict(
            self.env["cs.suggestion"]._read_group(
                [("subject", "=", "母婴室")], ["kind"], ["__count"]
            )
        )
        self.assertEqual(counts, {"written": 1, "oral": 2})
