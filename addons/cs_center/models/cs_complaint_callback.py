from odoo import api, fields, models


class CsComplaintCallback(models.Model):
    """回访: the callback after resolution and the customer's rating (seed 001 4)."""

    _name = "cs.complaint.callback"
    _description = "Complaint Callback"
    _order = "date desc, id desc"

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

    @api.depends("score")
    def _compute_satisfied(self):
        threshold = self.env.company.cs_low_score_threshold
        for callback in self:
            callback.satisfied = callback.score >= threshold
            callback.satisfied_rate = 100.0 if callback.satisfied else 0.0

    @api.model_create_multi
    def create(self, vals_list):
        callbacks = super().create(vals_list)
        for callback in callbacks:
            callback._apply_to_complaint()
        return callbacks

    def _apply_to_complaint(self):
        """A good score confirms the customer's satisfaction; a low one reopens
        the complaint and escalates it to the team's manager."""
        complaint = self.complaint_id
        if self.satisfied:
            vals = {"customer_confirmed": True}
            if complaint.state == "resolved":
                vals["state"] = "callback_done"
            complaint.write(vals)
            return
        if complaint.state in ("resolved", "callback_done", "closed"):
            complaint.action_reopen()
        manager = (
            complaint.team_id.manager_id or self.env.ref("cs_center.group_cs_manager").user_ids[:1]
        )
        complaint.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=self.env._(
                "Low callback score %(score)s on %(name)s", score=self.score, name=complaint.name
            ),
            user_id=(manager or self.env.user).id,
        )
