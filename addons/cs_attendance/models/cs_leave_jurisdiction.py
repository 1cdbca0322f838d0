from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.cs_attendance.rules import entitlement, limits

DAY_FIELDS = (
    "maternity_base_days",
    "maternity_extension_days",
    "difficult_labour_days",
    "extra_baby_days",
    "miscarriage_early_days",
    "miscarriage_late_days",
    "marriage_days",
    "paternity_days",
    "childcare_days",
    "bereavement_days",
)


class CsLeaveJurisdiction(models.Model):
    """Statutory leave floors of a jurisdiction (PRC_RULES.md: national and provinces)."""

    _name = "cs.leave.jurisdiction"
    _description = "Leave Jurisdiction"
    _inherit = ["cs.guarded.mixin"]
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    maternity_base_days = fields.Integer(
        default=98, help="National maternity leave, calendar days."
    )
    maternity_extension_days = fields.Integer(help="Provincial extension of maternity leave.")
    difficult_labour_days = fields.Integer(default=15)
    extra_baby_days = fields.Integer(default=15, help="Added for each additional baby.")
    miscarriage_early_days = fields.Integer(default=15, help="Miscarriage under 4 months.")
    miscarriage_late_days = fields.Integer(default=42, help="Miscarriage at 4 months or more.")
    marriage_days = fields.Integer(default=3)
    paternity_days = fields.Integer()
    childcare_days = fields.Integer(
        help="Childcare leave (育儿假) a year per parent, child under 3."
    )
    bereavement_days = fields.Integer(default=3, help="Parent, spouse or child.")
    sick_pay_floor_pct = fields.Float(
        string="Sick Pay Floor (% of Wage)",
        help="Sick pay may not fall below this share of the employee's own wage "
        "(Shanghai's floor when no band applies). 0: no such floor.",
    )
    sick_pay_min_wage_pct = fields.Float(
        string="Sick Pay Floor (% of Minimum Wage)",
        default=80.0,
        help="Sick pay may not fall below this share of the local minimum wage "
        "(劳部发〔1995〕309号 §59: 80%).",
    )
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.ref("base.CNY", raise_if_not_found=False)
    )
    # With a sick leave's rate, the minimum wage gives the employee's wage: it is for
    # the Time Off officers who keep it, and the rates are hidden from them (hr_leave).
    minimum_wage = fields.Monetary(
        string="Local Minimum Wage (Monthly)",
        groups="hr_holidays.group_hr_holidays_user",
        help="The monthly minimum wage in force where the employees work, entered by HR "
        "from the local government's notice. Without it the minimum-wage floor of sick "
        "pay cannot be checked, and the leave form says so.",
    )
    sick_pay_bands = fields.Char(
        string="Sick Pay Floor by Service",
        help='Floors by years of service, "years:percent" separated by commas '
        "(Shanghai: 0:60,2:70,4:80,6:90,8:100). Empty: the single floor applies.",
    )
    sick_pay_long_months = fields.Integer(
        string="Long Sickness After (months)",
        help="After this many months of continuous sick leave the long-sickness floors apply "
        "(Shanghai: 6). 0: never.",
    )
    sick_pay_long_bands = fields.Char(
        string="Long Sickness Floor by Service",
        help='Floors after the long-sickness months, "years:percent" separated by commas '
        "(Shanghai: 0:40,1:50,3:60).",
    )
    source = fields.Char(help="The legal text these figures come from.")

    _code_uniq = models.Constraint("UNIQUE(code)", "Jurisdiction codes are unique.")

    @api.constrains(*DAY_FIELDS)
    def _check_days(self):
        for jurisdiction in self:
            for name in DAY_FIELDS:
                if not 0 <= jurisdiction[name] <= limits.MAX_DAYS:
                    raise ValidationError(
                        self.env._(
                            "%(field)s of %(jurisdiction)s must be between 0 and %(max)s days.",
                            field=self._fields[name]._description_string(self.env),
                            jurisdiction=jurisdiction.name,
                            max=limits.MAX_DAYS,
                        )
                    )

    @api.constrains(
        "sick_pay_floor_pct",
        "sick_pay_min_wage_pct",
        "minimum_wage",
        "sick_pay_long_months",
        "sick_pay_bands",
        "sick_pay_long_bands",
    )
    def _check_sick_pay(self):
        # The minimum wage is for HR to read; the check holds whoever writes.
        for jurisdiction in self.sudo():
            for name in ("sick_pay_floor_pct", "sick_pay_min_wage_pct"):
                if not 0 <= jurisdiction[name] <= 100:
                    raise ValidationError(
                        self.env._(
                            "%(field)s of %(jurisdiction)s is a percentage, from 0 to 100.",
                            field=self._fields[name]._description_string(self.env),
                            jurisdiction=jurisdiction.name,
                        )
                    )
            if not 0 <= jurisdiction.minimum_wage <= limits.MAX_MINIMUM_WAGE:
                raise ValidationError(
                    self.env._(
                        "The minimum wage of %(jurisdiction)s must be between 0 and %(max)s.",
                        jurisdiction=jurisdiction.name,
                        max=limits.MAX_MINIMUM_WAGE,
                    )
                )
            if not 0 <= jurisdiction.sick_pay_long_months <= limits.MAX_MONTHS:
                raise ValidationError(
                    self.env._(
                        "Long sickness starts after 0 to %(max)s months.", max=limits.MAX_MONTHS
                    )
                )
            for name in ("sick_pay_bands", "sick_pay_long_bands"):
                try:
                    entitlement.parse_bands(jurisdiction[name])
                except ValueError as error:
                    raise ValidationError(
                        self.env._(
                            '%(field)s of %(jurisdiction)s must read "years:percent" in '
                            "increasing years, separated by commas, each percent from 0 to "
                            "100 (Shanghai: 0:60,2:70,4:80,6:90,8:100).",
                            field=self._fields[name]._description_string(self.env),
                            jurisdiction=jurisdiction.name,
                        )
                    ) from error

    def _check_code_length(self, code):
        # Checked before the database sees it: an overlong code breaks its unique index.
        if isinstance(code, str) and len(code) > limits.MAX_CODE_LENGTH:
            raise ValidationError(
                self.env._(
                    "A jurisdiction's code has at most %(max)s characters, like CN-GD-SZ.",
                    max=limits.MAX_CODE_LENGTH,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_code_length(vals.get("code"))
        return super().create(vals_list)

    def write(self, vals):
        self._check_code_length(vals.get("code"))
        return super().write(vals)

    def _maternity_rule(self):
        return {
            "name": self.name,
            "base": self.maternity_base_days,
            "extension": self.maternity_extension_days,
            "difficult": self.difficult_labour_days,
            "extra_baby": self.extra_baby_days,
        }
