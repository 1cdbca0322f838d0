from odoo.tests import HttpCase, tagged

from .common import LeaveCommon


@tagged("post_install", "-at_install")
class TestLeaveTour(HttpCase, LeaveCommon):
    def test_supervisor_approves_the_first_level_in_chinese_in_the_browser(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.supervisor.user_id.lang = "zh_CN"
        leave = self.leave(self.sick, self.d("2026-03-03"), self.d("2026-03-04"))
        self.assertEqual(leave.cs_levels, "supervisor,manager")
        self.start_tour(f"/odoo/hr.leave/{leave.id}", "cs_leave_approve_level", login="t_super")
        self.assertEqual(leave.cs_levels_done, 1)
        self.assertEqual(leave.state, "confirm", "the department manager has yet to approve")
