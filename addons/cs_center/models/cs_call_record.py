from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import clean_context

from odoo.addons.cs_center.rules import bounds
from odoo.addons.cs_center.rules import calls as call_rules

DURATION_FIELDS = ("ring_seconds", "talk_seconds")


class CsCallRecord(models.Model):
    """客户来电记录单: every incoming call (seed 000 第六章; 003 第五篇 四)."""

    _name = "cs.call.record"
    _description = "Call Record"
    _inherit = ["cs.guarded.mixin", "cs.sequence.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "call_at desc, id desc"
    _check_company_auto = True
    # The number, what the call became and the follow-up stamp come from the buttons;
    # the flags of the daily summary are computed.
    _cs_action_fields = frozenset(
        {
            "name",
            "complaint_id",
            "lead_id",
            "suggestion_id",
            "follow_up_done_at",
            "phone_key",
            "answered_in_time",
            "repeat_caller",
            "highlighted",
        }
    )

    name = fields.Char(
        string="Number", readonly=True, copy=False, default=lambda self: self.env._("New")
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    call_at = fields.Datetime(
        string="Call Time", required=True, index=True, default=fields.Datetime.now, tracking=True
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Answered By",
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        check_company=True,
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Caller", index=True, tracking=True, check_company=True
    )
    caller_name = fields.Char(
        string="Caller Name", help="Name given by a caller who is not a contact."
    )
    phone = fields.Char(string="Phone Number", tracking=True)
    phone_key = fields.Char(
        string="Phone Digits",
        compute="_compute_phone_key",
        store=True,
        index=True,
        help="Digits of the number without the country code, to recognise repeat callers.",
    )
    ring_seconds = fields.Integer(
        string="Ringing (s)",
        tracking=True,
        help="Seconds the phone rang before it was answered (ring time).",
    )
    talk_seconds = fields.Integer(
        string="Talk Time (s)", help="Seconds from answering the call to hanging up."
    )
    answered_in_time = fields.Boolean(
        string="Answered Within the Rings",
        compute="_compute_answered_in_time",
        store=True,
        index=True,
        help="Answered within the company's number of rings (seed: three rings). The ringing "
        "seconds are turned into rings with the company's seconds per ring (default 5 seconds; "
        "a started ring counts).",
    )
    call_type = fields.Selection(
        selection=[
            ("consultation", "Consultation"),
            ("complaint", "Complaint"),
            ("suggestion", "Suggestion"),
            ("other", "Other"),
        ],
        string="Type",
        required=True,
        default="consultation",
        tracking=True,
    )
    source = fields.Selection(
        selection=[
            ("normal", "Customer"),
            ("media", "News Media"),
            ("authority", "Supervising Authority"),
            ("mayor_hotline", "Mayor's Hotline"),
        ],
        string="Source",
        required=True,
        default="normal",
        index=True,
        tracking=True,
        help="Calls from news media, supervising authorities and the mayor's hotline (市长热线) "
        "are followed up closely and reported in the daily summary.",
    )
    content = fields.Text(string="Content", required=True, help="What the caller said or asked.")
    answer = fields.Text(string="Answer", help="What the agent answered.")
    follow_up_required = fields.Boolean(
        string="Follow-up Required",
        tracking=True,
        help="The call needs a reply or an action after it ended.",
    )
    follow_up_done_at = fields.Datetime(
        string="Follow-up Done On",
        readonly=True,
        copy=False,
        tracking=True,
        help="When the follow-up was done.",
    )
    repeat_caller = fields.Boolean(
        string="Repeat Caller",
        compute="_compute_repeat_caller",
        store=True,
        index=True,
        help="The same number or contact called within the company's repeat window before "
        "this call.",
    )
    highlighted = fields.Boolean(
        string="In Daily Summary",
        compute="_compute_highlighted",
        store=True,
        index=True,
        help="Reported in the daily summary: repeat callers, open follow-ups, news media, "
        "supervising authorities and the mayor's hotline.",
    )
    complaint_id = fields.Many2one(
        comodel_name="cs.complaint",
        string="Complaint",
        readonly=True,
        copy=False,
        index=True,
        check_company=True,
    )
    lead_id = fields.Many2one(
        comodel_name="crm.lead",
        string="Lead",
        readonly=True,
        copy=False,
        index=True,
        check_company=True,
    )
    suggestion_id = fields.Many2one(
        comodel_name="cs.suggestion",
        string="Suggestion",
        readonly=True,
        copy=False,
        check_company=True,
    )

    @api.constrains("call_at")
    def _check_call_at_in_range(self):
        first, last = self._cs_year_range()
        if any(not bounds.year_in_range(call.call_at, first, last) for call in self):
            raise ValidationError(
                self.env._(
                    "%(field)s must fall between the years %(first)s and %(last)s.",
                    field=self._fields["call_at"]._description_string(self.env),
                    first=first,
                    last=last,
                )
            )

    @api.constrains("phone")
    def _check_phone_length(self):
        if any(not bounds.phone_fits(call.phone) for call in self):
            raise ValidationError(
                self.env._(
                    "A phone number has at most %(length)s characters.",
                    length=bounds.PHONE_MAX_LENGTH,
                )
            )

    @api.constrains(*DURATION_FIELDS)
    def _check_durations(self):
        """Ringing and talk time from zero to a day: a negative ring would count as
        answered in time."""
        for call in self:
            for name in DURATION_FIELDS:
                if not bounds.seconds_in_range(call[name]):
                    raise ValidationError(
                        self.env._(
                            "%(field)s goes from 0 to %(max)s seconds.",
                            field=self._fields[name]._description_string(self.env),
                            max=bounds.CALL_MAX_SECONDS,
                        )
                    )

    @api.depends("phone")
    def _compute_phone_key(self):
        for call in self:
            call.phone_key = call_rules.phone_key(call.phone) or False

    @api.depends("ring_seconds", "company_id.cs_ring_seconds", "company_id.cs_answer_rings")
    def _compute_answered_in_time(self):
        for call in self:
            company = call.company_id
            call.answered_in_time = call_rules.answered_in_time(
                call.ring_seconds, company.cs_ring_seconds or 1, company.cs_answer_rings
            )

    @api.depends("phone_key", "partner_id", "call_at", "company_id.cs_repeat_call_days")
    def _compute_repeat_caller(self):
        """One grouped query per key kind for the whole batch (no query per call)."""
        Call = self.env["cs.call.record"].sudo()
        keys = [k for k in set(self.mapped("phone_key")) if k]
        partners = self.partner_id.ids
        by_phone, by_partner = {}, {}
        if keys:
            by_phone = dict(
                Call._read_group([("phone_key", "in", keys)], ["phone_key"], ["call_at:array_agg"])
            )
        if partners:
            by_partner = {
                partner.id: times
                for partner, times in Call._read_group(
                    [("partner_id", "in", partners)], ["partner_id"], ["call_at:array_agg"]
                )
            }
        for call in self:
            history = by_phone.get(call.phone_key, []) + by_partner.get(call.partner_id.id, [])
            call.repeat_caller = bool(call.call_at) and call_rules.is_repeat(
                call.call_at, history, call.company_id.cs_repeat_call_days
            )

    @api.depends("repeat_caller", "follow_up_required", "follow_up_done_at", "source")
    def _compute_highlighted(self):
        for call in self:
            call.highlighted = (
                call.repeat_caller
                or (call.follow_up_required and not call.follow_up_done_at)
                or call.source != "normal"
            )

    def _summary(self):
        return (self.content or "").strip().splitlines()[0][:120] if self.content else self.name

    def action_follow_up_done(self):
        """Mark the follow-up of the calls as done now."""
        if self.filtered(lambda call: not call.follow_up_required):
            raise UserError(self.env._("This call needs no follow-up."))
        if self.filtered("follow_up_done_at"):
            raise UserError(self.env._("The follow-up of this call is already done."))
        self._cs_action_write({"follow_up_done_at": fields.Datetime.now()})

    def action_to_complaint(self):
        """One click: the call becomes a complaint about the same customer (channel phone)."""
        self.ensure_one()
        if not self.complaint_id:
            # The caller's context holds no workflow value for the new record.
            complaint = (
                self.env["cs.complaint"]
                .with_context(clean_context(self.env.context))
                ._cs_action_create(
                    {
                        "subject": self._summary(),
                        "partner_id": self.partner_id.id,
                        "phone": self.phone,
                        "channel": "phone",
                        "received_at": self.call_at,
                        "description": self.content,
                        "call_id": self.id,
                    }
                )
            )
            self._cs_action_write({"complaint_id": complaint.id})
            if self.call_type != "complaint":
                self.call_type = "complaint"
        return {
            "type": "ir.actions.act_window",
            "res_model": "cs.complaint",
            "res_id": self.complaint_id.id,
            "view_mode": "form",
        }

    def action_to_lead(self):
        """One click: a sales opportunity from a consultation (CRM lead linked back)."""
        self.ensure_one()
        if not self.lead_id:
            lead = self.env["crm.lead"].create(
                {
                    "name": self._summary(),
                    "partner_id": self.partner_id.id,
                    "contact_name": self.caller_name,
                    "phone": self.phone,
                    "description": self.content,
                    "cs_call_id": self.id,
                }
            )
            self._cs_action_write({"lead_id": lead.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.lead",
            "res_id": self.lead_id.id,
            "view_mode": "form",
        }

    def action_to_suggestion(self):
        """One click: an oral opinion given on the phone becomes a suggestion record."""
        self.ensure_one()
        if not self.suggestion_id:
            suggestion = (
                self.env["cs.suggestion"]
                .with_context(clean_context(self.env.context))
                ._cs_action_create(
                    {
                        "kind": "oral",
                        "subject": self._summary(),
                        "content": self.content,
                        "partner_id": self.partner_id.id,
                        "customer_name": self.caller_name,
                        "phone": self.phone,
                        "received_at": self.call_at,
                        "call_id": self.id,
                    }
                )
            )
            self._cs_action_write({"suggestion_id": suggestion.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "cs.suggestion",
            "res_id": self.suggestion_id.id,
            "view_mode": "form",
        }
