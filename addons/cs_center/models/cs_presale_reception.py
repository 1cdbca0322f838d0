from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.cs_center.rules import bounds


class CsPresaleReception(models.Model):
    """客户接待: a customer visiting on a salesperson's booking, received by
    customer service first (intention form, questionnaire, the company and its
    designers), then dispatched to a designer customer service chooses — a
    salesperson never picks the designer (seed 002 第三章 一 3-4, 细则 3)."""

    _name = "cs.presale.reception"
    _description = "Customer Reception"
    _inherit = [
        "cs.guarded.mixin",
        "cs.filled.mixin",
        "cs.sequence.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "expected_at desc, id desc"
    _check_company_auto = True
    _cs_action_fields = frozenset(
        {
            "name",
            "state",
            "arrived_at",
            "received_by_id",
            "dispatched_at",
            "designer_group_id",
        }
    )
    # Customer service's part of the form: the designer is never chosen by sales.
    _cs_service_fields = frozenset({"designer_id"})

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
    phone = fields.Char()
    salesperson_id = fields.Many2one(
        comodel_name="res.users",
        string="Salesperson",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        default=lambda self: self.env.user,
        help="业务员 who booked the visit.",
    )
    expected_at = fields.Datetime(string="Expected On", required=True, tracking=True)
    arrived_at = fields.Datetime(string="Received On", readonly=True, copy=False)
    received_by_id = fields.Many2one(
        comodel_name="res.users", string="Received By", readonly=True, copy=False
    )
    intention = fields.Text(
        string="Intention Form", help="What the customer wants (意向表): rooms, budget, style."
    )
    questionnaire_done = fields.Boolean(string="Questionnaire Filled")
    designer_id = fields.Many2one(
        comodel_name="res.users",
        string="Designer",
        index="btree_not_null",
        tracking=True,
        check_company=True,
        help="Chosen by customer service (业务人员严禁私自挑选设计师).",
    )
    designer_group_id = fields.Many2one(
        comodel_name="cs.designer.group",
        string="Designer Group",
        compute="_compute_designer_group_id",
        store=True,
        readonly=True,
        index="btree_not_null",
    )
    dispatched_at = fields.Datetime(string="Dispatched On", readonly=True, copy=False)
    state = fields.Selection(
        selection=[
            ("booked", "Booked"),
            ("received", "Received"),
            ("dispatched", "Dispatched"),
            ("cancelled", "Cancelled"),
        ],
        string="Status",
        required=True,
        default="booked",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )

    @api.depends("designer_id", "company_id")
    def _compute_designer_group_id(self):
        groups = (
            self.env["cs.designer.group"]
            .sudo()
            .search([("member_ids", "in", self.designer_id.ids)])
            if self.designer_id
            else self.env["cs.designer.group"]
        )
        for reception in self:
            reception.designer_group_id = groups.filtered(
                lambda g, r=reception: (
                    r.designer_id in g.member_ids and g.company_id == r.company_id
                )
            )[:1]

    @api.constrains("partner_id", "customer_name")
    def _check_customer(self):
        if self.filtered(lambda r: not (r.partner_id or r.customer_name)):
            raise ValidationError(self.env._("Name the visiting customer."))

    @api.constrains("phone")
    def _check_phone_length(self):
        if any(not bounds.phone_fits(reception.phone) for reception in self):
            raise ValidationError(
                self.env._(
                    "A phone number has at most %(length)s characters.",
                    length=bounds.PHONE_MAX_LENGTH,
                )
            )

    def _cs_is_service(self):
        return self.env.su or self.env.user.has_group("cs_center.group_cs_agent")

    def _cs_check_service(self):
        if not self._cs_is_service():
            raise UserError(
                self.env._(
                    "Customer service receives the customer and chooses the designer: a "
                    "salesperson does not."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not self._cs_in_action() and any(
            self._cs_service_fields & set(vals) for vals in vals_list
        ):
            self._cs_check_service()
        return super().create(vals_list)

    def write(self, vals):
        if not self._cs_in_action():
            if self._cs_service_fields & set(vals):
                self._cs_check_service()
            if self._cs_user_field_names(vals) and self.filtered(
                lambda r: r.state in ("dispatched", "cancelled")
            ):
                raise UserError(
                    self.env._("A dispatched or cancelled reception is kept as it was.")
                )
        return super().write(vals)

    def action_receive(self):
        """The customer has come: customer service receives them first."""
        self._cs_check_service()
        if self.filtered(lambda r: r.state != "booked"):
            raise UserError(self.env._("Only a booked visit is received."))
        self._cs_action_write(
            {
                "state": "received",
                "arrived_at": fields.Datetime.now(),
                "received_by_id": self.env.uid,
            }
        )
        return True

    def action_dispatch(self):
        """派单: the customer is introduced to the designer customer service chose."""
        self._cs_check_service()
        for reception in self:
            if reception.state != "received":
                raise UserError(self.env._("A customer is dispatched after being received."))
            if not reception.designer_id:
                raise UserError(self.env._("Choose the designer before dispatching."))
        self._cs_action_write({"state": "dispatched", "dispatched_at": fields.Datetime.now()})
        for reception in self:
            reception.message_subscribe(partner_ids=reception.designer_id.partner_id.ids)
            reception.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=reception.designer_id.id,
                summary=self.env._(
                    "Meet the customer of %(reception)s", reception=reception.display_name
                ),
            )
        return True

    def action_cancel(self):
        if self.filtered(lambda r: r.state in ("dispatched", "cancelled")):
            raise UserError(self.env._("A dispatched or cancelled reception is kept as it was."))
        self._cs_action_write({"state": "cancelled"})
        return True
