import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

from odoo.addons.cs_center.rules import handover as handover_rules

from .cs_complaint import OPEN_STATES

# Text of a carried-over line: the item's number and subject, kept short.
LINE_TEXT_MAX = 200


class CsHandover(models.Model):
    """交接班日志: the log one shift hands to the next (seed 000 交接班制度; 003
    第三篇 十, 十一, 十三, 十五).

    The outgoing person records equipment, open problems and staffing changes;
    the shift's open complaints, unanswered call follow-ups and other pending
    items become lines without anyone typing them. The outgoing shift is closed
    only when the incoming person has acknowledged every line and taken over
    (接班人未到岗,交班人不得离台); a relief arriving after the change-over is
    recorded as late. A supervisor reviews the day's handovers.
    """

    _name = "cs.handover"
    _description = "Shift Handover"
    _inherit = [
        "cs.guarded.mixin",
        "cs.filled.mixin",
        "cs.sequence.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "shift_end desc, id desc"
    _check_company_auto = True
    _cs_action_fields = frozenset(
        {
            "name",
            "state",
            "shift_start",
            "shift_end",
            "handed_over_at",
            "relief_arrived_at",
            "taken_over_at",
            "late",
            "late_minutes",
            "closed_by_id",
            "reviewed_at",
            "reviewed_by_id",
            "pending_count",
        }
    )
    # What a supervisor still writes once the log was handed over.
    _cs_supervisor_fields = frozenset({"review_note", "no_relief_reason"})

    name = fields.Char(
        string="Number", readonly=True, copy=False, default=lambda self: self.env._("New")
    )
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda self: self.env.company
    )
    shift_id = fields.Many2one(
        comodel_name="cs.handover.shift",
        string="Outgoing Shift",
        required=True,
        check_company=True,
        tracking=True,
    )
    shift_date = fields.Date(
        string="Shift Day",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
        help="Day the outgoing shift started.",
    )
    shift_start = fields.Datetime(
        compute="_compute_shift_bounds", store=True, readonly=True, copy=False
    )
    shift_end = fields.Datetime(
        string="Change-over",
        compute="_compute_shift_bounds",
        store=True,
        readonly=True,
        index=True,
        copy=False,
        help="End of the outgoing shift: the incoming person takes over by then.",
    )
    outgoing_user_id = fields.Many2one(
        comodel_name="res.users",
        string="Outgoing",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        default=lambda self: self.env.user,
        help="交班人: stays on duty until the incoming person takes over.",
    )
    incoming_user_id = fields.Many2one(
        comodel_name="res.users",
        string="Incoming",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        help="接班人: acknowledges every line, then takes over.",
    )
    equipment_state = fields.Text(
        string="Equipment", help="State of the phones, computers and other equipment (设备情况)."
    )
    open_problems = fields.Text(
        string="Open Problems", help="Difficult problems the next shift must know (疑难问题)."
    )
    staffing_changes = fields.Text(
        string="Staffing Changes", help="Swaps, absences and stand-ins (人员调班)."
    )
    line_ids = fields.One2many(
        comodel_name="cs.handover.line", inverse_name="handover_id", string="Lines", copy=False
    )
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("handed_over", "Waiting for Relief"),
            ("taken_over", "Taken Over"),
            ("no_relief", "No Relief"),
        ],
        string="Status",
        required=True,
        default="draft",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    handed_over_at = fields.Datetime(string="Handed Over On", readonly=True, copy=False)
    relief_arrived_at = fields.Datetime(
        string="Relief Arrived On",
        readonly=True,
        copy=False,
        tracking=True,
        help="When the incoming person reported on duty or first acknowledged a line.",
    )
    taken_over_at = fields.Datetime(
        string="Taken Over On", readonly=True, copy=False, tracking=True
    )
    late = fields.Boolean(
        string="Relief Late",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        help="The incoming person arrived after the change-over and the company's tolerance, "
        "or did not come (逾时接班或不接班).",
    )
    late_minutes = fields.Integer(string="Minutes Late", readonly=True, copy=False)
    no_relief_reason = fields.Char(
        string="Why Nobody Took Over",
        tracking=True,
        help="Recorded by the supervisor who closes a handover nobody took over, e.g. the "
        "stand-in arranged (替值).",
    )
    closed_by_id = fields.Many2one(
        comodel_name="res.users", string="Closed By", readonly=True, copy=False
    )
    reviewed_at = fields.Datetime(string="Reviewed On", readonly=True, copy=False, tracking=True)
    reviewed_by_id = fields.Many2one(
        comodel_name="res.users", string="Reviewed By", readonly=True, copy=False
    )
    review_note = fields.Text(
        string="Supervisor's Review",
        help="The supervisor's daily check of the log and of the follow-up of its items "
        "(客户主管每日检查当日值班记录).",
    )
    pending_count = fields.Integer(
        string="Lines to Acknowledge", compute="_compute_pending_count", store=True, copy=False
    )

    @api.depends("shift_id", "shift_date", "company_id")
    def _compute_shift_bounds(self):
        """The shift's hours on its day in the company's time zone, stored in UTC.
        Later changes to the shift's hours leave past handovers as they were."""
        for handover in self:
            if not (handover.shift_id and handover.shift_date):
                handover.shift_start = handover.shift_end = False
                continue
            zone = pytz.timezone(handover._cs_tz())
            start, end = handover.shift_id._bounds(handover.shift_date)
            handover.shift_start = zone.localize(start).astimezone(pytz.utc).replace(tzinfo=None)
            handover.shift_end = zone.localize(end).astimezone(pytz.utc).replace(tzinfo=None)

    @api.depends("line_ids.acknowledged_at")
    def _compute_pending_count(self):
        for handover in self:
            handover.pending_count = len(
                handover.line_ids.filtered(lambda line: not line.acknowledged_at)
            )

    @api.constrains("outgoing_user_id", "incoming_user_id")
    def _check_people(self):
        for handover in self:
            if handover.outgoing_user_id == handover.incoming_user_id:
                raise ValidationError(
                    self.env._("The incoming person relieves someone else: choose another person.")
                )

    def _cs_tz(self):
        company = self.company_id
        return company.resource_calendar_id.tz or company.partner_id.tz or "UTC"

    def _compute_display_name(self):
        for handover in self:
            handover.display_name = self.env._(
                "%(number)s %(shift)s %(day)s",
                number=handover.name or "",
                shift=handover.shift_id.name or "",
                day=handover.shift_date or "",
            )

    # ------------------------------------------------------------------
    # Who may change what
    # ------------------------------------------------------------------
    def _cs_is_supervisor(self):
        return self.env.su or self.env.user.has_group("cs_center.group_cs_manager_assistant")

    def _cs_check_editable(self):
        """A draft log is written by its outgoing person or a supervisor."""
        supervisor = self._cs_is_supervisor()
        for handover in self:
            if handover.state != "draft":
                raise UserError(
                    self.env._(
                        "%(handover)s was handed over: its log is what the outgoing person "
                        "signed and no longer changes.",
                        handover=handover.display_name,
                    )
                )
            if not supervisor and handover.outgoing_user_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Only the outgoing person or a supervisor writes the log of %(handover)s.",
                        handover=handover.display_name,
                    )
                )

    def _cs_check_supervisor(self):
        if not self._cs_is_supervisor():
            raise UserError(
                self.env._(
                    "Only a supervisor closes a handover nobody took over, reviews it or "
                    "annotates it."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._cs_check_values(vals)
        if not self._cs_in_action() and not self._cs_is_supervisor():
            for vals in vals_list:
                if vals.get("outgoing_user_id", self.env.uid) != self.env.uid:
                    raise UserError(
                        self.env._(
                            "You hand over your own shift; a supervisor records another "
                            "person's handover."
                        )
                    )
        handovers = super().create(vals_list)
        handovers._cs_sync_carry_over()
        return handovers

    def write(self, vals):
        names = self._cs_user_field_names(vals)
        if names and not self._cs_in_action():
            for handover in self:
                if handover.state == "draft":
                    handover._cs_check_editable()
                else:
                    handover._cs_check_annotation(names)
        res = super().write(vals)
        if {"shift_id", "shift_date", "outgoing_user_id", "company_id"} & names:
            self._cs_sync_carry_over()
        return res

    def _cs_check_annotation(self, names):
        """Once handed over, only a supervisor annotates the log: the review
        before it is done, the reason nobody took over while it waits."""
        self.ensure_one()
        if names - self._cs_supervisor_fields:
            self._cs_check_editable()
        self._cs_check_supervisor()
        if "review_note" in names and self.reviewed_at:
            raise UserError(self.env._("%(handover)s was reviewed.", handover=self.display_name))
        if "no_relief_reason" in names and self.state != "handed_over":
            raise UserError(
                self.env._(
                    "The reason nobody took over is written while %(handover)s waits for its "
                    "relief.",
                    handover=self.display_name,
                )
            )

    def unlink(self):
        if not self._cs_in_action() and self.filtered(lambda h: h.state != "draft"):
            raise UserError(
                self.env._("A handover that was handed over is kept: it is the shift's record.")
            )
        return super().unlink()

    # ------------------------------------------------------------------
    # Carried-over items
    # ------------------------------------------------------------------
    def _cs_previous_handover(self):
        """The handover the outgoing person took over: its items still open are
        followed up by this shift (跟进未完成事项)."""
        self.ensure_one()
        return self.search(
            [
                ("company_id", "=", self.company_id.id),
                ("incoming_user_id", "=", self.outgoing_user_id.id),
                ("state", "=", "taken_over"),
                ("shift_end", "<=", self.shift_end),
                ("id", "!=", self.id or 0),
            ],
            order="shift_end desc, id desc",
            limit=1,
        )

    def _cs_unacknowledged_earlier_lines(self):
        """Lines of earlier handovers nobody took over and nobody acknowledged,
        not yet carried onto another handover."""
        self.ensure_one()
        Line = self.env["cs.handover.line"]
        lines = Line.search(
            [
                ("company_id", "=", self.company_id.id),
                ("handover_id.state", "=", "no_relief"),
                ("handover_id.shift_end", "<=", self.shift_end),
                ("acknowledged_at", "=", False),
            ]
        )
        if not lines:
            return lines
        carried = Line.search(
            [("carried_from_line_id", "in", lines.ids), ("handover_id", "!=", self.id or 0)]
        ).carried_from_line_id
        return lines - carried

    @staticmethod
    def _cs_text(*parts):
        return " ".join(part for part in parts if part)[:LINE_TEXT_MAX]

    def _cs_carry_over_items(self):
        """Values of the lines this handover carries without anyone typing them.

        Hook: an addon adds its own pending items (``cs_servicedesk``: found
        items still kept) by extending this method with lines of kind
        ``pending`` naming their record by ``res_model`` and ``res_id``. An item
        is listed once (the first entry for a record wins)."""
        self.ensure_one()
        items = [line._cs_carried_values() for line in self._cs_unacknowledged_earlier_lines()]
        previous = self._cs_previous_handover().line_ids
        outgoing = self.outgoing_user_id.id
        in_shift_complaint = Domain("received_at", ">=", self.shift_start) & Domain(
            "received_at", "<", self.shift_end
        )
        complaints = self.env["cs.complaint"].search(
            Domain("company_id", "=", self.company_id.id)
            & Domain("state", "in", OPEN_STATES)
            & (
                Domain("user_id", "=", outgoing)
                | (
                    Domain("user_id", "=", False)
                    & (Domain("first_owner_id", "=", outgoing) | in_shift_complaint)
                )
                | Domain("id", "in", previous.complaint_id.ids)
            ),
            order="received_at, id",
        )
        states = dict(self.env["cs.complaint"]._fields["state"]._description_selection(self.env))
        items += [
            {
                "kind": "complaint",
                "complaint_id": complaint.id,
                "name": self._cs_text(
                    complaint.name, complaint.subject, f"({states.get(complaint.state)})"
                ),
            }
            for complaint in complaints
        ]
        calls = self.env["cs.call.record"].search(
            Domain("company_id", "=", self.company_id.id)
            & Domain("follow_up_required", "=", True)
            & Domain("follow_up_done_at", "=", False)
            & (
                Domain("user_id", "=", outgoing)
                | (
                    Domain("call_at", ">=", self.shift_start)
                    & Domain("call_at", "<", self.shift_end)
                )
                | Domain("id", "in", previous.call_id.ids)
            ),
            order="call_at, id",
        )
        items += [
            {"kind": "call", "call_id": call.id, "name": self._cs_text(call.name, call._summary())}
            for call in calls
        ]
        return items

    def _cs_sync_carry_over(self):
        """Bring the automatic lines of draft handovers up to date: new items are
        added, items no longer pending (a complaint resolved meanwhile) removed."""
        Line = self.env["cs.handover.line"]
        for handover in self.filtered(lambda h: h.state == "draft" and h.shift_end):
            wanted = {}
            for vals in handover._cs_carry_over_items():
                wanted.setdefault(Line._cs_item_key(vals), vals)
            automatic = handover.line_ids.filtered("automatic")
            present = {line._cs_item_key(line._cs_key_values()): line for line in automatic}
            stale = automatic.filtered(
                lambda line, keys=wanted: line._cs_item_key(line._cs_key_values()) not in keys
            )
            # Lines the action itself chose: removed as the system, whoever asked.
            stale.sudo().unlink()
            Line._cs_action_create(
                [
                    dict(vals, handover_id=handover.id, automatic=True)
                    for key, vals in wanted.items()
                    if key not in present
                ]
            )

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------
    def _cs_check_state(self, allowed, action):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for handover in self:
            if handover.state not in allowed:
                raise UserError(
                    self.env._(
                        "%(handover)s cannot be %(action)s while it is %(state)s.",
                        handover=handover.display_name,
                        action=action,
                        state=labels[handover.state],
                    )
                )

    def _cs_check_incoming(self):
        for handover in self:
            if handover.incoming_user_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Only %(person)s, the incoming person, takes over %(handover)s.",
                        person=handover.incoming_user_id.name,
                        handover=handover.display_name,
                    )
                )

    def action_collect(self):
        """Gather the shift's open items again (the draft may have been started
        early in the shift)."""
        self._cs_check_editable()
        self._cs_sync_carry_over()
        return True

    def action_hand_over(self):
        """The outgoing person signs the log; the incoming person is asked to take over."""
        self._cs_check_state(("draft",), self.env._("handed over"))
        self._cs_check_editable()
        self._cs_sync_carry_over()
        self._cs_action_write({"state": "handed_over", "handed_over_at": fields.Datetime.now()})
        for handover in self:
            handover.message_subscribe(partner_ids=handover.incoming_user_id.partner_id.ids)
            handover.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=handover.incoming_user_id.id,
                date_deadline=fields.Date.context_today(self),
                summary=self.env._(
                    "Take over %(handover)s: acknowledge its %(count)s lines",
                    handover=handover.display_name,
                    count=len(handover.line_ids),
                ),
            )
        return True

    def action_relief_arrived(self):
        """The incoming person reports on duty (the time punctuality counts)."""
        self._cs_check_state(("draft", "handed_over"), self.env._("relieved"))
        self._cs_check_incoming()
        self.filtered(lambda h: not h.relief_arrived_at)._cs_action_write(
            {"relief_arrived_at": fields.Datetime.now()}
        )
        return True

    def action_take_over(self):
        """The incoming person takes over: every line must be acknowledged first."""
        self._cs_check_state(("handed_over",), self.env._("taken over"))
        self._cs_check_incoming()
        now = fields.Datetime.now()
        for handover in self:
            pending = handover.line_ids.filtered(lambda line: not line.acknowledged_at)
            if pending:
                raise UserError(
                    self.env._(
                        "%(count)s lines of %(handover)s are not acknowledged: the outgoing "
                        "shift closes only once the incoming person has acknowledged every "
                        "line.",
                        count=len(pending),
                        handover=handover.display_name,
                    )
                )
            arrived = handover.relief_arrived_at or now
            minutes = handover_rules.late_minutes(
                handover.shift_end, arrived, handover.company_id.cs_handover_late_minutes
            )
            handover._cs_action_write(
                {
                    "state": "taken_over",
                    "taken_over_at": now,
                    "relief_arrived_at": arrived,
                    "late": bool(minutes),
                    "late_minutes": minutes,
                }
            )
            handover.activity_feedback(["mail.mail_activity_data_todo"])
            if minutes:
                handover.message_post(
                    body=self.env._(
                        "The relief arrived %(minutes)s minutes after the change-over: "
                        "recorded as late.",
                        minutes=minutes,
                    )
                )
        return True

    def action_no_relief(self):
        """A supervisor closes a handover nobody took over (不接班); its lines
        nobody acknowledged show on the next handover."""
        self._cs_check_supervisor()
        self._cs_check_state(("handed_over",), self.env._("closed without relief"))
        now = fields.Datetime.now()
        for handover in self:
            if not handover.no_relief_reason:
                raise UserError(
                    self.env._(
                        "Record why nobody took over %(handover)s, e.g. the stand-in arranged.",
                        handover=handover.display_name,
                    )
                )
            handover._cs_action_write(
                {
                    "state": "no_relief",
                    "closed_by_id": self.env.uid,
                    "late": True,
                    "late_minutes": handover_rules.late_minutes(handover.shift_end, now),
                }
            )
            handover.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_review(self):
        """The supervisor's daily check of a closed handover."""
        self._cs_check_supervisor()
        self._cs_check_state(("taken_over", "no_relief"), self.env._("reviewed"))
        if self.filtered("reviewed_at"):
            raise UserError(self.env._("This handover was already reviewed."))
        self._cs_action_write(
            {"reviewed_at": fields.Datetime.now(), "reviewed_by_id": self.env.uid}
        )
        return True
