from odoo import http
from odoo.exceptions import UserError
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
        error = False
        if not (values["name"] and values["subject"] and (values["phone"] or values["email"])):
            error = request.env._("Give your name, a phone or email, and what happened.")
        else:
            try:
                # A refused value leaves nothing behind: no customer without a complaint.
                with request.env.cr.savepoint():
                    complaint = request.env["cs.complaint"].sudo()._create_from_web_form(values)
            except UserError as refusal:  # ValidationError included
                error = refusal.args[0]
        if error:
            return request.render(
                "cs_center.complaint_web_form", {"values": values, "error": error}
            )
        return request.render("cs_center.complaint_web_thanks", {"complaint": complaint})
