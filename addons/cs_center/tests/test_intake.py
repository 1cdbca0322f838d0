from odoo import http
from odoo.tests import HttpCase, tagged

from .common import CsCenterCommon

RAW_EMAIL = """From: Wang Fang <wang.fang@example.com>
To: tousu@plaza.example.com
Subject: 快递包装破损
Message-ID: <cs-suite-test-1@example.com>
Content-Type: text/plain; charset=utf-8

买的山珍礼盒包装破损，请处理。
"""


@tagged("post_install", "-at_install")
class TestEmailIntake(CsCenterCommon):
    def test_email_to_the_team_alias_becomes_a_complaint_of_the_team(self):
        domain = self.env["mail.alias.domain"].create({"name": "plaza.example.com"})
        self.team.write({"alias_name": "tousu", "alias_domain_id": domain.id})
        self.assertEqual(self.team.alias_id.alias_model_id.model, "cs.complaint")
        complaint_id = self.env["mail.thread"].message_process(False, RAW_EMAIL)
        complaint = self.env["cs.complaint"].browse(complaint_id)
        self.assertEqual(complaint.team_id, self.team)
        self.assertEqual(complaint.channel, "email")
        self.assertEqual(complaint.subject, "快递包装破损")
        self.assertTrue(complaint.reply_deadline)

    def test_agent_taking_an_unowned_complaint_becomes_its_first_owner(self):
        complaint = self.env["cs.complaint"]._create_from_web_form(
            {"name": "赵女士", "phone": "13811112222", "subject": "停车收费不合理"}
        )
        self.assertFalse(complaint.first_owner_id)
        complaint.with_user(self.agent_2).action_acknowledge()
        self.assertEqual(complaint.first_owner_id, self.agent_2)


@tagged("post_install", "-at_install")
class TestWebForm(HttpCase):
    def test_customer_files_a_complaint_through_the_web_form(self):
        self.authenticate(None, None)
        page = self.url_open("/customer-service/complaint")
        self.assertEqual(page.status_code, 200)
        self.assertIn("csrf_token", page.text)
        data = {
            "name": "钱先生",
            "phone": "13922223333",
            "subject": "电梯故障无人处理",
            "description": "三楼电梯停了一个小时",
            "csrf_token": http.Request.csrf_token(self),
        }
        response = self.url_open("/customer-service/complaint", data=data)
        self.assertEqual(response.status_code, 200)
        complaint = self.env["cs.complaint"].search([("subject", "=", "电梯故障无人处理")])
        self.assertEqual(complaint.channel, "web")
        self.assertEqual(complaint.partner_id.name, "钱先生")
        self.assertIn(complaint.name, response.text)

    def test_incomplete_web_form_is_refused_and_creates_nothing(self):
        self.authenticate(None, None)
        data = {"name": "钱先生", "subject": "", "csrf_token": http.Request.csrf_token(self)}
        response = self.url_open("/customer-service/complaint", data=data)
        self.assertIn("alert-danger", response.text)
        self.assertFalse(self.env["cs.complaint"].search([("partner_id.name", "=", "钱先生")]))

    def test_refused_value_shows_the_form_again_and_leaves_nothing_behind(self):
        """Integrity #14: a 1,000-digit phone number on the public form is a clear
        message on the form, with no customer created for it."""
        self.authenticate(None, None)
        partners = self.env["res.partner"].search_count([])
        data = {
            "name": "孙女士",
            "phone": "1" * 1000,
            "subject": "停车场收费",
            "csrf_token": http.Request.csrf_token(self),
        }
        response = self.url_open("/customer-service/complaint", data=data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("alert-danger", response.text)
        self.assertFalse(self.env["cs.complaint"].search([("subject", "=", "停车场收费")]))
        self.assertEqual(self.env["res.partner"].search_count([]), partners)
