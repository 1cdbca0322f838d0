from odoo import api, fields, models


class CsComplaint(models.Model):
    """Reporting measures and the call link on complaints (REQUIREMENTS C6, C12)."""

    _inherit = "cs.complaint"

    call_id = fields.Many2one(
        comodel_name="cs.call.record",
        string="From Call",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
        help="The call record this complaint was created from.",
    )
    sla_compliance = fields.Float(
        string="SLA Compliance (%)",
        compute="_compute_sla_compliance",
        store=True,
        aggregator="avg",
        help="100 when no service-level deadline of the complaint was breached, else 0; its "
        "average is the compliance rate.",
    )

    @api.depends("sla_breached")
    def _compute_sla_compliance(self):
        for complaint in self:
            complaint.sla_compliance = 0.0 if complaint.sla_breached else 100.0
