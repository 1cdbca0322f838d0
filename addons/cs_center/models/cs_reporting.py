from odoo import api, fields, models


class CsComplaint(models.Model):
    """Reporting measures on complaints (REQUIREMENTS C12)."""

    _inherit = "cs.complaint"

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
