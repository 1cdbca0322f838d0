from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .cs_loan_item_type import is_number_within

# The most one register line moves: a medicine box holds a few dozen packs; ten
# thousand is a typing error.
MAX_MEDICINE_QUANTITY = 10_000


class CsMedicineMove(models.Model):
    """One line of the medicine register: a use (who, for whom) or a restock."""

    _name = "cs.medicine.move"
    _description = "Medicine Register Line"
    _inherit = ["cs.guarded.mixin"]
    _order = "date desc, id desc"

    medicine_id = fields.Many2one(
        comodel_name="cs.medicine", required=True, ondelete="restrict", index=True
    )
    company_id = fields.Many2one(related="medicine_id.company_id", store=True, index=True)
    move_type = fields.Selection(
        selection=[("use", "Use"), ("restock", "Restock")], required=True, default="use"
    )
    quantity = fields.Float(required=True, default=1.0)
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    user_id = fields.Many2one(
        comodel_name="res.users", string="Given By", required=True, default=lambda s: s.env.user
    )
    patient = fields.Char(string="For Whom", help="The customer or staff member who used it.")
    note = fields.Char()

    _quantity_positive = models.Constraint("CHECK(quantity > 0)", "Quantities must be positive.")

    @api.model
    def _check_move_vals(self, vals):
        """Refuse a line without a medicine, of an unknown kind or with a quantity
        out of range, before anything reads it: a clear refusal, not a traceback."""
        medicine_id = vals.get("medicine_id")
        if isinstance(medicine_id, bool) or not isinstance(medicine_id, int) or medicine_id <= 0:
            raise ValidationError(self.env._("Choose the medicine the line is about."))
        move_type = vals.get("move_type", "use")
        if not isinstance(move_type, str) or move_type not in dict(
            self._fields["move_type"].selection
        ):
            raise ValidationError(self.env._("A register line is a use or a restock."))
        if not (
            is_number_within(vals.get("quantity", 1.0), 0.0, MAX_MEDICINE_QUANTITY)
            and float(vals.get("quantity", 1.0) or 0.0) > 0
        ):
            raise ValidationError(
                self.env._(
                    "A register line moves a quantity above 0 and at most %(max)s.",
                    max=MAX_MEDICINE_QUANTITY,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        used = {}
        for vals in vals_list:
            if "medicine_id" not in vals and self.env.context.get("default_medicine_id"):
                vals["medicine_id"] = self.env.context["default_medicine_id"]
            self._check_move_vals(vals)
            if vals.get("move_type", "use") == "use":
                key = vals["medicine_id"]
                used[key] = used.get(key, 0.0) + float(vals.get("quantity", 1.0))
        for medicine in self.env["cs.medicine"].browse(list(used)):
            if used[medicine.id] > medicine.stock:
                raise UserError(
                    self.env._(
                        "Not enough %(name)s in the medicine box: %(stock)s left.",
                        name=medicine.name,
                        stock=medicine.stock,
                    )
                )
        moves = super().create(vals_list)
        moves.filtered(lambda m: m.move_type == "use").medicine_id._request_restock()
        return moves

    def write(self, vals):
        raise UserError(self.env._("Register lines are not changed: record a correcting line."))

    def unlink(self):
        raise UserError(self.env._("Register lines are not deleted: record a correcting line."))
