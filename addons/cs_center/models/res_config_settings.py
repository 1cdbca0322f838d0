from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cs_low_score_threshold = fields.Integer(
        related="company_id.cs_low_score_threshold", readonly=False
    )
    cs_answer_rings = fields.Integer(related="company_id.cs_answer_rings", readonly=False)
    cs_ring_seconds = fields.Integer(related="company_id.cs_ring_seconds", readonly=False)
    cs_repeat_call_days = fields.Integer(related="company_id.cs_repeat_call_days", readonly=False)
    cs_sla_handler_percent = fields.Integer(
        related="company_id.cs_sla_handler_percent", readonly=False
    )
    cs_sla_leader_percent = fields.Integer(
        related="company_id.cs_sla_leader_percent", readonly=False
    )
    cs_reopen_limit = fields.Integer(related="company_id.cs_reopen_limit", readonly=False)
