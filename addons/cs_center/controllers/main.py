from odoo import http
from odoo.http import request


class ComplaintWebForm(http.Controller):
    """A public web form: customers file a complaint themselves (channel: web form)."""

    @http.route("/customer-service/complaint", type="http", auth="public", methods=["GET"])
    def complaint_form(self, **kwargs):
        return request.render("cs_center.complaint_web_form", {"values": {}, "error": False})

    @http.route("/customer-service/complaint", type="http", auth="public", methods=["POST"])
    def complaint_submit(self, **post):
        values = {
            key: (post.get(key) or "").strip()
            for key in ("name", "phone", "email", "subject", "description")
        }
        if not (values["name"] and values["subject"] and (values["phone"] or values["email"])):
            return request.render(
                "cs_center.complaint_web_form",
                {
                    "values": values,
                    "error": request.env._("Give your name, a phone or email, and what happened."),
                },
            )
        complaint = request.env["cs.complaint"].sudo()._create_from_web_form(values)
        return request.render("cs_center.complaint_web_thanks", {"complaint": complaint})
