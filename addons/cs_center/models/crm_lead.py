from odoo import fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    cs_call_id = fields.Many2one(
        comodel_name="cs.call.record",
        string="From Call",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The customer-service call this lead was created from.",
    )
