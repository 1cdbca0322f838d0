from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.cs_center.rules import sla as sla_rules


def ladder_policy_error(env, owner):
    return env._(
        "%(owner)s: the handler is warned before the team leader, both between 1 %% and 99 %% "
        "of a target's working time, and complaints are escalated after 0 to %(max)s "
        "reopenings.",
        owner=owner,
        max=sla_rules.REOPEN_LIMIT_MAX,
    )


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
    # The escalation ladder: what new teams start from (each team may change it).
    cs_sla_handler_percent = fields.Integer(
        string="Warn the Handler At (%)",
        default=80,
        help="Share of a target's working time after which the handler is warned.",
    )
    cs_sla_leader_percent = fields.Integer(
        string="Warn the Team Leader At (%)",
        default=90,
        help="Share of a target's working time after which the team leader is warned.",
    )
    cs_reopen_limit = fields.Integer(
        string="Escalate After Reopenings",
        default=2,
        help="A complaint reopened more than this many times is escalated to the manager.",
    )

    @api.constrains("cs_sla_handler_percent", "cs_sla_leader_percent", "cs_reopen_limit")
    def _check_cs_ladder_policy(self):
        for company in self:
            if not sla_rules.ladder_policy_ok(
                company.cs_sla_handler_percent,
                company.cs_sla_leader_percent,
                company.cs_reopen_limit,
            ):
                raise ValidationError(ladder_policy_error(self.env, company.name))

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
