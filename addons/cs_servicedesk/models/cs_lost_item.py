from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.cs_servicedesk.rules import lost_found


class CsLostItem(models.Model):
    """失物登记认领: a found item kept at the desk until claimed (seed 003 5.2.14)."""

    _name = "cs.lost.item"
    _description = "Found Item"
    _inherit = ["cs.sequence.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "found_at desc, id desc"

    name = fields.Char(
        string="Number", readonly=True, copy=False, default=lambda self: self.env._("New")
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        selection=[
            ("registered", "Kept"),
            ("claimed", "Claimed"),
            ("handed_over", "Handed On"),
        ],
        default="registered",
        required=True,
        tracking=True,
        index=True,
    )
    description = fields.Char(string="What", required=True, tracking=True)
    quantity = fields.Integer(default=1, required=True)
    colour = fields.Char(required=True)
    features = fields.Text(string="Main Features", required=True)
    found_where = fields.Char(string="Found At (place)")
    found_at = fields.Datetime(string="Found On", required=True, default=fields.Datetime.now)
    found_by = fields.Char(string="Found By")
    photo = fields.Image(max_width=1024, max_height=1024)
    location = fields.Char(string="Kept In", help="Shelf or cabinet where the item is stored.")
    unclaimed_deadline = fields.Datetime(
        compute="_compute_unclaimed_deadline",
        store=True,
        index=True,
        help="After this date an unclaimed item is aged and may be handed on.",
    )
    claimant_name = fields.Char(tracking=True)
    claimant_id_number = fields.Char(string="Claimant ID Number")
    claimant_phone = fields.Char()
    claim_quantity = fields.Integer(string="Claimed Quantity")
    claim_colour = fields.Char(string="Claimed Colour")
    claim_features = fields.Text(string="Claimed Features")
    claimant_signature = fields.Binary(string="Signature", copy=False)
    claimed_at = fields.Datetime(readonly=True)
    override_reason = fields.Char(
        help="Why a shift lead hands the item over although the description does not match."
    )
    handed_over_to = fields.Char(help="Who received an aged item (e.g. the police).")

    @api.depends("found_at", "company_id.cs_lost_item_keep_days")
    def _compute_unclaimed_deadline(self):
        for item in self:
            item.unclaimed_deadline = item.found_at and item.found_at + timedelta(
                days=item.company_id.cs_lost_item_keep_days
            )

    def unlink(self):
        if any(item.state != "registered" for item in self):
            raise UserError(self.env._("Claimed or handed-on items are kept in the register."))
        return super().unlink()

    def _claim_mismatches(self):
        self.ensure_one()
        return lost_found.mismatches(
            {"quantity": self.quantity, "colour": self.colour, "features": self.features},
            {
                "quantity": self.claim_quantity,
                "colour": self.claim_colour,
                "features": self.claim_features,
            },
        )

    def action_claim(self):
        labels = {
            "quantity": self.env._("quantity"),
            "colour": self.env._("colour"),
            "features": self.env._("features"),
        }
        for item in self:
            if item.state != "registered":
                raise UserError(self.env._("%s is no longer kept at the desk.", item.name))
            if not (item.claimant_name and item.claimant_id_number and item.claimant_signature):
                raise UserError(
                    self.env._("A claim needs the claimant's name, ID number and signature.")
                )
            wrong = item._claim_mismatches()
            if wrong:
                if not item.override_reason:
                    raise UserError(
                        self.env._(
                            "The claimant's description does not match the %(fields)s: the item "
                            "is not handed over.",
                            fields=", ".join(labels[w] for w in wrong),
                        )
                    )
                if not self.env.user.has_group("cs_servicedesk.group_desk_shift_lead"):
                    raise UserError(
                        self.env._(
                            "Only a shift lead may hand over an item whose description differs."
                        )
                    )
            item.write({"state": "claimed", "claimed_at": fields.Datetime.now()})
        return True

    def action_hand_over(self):
        for item in self:
            if item.state != "registered":
                raise UserError(self.env._("%s is no longer kept at the desk.", item.name))
            if item.unclaimed_deadline > fields.Datetime.now():
                raise UserError(
                    self.env._(
                        "%(item)s is kept until %(date)s before it may be handed on.",
                        item=item.name,
                        date=item.unclaimed_deadline,
                    )
                )
            if not item.handed_over_to:
                raise UserError(self.env._("Record to whom the item is handed on."))
            item.state = "handed_over"
        return True
