from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class CsPresaleReportLine(models.Model):
    """A lead reported by a salesperson, confirmed valid or not by customer
    service (客服经理对信息确认并分类)."""

    _name = "cs.presale.report.line"
    _description = "Daily Lead Report Line"
    _inherit = ["cs.guarded.mixin", "cs.filled.mixin"]
    _order = "report_id, id"
    _check_company_auto = True
    _cs_action_fields = frozenset({"validity", "checked_by_id", "checked_at"})

    report_id = fields.Many2one(
        comodel_name="cs.presale.report", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="report_id.company_id", store=True, index=True, string="Company"
    )
    user_id = fields.Many2one(
        related="report_id.user_id", store=True, index=True, string="Salesperson"
    )
    date = fields.Date(related="report_id.date", store=True, string="Day")
    lead_id = fields.Many2one(
        comodel_name="crm.lead", required=True, index=True, ondelete="restrict", check_company=True
    )
    # Read through the line: customer service confirms leads it may not open.
    lead_name = fields.Char(related="lead_id.name", string="Lead Title")
    contact_name = fields.Char(related="lead_id.contact_name", string="Contact")
    phone = fields.Char(related="lead_id.phone", string="Phone")
    validity = fields.Selection(
        selection=[("to_check", "To Confirm"), ("valid", "Valid"), ("invalid", "Not Valid")],
        required=True,
        default="to_check",
        readonly=True,
        index=True,
    )
    checked_by_id = fields.Many2one(
        comodel_name="res.users", string="Confirmed By", readonly=True, copy=False
    )
    checked_at = fields.Datetime(string="Confirmed On", readonly=True, copy=False)
    note = fields.Char(help="Why the lead is not valid, or how it was classified.")

    @api.constrains("lead_id", "report_id")
    def _check_lead_of_salesperson(self):
        for line in self:
            if line.lead_id.sudo().user_id != line.report_id.user_id:
                raise ValidationError(
                    self.env._(
                        "A salesperson reports their own leads: %(lead)s is not theirs.",
                        lead=line.lead_id.sudo().name,
                    )
                )

    def _cs_refuse_reported(self, lead_ids, exclude=()):
        reported = self.sudo().search(
            [("lead_id", "in", list(lead_ids)), ("id", "not in", list(exclude))], limit=1
        )
        if reported:
            raise ValidationError(
                self.env._(
                    "%(lead)s was already reported on %(day)s.",
                    lead=reported.lead_id.name,
                    day=reported.date,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._cs_check_values(vals)
        lead_ids = [vals["lead_id"] for vals in vals_list if isinstance(vals.get("lead_id"), int)]
        if len(lead_ids) != len(set(lead_ids)):
            raise ValidationError(self.env._("A lead is reported once."))
        self._cs_refuse_reported(lead_ids)
        if not self._cs_in_action():
            reports = self.env["cs.presale.report"].browse(
                {vals["report_id"] for vals in vals_list if isinstance(vals.get("report_id"), int)}
            )
            reports.exists()._cs_check_editable()
        return super().create(vals_list)

    def write(self, vals):
        self._cs_check_values(vals)
        if not self._cs_in_action():
            if "report_id" in vals:
                raise UserError(self.env._("A reported lead stays on its report."))
            if "lead_id" in vals and isinstance(vals["lead_id"], int):
                self._cs_refuse_reported([vals["lead_id"]], exclude=self.ids)
            self.report_id._cs_check_editable()
        return super().write(vals)

    def unlink(self):
        if not self._cs_in_action():
            self.report_id._cs_check_editable()
        return super().unlink()

    def _cs_mark(self, validity):
        if not self.env["cs.presale.report"]._cs_is_cs_manager():
            raise UserError(self.env._("The customer-service manager confirms the leads."))
        if self.report_id.filtered(lambda r: r.state != "submitted"):
            raise UserError(self.env._("Leads are confirmed once the report is submitted."))
        self._cs_action_write(
            {
                "validity": validity,
                "checked_by_id": self.env.uid,
                "checked_at": fields.Datetime.now(),
            }
        )
        return True

    def action_mark_valid(self):
        return self._cs_mark("valid")

    def action_mark_invalid(self):
        return self._cs_mark("invalid")
