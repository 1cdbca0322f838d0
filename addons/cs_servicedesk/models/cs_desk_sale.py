from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command

# Bounds of what a front desk sells (有偿服务: wrapping, fax, copying, typing):
# a line of more pieces, or a price or receipt above this many yuan, is a typing
# error or an attack, never a sale. They also keep every product of quantity and
# price far inside what a float and the database's numeric columns hold.
MAX_QUANTITY = 100_000
MAX_AMOUNT = 1_000_000.0

# What still changes on a paid or voided sale: the clerk's note (and the chatter).
PAID_SALE_EDITABLE = frozenset({"note"})


def _is_chatter_field(name):
    return name.startswith(("message_", "activity_"))


def _within(value, low, high, strict=False):
    """``low <= value <= high`` (``low < value`` when strict); False for what is
    not a number, NaN and infinities included (every comparison with NaN is false)."""
    try:
        number = float(value or 0.0)
    except (TypeError, ValueError, OverflowError):
        return False
    return (number > low if strict else number >= low) and number <= high


class CsDeskSale(models.Model):
    """有偿服务: a fee-based service sold at the counter (seed 003 5.2.15)."""

    _name = "cs.desk.sale"
    _description = "Counter Sale"
    _inherit = ["cs.guarded.mixin", "cs.desk.state.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _cs_action_fields = frozenset(
        {"state", "name", "move_id", "reversal_move_id", "session_id", "paid_at", "user_id"}
    )

    name = fields.Char(
        string="Receipt Number", readonly=True, copy=False, default=lambda self: self.env._("Draft")
    )
    company_id = fields.Many2one(related="counter_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    counter_id = fields.Many2one(comodel_name="cs.desk.counter", required=True, index=True)
    session_id = fields.Many2one(
        comodel_name="cs.desk.session", readonly=True, index=True, copy=False, check_company=True
    )
    user_id = fields.Many2one(
        comodel_name="res.users", string="Clerk", default=lambda self: self.env.user, readonly=True
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        check_company=True,
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
        readonly=True,
    )
    move_id = fields.Many2one(
        comodel_name="account.move",
        string="Receipt",
        readonly=True,
        copy=False,
        check_company=True,
    )
    reversal_move_id = fields.Many2one(
        comodel_name="account.move",
        string="Credit Note",
        readonly=True,
        copy=False,
        check_company=True,
    )
    paid_at = fields.Datetime(readonly=True, copy=False)
    note = fields.Char()

    # A receipt number is unique in its company (the posted move's name).
    _name_company_uniq = models.UniqueIndex(
        "(name, company_id) WHERE state != 'draft'",
        lambda env, diag: env._("This receipt number is already used in the company."),
    )

    @api.depends("line_ids.subtotal")
    def _compute_amount_total(self):
        for sale in self:
            sale.amount_total = sum(sale.line_ids.mapped("subtotal"))

    @api.constrains("amount_total")
    def _check_amount_total(self):
        for sale in self:
            if sale.amount_total > MAX_AMOUNT:
                raise ValidationError(
                    self.env._(
                        "A counter receipt cannot exceed %(max)s: split it or check the "
                        "quantities and prices.",
                        max=MAX_AMOUNT,
                    )
                )

    def write(self, vals):
        editable = PAID_SALE_EDITABLE | (self._cs_action_fields if self._cs_in_action() else set())
        if {name for name in vals if name not in editable and not _is_chatter_field(name)}:
            self._check_state(("draft",), self.env._("changed"), self.env._("Void it instead."))
        return super().write(vals)

    def unlink(self):
        self._check_state(
            ("draft",),
            self.env._("deleted"),
            self.env._("Receipts are kept: void the sale instead."),
        )
        return super().unlink()

    def action_confirm(self):
        """The customer agreed to the price and paid: post the receipt and its payment."""
        self._check_state(("draft",), self.env._("paid"))
        for sale in self:
            if not sale.line_ids or sale.currency_id.is_zero(sale.amount_total):
                raise UserError(self.env._("Add the services sold before taking the payment."))
            sale.line_ids._check_product()
            sale.line_ids._check_line()
            sale._check_amount_total()
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
        self._cs_action_write(
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
        self._check_state(("paid",), self.env._("voided"))
        for sale in self:
            if sale.session_id.state != "opened" and not is_finance:
                raise UserError(
                    self.env._(
                        "Session %s is closed: ask finance to issue a credit note.",
                        sale.session_id.name,
                    )
                )
            receipt = sale._own_receipt()
            reversal = receipt._reverse_moves([{"ref": self.env._("Void of %s", sale.name)}])
            reversal.action_post()
            sale._cs_action_write({"state": "voided", "reversal_move_id": reversal.id})
        return True

    def _own_receipt(self):
        """The posted receipt this sale created, never another entry: the void
        reverses it under sudo (the clerk has no accounting rights)."""
        self.ensure_one()
        receipt = self.move_id.sudo()
        if (
            not receipt
            or receipt.journal_id != self.counter_id.sudo().sale_journal_id
            or receipt.company_id != self.company_id
            or receipt.move_type not in ("out_receipt", "out_invoice")
            or receipt.state != "posted"
            or receipt.reversal_move_ids
        ):
            raise UserError(
                self.env._(
                    "The receipt of sale %(sale)s is not a posted, unreversed receipt of "
                    "its counter: ask finance to correct it.",
                    sale=self.name,
                )
            )
        return receipt


class CsDeskSaleLine(models.Model):
    _name = "cs.desk.sale.line"
    _description = "Counter Sale Line"
    _inherit = ["cs.guarded.mixin"]
    _order = "sale_id, id"
    _check_company_auto = True

    sale_id = fields.Many2one(
        comodel_name="cs.desk.sale", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="sale_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="sale_id.currency_id")
    product_id = fields.Many2one(
        comodel_name="product.product",
        string="Service",
        required=True,
        check_company=True,
        domain="[('cs_counter_service', '=', True), ('company_id', 'in', [company_id, False])]",
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

    def _check_quantity_and_price(self, vals):
        """Refuse a quantity or price out of bounds before it is stored or
        multiplied (1e308 × a price overflows when rounded)."""
        if "quantity" in vals and not _within(vals["quantity"], 0.0, MAX_QUANTITY, strict=True):
            raise ValidationError(
                self.env._("A quantity is more than 0 and at most %(max)s.", max=MAX_QUANTITY)
            )
        if "price_unit" in vals and not _within(vals["price_unit"], 0.0, MAX_AMOUNT):
            raise ValidationError(
                self.env._(
                    "A unit price is between 0 and %(max)s: a refund is a void, not a "
                    "negative line.",
                    max=MAX_AMOUNT,
                )
            )

    @api.constrains("product_id")
    def _check_product(self):
        for line in self:
            if not line.product_id.sudo().cs_counter_service:
                raise ValidationError(
                    self.env._(
                        "%(product)s is not a counter service: only front desk services "
                        "are sold at the counter.",
                        product=line.product_id.sudo().display_name,
                    )
                )

    @api.constrains("quantity", "price_unit")
    def _check_line(self):
        for line in self:
            line._check_quantity_and_price(
                {"quantity": line.quantity, "price_unit": line.price_unit}
            )
            if line.quantity * line.price_unit > MAX_AMOUNT:
                raise ValidationError(
                    self.env._(
                        "A counter receipt cannot exceed %(max)s: split it or check the "
                        "quantities and prices.",
                        max=MAX_AMOUNT,
                    )
                )

    def _check_sale_open(self, sales):
        sales._check_state(("draft",), self.env._("changed"), self.env._("Void the sale instead."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # Wrong types first (the mixin's check), then this model's bounds.
            self._cs_check_values(vals)
            self._check_quantity_and_price(vals)
        self._check_sale_open(
            self.env["cs.desk.sale"].browse(
                {vals["sale_id"] for vals in vals_list if vals.get("sale_id")}
            )
        )
        return super().create(vals_list)

    def write(self, vals):
        self._cs_check_values(vals)
        self._check_quantity_and_price(vals)
        self._check_sale_open(self.sale_id | self.env["cs.desk.sale"].browse(vals.get("sale_id")))
        return super().write(vals)

    def unlink(self):
        self._check_sale_open(self.sale_id)
        return super().unlink()
