from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .cs_loan_item_type import is_number_within

# 单张发票最高开票限额: the highest single-invoice limit the tax bureau grants is
# one hundred million yuan (亿元); no invoice on behalf can be larger.
MAX_FAPIAO_AMOUNT = 100_000_000


class CsFapiaoRequest(models.Model):
    """代开发票: an invoice issued on the customer's behalf (seed 003 5.2.9)."""

    _name = "cs.fapiao.request"
    _description = "Invoice Request"
    _inherit = ["cs.guarded.mixin", "cs.desk.state.mixin", "cs.sequence.mixin", "mail.thread"]
    _order = "id desc"
    _check_company_auto = True

    _cs_action_fields = frozenset({"state", "name", "issued_by_id"})
    # What the issued invoice says: fixed once it is issued.
    _cs_fixed_once_issued = frozenset(
        {"company_id", "buyer_title", "buyer_tax_number", "amount", "sale_ids", "fapiao_number"}
    )

    name = fields.Char(readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    buyer_title = fields.Char(string="Buyer Title", required=True, tracking=True)
    buyer_tax_number = fields.Char(string="Buyer Tax Number", tracking=True)
    amount = fields.Monetary(required=True, tracking=True)
    sale_ids = fields.Many2many(
        comodel_name="cs.desk.sale", string="Source Receipts", check_company=True
    )
    state = fields.Selection(
        selection=[("requested", "Requested"), ("issued", "Issued"), ("voided", "Voided")],
        default="requested",
        required=True,
        readonly=True,
        tracking=True,
    )
    fapiao_number = fields.Char(string="Invoice Number", tracking=True, copy=False)
    issued_by_id = fields.Many2one(comodel_name="res.users", readonly=True, tracking=True)
    void_reason = fields.Char(tracking=True)

    @api.model
    def _check_amount_vals(self, vals):
        # Before the ORM rounds the amount: NaN or infinity would fail there.
        if "amount" in vals and not (
            is_number_within(vals["amount"], 0.0, MAX_FAPIAO_AMOUNT)
            and float(vals["amount"] or 0.0) > 0
        ):
            raise ValidationError(
                self.env._(
                    "An invoice on behalf is for an amount above 0 and at most %(max)s.",
                    max=MAX_FAPIAO_AMOUNT,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_amount_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_amount_vals(vals)
        if not self._cs_in_action():
            issued = self.filtered(lambda request: request.state != "requested")
            names = self._cs_fixed_once_issued & set(vals)
            if issued and names:
                raise UserError(
                    self.env._(
                        "Invoice %(name)s was issued: %(fields)s no longer change.",
                        name=issued[0].name,
                        fields=", ".join(
                            sorted(self._fields[n]._description_string(self.env) for n in names)
                        ),
                    )
                )
            voided = self.filtered(lambda request: request.state == "voided")
            if voided and "void_reason" in vals:
                raise UserError(
                    self.env._(
                        "Invoice %(name)s was voided: its reason no longer changes.",
                        name=voided[0].name,
                    )
                )
        return super().write(vals)

    def _check_trained(self):
        if not self.env.user.cs_fapiao_trained:
            raise UserError(
                self.env._("Only a clerk trained for invoices on behalf may issue or void them.")
            )

    def action_issue(self):
        self._check_trained()
        self._check_state(("requested",), self.env._("issued"))
        for request in self:
            if not request.fapiao_number:
                raise UserError(self.env._("Enter the number of the invoice issued first."))
            request._cs_action_write({"state": "issued", "issued_by_id": self.env.uid})
        return True

    def action_void(self):
        self._check_trained()
        self._check_state(("issued",), self.env._("voided"))
        for request in self:
            if not request.void_reason:
                raise UserError(self.env._("Give the reason before voiding the invoice."))
            request._cs_action_write({"state": "voided"})
        return True
