from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.cs_servicedesk.rules import lost_found

from .cs_loan_item_type import is_number_within

# The most pieces one register line holds: a found bag holds a few things; a
# thousand pieces is a typing error, not a lost item.
MAX_LOST_QUANTITY = 1000


class CsLostItem(models.Model):
    """失物登记认领: a found item kept at the desk until claimed (seed 003 5.2.14)."""

    _name = "cs.lost.item"
    _description = "Found Item"
    _inherit = [
        "cs.guarded.mixin",
        "cs.desk.state.mixin",
        "cs.sequence.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "found_at desc, id desc"

    _cs_action_fields = frozenset({"state", "name", "claimed_at"})
    # What was registered, who claimed it and how it left: fixed once it left the desk.
    _cs_fixed_once_gone = frozenset(
        {
            "company_id",
            "description",
            "quantity",
            "colour",
            "features",
            "found_where",
            "found_by",
            "photo",
            "claimant_name",
            "claimant_id_number",
            "claimant_phone",
            "claim_quantity",
            "claim_colour",
            "claim_features",
            "claimant_signature",
            "override_reason",
            "handed_over_to",
        }
    )

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
        readonly=True,
        tracking=True,
        index=True,
    )
    description = fields.Char(string="What", required=True, tracking=True)
    # Tracked: a claim is matched against them.
    quantity = fields.Integer(default=1, required=True, tracking=True)
    colour = fields.Char(required=True, tracking=True)
    features = fields.Text(string="Main Features", required=True, tracking=True)
    found_where = fields.Char(string="Found At (place)")
    found_at = fields.Datetime(
        string="Found On",
        required=True,
        default=fields.Datetime.now,
        tracking=True,
        help="Given when the item is registered, never changed: the keep period runs from it.",
    )
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

    @api.constrains("found_at")
    def _check_found_at(self):
        # Its years are bounded by cs.guarded.mixin, before the keep period overflows.
        now = fields.Datetime.now()
        for item in self:
            if item.found_at > now:
                raise ValidationError(
                    self.env._("%(item)s cannot be found in the future.", item=item.description)
                )

    @api.model
    def _check_quantity_vals(self, vals):
        # Before the database: its integer column overflows on huge numbers.
        if "quantity" in vals and not is_number_within(vals["quantity"], 1, MAX_LOST_QUANTITY):
            raise ValidationError(
                self.env._(
                    "A found item is registered with 1 to %(max)s pieces.", max=MAX_LOST_QUANTITY
                )
            )
        if "claim_quantity" in vals and not is_number_within(
            vals["claim_quantity"], 0, MAX_LOST_QUANTITY
        ):
            raise ValidationError(
                self.env._("A claimant describes 0 to %(max)s pieces.", max=MAX_LOST_QUANTITY)
            )

    def _check_not_aged_at_registration(self, vals):
        """An item registered today cannot be older than the keep period: it would
        be handed on at once, without ever being kept for its owner."""
        if not vals.get("found_at"):
            return
        company_id = vals.get("company_id")
        company = self.env.company
        if isinstance(company_id, int) and not isinstance(company_id, bool) and company_id > 0:
            company = self.env["res.company"].browse(company_id)
        try:
            found_at = fields.Datetime.to_datetime(vals["found_at"])
        except (TypeError, ValueError):
            raise ValidationError(self.env._("When the item was found is not a date.")) from None
        earliest = fields.Datetime.now() - timedelta(days=company.cs_lost_item_keep_days)
        if found_at < earliest:
            raise ValidationError(
                self.env._(
                    "An item found before %(date)s is past its keep period: it cannot be "
                    "registered as found then.",
                    date=earliest,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_quantity_vals(vals)
            if not self._cs_in_action():
                self._check_not_aged_at_registration(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_quantity_vals(vals)
        if not self._cs_in_action():
            if "found_at" in vals:
                raise UserError(
                    self.env._(
                        "When an item was found is given at its registration and never "
                        "changed: its keep period runs from it."
                    )
                )
            gone = self.filtered(lambda item: item.state != "registered")
            names = self._cs_fixed_once_gone & set(vals)
            if gone and names:
                raise UserError(
                    self.env._(
                        "%(item)s has left the desk: %(fields)s no longer change.",
                        item=gone[0].name,
                        fields=", ".join(
                            sorted(self._fields[n]._description_string(self.env) for n in names)
                        ),
                    )
                )
        return super().write(vals)

    def unlink(self):
        self._check_state(
            ("registered",),
            self.env._("deleted"),
            self.env._("Claimed or handed-on items are kept in the register."),
        )
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
        self._check_state(("registered",), self.env._("claimed"))
        for item in self:
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
            item._cs_action_write({"state": "claimed", "claimed_at": fields.Datetime.now()})
        return True

    def action_hand_over(self):
        self._check_state(("registered",), self.env._("handed on"))
        for item in self:
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
            item._cs_action_write({"state": "handed_over"})
        return True
