from odoo import api, fields, models

from odoo.addons.cs_center.rules import calls as call_rules


class CsCallRecord(models.Model):
    """客户来电记录单: every incoming call (seed 000 第六章; 003 第五篇 四)."""

    _name = "cs.call.record"
    _description = "Call Record"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "call_at desc, id desc"

    name = fields.Char(
        string="Number", readonly=True, copy=False, default=lambda self: self.env._("New")
    )
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda self: self.env.company
    )
    call_at = fields.Datetime(string="Call Time", required=True, default=fields.Datetime.now)
    user_id = fields.Many2one(
        comodel_name="res.users", string="Answered By", default=lambda self: self.env.user
    )
    partner_id = fields.Many2one(comodel_name="res.partner", string="Caller", index=True)
    caller_name = fields.Char(help="Name given by a caller who is not a contact.")
    phone = fields.Char(string="Phone Number", index=True)
    ring_seconds = fields.Integer(
        string="Ringing (s)", help="Seconds the phone rang before it was answered."
    )
    talk_seconds = fields.Integer(string="Talk Time (s)")
    answered_in_time = fields.Boolean(
        string="Answered Within the Rings",
        compute="_compute_answered_in_time",
        store=True,
        help="Answered within the company's rings (seed: three rings).",
    )
    call_type = fields.Selection(
        selection=[
            ("consultation", "Consultation"),
            ("complaint", "Complaint"),
            ("suggestion", "Suggestion"),
            ("other", "Other"),
        ],
        required=True,
        default="consultation",
    )
    source = fields.Selection(
        selection=[
            ("normal", "Customer"),
            ("media", "News Media"),
            ("authority", "Supervising Authority"),
            ("mayor_hotline", "Mayor's Hotline"),
        ],
        required=True,
        default="normal",
        help="Calls from media, authorities and the mayor's hotline are followed up closely.",
    )
    content = fields.Text(required=True)
    answer = fields.Text()
    follow_up_required = fields.Boolean()
    follow_up_done_at = fields.Datetime()
    repeat_caller = fields.Boolean(
        compute="_compute_repeat_caller",
        store=True,
        index=True,
        help="The same number called within the company's repeat window.",
    )
    highlighted = fields.Boolean(
        compute="_compute_highlighted",
        store=True,
        index=True,
        help="Reported in the daily summary: repeat callers, open follow-ups, media, "
        "authorities and the mayor's hotline.",
    )
    complaint_id = fields.Many2one(comodel_name="cs.complaint", readonly=True, copy=False)
    lead_id = fields.Many2one(comodel_name="crm.lead", readonly=True, copy=False)

    @api.depends("ring_seconds", "company_id.cs_ring_seconds", "company_id.cs_answer_rings")
    def _compute_answered_in_time(self):
        for call in self:
            company = call.company_id
            call.answered_in_time = call_rules.answered_in_time(
                call.ring_seconds, company.cs_ring_seconds or 1, company.cs_answer_rings
            )

    @api.depends("phone", "call_at")
    def _compute_repeat_caller(self):
        phones = [p for p in set(self.mapped("phone")) if p]
        history = {}
        if phones:
            for phone, times in self.env["cs.call.record"]._read_group(
                [("phone", "in", phones)], ["phone"], ["call_at:array_agg"]
            ):
                history[phone] = times
        for call in self:
            window = call.company_id.cs_repeat_call_days
            call.repeat_caller = bool(call.phone and call.call_at) and call_rules.is_repeat(
                call.call_at, history.get(call.phone, []), window
            )

    @api.depends("repeat_caller", "follow_up_required", "follow_up_done_at", "source")
    def _compute_highlighted(self):
        for call in self:
            call.highlighted = (
                call.repeat_caller
                or (call.follow_up_required and not call.follow_up_done_at)
                or call.source != "normal"
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code("cs.call.record") or "/"
        return super().create(vals_list)

    def action_to_complaint(self):
        """One click: the call becomes a complaint about the same customer."""
        self.ensure_one()
        if not self.complaint_id:
            self.complaint_id = self.env["cs.complaint"].create(
                {
                    "subject": (self.content or "").splitlines()[0][:120] or self.name,
                    "partner_id": self.partner_id.id,
                    "phone": self.phone,
                    "channel": "phone",
                    "received_at": self.call_at,
                    "description": self.content,
                    "call_id": self.id,
                }
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "cs.complaint",
            "res_id": self.complaint_id.id,
            "view_mode": "form",
        }

    def action_to_lead(self):
        self.ensure_one()
        if not self.lead_id:
            self.lead_id = self.env["crm.lead"].create(
                {
                    "name": (self.content or "").splitlines()[0][:120] or self.name,
                    "partner_id": self.partner_id.id,
                    "contact_name": self.caller_name,
                    "phone": self.phone,
                    "description": self.content,
                }
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.lead",
            "res_id": self.lead_id.id,
            "view_mode": "form",
        }
