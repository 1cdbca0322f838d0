from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    # Seed 003 5.2.9: only clerks trained by the shift lead issue invoices.
    cs_fapiao_trained = fields.Boolean(
        string="Trained for Invoices on Behalf",
        help="The user may issue and void invoices on the customer's behalf (代开发票).",
    )
