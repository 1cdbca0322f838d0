from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.cs_center.rules import bounds

from .cs_complaint import CALLBACK_STATES

# What the customer said, as recorded: a later call is a new callback.
RECORDED_FIELDS = frozenset({"complaint_id", "method", "score"})


class CsComplaintCallback(models.Model):
    """回访: the callback after resolution and the customer's rating (seed 001 4)."""

    _name = "cs.complaint.callback"
    _description = "Complaint Callback"
    _inherit = ["cs.guarded.mixin"]
    _order = "date desc, id desc"
    # Followed from the complaint and computed from the score, never typed in.
    _cs_action_fields = frozenset(
        {"company_id", "team_id", "agent_id", "satisfied", "satisfied_rate"}
    )

    complaint_id = fields.Many2one(
        comodel_name="cs.complaint", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="complaint_id.company_id", store=True)
    team_id = fields.Many2one(related="complaint_id.team_id", store=True)
    agent_id = fields.Many2one(related="complaint_id.first_owner_id", store=True, string="Agent")
    method = fields.Selection(
        selection=[("phone", "Phone"), ("survey", "Online Survey")], required=True, default="phone"
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    user_id = fields.Many2one(
        comodel_name="res.users", string="Called By", default=lambda self: self.env.user
    )
    score = fields.Integer(
        required=True, default=5, aggregator="avg", help="Customer's rating from 1 (poor) to 5."
    )
    satisfied = fields.Boolean(compute="_compute_satisfied", store=True, aggregator="bool_or")
    satisfied_rate = fields.Float(
        compute="_compute_satisfied", store=True, aggregator="avg", string="Satisfaction Rate"
    )
    comments = fields.Text()

    _score_range = models.Constraint("CHECK(score BETWEEN 1 AND 5)", "Scores go from 1 to 5.")

    @api.depends("score", "complaint_id.company_id.cs_low_score_threshold")
    def _compute_satisfied(self):
        """Judged by the threshold of the complaint's company, whatever the
        company the user works in; without a complaint there is none."""
        for callback in self:
            company = callback.complaint_id.company_id
            callback.satisfied = bool(company) and callback.score >= company.cs_low_score_threshold
            callback.satisfied_rate = 100.0 if callback.satisfied else 0.0

    @api.constrains("date")
    def _check_date_in_range(self):
        first, last = self._cs_year_range()
        if any(not bounds.year_in_range(callback.date, first, last) for callback in self):
            raise ValidationError(
                self.env._(
                    "%(field)s must fall between the years %(first)s and %(last)s.",
                    field=self._fields["date"]._description_string(self.env),
                    first=first,
                    last=last,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        # Checked before the row is written: the database's own check is no message.
        for vals in vals_list:
            score = vals.get("score", 1)
            if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
                raise ValidationError(self.env._("Scores go from 1 to 5."))
        callbacks = super().create(vals_list)
        # The online survey (sudo) may be answered at any time; an agent calls back
        # once the complaint is resolved, so a good score cannot confirm it before.
        if not self.env.su and any(
            callback.complaint_id.state not in CALLBACK_STATES for callback in callbacks
        ):
            raise UserError(
                self.env._("A complaint is called back once it is resolved, not before.")
            )
        for callback in callbacks:
            callback.complaint_id._register_callback(callback)
        return callbacks

    def write(self, vals):
        if RECORDED_FIELDS & set(vals) and not self.env.su:
            raise UserError(
                self.env._(
                    "A callback records what the customer said: record a new callback "
                    "rather than changing its complaint, method or score."
                )
            )
        return super().write(vals)
