from odoo import api, models


class CsSequenceMixin(models.AbstractModel):
    """Numbers a record from the sequence coded like its model (``cs.loan`` →
    ``ir.sequence`` code ``cs.loan``) when it is created without a number."""

    _name = "cs.sequence.mixin"
    _description = "Customer Service Numbered Record"

    @api.model_create_multi
    def create(self, vals_list):
        placeholders = {"/", self.env._("New")}
        for vals in vals_list:
            if not vals.get("name") or vals["name"] in placeholders:
                vals["name"] = self.env["ir.sequence"].next_by_code(self._name) or "/"
        return super().create(vals_list)
