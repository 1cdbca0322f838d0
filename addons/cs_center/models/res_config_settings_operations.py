from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cs_handover_late_minutes = fields.Integer(
        related="company_id.cs_handover_late_minutes", readonly=False
    )
    cs_qa_pass_mark = fields.Integer(related="company_id.cs_qa_pass_mark", readonly=False)
    cs_qa_forbidden_max_score = fields.Integer(
        related="company_id.cs_qa_forbidden_max_score", readonly=False
    )
    cs_presale_daily_leads = fields.Integer(
        related="company_id.cs_presale_daily_leads", readonly=False
    )
    cs_sample_visit_notice_hours = fields.Integer(
        related="company_id.cs_sample_visit_notice_hours", readonly=False
    )
    cs_sample_visit_special_hours = fields.Integer(
        related="company_id.cs_sample_visit_special_hours", readonly=False
    )
