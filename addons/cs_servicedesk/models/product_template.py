from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    cs_counter_service = fields.Boolean(
        string="Front Desk Service",
        help="Sold at the front desk counter (有偿服务: gift wrapping, fax, copying...).",
    )
