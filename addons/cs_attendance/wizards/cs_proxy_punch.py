from odoo import fields, models


class CsProxyPunch(models.TransientModel):
    """代打卡: HR records that one employee punched for another; both are absent
    that day (seed 003 第二篇 3(8))."""

    _name = "cs.proxy.punch"
    _description = "Record Proxy Punching"

    day_id = fields.Many2one(comodel_name="cs.attendance.day", required=True, ondelete="cascade")
    employee_id = fields.Many2one(related="day_id.employee_id")
    date = fields.Date(related="day_id.date")
    other_employee_id = fields.Many2one(
        comodel_name="hr.employee",
        string="Punched With",
        required=True,
        help="The other employee: who punched, or who was punched for.",
    )
    note = fields.Text(string="How It Was Found")

    def action_record(self):
        self.ensure_one()
        self.day_id._cs_record_proxy_punch(self.other_employee_id, self.note)
        return {"type": "ir.actions.act_window_close"}
