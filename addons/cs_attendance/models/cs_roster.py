from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# The longest period one roster plans: a quarter. Longer is a typing error, and
# the coverage check walks every day of it.
ROSTER_MAX_DAYS = 92
# What may still change on a published roster (the lines change by swaps).
PUBLISHED_EDITABLE = frozenset({"name", "note", "required_shift_ids"})


class CsRoster(models.Model):
    """排班: the shifts of a team (a department) for a period. Once published it is
    the schedule employees are evaluated against; it changes by approved swaps."""

    _name = "cs.roster"
    _description = "Roster"
    _inherit = ["cs.guarded.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_from desc, department_id, id"
    _check_company_auto = True

    _cs_action_fields = frozenset({"state"})

    name = fields.Char(required=True, tracking=True)
    department_id = fields.Many2one(
        comodel_name="hr.department",
        string="Team",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda self: self.env.company
    )
    date_from = fields.Date(string="From", required=True, tracking=True)
    date_to = fields.Date(string="To", required=True, tracking=True)
    state = fields.Selection(
        selection=[("draft", "Draft"), ("published", "Published")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    line_ids = fields.One2many(
        comodel_name="cs.roster.line", inverse_name="roster_id", string="Shifts Assigned"
    )
    required_shift_ids = fields.Many2many(
        comodel_name="cs.shift",
        string="Shifts to Staff Every Day",
        check_company=True,
        help="The coverage check flags each day on which one of these shifts has nobody.",
    )
    coverage_gaps = fields.Text(compute="_compute_coverage")
    coverage_gap_count = fields.Integer(compute="_compute_coverage")
    note = fields.Text()

    @api.depends("date_from", "date_to", "required_shift_ids", "line_ids.date", "line_ids.shift_id")
    def _compute_coverage(self):
        for roster in self:
            gaps = roster._coverage_gap_texts()
            roster.coverage_gap_count = len(gaps)
            roster.coverage_gaps = "\n".join(gaps)

    def _coverage_gap_texts(self):
        return [
            self.env._("%(day)s: nobody on %(shift)s", day=day, shift=shift.name)
            for day, shift in self._coverage_gaps()
        ]

    def _coverage_gaps(self):
        """``[(day, shift)]`` of the required shifts nobody works."""
        self.ensure_one()
        if not (self.date_from and self.date_to and self.required_shift_ids):
            return []
        staffed = {(line.date, line.shift_id) for line in self.line_ids}
        gaps = []
        day = self.date_from
        while day <= self.date_to:
            gaps.extend(
                (day, shift) for shift in self.required_shift_ids if (day, shift) not in staffed
            )
            day += timedelta(days=1)
        return gaps

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for roster in self:
            if not (roster.date_from and roster.date_to):
                continue  # required: the database refuses it
            if roster.date_to < roster.date_from:
                raise ValidationError(
                    self.env._("Roster %(roster)s ends before it starts.", roster=roster.name)
                )
            if (roster.date_to - roster.date_from).days >= ROSTER_MAX_DAYS:
                raise ValidationError(
                    self.env._(
                        "A roster plans at most %(days)s days; split %(roster)s.",
                        days=ROSTER_MAX_DAYS,
                        roster=roster.name,
                    )
                )
            outside = roster.line_ids.filtered(
                lambda line, r=roster: not r.date_from <= line.date <= r.date_to
            )
            if outside:
                raise ValidationError(
                    self.env._(
                        "Roster %(roster)s has shifts outside its period (%(day)s).",
                        roster=roster.name,
                        day=outside[0].date,
                    )
                )

    def write(self, vals):
        if not self._cs_in_action() and set(vals) - PUBLISHED_EDITABLE:
            published = self.filtered(lambda r: r.state == "published")
            if published:
                raise UserError(
                    self.env._(
                        "Roster %(roster)s is published: reset it to draft to change it, or "
                        "swap shifts with a request the supervisor approves.",
                        roster=published[0].name,
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(roster.state == "published" for roster in self):
            raise UserError(self.env._("A published roster cannot be deleted; reset it first."))

    def action_publish(self):
        for roster in self:
            if roster.state != "draft":
                raise UserError(
                    self.env._("Roster %(roster)s is already published.", roster=roster.name)
                )
            if not roster.line_ids:
                raise UserError(
                    self.env._("Roster %(roster)s assigns no shift yet.", roster=roster.name)
                )
        self._cs_action_write({"state": "published"})
        for roster in self:
            if roster.coverage_gap_count:
                roster.message_post(body=roster._coverage_message())
        return True

    def action_draft(self):
        if any(roster.state != "published" for roster in self):
            raise UserError(self.env._("Only a published roster can be reset to draft."))
        self._cs_action_write({"state": "draft"})
        return True

    def action_check_coverage(self):
        """Post the unstaffed shifts in the chatter (or that every shift is staffed)."""
        for roster in self:
            roster.message_post(body=roster._coverage_message())
        return True

    def _coverage_message(self):
        gaps = self._coverage_gap_texts()
        if not gaps:
            return self.env._("Every required shift is staffed every day.")
        title = self.env._("%(count)s unstaffed shifts:", count=len(gaps))
        items = Markup().join(Markup("<li>%s</li>") % gap for gap in gaps)
        return Markup("<p>%s</p><ul>%s</ul>") % (title, items)
