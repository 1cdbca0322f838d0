from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.cs_center.rules import presale as presale_rules


class CsPresaleSampleVisit(models.Model):
    """客户看样板房: a customer's visit to a sample room, requested from customer
    service at least 24 hours ahead (2 hours in a special case; policy values),
    which tells the engineering department and books a car if needed (seed 002
    第三章 细则 3)."""

    _name = "cs.presale.sample.visit"
    _description = "Sample-Room Visit Request"
    _inherit = [
        "cs.guarded.mixin",
        "cs.filled.mixin",
        "cs.sequence.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "visit_at desc, id desc"
    _check_company_auto = True
    _cs_action_fields = frozenset(
        {"name", "state", "requested_at", "notice_hours", "confirmed_at", "confirmed_by_id"}
    )

    name = fields.Char(
        string="Number", readonly=True, copy=False, default=lambda self: self.env._("New")
    )
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda self: self.env.company
    )
    lead_id = fields.Many2one(
        comodel_name="crm.lead", string="Lead", index="btree_not_null", check_company=True
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Customer", check_company=True, tracking=True
    )
    customer_name = fields.Char(help="Name given by a customer who is not a contact.")
    salesperson_id = fields.Many2one(
        comodel_name="res.users",
        string="Salesperson",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        default=lambda self: self.env.user,
    )
    sample_room = fields.Char(string="Sample Room", help="Which sample room: estate and unit.")
    visit_at = fields.Datetime(string="Visit On", required=True, tracking=True)
    requested_at = fields.Datetime(
        string="Requested On",
        readonly=True,
        copy=False,
        default=fields.Datetime.now,
        help="When the visit was requested or last moved: the notice counts from here.",
    )
    notice_hours = fields.Float(
        string="Notice (hours)", compute="_compute_notice_hours", store=True, readonly=True
    )
    special = fields.Boolean(
        string="Special Case",
        tracking=True,
        help="A special case may be requested on the shorter notice of the company.",
    )
    special_reason = fields.Char(string="Why Special", tracking=True)
    needs_vehicle = fields.Boolean(
        string="Needs a Car", help="The office is asked for a car (用车)."
    )
    state = fields.Selection(
        selection=[
            ("requested", "Requested"),
            ("confirmed", "Confirmed"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        string="Status",
        required=True,
        default="requested",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    confirmed_at = fields.Datetime(string="Confirmed On", readonly=True, copy=False)
    confirmed_by_id = fields.Many2one(
        comodel_name="res.users", string="Confirmed By", readonly=True, copy=False
    )

    @api.depends("requested_at", "visit_at")
    def _compute_notice_hours(self):
        for visit in self:
            visit.notice_hours = (
                round(presale_rules.notice_hours(visit.requested_at, visit.visit_at), 2)
                if visit.requested_at and visit.visit_at
                else 0.0
            )

    @api.constrains("visit_at", "requested_at", "special", "special_reason")
    def _check_notice(self):
        for visit in self:
            if visit.state != "requested":
                continue
            company = visit.company_id
            notice = company.cs_sample_visit_notice_hours
            special_notice = company.cs_sample_visit_special_hours
            problem = presale_rules.visit_notice_problem(
                visit.requested_at, visit.visit_at, visit.special, notice, special_notice
            )
            if problem == "past":
                raise ValidationError(self.env._("A sample-room visit is requested ahead of it."))
            if problem == "notice":
                raise ValidationError(
                    self.env._(
                        "A sample-room visit is requested %(hours)s hours ahead so that the "
                        "engineering department can arrange it with the owner; this one is "
                        "%(ahead)s hours ahead. Mark it a special case if it is one.",
                        hours=notice,
                        ahead=visit.notice_hours,
                    )
                )
            if problem == "special":
                raise ValidationError(
                    self.env._(
                        "Even a special case is requested %(hours)s hours ahead; this one is "
                        "%(ahead)s hours ahead.",
                        hours=special_notice,
                        ahead=visit.notice_hours,
                    )
                )
            if visit.special and not visit.special_reason:
                raise ValidationError(self.env._("Say why the visit is a special case."))

    @api.constrains("partner_id", "customer_name", "lead_id")
    def _check_customer(self):
        if self.filtered(lambda v: not (v.partner_id or v.customer_name or v.lead_id)):
            raise ValidationError(self.env._("Name the customer who visits the sample room."))

    def write(self, vals):
        if (
            not self._cs_in_action()
            and self._cs_user_field_names(vals)
            and self.filtered(lambda v: v.state != "requested")
        ):
            raise UserError(
                self.env._("A confirmed visit is moved by cancelling it and requesting a new one.")
            )
        res = super().write(vals)
        if "visit_at" in vals and not self._cs_in_action():
            # A visit moved is requested anew: the notice counts from now.
            self._cs_action_write({"requested_at": fields.Datetime.now()})
        return res

    def action_confirm(self):
        """Customer service told the engineering department, which fixed the time
        with the sample room's owner."""
        if not (self.env.su or self.env.user.has_group("cs_center.group_cs_agent")):
            raise UserError(self.env._("Customer service confirms sample-room visits."))
        if self.filtered(lambda v: v.state != "requested"):
            raise UserError(self.env._("Only a requested visit is confirmed."))
        self._cs_action_write(
            {
                "state": "confirmed",
                "confirmed_at": fields.Datetime.now(),
                "confirmed_by_id": self.env.uid,
            }
        )
        return True

    def action_done(self):
        if self.filtered(lambda v: v.state != "confirmed"):
            raise UserError(self.env._("Only a confirmed visit takes place."))
        self._cs_action_write({"state": "done"})
        return True

    def action_cancel(self):
        if self.filtered(lambda v: v.state in ("done", "cancelled")):
            raise UserError(self.env._("This visit is over."))
        self._cs_action_write({"state": "cancelled"})
        return True
