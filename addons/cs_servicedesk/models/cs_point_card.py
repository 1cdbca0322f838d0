from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .cs_loan_item_type import is_number_within

# A card number is printed on the card and in its barcode: a few dozen
# characters at most. Longer text is not a card number (and a unique index
# cannot hold a very long one).
CARD_NUMBER_MAX_LENGTH = 32
# The most points one line may add or carry over: far above any card's total,
# far below where sums of points lose precision.
MAX_POINTS = 1e9


class CsPointCard(models.Model):
    """积分卡: a member's point card, its loss and reissue (seed 003 5.2.5, 5.2.8)."""

    _name = "cs.point.card"
    _description = "Point Card"
    _inherit = [
        "cs.guarded.mixin",
        "cs.desk.state.mixin",
        "cs.sequence.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True

    _cs_action_fields = frozenset(
        {"state", "issued_at", "lost_at", "replaced_by_id", "replaces_id"}
    )
    # The number of an issued card: its points and, once lost, its block follow it.
    _cs_fixed_once_issued = frozenset({"name", "company_id"})

    name = fields.Char(string="Card Number", readonly=True, copy=False, default="/", tracking=True)
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Member",
        required=True,
        tracking=True,
        check_company=True,
    )
    id_number = fields.Char(string="ID Number", required=True)
    application_receipt = fields.Char(
        string="Purchase Receipt", required=True, help="The shopping receipt shown when applying."
    )
    state = fields.Selection(
        selection=[
            ("applied", "Applied"),
            ("active", "Active"),
            ("lost", "Reported Lost"),
            ("replaced", "Replaced"),
        ],
        default="applied",
        required=True,
        readonly=True,
        tracking=True,
    )
    issued_at = fields.Date(readonly=True)
    lost_at = fields.Date(readonly=True)
    replaced_by_id = fields.Many2one(comodel_name="cs.point.card", readonly=True)
    replaces_id = fields.Many2one(comodel_name="cs.point.card", readonly=True)
    line_ids = fields.One2many(comodel_name="cs.point.card.line", inverse_name="card_id")
    points = fields.Float(compute="_compute_points", store=True)

    _name_uniq = models.Constraint("UNIQUE(name, company_id)", "Card numbers are unique.")

    @api.depends("line_ids.points")
    def _compute_points(self):
        for card in self:
            card.points = sum(card.line_ids.mapped("points"))

    @api.model
    def _check_number_vals(self, vals):
        # Before the database: its unique index cannot hold a very long number.
        name = vals.get("name")
        if isinstance(name, str) and len(name) > CARD_NUMBER_MAX_LENGTH:
            raise ValidationError(
                self.env._(
                    "A card number has at most %(max)s characters.", max=CARD_NUMBER_MAX_LENGTH
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_number_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_number_vals(vals)
        names = self._cs_fixed_once_issued & set(vals)
        issued = self.filtered(lambda card: card.state != "applied")
        if names and issued and not self._cs_in_action():
            raise UserError(
                self.env._(
                    "Card %(card)s was issued: %(fields)s no longer change.",
                    card=issued[0].name,
                    fields=", ".join(
                        sorted(self._fields[n]._description_string(self.env) for n in names)
                    ),
                )
            )
        return super().write(vals)

    def action_issue(self):
        self._check_state(("applied",), self.env._("issued"))
        for card in self:
            card._cs_action_write({"state": "active", "issued_at": fields.Date.context_today(self)})
        return True

    def action_report_lost(self):
        self._check_state(("active",), self.env._("reported lost"))
        for card in self:
            card._cs_action_write({"state": "lost", "lost_at": fields.Date.context_today(self)})
        return True

    def action_reissue(self):
        """A new card carries the lost card's points; the old number stays blocked."""
        self.ensure_one()
        self._check_state(
            ("lost",), self.env._("reissued"), self.env._("Report it lost before reissuing it.")
        )
        new = self._cs_action_create(
            [
                {
                    "partner_id": self.partner_id.id,
                    "id_number": self.id_number,
                    "application_receipt": self.application_receipt,
                    "replaces_id": self.id,
                }
            ]
        )
        new.action_issue()
        if self.points:
            self.env["cs.point.card.line"].create(
                [
                    {
                        "card_id": new.id,
                        "points": self.points,
                        "receipt": self.name,
                        "note": self.env._("Carried over from lost card %s", self.name),
                    },
                    {
                        "card_id": self.id,
                        "points": -self.points,
                        "receipt": new.name,
                        "note": self.env._("Carried over to card %s", new.name),
                    },
                ]
            )
        self._cs_action_write({"state": "replaced", "replaced_by_id": new.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
        }


class CsPointCardLine(models.Model):
    """Points on a card; back-filled points name their source receipt (后台补录积分)."""

    _name = "cs.point.card.line"
    _description = "Point Card Points"
    _inherit = ["cs.guarded.mixin"]
    _order = "date desc, id desc"

    card_id = fields.Many2one(
        comodel_name="cs.point.card", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="card_id.company_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    points = fields.Float(required=True)
    receipt = fields.Char(string="Source Receipt", required=True)
    note = fields.Char()
    user_id = fields.Many2one(
        comodel_name="res.users", string="Recorded By", default=lambda self: self.env.user
    )

    @api.model
    def _check_points_vals(self, vals):
        # Before the database: NaN and infinities would be stored as they are.
        if "points" in vals and not (
            is_number_within(vals["points"], -MAX_POINTS, MAX_POINTS)
            and float(vals["points"] or 0.0)
        ):
            raise ValidationError(
                self.env._(
                    "A line adds or removes points: a number other than 0, at most %(max)s.",
                    max=MAX_POINTS,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_points_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_points_vals(vals)
        return super().write(vals)

    @api.constrains("card_id")
    def _check_card_usable(self):
        for line in self:
            if line.card_id.state == "replaced" and line.points > 0:
                raise UserError(
                    self.env._(
                        "Card %s was replaced: add points to its new card.", line.card_id.name
                    )
                )
