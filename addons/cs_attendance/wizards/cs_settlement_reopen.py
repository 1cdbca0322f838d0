from odoo import fields, models


class CsSettlementReopen(models.TransientModel):
    """HR reopens settled attendance, saying why: the reason is tracked on each."""

    _name = "cs.settlement.reopen"
    _description = "Reopen Attendance Settlements"

    settlement_ids = fields.Many2many(comodel_name="cs.attendance.settlement", required=True)
    reason = fields.Char(required=True, size=200)

    def action_reopen(self):
        self.ensure_one()
        self.settlement_ids._cs_reopen(self.reason)
        return {"type": "ir.actions.act_window_close"}
