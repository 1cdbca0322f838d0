from odoo import api, fields, models


class CsComplaintCategory(models.Model):
    _name = "cs.complaint.category"
    _description = "Complaint Category"
    _inherit = ["cs.guarded.mixin"]
    _parent_name = "parent_id"
    _parent_store = True
    _rec_name = "complete_name"
    _order = "complete_name"
    # Kept by the ORM from the parent and the name.
    _cs_action_fields = frozenset({"complete_name", "parent_path"})

    name = fields.Char(required=True, translate=True)
    parent_id = fields.Many2one(
        comodel_name="cs.complaint.category", index=True, ondelete="cascade"
    )
    parent_path = fields.Char(index=True)
    complete_name = fields.Char(compute="_compute_complete_name", store=True, recursive=True)
    active = fields.Boolean(default=True)

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for category in self:
            category.complete_name = (
                f"{category.parent_id.complete_name} / {category.name}"
                if category.parent_id
                else category.name
            )
