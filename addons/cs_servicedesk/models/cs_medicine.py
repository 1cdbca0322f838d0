from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .cs_loan_item_type import is_number_within
from .cs_medicine_move import MAX_MEDICINE_QUANTITY


class CsMedicine(models.Model):
    """应急药品: the desk's emergency medicine box (seed 003 5.2.12)."""

    _name = "cs.medicine"
    _description = "Emergency Medicine"
    _inherit = ["cs.guarded.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "kind, name"

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda self: self.env.company
    )
    # Internal and external medicines, and instruments, are kept apart.
    kind = fields.Selection(
        selection=[
            ("internal", "Internal Medicine"),
            ("external", "External Medicine"),
            ("instrument", "Instrument"),
        ],
        required=True,
        default="internal",
        tracking=True,
    )
    uom_label = fields.Char(string="Unit", default="box")
    stock = fields.Float(compute="_compute_stock", store=True, tracking=True)
    minimum = fields.Float(
        string="Minimum Stock",
        default=1.0,
        help="When a use leaves less than this, a restock request goes to the responsible.",
    )
    expiry_date = fields.Date(tracking=True)
    responsible_id = fields.Many2one(
        comodel_name="res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        help="Supervisor who restocks the medicine box.",
    )
    move_ids = fields.One2many(comodel_name="cs.medicine.move", inverse_name="medicine_id")

    @api.model
    def _check_minimum_vals(self, vals):
        # Before the database: NaN and infinities would be stored as they are.
        if "minimum" in vals and not is_number_within(vals["minimum"], 0.0, MAX_MEDICINE_QUANTITY):
            raise ValidationError(
                self.env._(
                    "The minimum stock is a quantity between 0 and %(max)s.",
                    max=MAX_MEDICINE_QUANTITY,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_minimum_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_minimum_vals(vals)
        return super().write(vals)

    @api.depends("move_ids.quantity", "move_ids.move_type")
    def _compute_stock(self):
        totals = {
            (medicine.id, move_type): qty
            for medicine, move_type, qty in self.env["cs.medicine.move"]._read_group(
                [("medicine_id", "in", self.ids)], ["medicine_id", "move_type"], ["quantity:sum"]
            )
        }
        for medicine in self:
            medicine.stock = totals.get((medicine.id, "restock"), 0.0) - totals.get(
                (medicine.id, "use"), 0.0
            )

    def _request_restock(self):
        """A restock activity for the responsible, once while one is open."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        for medicine in self.filtered(lambda m: m.stock < m.minimum):
            if medicine.activity_ids.filtered(lambda a: a.activity_type_id == todo):
                continue
            # Clerks log uses without rights on the medicine itself.
            medicine.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Restock %s", medicine.name),
                note=self.env._(
                    "Stock %(stock)s is below the minimum %(minimum)s.",
                    stock=medicine.stock,
                    minimum=medicine.minimum,
                ),
                user_id=(medicine.responsible_id or self.env.user).id,
            )
