from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.cs_center.rules import quality as quality_rules


class CsQualityCheck(models.Model):
    """服务质量监督: a spot check of one call, chat or complaint record of an agent,
    scored by an inspector against its channel's checklist (seed 001 服务质量
    监督与评估 1; 003 5.3.8-5.3.10). Scored checks make the agent's period score
    (绩效考核)."""

    _name = "cs.quality.check"
    _description = "Quality Spot Check"
    _inherit = [
        "cs.guarded.mixin",
        "cs.filled.mixin",
        "cs.sequence.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "contact_at desc, id desc"
    _check_company_auto = True
    _cs_action_fields = frozenset(
        {
            "name",
            "state",
            "inspector_id",
            "score",
            "passed",
            "forbidden_used",
            "pass_mark",
            "done_at",
            "period_id",
        }
    )
    # The inspected contact and its agent are fixed once scored.
    _cs_draft_fields = frozenset(
        {
            "company_id",
            "checklist_id",
            "agent_id",
            "call_id",
            "complaint_id",
            "chat_reference",
            "transcript",
            "contact_at",
        }
    )

    name = fields.Char(
        string="Number", readonly=True, copy=False, default=lambda self: self.env._("New")
    )
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda self: self.env.company
    )
    checklist_id = fields.Many2one(
        comodel_name="cs.quality.checklist",
        string="Checklist",
        required=True,
        check_company=True,
        tracking=True,
    )
    channel = fields.Selection(related="checklist_id.channel", store=True, string="Channel")
    agent_id = fields.Many2one(
        comodel_name="res.users",
        string="Agent",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        compute="_compute_agent_id",
        store=True,
        readonly=False,
        precompute=True,
        help="Whose work is checked: by default who answered the call or handles the complaint.",
    )
    inspector_id = fields.Many2one(
        comodel_name="res.users",
        string="Inspector",
        readonly=True,
        index=True,
        default=lambda self: self.env.user,
    )
    call_id = fields.Many2one(
        comodel_name="cs.call.record",
        string="Call",
        index="btree_not_null",
        check_company=True,
        tracking=True,
    )
    complaint_id = fields.Many2one(
        comodel_name="cs.complaint",
        string="Complaint",
        index="btree_not_null",
        check_company=True,
        tracking=True,
    )
    chat_reference = fields.Char(
        string="Chat or Visit", help="Which online chat or front-desk visit was checked."
    )
    transcript = fields.Text(help="What the inspector heard or read, as evidence.")
    contact_at = fields.Datetime(
        string="Contact Time",
        required=True,
        index=True,
        compute="_compute_contact_at",
        store=True,
        readonly=False,
        precompute=True,
        help="When the checked contact took place: it decides the agent's period.",
    )
    line_ids = fields.One2many(
        comodel_name="cs.quality.check.line", inverse_name="check_id", string="Items"
    )
    note = fields.Text(string="Inspector's Remarks")
    state = fields.Selection(
        selection=[("draft", "Draft"), ("done", "Scored")],
        string="Status",
        required=True,
        default="draft",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    score = fields.Float(readonly=True, copy=False, aggregator="avg", tracking=True)
    passed = fields.Boolean(readonly=True, copy=False)
    forbidden_used = fields.Boolean(
        string="Forbidden Phrase Heard", readonly=True, copy=False, index=True
    )
    pass_mark = fields.Integer(readonly=True, copy=False, help="The pass mark when scored.")
    done_at = fields.Datetime(string="Scored On", readonly=True, copy=False)
    period_id = fields.Many2one(
        comodel_name="cs.quality.period",
        string="Period",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    score_preview = fields.Float(
        string="Score So Far", compute="_compute_score_preview", help="Score if scored now."
    )

    @api.depends("call_id", "complaint_id")
    def _compute_agent_id(self):
        for check in self:
            complaint = check.complaint_id
            check.agent_id = (
                check.call_id.user_id
                or complaint.user_id
                or complaint.first_owner_id
                or check.agent_id
            )

    @api.depends("call_id", "complaint_id")
    def _compute_contact_at(self):
        for check in self:
            check.contact_at = (
                check.call_id.call_at
                or check.complaint_id.received_at
                or check.contact_at
                or fields.Datetime.now()
            )

    @api.depends("line_ids.result", "line_ids.weight", "company_id")
    def _compute_score_preview(self):
        for check in self:
            check.score_preview = check._cs_score()

    def _cs_results(self):
        return [(line.kind, line.weight, line.result) for line in self.line_ids]

    def _cs_score(self):
        return quality_rules.check_score(
            self._cs_results(), self.company_id.cs_qa_forbidden_max_score
        )

    @api.constrains("checklist_id", "call_id", "complaint_id", "chat_reference")
    def _check_contact(self):
        for check in self:
            channel = check.checklist_id.channel
            if channel == "phone" and (not check.call_id or check.complaint_id):
                raise ValidationError(
                    self.env._("A phone checklist checks one call record: choose the call.")
                )
            if channel == "record" and (not check.complaint_id or check.call_id):
                raise ValidationError(
                    self.env._("A record checklist checks one complaint: choose the complaint.")
                )
            if channel in ("chat", "walk_in") and (
                check.call_id or check.complaint_id or not check.chat_reference
            ):
                raise ValidationError(
                    self.env._("Name the chat or the front-desk visit that was checked.")
                )

    @api.constrains("agent_id", "inspector_id")
    def _check_not_own_work(self):
        for check in self:
            if check.agent_id == check.inspector_id:
                raise ValidationError(self.env._("An inspector does not check their own work."))

    @api.constrains("contact_at")
    def _check_contact_at(self):
        first, last = self._cs_year_range()
        for check in self:
            if not first <= check.contact_at.year <= last:
                raise ValidationError(
                    self.env._(
                        "The contact time falls between the years %(first)s and %(last)s.",
                        first=first,
                        last=last,
                    )
                )

    # ------------------------------------------------------------------
    # Lines from the checklist
    # ------------------------------------------------------------------
    def _cs_auto_result(self, rule):
        """What the record itself says of an item filled from it."""
        if rule == "answered_in_time":
            if not self.call_id:
                return quality_rules.NOT_APPLICABLE
            return quality_rules.PASS if self.call_id.answered_in_time else quality_rules.FAIL
        if rule == "record_complete":
            if self.call_id:
                call = self.call_id
                complete = (call.partner_id or call.caller_name) and call.phone and call.answer
            elif self.complaint_id:
                complaint = self.complaint_id
                complete = (
                    complaint.partner_id
                    and (complaint.phone or complaint.email_from)
                    and complaint.category_id
                    and complaint.description
                    and (complaint.resolution or not complaint.resolved_at)
                )
            else:
                return quality_rules.NOT_APPLICABLE
            return quality_rules.PASS if complete else quality_rules.FAIL
        return quality_rules.PASS

    def _cs_fill_lines(self):
        """Lines for the checklist's items, those filled from the record first."""
        Line = self.env["cs.quality.check.line"]
        for check in self:
            check.line_ids.sudo().unlink()
            Line._cs_action_create(
                [
                    {
                        "check_id": check.id,
                        "item_id": item.id,
                        "result": check._cs_auto_result(item.auto_rule),
                    }
                    for item in check.checklist_id.item_ids
                ]
            )

    @api.model_create_multi
    def create(self, vals_list):
        checks = super().create(vals_list)
        checks.filtered(lambda c: not c.line_ids)._cs_fill_lines()
        return checks

    def write(self, vals):
        if (
            not self._cs_in_action()
            and self._cs_draft_fields & set(vals)
            and self.filtered(lambda c: c.state != "draft")
        ):
            raise UserError(
                self.env._(
                    "A scored check keeps the contact and agent it scored: reset it to draft first."
                )
            )
        res = super().write(vals)
        if {"checklist_id", "call_id", "complaint_id"} & set(vals):
            self.filtered(lambda c: c.state == "draft")._cs_fill_lines()
        return res

    def unlink(self):
        if self.filtered(lambda c: c.state == "done") and not self._cs_in_action():
            raise UserError(
                self.env._("A scored check counts in the agent's period: reset it first.")
            )
        return super().unlink()

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------
    def action_done(self):
        """Score the check: it counts in the agent's period from now on."""
        Period = self.env["cs.quality.period"]
        now = fields.Datetime.now()
        for check in self:
            if check.state != "draft":
                raise UserError(
                    self.env._("%(check)s is already scored.", check=check.display_name)
                )
            if not check.line_ids:
                raise UserError(
                    self.env._("The checklist of %(check)s has no items.", check=check.display_name)
                )
            company = check.company_id
            score = check._cs_score()
            check._cs_action_write(
                {
                    "state": "done",
                    "score": score,
                    "pass_mark": company.cs_qa_pass_mark,
                    "passed": quality_rules.passed(score, company.cs_qa_pass_mark),
                    "forbidden_used": quality_rules.forbidden_used(check._cs_results()),
                    "done_at": now,
                    "inspector_id": self.env.uid,
                    "period_id": Period._cs_period_for(check).id,
                }
            )
            check.message_subscribe(partner_ids=check.agent_id.partner_id.ids)
        return True

    def action_reset(self):
        """Back to draft, e.g. to correct an item: the period no longer counts it."""
        if self.filtered(lambda c: c.state != "done"):
            raise UserError(self.env._("Only a scored check goes back to draft."))
        periods = self.period_id
        self._cs_action_write(
            {
                "state": "draft",
                "score": 0.0,
                "passed": False,
                "forbidden_used": False,
                "pass_mark": 0,
                "done_at": False,
                "period_id": False,
            }
        )
        # A month without a scored check has no score, not a score of 0.
        periods.sudo().filtered(lambda p: not p.check_ids).unlink()
        return True
