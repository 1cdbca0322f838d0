from odoo import api, fields, models
from odoo.exceptions import UserError


class CsPointCard(models.Model):
    """积分卡: a member's point card, its loss and reissue (seed 003 5.2.5, 5.2.8)."""

    _name = "cs.point.card"
    _description = "Point Card"
    _inherit = ["cs.sequence.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    name = fields.Char(string="Card Number", readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Member", required=True, tracking=True
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

    def action_issue(self):
        for card in self:
            if card.state != "applied":
                raise UserError(self.env._("Card %s has already been issued.", card.name))
            card.write({"state": "active", "issued_at": fields.Date.context_today(self)})
        return True

    def action_report_lost(self):
        for card in self:
            if card.state != "active":
                raise UserError(self.env._("Only an active card can be reported lost."))
            card.write({"state": "lost", "lost_at": fields.Date.context_today(self)})
        return True

    def action_reissue(self):
        """A new card carries the lost card's points; the old number stays blocked."""
        self.ensure_one()
        if self.state != "lost":
            raise UserError(self.env._("Report the card lost before reissuing it."))
        new = self.create(
            {
                "partner_id": self.partner_id.id,
                "id_number": self.id_number,
                "application_receipt": self.application_receipt,
                "replaces_id": self.id,
            }
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
        self.write({"state": "replaced", "replaced_by_id": new.id})
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
    _order = "date desc, id desc"

    card_id = fields.Many2one(
        comodel_name="cs.point.card", required=True, ondelete="cascade", index=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    points = fields.Float(required=True)
    receipt = fields.Char(string="Source Receipt", required=True)
    note = fields.Char()
    user_id = fields.Many2one(
        comodel_name="res.users", string="Recorded By", default=lambda self: self.env.user
    )

    @api.constrains("card_id")
    def _check_card_usable(self):
        for line in self:
            if line.card_id.state == "replaced" and line.points > 0:
                raise UserError(
                    self.env._(
                        "Card %s was replaced: add points to its new card.", line.card_id.name
                    )
                )
