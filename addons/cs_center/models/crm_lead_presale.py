from odoo import api, fields, models
from odoo.exceptions import UserError

# Kept by the pre-sale records themselves, never typed on the lead.
PRESALE_COMPUTED = frozenset({"cs_next_followup_date", "cs_designer_id"})


class CrmLead(models.Model):
    """A lead's pre-sale flow (seed 002 第三章 一): reported, received, dispatched
    to a designer, followed up, shown a sample room."""

    _inherit = "crm.lead"

    cs_report_line_ids = fields.One2many(
        comodel_name="cs.presale.report.line", inverse_name="lead_id", string="Reported"
    )
    cs_reception_ids = fields.One2many(
        comodel_name="cs.presale.reception", inverse_name="lead_id", string="Receptions"
    )
    cs_sample_visit_ids = fields.One2many(
        comodel_name="cs.presale.sample.visit", inverse_name="lead_id", string="Sample-Room Visits"
    )
    cs_followup_ids = fields.One2many(
        comodel_name="cs.presale.followup", inverse_name="lead_id", string="Follow-ups"
    )
    cs_designer_id = fields.Many2one(
        comodel_name="res.users",
        string="Designer",
        compute="_compute_cs_designer_id",
        store=True,
        readonly=True,
        help="The designer customer service dispatched the customer to.",
    )
    cs_next_followup_date = fields.Date(
        string="Next Follow-up",
        compute="_compute_cs_next_followup_date",
        store=True,
        readonly=True,
        index="btree_not_null",
    )

    @api.depends("cs_reception_ids.state", "cs_reception_ids.designer_id")
    def _compute_cs_designer_id(self):
        for lead in self:
            dispatched = lead.cs_reception_ids.filtered(lambda r: r.state == "dispatched")
            lead.cs_designer_id = dispatched.sorted("dispatched_at")[-1:].designer_id

    @api.depends("cs_followup_ids.date", "cs_followup_ids.next_date")
    def _compute_cs_next_followup_date(self):
        for lead in self:
            last = lead.cs_followup_ids.sorted(lambda f: (f.date, f.id))[-1:]
            lead.cs_next_followup_date = last.next_date

    def write(self, vals):
        if PRESALE_COMPUTED & set(vals) and not self.env.su:
            raise UserError(
                self.env._(
                    "The designer and the next follow-up of a lead come from its receptions "
                    "and follow-ups."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_reported(self):
        if self.sudo().cs_report_line_ids:
            raise UserError(
                self.env._(
                    "A lead reported to customer service is kept for the statistics: mark it "
                    "lost instead."
                )
            )

    def _cs_open(self, model, name):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "list,form",
            "domain": [("lead_id", "=", self.id)],
            "context": {
                "default_lead_id": self.id,
                "default_company_id": (self.company_id or self.env.company).id,
                **(
                    {"default_partner_id": self.partner_id.id}
                    if "partner_id" in self.env[model]._fields
                    else {}
                ),
            },
        }

    def action_cs_receptions(self):
        return self._cs_open("cs.presale.reception", self.env._("Receptions"))

    def action_cs_sample_visits(self):
        return self._cs_open("cs.presale.sample.visit", self.env._("Sample-Room Visits"))

    def action_cs_followups(self):
        return self._cs_open("cs.presale.followup", self.env._("Follow-ups"))
