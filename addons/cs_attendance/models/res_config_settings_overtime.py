from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cs_ot_ruleset_id = fields.Many2one(related="company_id.cs_ot_ruleset_id", readonly=False)
    cs_ot_rest_day_only = fields.Boolean(related="company_id.cs_ot_rest_day_only", readonly=False)
    cs_ot_week_hours = fields.Float(related="company_id.cs_ot_week_hours", readonly=False)
    cs_ot_filing_days = fields.Integer(related="company_id.cs_ot_filing_days", readonly=False)
    cs_ot_day_cap_hours = fields.Float(related="company_id.cs_ot_day_cap_hours", readonly=False)
    cs_ot_month_cap_hours = fields.Float(related="company_id.cs_ot_month_cap_hours", readonly=False)
    cs_ot_cap_mode = fields.Selection(related="company_id.cs_ot_cap_mode", readonly=False)
    cs_ot_compensation = fields.Selection(related="company_id.cs_ot_compensation", readonly=False)
    cs_ot_lieu_months = fields.Integer(related="company_id.cs_ot_lieu_months", readonly=False)
    cs_ot_lieu_leave_type_id = fields.Many2one(
        related="company_id.cs_ot_lieu_leave_type_id", readonly=False
    )
