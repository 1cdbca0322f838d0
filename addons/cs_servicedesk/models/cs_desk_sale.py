from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command

# What the sale's own workflow and the chatter write on a paid sale.
WORKFLOW_FIELDS = {
    "state",
    "name",
    "move_id",
    "reversal_move_id",
    "session_id",
    "paid_at",
    "note",
    "message_main_attachment_id",
}


class CsDeskSale(models.Model):
    """有偿服务: a fee-based service sold at the counter (seed 003 5.2.15)."""

    _name = "cs.desk.sale"
    _description = "Counter Sale"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    name = fields.Char(
        string="Receipt Number", readonly=True, copy=False, default=lambda self: self.env._("Draft")
    )
    company_id = fields.Many2one(related="counter_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    counter_id = fields.Many2one(comodel_name="cs.desk.counter", required=True, index=True)
    session_id = fields.Many2one(
        comodel_name="cs.desk.session", readonly=True, index=True, copy=False
    )
    user_id = fields.Many2one(
        comodel_name="res.users", string="Clerk", default=lambda self: self.env.user, readonly=True
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        help="Left empty for an anonymous customer: the counter's walk-in customer is used.",
    )
    line_ids = fields.One2many(
        comodel_name="cs.desk.sale.line", inverse_name="sale_id", string="Services", copy=True
    )
    amount_total = fields.Monetary(
        string="Price",
        compute="_compute_amount_total",
        store=True,
        help="Told to the customer before the service (seed: 本次服务您应支付××元).",
    )
    payment_method = fields.Selection(
        selection=[("cash", "Cash"), ("card", "Card / Mobile")], required=True, default="cash"
    )
    invoice_requested = fields.Boolean(
        string="Customer Invoice", help="Issue a customer invoice instead of a receipt."
    )
    state = fields.Selection(
        selection=[("draft", "Quoted"), ("paid", "Paid"), ("voided", "Voided")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    move_id = fields.Many2one(
        comodel_name="account.move", string="Receipt", readonly=True, copy=False
    )
    reversal_move_id = fields.Many2one(
        comodel_name="account.move", string="Credit Note", readonly=True, copy=False
    )
    paid_at = fields.Datetime(readonly=True, copy=False)
    note = fields.Char()

    @api.depends("line_ids.subtotal")
    def _compute_amount_total(self):
        for sale in self:
            sale.amount_total = sum(sale.line_ids.mapped("subtotal"))

    def write(self, vals):
        if set(vals) - WORKFLOW_FIELDS and any(sale.state != "draft" for sale in self):
            raise UserError(self.env._("A paid sale cannot be changed: void it instead."))
        return super().write(vals)

    def unlink(self):
        if any(sale.state != "draft" for sale in self):
            raise UserError(self.env._("Receipts are kept: void the sale instead of deleting it."))
        return super().unlink()

    def action_confirm(self):
        """The customer agreed to the price and paid: post the receipt and its payment."""
        for sale in self:
            if sale.state != "draft":
                raise UserError(self.env._("Sale %s is already paid.", sale.name))
            if not sale.line_ids or sale.currency_id.is_zero(sale.amount_total):
                raise UserError(self.env._("Add the services sold before taking the payment."))
            session = sale.counter_id.current_session_id
            if not session:
                raise UserError(
                    self.env._("Open a session on %s before selling.", sale.counter_id.name)
                )
            sale._post_receipt(session)
        return True

    def _post_receipt(self, session):
        counter = self.counter_id.sudo()
        partner = self.partner_id or counter.walk_in_partner_id
        move = (
            self.env["account.move"]
            .sudo()
            .create(
                {
                    "move_type": "out_invoice" if self.invoice_requested else "out_receipt",
                    "partner_id": partner.id,
                    "journal_id": counter.sale_journal_id.id,
                    "company_id": counter.company_id.id,
                    "invoice_origin": session.name,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": line.product_id.id,
                                "quantity": line.quantity,
                                "price_unit": line.price_unit,
                                "tax_ids": [Command.clear()],
                            }
                        )
                        for line in self.line_ids
                    ],
                }
            )
        )
        move.action_post()
        journal = (
            counter.cash_journal_id if self.payment_method == "cash" else counter.card_journal_id
        )
        self.env["account.payment.register"].sudo().with_context(
            active_model="account.move", active_ids=move.ids
        ).create({"journal_id": journal.id})._create_payments()
        self.write(
            {
                "state": "paid",
                "name": move.name,
                "move_id": move.id,
                "session_id": session.id,
                "paid_at": fields.Datetime.now(),
            }
        )

    def action_void(self):
        """Void a paid sale with a credit note; once its session is closed only
        finance may do it (seed 003 6: receipts are kept per finance rules)."""
        is_finance = self.env.user.has_group("account.group_account_invoice")
        for sale in self:
            if sale.state != "paid":
                raise UserError(self.env._("Only a paid sale can be voided."))
            if sale.session_id.state != "opened" and not is_finance:
                raise UserError(
                    self.env._(
                        "Session %s is closed: ask finance to issue a credit note.",
                        sale.session_id.name,
                    )
                )
            reversal = sale.move_id.sudo()._reverse_moves(
                [{"ref": self.env._("Void of %s", sale.name)}]
            )
            reversal.action_post()
            sale.write({"state": "voided", "reversal_move_id": reversal.id})
        return True


class CsDeskSaleLine(models.Model):
    _name = "cs.desk.sale.line"
    _description = "Counter Sale Line"
    _order = "sale_id, id"

    sale_id = fields.Many2one(comodel_name="cs.desk.sale", required=True, ondelete="cascade")
    currency_id = fields.Many2one(related="sale_id.currency_id")
    product_id = fields.Many2one(
        comodel_name="product.product",
        string="Service",
        required=True,
        domain="[('cs_counter_service', '=', True)]",
    )
    quantity = fields.Float(default=1.0, required=True)
    price_unit = fields.Monetary(
        string="Unit Price", compute="_compute_price_unit", store=True, readonly=False
    )
    subtotal = fields.Monetary(compute="_compute_subtotal", store=True)

    _quantity_positive = models.Constraint("CHECK(quantity > 0)", "Quantities must be positive.")

    @api.depends("product_id")
    def _compute_price_unit(self):
        for line in self:
            line.price_unit = line.product_id.lst_price

    @api.depends("quantity", "price_unit")
    def _compute_subtotal(self):
        for line in self:
            line.subtotal = line.quantity * line.price_unit
