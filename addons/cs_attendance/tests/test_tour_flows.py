"""Browser tour of the leave flow (issue #16): request and tiered approval, in Chinese,
in a company in China."""

from odoo.tests import HttpCase, tagged

from odoo.addons.cs_base.tests.tour_screenshots import TourScreenshotMixin

from .common import LeaveCommon


@tagged("post_install", "-at_install")
class TestLeaveRequestTiersTour(TourScreenshotMixin, HttpCase, LeaveCommon):
    company_of_its_own = True
    browser_timezone = "Asia/Shanghai"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The whole interface in 简体中文, as `odoo-bin i18n loadlang` would load it.
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"].search([("state", "=", "installed")])._update_translations(
            ["zh_CN"]
        )
        (cls.head | cls.manager | cls.supervisor | cls.employee).user_id.lang = "zh_CN"

    def test_employee_requests_leave_and_each_level_approves_in_chinese(self):
        """Issue #16 tours: in Time Off's form an employee requests two days of personal
        leave (事假); her direct supervisor approves the first level and the department
        manager the second, each logged in on their own. The leave is approved only
        after the last level, and the chatter names each level and its approver."""
        company = self.employee.company_id
        self.assertEqual(company.country_id.code, "CN")
        self.assertEqual(company.currency_id.name, "CNY")
        self.assertEqual(self.employee.user_id.tz, "Asia/Shanghai")

        self.start_tour("/odoo", "cs_leave_request_tiers", login="t_emp", timeout=240)

        leave = self.env["hr.leave"].search([("employee_id", "=", self.employee.id)])
        self.assertEqual(len(leave), 1)
        self.assertEqual(leave.holiday_status_id, self.personal)
        self.assertEqual(leave.request_date_from.weekday(), 1, "from a Tuesday")
        self.assertEqual(leave.number_of_days, 2)
        self.assertEqual(leave.cs_levels, "supervisor,manager")
        self.assertEqual(leave.cs_levels_done, 2)
        self.assertEqual(leave.state, "validate")

        approvals = leave.message_ids.browse()
        for body, approver in (
            ("第 1 级（直接主管）由 刘组长 审批通过。", self.supervisor),
            ("第 2 级（部门经理）由 陈经理 审批通过。", self.manager),
        ):
            message = leave.message_ids.filtered(lambda m, body=body: body in m.body)
            self.assertEqual(len(message), 1, body)
            self.assertEqual(message.author_id, approver.user_id.partner_id)
            approvals |= message
        first, last = approvals.sorted("id")
        self.assertIn("第 1 级", first.body, "the supervisor approves first")
        state_changes = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id", "in", leave.message_ids.ids),
                ("field_id", "=", self.env["ir.model.fields"]._get("hr.leave", "state").id),
            ]
        )
        self.assertTrue(state_changes, "the approval is in the chatter")
        self.assertGreater(
            min(state_changes.mail_message_id.ids),
            last.id,
            "the state changed only after the last level approved",
        )
        self.assertIn("cs_leave_request_tiers", self.cs_screenshots)
