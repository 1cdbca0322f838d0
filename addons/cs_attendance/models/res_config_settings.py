from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cs_jurisdiction_id = fields.Many2one(related="company_id.cs_jurisdiction_id", readonly=False)
    cs_maternity_days = fields.Integer(related="company_id.cs_maternity_days", readonly=False)
    cs_maternity_difficult_days = fields.Integer(
        related="company_id.cs_maternity_difficult_days", readonly=False
    )
    cs_maternity_extra_baby_days = fields.Integer(
        related="company_id.cs_maternity_extra_baby_days", readonly=False
    )
    cs_marriage_days = fields.Integer(related="company_id.cs_marriage_days", readonly=False)
    cs_marriage_valid_months = fields.Integer(
        related="company_id.cs_marriage_valid_months", readonly=False
    )
    cs_paternity_days = fields.Integer(related="company_id.cs_paternity_days", readonly=False)
    cs_paternity_window_days = fields.Integer(
        related="company_id.cs_paternity_window_days", readonly=False
    )
    cs_maternity_prenatal_days = fields.Integer(
        related="company_id.cs_maternity_prenatal_days", readonly=False
    )
    cs_maternity_start_within_months = fields.Integer(
        related="company_id.cs_maternity_start_within_months", readonly=False
    )
    cs_bereavement_start_within_months = fields.Integer(
        related="company_id.cs_bereavement_start_within_months", readonly=False
    )
    cs_bereavement_close_relation_ids = fields.Many2many(
        related="company_id.cs_bereavement_close_relation_ids", readonly=False
    )
    cs_annual_after_probation = fields.Boolean(
        related="company_id.cs_annual_after_probation", readonly=False
    )
    cs_bereavement_close_days = fields.Integer(
        related="company_id.cs_bereavement_close_days", readonly=False
    )
    cs_bereavement_grand_days = fields.Integer(
        related="company_id.cs_bereavement_grand_days", readonly=False
    )
    cs_annual_first_year_days = fields.Integer(
        related="company_id.cs_annual_first_year_days", readonly=False
    )
    cs_annual_later_days = fields.Integer(related="company_id.cs_annual_later_days", readonly=False)
    cs_annual_cap_days = fields.Integer(related="company_id.cs_annual_cap_days", readonly=False)
    cs_annual_director_days = fields.Integer(
        related="company_id.cs_annual_director_days", readonly=False
    )
    cs_nursing_hours = fields.Float(related="company_id.cs_nursing_hours", readonly=False)
    cs_annual_carry_over_days = fields.Integer(
        related="company_id.cs_annual_carry_over_days", readonly=False
    )
    cs_sick_pay_pct = fields.Float(related="company_id.cs_sick_pay_pct", readonly=False)
    cs_personal_max_days = fields.Integer(related="company_id.cs_personal_max_days", readonly=False)
    cs_tier_supervisor_days = fields.Float(
        related="company_id.cs_tier_supervisor_days", readonly=False
    )
    cs_tier_department_days = fields.Float(
        related="company_id.cs_tier_department_days", readonly=False
    )
    cs_hr_filing_days = fields.Integer(related="company_id.cs_hr_filing_days", readonly=False)
