from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.cs_attendance.rules import limits


class ResCompany(models.Model):
    """When HR hears that a medical treatment period (医疗期) is about to end."""

    _inherit = "res.company"

    cs_medical_warning_days = fields.Integer(
        string="Warn HR Before a Medical Period Ends (days)",
        default=30,
        help="An activity for the employee's HR responsible this many days before the "
        "medical treatment period (医疗期) of an employee off sick runs out.",
    )

    def _cs_refuse_medical_warning_days(self, days):
        # Checked before writing too: a number beyond PostgreSQL's integers would
        # otherwise fail in the database instead of with this message.
        if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= limits.MAX_DAYS:
            raise ValidationError(
                self.env._(
                    "HR is warned between 0 and %(max)s days before a medical period ends.",
                    max=limits.MAX_DAYS,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if "cs_medical_warning_days" in vals:
                self._cs_refuse_medical_warning_days(vals["cs_medical_warning_days"])
        return super().create(vals_list)

    def write(self, vals):
        if "cs_medical_warning_days" in vals:
            self._cs_refuse_medical_warning_days(vals["cs_medical_warning_days"])
        return super().write(vals)

    @api.constrains("cs_medical_warning_days")
    def _check_cs_medical_warning_days(self):
        for company in self:
            self._cs_refuse_medical_warning_days(company.cs_medical_warning_days)
