from odoo import api, fields, models


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

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._cs_seed_sla_policies()
        return companies

    def _cs_seed_sla_policies(self):
        """Give each company without service levels the shipped ones (seed 001
        服务质量标准 2, 5), with the values the company that received them at
        install has now: without rows, its complaints would get no deadline."""
        Policy = self.env["cs.sla.policy"].sudo().with_context(active_test=False)
        shipped = Policy.browse(
            self.env["ir.model.data"]
            .sudo()
            .search([("module", "=", "cs_center"), ("model", "=", "cs.sla.policy")])
            .mapped("res_id")
        ).exists()
        if not shipped:
            return
        seeded = set(Policy.search([("company_id", "in", self.ids)]).company_id.ids)
        for company in self.filtered(lambda c: c.id not in seeded):
            for policy in shipped:
                policy.copy({"company_id": company.id})

    @api.model
    def _cs_seed_all_companies(self):
        """At install and upgrade: companies that existed before get the rows too."""
        self.search([])._cs_seed_sla_policies()
