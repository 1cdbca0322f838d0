from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.cs_center.rules import bounds


class CsSuggestion(models.Model):
    """顾客意见: an oral or written opinion of a customer (seed 003 5.2.6).

    Recorded, thanked, forwarded at once to the responsible manager and summarised
    periodically (pivot by month and kind).
    """

    _name = "cs.suggestion"
    _description = "Customer Suggestion"
    _inherit = ["cs.guarded.mixin", "cs.sequence.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "received_at desc, id desc"
    _check_company_auto = True
    _cs_action_fields = frozenset({"name", "state", "thanked_at", "forwarded_at", "call_id"})

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
    received_at = fields.Datetime(
        string="Received On", required=True, index=True, default=fields.Datetime.now
    )
    kind = fields.Selection(
        selection=[("oral", "Oral"), ("written", "Written")],
        string="Kind",
        required=True,
        default="oral",
        tracking=True,
        help="Oral opinions are written down by the agent after listening; written ones come "
        "from the opinion book or an opinion slip, which is kept (口头意见 / 书面意见).",
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        index=True,
        tracking=True,
        check_company=True,
    )
    customer_name = fields.Char(
        string="Customer Name", help="Name given by a customer who is not a contact."
    )
    phone = fields.Char(string="Phone Number")
    subject = fields.Char(string="Subject", required=True, tracking=True)
    content = fields.Text(string="Opinion", required=True, help="The customer's opinion in full.")
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Recorded By",
        index=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    manager_id = fields.Many2one(
        comodel_name="res.users",
        string="Responsible Manager",
        index=True,
        tracking=True,
        default=lambda self: self._default_manager(),
        check_company=True,
        help="The manager the opinion is forwarded to (default: the manager of your team).",
    )
    thanked = fields.Boolean(
        string="Thanked",
        tracking=True,
        help="The customer was thanked for the opinion (seed: 感谢您对我们广场工作的支持).",
    )
    thanked_at = fields.Datetime(string="Thanked On", readonly=True, copy=False)
    forwarded_at = fields.Datetime(string="Forwarded On", readonly=True, copy=False, tracking=True)
    outcome = fields.Text(string="Outcome", help="What the manager decided or did.")
    state = fields.Selection(
        selection=[("new", "New"), ("forwarded", "Forwarded"), ("done", "Done")],
        string="Status",
        required=True,
        default="new",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    call_id = fields.Many2one(
        comodel_name="cs.call.record",
        string="From Call",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
    )

    @api.model
    def _default_manager(self):
        team = self.env["cs.team"].search(
            [("member_ids", "in", self.env.uid), ("manager_id", "!=", False)], limit=1
        )
        return team.manager_id

    @api.constrains("received_at")
    def _check_received_at_in_range(self):
        first, last = self._cs_year_range()
        if any(not bounds.year_in_range(s.received_at, first, last) for s in self):
            raise ValidationError(
                self.env._(
                    "%(field)s must fall between the years %(first)s and %(last)s.",
                    field=self._fields["received_at"]._description_string(self.env),
                    first=first,
                    last=last,
                )
            )

    @api.constrains("phone")
    def _check_phone_length(self):
        if any(not bounds.phone_fits(suggestion.phone) for suggestion in self):
            raise ValidationError(
                self.env._(
                    "A phone number has at most %(length)s characters.",
                    length=bounds.PHONE_MAX_LENGTH,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        suggestions = super().create(vals_list)
        suggestions.filtered(lambda s: s.thanked and not s.thanked_at)._cs_action_write(
            {"thanked_at": fields.Datetime.now()}
        )
        return suggestions

    def action_thank(self):
        """Record that the customer was thanked."""
        if self.filtered("thanked"):
            raise UserError(self.env._("The customer has already been thanked for this opinion."))
        self._cs_action_write({"thanked": True, "thanked_at": fields.Datetime.now()})

    def action_forward(self):
        """Forward to the responsible manager: a to-do activity on the manager."""
        for suggestion in self:
            if suggestion.state != "new":
                raise UserError(self.env._("Only a new opinion can be forwarded."))
            if not suggestion.manager_id:
                raise UserError(
                    self.env._("Choose the responsible manager before forwarding the opinion.")
                )
            suggestion.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=suggestion.manager_id.id,
                summary=self.env._("Customer opinion: %s", suggestion.subject),
                note=suggestion.content,
            )
        self._cs_action_write({"state": "forwarded", "forwarded_at": fields.Datetime.now()})

    def action_done(self):
        """The manager has dealt with the opinion."""
        if self.filtered(lambda s: s.state != "forwarded"):
            raise UserError(
                self.env._("An opinion is closed only after it was forwarded to a manager.")
            )
        self.activity_feedback(["mail.mail_activity_data_todo"])
        self._cs_action_write({"state": "done"})

    def action_reset(self):
        """Back to new, e.g. to forward to another manager."""
        if self.filtered(lambda s: s.state != "forwarded"):
            raise UserError(self.env._("Only a forwarded opinion can be set back to new."))
        self.activity_unlink(["mail.mail_activity_data_todo"])
        self._cs_action_write({"state": "new", "forwarded_at": False})
