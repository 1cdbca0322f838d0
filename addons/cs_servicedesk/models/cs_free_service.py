from odoo import fields, models


class CsFreeService(models.Model):
    """Free services of the desk: paging (寻人寻物广播), FAQ answers and the rest."""

    _name = "cs.free.service"
    _inherit = ["cs.guarded.mixin", "cs.sequence.mixin"]
    _description = "Free Service Log"
    _order = "requested_at desc, id desc"

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda self: self.env.company
    )
    service_type = fields.Selection(
        selection=[
            ("paging_person", "Paging: Person"),
            ("paging_item", "Paging: Item"),
            ("faq", "Question Answered"),
            ("point_card_faq", "Point Card Question"),
            ("other", "Other"),
        ],
        required=True,
        default="paging_person",
    )
    requested_by = fields.Char(required=True, help="Who asked for the service.")
    partner_id = fields.Many2one(comodel_name="res.partner", string="Contact")
    requested_at = fields.Datetime(required=True, default=fields.Datetime.now)
    content = fields.Text(required=True, help="The announcement text, or the question asked.")
    answer = fields.Text(help="What was broadcast or answered.")
    handled_by_id = fields.Many2one(
        comodel_name="res.users", string="Handled By", default=lambda self: self.env.user
    )
