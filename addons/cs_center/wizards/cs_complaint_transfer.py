from odoo import fields, models


class CsComplaintTransfer(models.TransientModel):
    _name = "cs.complaint.transfer"
    _description = "Transfer a Complaint"

    complaint_id = fields.Many2one(comodel_name="cs.complaint", required=True)
    team_id = fields.Many2one(comodel_name="cs.team", string="To Team")
    user_id = fields.Many2one(comodel_name="res.users", string="To Handler")
    department_id = fields.Many2one(comodel_name="hr.department", string="To Department")
    reason = fields.Char(required=True)

    def action_transfer(self):
        self.complaint_id._transfer(self.team_id, self.user_id, self.department_id, self.reason)
        return {"type": "ir.actions.act_window_close"}
