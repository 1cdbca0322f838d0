from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cs_desk_cash_journal_id = fields.Many2one(
        related="company_id.cs_desk_cash_journal_id", readonly=False
    )
    cs_deposit_account_id = fields.Many2one(
        related="company_id.cs_deposit_account_id", readonly=False
    )
    cs_damage_income_account_id = fields.Many2one(
        related="company_id.cs_damage_income_account_id", readonly=False
    )
    cs_ledger_retention_days = fields.Integer(
        related="company_id.cs_ledger_retention_days", readonly=False
    )
    cs_lost_item_keep_days = fields.Integer(
        related="company_id.cs_lost_item_keep_days", readonly=False
    )
