from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cs_att_tolerance_minutes = fields.Integer(
        related="company_id.cs_att_tolerance_minutes", readonly=False
    )
    cs_att_absence_minutes = fields.Integer(
        related="company_id.cs_att_absence_minutes", readonly=False
    )
    cs_att_pay_rule = fields.Selection(related="company_id.cs_att_pay_rule", readonly=False)
    cs_att_missed_punch_quota = fields.Integer(
        related="company_id.cs_att_missed_punch_quota", readonly=False
    )
    cs_att_week_review_hours = fields.Float(
        related="company_id.cs_att_week_review_hours", readonly=False
    )
    cs_att_absence_consecutive_days = fields.Integer(
        related="company_id.cs_att_absence_consecutive_days", readonly=False
    )
    cs_att_absence_window_count = fields.Integer(
        related="company_id.cs_att_absence_window_count", readonly=False
    )
    cs_att_absence_window_months = fields.Integer(
        related="company_id.cs_att_absence_window_months", readonly=False
    )
    cs_att_period_start_day = fields.Integer(
        related="company_id.cs_att_period_start_day", readonly=False
    )
    cs_att_punch_margin_hours = fields.Float(
        related="company_id.cs_att_punch_margin_hours", readonly=False
    )
    cs_att_exception_weekday = fields.Selection(
        related="company_id.cs_att_exception_weekday", readonly=False
    )
    cs_att_exception_hour = fields.Float(related="company_id.cs_att_exception_hour", readonly=False)
