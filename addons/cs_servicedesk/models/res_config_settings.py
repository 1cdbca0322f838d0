from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # The company's own domains name ``id``, which here is the settings' id.
    cs_deposit_account_id = fields.Many2one(
        related="company_id.cs_deposit_account_id",
        readonly=False,
        domain="[('account_type', '=like', 'liability%'), ('company_ids', 'in', company_id)]",
    )
    cs_damage_income_account_id = fields.Many2one(
        related="company_id.cs_damage_income_account_id",
        readonly=False,
        domain="[('account_type', '=like', 'income%'), ('company_ids', 'in', company_id)]",
    )
    cs_ledger_retention_days = fields.Integer(
        related="company_id.cs_ledger_retention_days", readonly=False
    )
    cs_lost_item_keep_days = fields.Integer(
        related="company_id.cs_lost_item_keep_days", readonly=False
    )
