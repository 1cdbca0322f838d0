from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.cs_attendance.rules import limits


class CsLeaveJurisdictionMiscarriage(models.Model):
    """A tier of miscarriage leave by months of pregnancy: 国务院令619 art.7 has two
    (under 4 months 15 days, 4 months or more 42), Guangdong three (广东省实施《女职工
    劳动保护特别规定》办法 art.11: under 4 months 15-30 days on the doctor's opinion,
    4 to 7 months 42, 7 months or more 75)."""

    _name = "cs.leave.jurisdiction.miscarriage"
    _description = "Miscarriage Leave Tier"
    _inherit = ["cs.guarded.mixin"]
    _order = "jurisdiction_id, from_months"

    jurisdiction_id = fields.Many2one(
        comodel_name="cs.leave.jurisdiction", required=True, index=True, ondelete="cascade"
    )
    from_months = fields.Float(
        string="From (months of pregnancy)",
        help="The tier applies from this month of pregnancy to the next tier's.",
    )
    days_min = fields.Integer(string="Days", required=True)
    days_max = fields.Integer(
        string="Up To (days)",
        help="Above the days: a range, within which HR enters the days the doctor advises.",
    )

    _tier_uniq = models.Constraint(
        "UNIQUE(jurisdiction_id, from_months)", "Each tier starts at its own month."
    )

    @api.constrains("from_months", "days_min", "days_max")
    def _check_tier(self):
        for tier in self:
            if not 0 <= tier.from_months <= limits.MAX_PREGNANCY_MONTHS:
                raise ValidationError(
                    self.env._(
                        "A miscarriage tier starts between 0 and %(max)s months of pregnancy.",
                        max=limits.MAX_PREGNANCY_MONTHS,
                    )
                )
            if not 0 < tier.days_min <= tier.days_max <= limits.MAX_DAYS:
                raise ValidationError(
                    self.env._(
                        "A miscarriage tier grants from 1 to %(max)s days, its upper figure "
                        "not below the lower one.",
                        max=limits.MAX_DAYS,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        # A fixed tier needs one figure: the upper one defaults to it.
        for vals in vals_list:
            if not vals.get("days_max") and isinstance(vals.get("days_min"), int):
                vals["days_max"] = vals["days_min"]
        return super().create(vals_list)
