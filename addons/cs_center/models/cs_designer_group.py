from odoo import fields, models


class CsDesignerGroup(models.Model):
    """设计组: a group of designers customers are dispatched to; the weekly
    statistics are made per group (seed 002 第三章 一 8)."""

    _name = "cs.designer.group"
    _description = "Designer Group"
    _inherit = ["cs.guarded.mixin", "cs.filled.mixin"]
    _order = "sequence, name, id"
    _check_company_auto = True

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda self: self.env.company
    )
    leader_id = fields.Many2one(comodel_name="res.users", string="Leader", check_company=True)
    member_ids = fields.Many2many(comodel_name="res.users", string="Designers", check_company=True)
