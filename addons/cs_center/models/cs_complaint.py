from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools.mail import email_normalize

from odoo.addons.cs_center.rules import bounds
from odoo.addons.cs_center.rules import sla as sla_rules

CHANNELS = [
    ("phone", "Phone"),
    ("email", "Email"),
    ("chat", "Online Chat"),
    ("walk_in", "Walk-in"),
    ("letter", "Letter / Comment Book"),
    ("web", "Web Form"),
]
URGENCY = [("normal", "General"), ("urgent", "Urgent")]
COMPLEXITY = [("simple", "Simple"), ("complex", "Complex")]
OPEN_STATES = ("new", "acknowledged", "in_progress", "waiting")
# (deadline field, field stamped when the target is met, breach flag)
SLA_TARGETS = (
    ("response_deadline", "responded_at", "response_breached"),
    ("reply_deadline", "replied_at", "reply_breached"),
    ("resolve_deadline", "resolved_at", "resolve_breached"),
    ("progress_deadline", "progress_done_at", "progress_breached"),
)
# States a callback (回访) follows: the complaint was resolved.
CALLBACK_STATES = ("resolved", "callback_done", "closed")


class CsComplaint(models.Model):
    """客户投诉: a customer complaint from intake to callback (seed 000 第六章, 001)."""

    _name = "cs.complaint"
    _description = "Customer Complaint"
    _inherit = ["cs.guarded.mixin", "cs.sequence.mixin", "mail.thread", "mail.activity.mixin"]
    _primary_email = "email_from"
    _order = "id desc"
    _check_company_auto = True
    # The workflow, the number, the SLA clock and what the customer confirmed
    # change only through the buttons (STYLE: the server enforces).
    _cs_action_fields = frozenset(
        {
            "state",
            "name",
            "call_id",
            "key_account_group_id",
            "transfer_count",
            "referred",
            "escalated",
            "customer_confirmed",
            "paused_at",
            # stored computed fields: written by the ORM, never by a caller
            "sla_breached",
            "sla_compliance",
            "satisfaction_score",
            "satisfied",
            "resolution_hours",
        }
        | {name for target in SLA_TARGETS for name in target}
    )

    name = fields.Char(
        string="Number", readonly=True, copy=False, default=lambda self: self.env._("New")
    )
    subject = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Customer", tracking=True, index=True, check_company=True
    )
    email_from = fields.Char(string="Email")
    phone = fields.Char()
    channel = fields.Selection(selection=CHANNELS, required=True, default="phone", tracking=True)
    category_id = fields.Many2one(comodel_name="cs.complaint.category", tracking=True)
    severity = fields.Selection(
        selection=[
            ("low", "Low"),
            ("medium", "Medium"),
            ("high", "High"),
            ("critical", "Critical"),
        ],
        default="medium",
        tracking=True,
    )
    urgency = fields.Selection(selection=URGENCY, default="normal", required=True, tracking=True)
    complexity = fields.Selection(
        selection=COMPLEXITY,
        default="simple",
        required=True,
        tracking=True,
        help="Simple issues are assigned directly; complex ones are assessed with the "
        "departments concerned (会诊) first.",
    )
    description = fields.Html()
    received_at = fields.Datetime(
        string="Received", required=True, default=fields.Datetime.now, tracking=True
    )
    state = fields.Selection(
        selection=[
            ("new", "New"),
            ("acknowledged", "Acknowledged"),
            ("in_progress", "In Progress"),
            ("waiting", "Waiting for Customer"),
            ("resolved", "Resolved"),
            ("callback_done", "Callback Done"),
            ("closed", "Closed"),
        ],
        default="new",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    team_id = fields.Many2one(
        comodel_name="cs.team", string="Team", tracking=True, index=True, check_company=True
    )
    department_id = fields.Many2one(
        comodel_name="hr.department",
        string="Handling Department",
        tracking=True,
        check_company=True,
    )
    user_id = fields.Many2one(
        comodel_name="res.users", string="Handler", tracking=True, index=True, check_company=True
    )
    # 首问责任制: the first agent stays accountable until the customer is satisfied.
    first_owner_id = fields.Many2one(
        comodel_name="res.users",
        string="First Owner",
        default=lambda self: self.env.user,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        help="The agent who took the contact: accountable until the customer is satisfied, "
        "whoever handles the complaint.",
    )
    transfer_count = fields.Integer(readonly=True, copy=False)
    consulted_department_ids = fields.Many2many(
        comodel_name="hr.department",
        string="Consulted Departments",
        check_company=True,
        help="Departments consulted on a complex case before it is assigned (会诊).",
    )
    assessment = fields.Text()
    key_account_group_id = fields.Many2one(
        comodel_name="cs.key.account.group",
        string="Key-Account Group",
        compute="_compute_key_account_group_id",
        store=True,
        index=True,
        tracking=True,
        help="Computed from the customer: only the group's members and CS managers see the "
        "complaint.",
    )
    # Referral of issues outside the company: recorded, never silently closed.
    referred = fields.Boolean(readonly=True, tracking=True)
    referral_body = fields.Char(string="Referred To", help="Organisation the issue belongs to.")
    referral_contact = fields.Char(help="Contact given to the customer at that organisation.")
    # SLA
    response_deadline = fields.Datetime(readonly=True, index=True)
    reply_deadline = fields.Datetime(readonly=True, index=True)
    resolve_deadline = fields.Datetime(readonly=True, index=True)
    progress_deadline = fields.Datetime(readonly=True, index=True)
    promised_date = fields.Datetime(
        tracking=True, help="Date promised to the customer for a complex case."
    )
    responded_at = fields.Datetime(readonly=True)
    replied_at = fields.Datetime(readonly=True)
    resolved_at = fields.Datetime(readonly=True, tracking=True)
    progress_done_at = fields.Datetime(readonly=True)
    paused_at = fields.Datetime(readonly=True)
    response_breached = fields.Boolean(readonly=True)
    reply_breached = fields.Boolean(readonly=True)
    resolve_breached = fields.Boolean(readonly=True)
    progress_breached = fields.Boolean(readonly=True)
    sla_breached = fields.Boolean(
        string="SLA Breached",
        compute="_compute_sla_breached",
        store=True,
        index=True,
        help="Stays set once a target was missed, even if it was met later.",
    )
    escalated = fields.Boolean(
        readonly=True, copy=False, tracking=True, help="The breach was escalated to the manager."
    )
    # Closing
    customer_confirmed = fields.Boolean(
        string="Customer Satisfied",
        readonly=True,
        copy=False,
        tracking=True,
        help="The customer confirmed the resolution in a callback or the online survey.",
    )
    close_override_reason = fields.Char(
        tracking=True, help="A manager's reason to close without the customer's confirmation."
    )
    callback_ids = fields.One2many(
        comodel_name="cs.complaint.callback", inverse_name="complaint_id"
    )
    satisfaction_score = fields.Integer(
        compute="_compute_satisfaction", store=True, aggregator="avg", help="Last callback score."
    )
    satisfied = fields.Boolean(compute="_compute_satisfaction", store=True)
    resolution_hours = fields.Float(
        compute="_compute_resolution_hours", store=True, aggregator="avg"
    )
    resolution = fields.Html()

    _name_company_uniq = models.UniqueIndex(
        "(name, company_id)", "A complaint number is used once in a company."
    )

    @api.depends("partner_id.commercial_partner_id", "company_id")
    def _compute_key_account_group_id(self):
        partners = self.partner_id.commercial_partner_id
        groups = (
            self.env["cs.key.account.group"].sudo().search([("partner_ids", "in", partners.ids)])
            if partners
            else self.env["cs.key.account.group"]
        )
        for complaint in self:
            commercial = complaint.partner_id.commercial_partner_id
            complaint.key_account_group_id = groups.filtered(
                lambda g, c=commercial, co=complaint.company_id: (
                    c in g.partner_ids and g.company_id == co
                )
            )[:1]

    @api.depends("response_breached", "reply_breached", "resolve_breached", "progress_breached")
    def _compute_sla_breached(self):
        for complaint in self:
            complaint.sla_breached = any(complaint[flag] for _d, _m, flag in SLA_TARGETS)

    @api.depends("callback_ids.score", "company_id.cs_low_score_threshold")
    def _compute_satisfaction(self):
        for complaint in self:
            last = complaint.callback_ids.sorted("id")[-1:]
            complaint.satisfaction_score = last.score
            complaint.satisfied = (
                bool(last) and last.score >= complaint.company_id.cs_low_score_threshold
            )

    @api.depends("received_at", "resolved_at")
    def _compute_resolution_hours(self):
        for complaint in self:
            complaint.resolution_hours = (
                (complaint.resolved_at - complaint.received_at).total_seconds() / 3600
                if complaint.resolved_at
                else 0.0
            )

    @api.constrains("received_at", "promised_date")
    def _check_dates_in_range(self):
        first, last = self._cs_year_range()
        for complaint in self:
            for name in ("received_at", "promised_date"):
                if not bounds.year_in_range(complaint[name], first, last):
                    raise ValidationError(
                        self.env._(
                            "%(field)s must fall between the years %(first)s and %(last)s.",
                            field=self._fields[name]._description_string(self.env),
                            first=first,
                            last=last,
                        )
                    )

    @api.constrains("phone")
    def _check_phone_length(self):
        if any(not bounds.phone_fits(complaint.phone) for complaint in self):
            raise ValidationError(
                self.env._(
                    "A phone number has at most %(length)s characters.",
                    length=bounds.PHONE_MAX_LENGTH,
                )
            )

    # ------------------------------------------------------------------
    # Create / write
    # ------------------------------------------------------------------
    def _refuse_first_owner(self):
        raise UserError(
            self.env._(
                "The first owner is the agent who takes the contact and stays accountable "
                "until the customer is satisfied (首问责任制): transfer the handler instead."
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not self._cs_in_action():
            # 首问责任制: whoever records the complaint owns it, not whoever they name.
            for vals in vals_list:
                if vals.setdefault("first_owner_id", self.env.uid) != self.env.uid:
                    self._refuse_first_owner()
        complaints = super().create(vals_list)
        complaints._route_key_accounts()
        complaints._compute_deadlines()
        for complaint in complaints:
            if complaint.first_owner_id:
                complaint.message_subscribe(partner_ids=complaint.first_owner_id.partner_id.ids)
        return complaints

    def write(self, vals):
        if (
            "first_owner_id" in vals
            and not self._cs_in_action()
            and any(c.first_owner_id.id != vals["first_owner_id"] for c in self)
        ):
            self._refuse_first_owner()
        res = super().write(vals)
        if {"channel", "urgency", "complexity", "category_id", "team_id"} & set(vals):
            self.filtered(lambda c: c.state in OPEN_STATES)._compute_deadlines()
        return res

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """A complaint received by email through a team's alias."""
        values = {
            "subject": msg_dict.get("subject") or self.env._("Complaint by email"),
            "channel": "email",
            "email_from": msg_dict.get("email_from"),
            "partner_id": msg_dict.get("author_id"),
            "description": msg_dict.get("body"),
            **(custom_values or {}),
        }
        return super().message_new(msg_dict, custom_values=values)

    @api.model
    def _create_from_web_form(self, values):
        """A complaint filed by the customer: nobody owns it until an agent takes it.

        The customer is recognised by the exact address only (case aside), as the
        mail gateway does: no pattern of an anonymous visitor ('%', 'a_b') may
        attach the complaint to someone else."""
        if (
            len(values.get("name") or "") > bounds.NAME_MAX_LENGTH
            or len(values.get("email") or "") > bounds.EMAIL_MAX_LENGTH
            or not bounds.phone_fits(values.get("phone"))
        ):
            raise ValidationError(self.env._("Your name, phone number or email is too long."))
        Partner = self.env["res.partner"]
        email = email_normalize(values.get("email") or "")
        partner = email and Partner.search([("email_normalized", "=", email)], limit=1)
        if not partner:
            partner = Partner.create(
                {"name": values["name"], "phone": values.get("phone"), "email": values.get("email")}
            )
        return self.create(
            {
                "subject": values["subject"],
                "description": values.get("description"),
                "partner_id": partner.id,
                "phone": values.get("phone"),
                "email_from": values.get("email"),
                "channel": "web",
                "first_owner_id": False,
            }
        )

    def _route_key_accounts(self):
        """Complaints of key accounts go to their group's leader."""
        for complaint in self.filtered(lambda c: c.key_account_group_id and not c.user_id):
            complaint.user_id = complaint.key_account_group_id.leader_id

    # ------------------------------------------------------------------
    # SLA
    # ------------------------------------------------------------------
    def _calendar(self):
        return self.team_id.resource_calendar_id or self.company_id.resource_calendar_id

    def _sla_targets(self, rows):
        return sla_rules.targets(
            rows,
            {
                "channel": self.channel,
                "urgency": self.urgency,
                "complexity": self.complexity,
                "category_id": self.category_id.id,
                "group_id": self.key_account_group_id.id,
            },
        )

    def _compute_deadlines(self):
        """Deadlines on the working calendar, with its leaves (public holidays)."""
        policies = (
            self.env["cs.sla.policy"].sudo().search([("company_id", "in", self.company_id.ids)])
        )
        rows = {
            company: policies.filtered(lambda p, c=company: p.company_id == c)._as_rule_rows()
            for company in self.company_id
        }
        for complaint in self:
            calendar = complaint._calendar()
            targets = complaint._sla_targets(rows[complaint.company_id])
            start = complaint.received_at
            vals = {}
            for target, field in (
                ("response_minutes", "response_deadline"),
                ("reply_minutes", "reply_deadline"),
                ("resolve_minutes", "resolve_deadline"),
            ):
                minutes = targets.get(target)
                vals[field] = (
                    calendar.plan_hours(minutes / 60.0, start, compute_leaves=True)
                    if minutes and calendar
                    else False
                )
            days = targets.get("progress_days")
            vals["progress_deadline"] = (
                calendar.plan_hours(days * calendar.hours_per_day, start, compute_leaves=True)
                if days and calendar
                else False
            )
            complaint._cs_action_write(vals)

    def _update_breaches(self, now=None):
        """Set the breach flags; a flag once set is never cleared."""
        now = now or fields.Datetime.now()
        for complaint in self:
            vals = {
                flag: True
                for deadline, met, flag in SLA_TARGETS
                if not complaint[flag]
                and sla_rules.is_breached(complaint[deadline], complaint[met], now)
            }
            if vals:
                complaint._cs_action_write(vals)

    @api.model
    def _cron_escalate_breaches(self):
        """Escalate each breached open complaint to its manager, once."""
        now = fields.Datetime.now()
        overdue = Domain.OR(
            [
                Domain(deadline, "<", now) & Domain(met, "=", False)
                for deadline, met, _f in SLA_TARGETS
            ]
        )
        candidates = self.search(
            Domain("state", "in", OPEN_STATES) & Domain("escalated", "=", False) & overdue
        )
        candidates._update_breaches(now)
        breached = candidates.filtered("sla_breached")
        managers = self.env.ref("cs_center.group_cs_manager").user_ids
        for complaint in breached:
            manager = complaint.team_id.manager_id or managers[:1]
            complaint.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("SLA breached: %s", complaint.name),
                user_id=manager.id or self.env.uid,
            )
            complaint.message_post(
                body=self.env._("The service level was missed; escalated to %s.", manager.name)
            )
        breached._cs_action_write({"escalated": True})
        return breached

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------
    def _check_state(self, allowed, action):
        for complaint in self:
            if complaint.state not in allowed:
                raise UserError(
                    self.env._(
                        "%(complaint)s cannot be %(action)s while it is %(state)s.",
                        complaint=complaint.name,
                        action=action,
                        state=dict(self._fields["state"]._description_selection(self.env))[
                            complaint.state
                        ],
                    )
                )

    def action_acknowledge(self):
        self._check_state(("new",), self.env._("acknowledged"))
        now = fields.Datetime.now()
        for complaint in self:
            vals = {
                "state": "acknowledged",
                "responded_at": now,
                "user_id": complaint.user_id.id or self.env.uid,
            }
            if not complaint.first_owner_id:
                # A web or email complaint: the agent who takes it becomes its first owner.
                vals["first_owner_id"] = self.env.uid
            complaint._cs_action_write(vals)
            complaint.message_subscribe(partner_ids=complaint.first_owner_id.partner_id.ids)
        self._update_breaches(now)
        return True

    def action_assess(self):
        """Assign after assessment: complex cases need the consulted departments."""
        self._check_state(("new", "acknowledged"), self.env._("assigned"))
        for complaint in self:
            if complaint.complexity == "complex" and not complaint.consulted_department_ids:
                raise UserError(
                    self.env._(
                        "A complex complaint is assessed with the departments concerned first: "
                        "record the consulted departments."
                    )
                )
            if not complaint.user_id:
                raise UserError(self.env._("Choose the handler before assigning the complaint."))
        now = fields.Datetime.now()
        self.filtered(lambda c: not c.responded_at)._cs_action_write({"responded_at": now})
        self._cs_action_write({"state": "in_progress"})
        self._update_breaches(now)
        return True

    def action_log_progress(self, message=None):
        """Tell the customer the progress; the first one is the first reply."""
        now = fields.Datetime.now()
        for complaint in self:
            complaint.message_post(
                body=message or self.env._("We are working on your complaint %s.", complaint.name),
                partner_ids=complaint.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            vals = {"progress_done_at": now}
            if not complaint.replied_at:
                vals["replied_at"] = now
            if not complaint.responded_at:
                vals["responded_at"] = now
            complaint._cs_action_write(vals)
        self._update_breaches(now)
        return True

    def action_wait_customer(self):
        """Waiting for the customer pauses the SLA clock."""
        self._check_state(("acknowledged", "in_progress"), self.env._("put on hold"))
        self._cs_action_write({"state": "waiting", "paused_at": fields.Datetime.now()})
        return True

    def action_resume(self):
        """The clock resumes: open deadlines move by the working time paused."""
        self._check_state(("waiting",), self.env._("resumed"))
        now = fields.Datetime.now()
        for complaint in self:
            calendar = complaint._calendar()
            paused = calendar.get_work_hours_count(complaint.paused_at, now, compute_leaves=True)
            vals = {"state": "in_progress", "paused_at": False}
            for deadline, met, _flag in SLA_TARGETS:
                if complaint[deadline] and not complaint[met] and paused:
                    vals[deadline] = calendar.plan_hours(
                        paused, complaint[deadline], compute_leaves=True
                    )
            complaint._cs_action_write(vals)
        return True

    def action_resolve(self):
        self._check_state(("acknowledged", "in_progress"), self.env._("resolved"))
        now = fields.Datetime.now()
        for complaint in self:
            if not complaint.user_id:
                raise UserError(self.env._("A complaint is resolved by its handler: assign one."))
        self.filtered(lambda c: not c.responded_at)._cs_action_write({"responded_at": now})
        self._cs_action_write({"state": "resolved", "resolved_at": now})
        self._update_breaches(now)
        return True

    def action_refer(self):
        """Issues outside the company are referred, with the body and contact recorded."""
        for complaint in self:
            if not (complaint.referral_body and complaint.referral_contact):
                raise UserError(
                    self.env._(
                        "Record the organisation and the contact the customer is referred to."
                    )
                )
            complaint.message_post(
                body=self.env._(
                    "Referred to %(body)s (contact: %(contact)s).",
                    body=complaint.referral_body,
                    contact=complaint.referral_contact,
                )
            )
        self._cs_action_write({"referred": True})
        return True

    def action_close(self):
        """Closed once the customer is satisfied, or by a manager with a reason."""
        self._check_state(("resolved", "callback_done"), self.env._("closed"))
        is_manager = self.env.user.has_group("cs_center.group_cs_manager")
        for complaint in self:
            if complaint.customer_confirmed:
                continue
            if not complaint.close_override_reason:
                raise UserError(
                    self.env._(
                        "%s cannot be closed: the customer has not confirmed being satisfied "
                        "(首问责任制). A manager may close it with a reason.",
                        complaint.name,
                    )
                )
            if not is_manager:
                raise UserError(
                    self.env._(
                        "Only a CS manager may close a complaint without the customer's "
                        "confirmation."
                    )
                )
        self._cs_action_write({"state": "closed"})
        return True

    def action_reopen(self):
        self._check_state(("resolved", "callback_done", "closed"), self.env._("reopened"))
        self._cs_action_write(
            {"state": "in_progress", "resolved_at": False, "customer_confirmed": False}
        )
        return True

    def _transfer(self, team=None, user=None, department=None, reason=None):
        """Hand the complaint to another team, handler or department; the first
        owner stays accountable and keeps following it."""
        for complaint in self:
            vals = {"transfer_count": complaint.transfer_count + 1}
            if team:
                vals["team_id"] = team.id
            if user:
                vals["user_id"] = user.id
            if department:
                vals["department_id"] = department.id
            complaint._cs_action_write(vals)
            complaint.message_subscribe(
                partner_ids=(complaint.first_owner_id.partner_id | user.partner_id).ids
                if user
                else complaint.first_owner_id.partner_id.ids
            )
            complaint.message_post(
                body=self.env._(
                    "Transferred (%(reason)s); first owner %(owner)s stays accountable.",
                    reason=reason or "-",
                    owner=complaint.first_owner_id.name,
                )
            )
        return True

    def action_open_transfer(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "cs.complaint.transfer",
            "view_mode": "form",
            "target": "new",
            "context": {"default_complaint_id": self.id},
        }

    def action_send_survey(self):
        """Callback by online survey: the customer rates the handling by email."""
        self._check_state(("resolved", "callback_done"), self.env._("surveyed"))
        template = self.env.ref("cs_center.mail_template_complaint_survey")
        for complaint in self:
            if not complaint.partner_id:
                raise UserError(self.env._("Only a complaint with a customer can be surveyed."))
            complaint.rating_send_request(template, force_send=False)
        return True

    def rating_apply(
        self,
        rate,
        token=None,
        rating=None,
        feedback=None,
        subtype_xmlid=None,
        notify_delay_send=False,
    ):
        """The survey answer is a callback: it confirms, or reopens and escalates."""
        result = super().rating_apply(
            rate,
            token=token,
            rating=rating,
            feedback=feedback,
            subtype_xmlid=subtype_xmlid,
            notify_delay_send=notify_delay_send,
        )
        self.env["cs.complaint.callback"].sudo().create(
            {
                "complaint_id": self.id,
                "method": "survey",
                "score": min(max(round(rate), 1), 5),
                "comments": feedback,
                "user_id": False,
            }
        )
        return result

    def action_new_callback(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "cs.complaint.callback",
            "view_mode": "form",
            "target": "new",
            "context": {"default_complaint_id": self.id},
        }
