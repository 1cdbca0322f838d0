from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cs_medical_warning_days = fields.Integer(
        related="company_id.cs_medical_warning_days", readonly=False
    )
