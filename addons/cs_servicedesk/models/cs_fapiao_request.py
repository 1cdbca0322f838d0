from odoo import fields, models
from odoo.exceptions import UserError


class CsFapiaoRequest(models.Model):
    """代开发票: an invoice issued on the customer's behalf (seed 003 5.2.9)."""

    _name = "cs.fapiao.request"
    _description = "Invoice Request"
    _inherit = ["cs.sequence.mixin", "mail.thread"]
    _order = "id desc"

    name = fields.Char(readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    buyer_title = fields.Char(string="Buyer Title", required=True, tracking=True)
    buyer_tax_number = fields.Char(string="Buyer Tax Number", tracking=True)
    amount = fields.Monetary(required=True, tracking=True)
    sale_ids = fields.Many2many(comodel_name="cs.desk.sale", string="Source Receipts")
    state = fields.Selection(
        selection=[("requested", "Requested"), ("issued", "Issued"), ("voided", "Voided")],
        default="requested",
        required=True,
        tracking=True,
    )
    fapiao_number = fields.Char(string="Invoice Number", tracking=True, copy=False)
    issued_by_id = fields.Many2one(comodel_name="res.users", readonly=True)
    void_reason = fields.Char(tracking=True)

    def _check_trained(self):
        if not self.env.user.cs_fapiao_trained:
            raise UserError(
                self.env._("Only a clerk trained for invoices on behalf may issue or void them.")
            )

    def action_issue(self):
        self._check_trained()
        for request in self:
            if request.state != "requested" or not request.fapiao_number:
                raise UserError(self.env._("Enter the invoice number of a requested invoice."))
            request.write({"state": "issued", "issued_by_id": self.env.uid})
        return True

    def action_void(self):
        self._check_trained()
        for request in self:
            if request.state != "issued" or not request.void_reason:
                raise UserError(self.env._("Only an issued invoice is voided, with a reason."))
            request.state = "voided"
        return True
