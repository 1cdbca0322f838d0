from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    cs_low_score_threshold = fields.Integer(
        string="Satisfied From Score",
        default=4,
        help="Callback scores below this reopen the complaint and escalate it (1-5).",
    )
    # Seed 003 第三篇 6: 电话铃响三声之内接听.
    cs_answer_rings = fields.Integer(string="Answer Within (rings)", default=3)
    cs_ring_seconds = fields.Integer(
        string="Seconds per Ring", default=5, help="Length of one ring, to turn seconds into rings."
    )
    cs_repeat_call_days = fields.Integer(
        string="Repeat Caller Window (days)",
        default=7,
        help="A caller who called within this many days is a repeat caller.",
    )
