from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.cs_attendance.rules import entitlement, limits

DAY_FIELDS = (
    "maternity_base_days",
    "maternity_extension_days",
    "difficult_labour_days",
    "extra_baby_days",
    "maternity_prenatal_days",
    "marriage_days",
    "paternity_days",
    "childcare_days",
    "bereavement_days",
    "parent_care_days",
    "parent_care_yearly_days",
    "public_holiday_days",
)
# Ages of a statute beyond which a figure is a typo: a child's leave ends by 18, a
# parent's care leave starts by 120.
MAX_CHILD_AGE = 18
MAX_PARENT_AGE = 120
# Ages and months of the statute, each within its bound.
AGE_FIELDS = {
    "nursing_until_months": limits.MAX_MONTHS,
    "childcare_until_years": MAX_CHILD_AGE,
    "parent_care_min_age": MAX_PARENT_AGE,
}
# Each source field of the form, and the figures it is the source of.
SOURCE_FIELDS = {
    "maternity_source": (
        "maternity_base_days",
        "maternity_extension_days",
        "maternity_extension_extends",
        "difficult_labour_days",
        "extra_baby_days",
        "maternity_prenatal_days",
        "nursing_until_months",
    ),
    "miscarriage_source": ("miscarriage_tier_ids",),
    "marriage_source": ("marriage_days",),
    "paternity_source": ("paternity_days", "paternity_extends", "paternity_within_maternity"),
    "childcare_source": ("childcare_days", "childcare_per_child", "childcare_until_years"),
    "bereavement_source": ("bereavement_days", "bereavement_relation_ids"),
    "parent_care_source": ("parent_care_days", "parent_care_yearly_days", "parent_care_min_age"),
    "holiday_source": ("public_holiday_days",),
    "sick_pay_source": (
        "sick_pay_min_wage_pct",
        "sick_pay_floor_pct",
        "sick_pay_bands",
        "sick_pay_long_months",
        "sick_pay_long_bands",
    ),
}


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
    maternity_extension_extends = fields.Boolean(
        string="Extension Runs Longer Over Holidays",
        help="The provincial extension is not counted on statutory holidays (遇法定节假日"
        "顺延, Shanghai): the leave ends later. The national days, and those for difficult "
        "labour and extra babies, count every calendar day.",
    )
    difficult_labour_days = fields.Integer(default=15)
    extra_baby_days = fields.Integer(default=15, help="Added for each additional baby.")
    maternity_prenatal_days = fields.Integer(
        string="Maternity Leave Before Birth (days)",
        default=15,
        help="Maternity leave may start this many days before the birth (国务院令619 art.7).",
    )
    nursing_until_months = fields.Integer(
        string="Nursing Time Until (months of the child)",
        default=12,
        help="Nursing time is granted until the child is this many months old "
        "(国务院令619 art.9: one year).",
    )
    miscarriage_tier_ids = fields.One2many(
        comodel_name="cs.leave.jurisdiction.miscarriage",
        inverse_name="jurisdiction_id",
        string="Miscarriage Leave Tiers",
        help="Days of miscarriage leave by months of pregnancy, each tier from its month to "
        "the next one's; a tier with a range takes the days the doctor advises.",
    )
    marriage_days = fields.Integer(default=3)
    paternity_days = fields.Integer()
    paternity_extends = fields.Boolean(
        string="Paternity Leave Runs Longer Over Holidays",
        help="Paternity leave is not counted on statutory holidays (Shanghai).",
    )
    paternity_within_maternity = fields.Boolean(
        string="Paternity Leave During the Wife's Maternity Leave",
        help="Paternity leave is taken while the wife is on maternity leave (Shanghai): "
        "it must end by the end of her maternity leave counted from the birth.",
    )
    childcare_days = fields.Integer(help="Childcare leave (育儿假) a year per parent.")
    childcare_per_child = fields.Boolean(
        string="Childcare Leave per Child",
        help="Childcare leave is granted for each child (Beijing, Shanghai): twins give two "
        "entitlements a year. Unticked: per parent, whatever the number of children.",
    )
    childcare_until_years = fields.Integer(
        string="Childcare Leave Until (age)",
        default=3,
        help="Childcare leave is granted each year until the child reaches this age.",
    )
    bereavement_days = fields.Integer(default=3, help="For each relation listed.")
    bereavement_relation_ids = fields.Many2many(
        comodel_name="cs.family.relation",
        relation="cs_leave_jurisdiction_bereavement_rel",
        string="Bereavement Leave For",
        default=lambda self: self._default_bereavement_relations(),
        help="The relatives whose death gives the statutory bereavement leave.",
    )
    parent_care_days = fields.Integer(
        string="Only-Child Parent Care (days a year in hospital)",
        help="独生子女护理假: days a year an only child may take while a parent aged "
        "60 or more is in hospital. 0: none.",
    )
    parent_care_yearly_days = fields.Integer(
        string="Only-Child Parent Care (further days a year)",
        help="Days a year granted with the first parent-care leave of the year, apart from "
        "the hospital days (Guangdong: 5).",
    )
    parent_care_min_age = fields.Integer(string="Only-Child Parent Care From Age", default=60)
    public_holiday_days = fields.Integer(
        string="Statutory Holidays a Year",
        default=13,
        help="Days of statutory holiday a year: a holiday schedule entered by hand must "
        "hold this many.",
    )
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
    maternity_source = fields.Char(string="Source (maternity)")
    miscarriage_source = fields.Char(string="Source (miscarriage)")
    marriage_source = fields.Char(string="Source (marriage)")
    paternity_source = fields.Char(string="Source (paternity)")
    childcare_source = fields.Char(string="Source (childcare)")
    bereavement_source = fields.Char(string="Source (bereavement)")
    parent_care_source = fields.Char(string="Source (parent care)")
    holiday_source = fields.Char(string="Source (holidays)")
    sick_pay_source = fields.Char(string="Source (sick pay)")

    _code_uniq = models.Constraint("UNIQUE(code)", "Jurisdiction codes are unique.")

    def _default_bereavement_relations(self):
        return [
            relation.id
            for code in ("parent", "spouse", "child")
            if (relation := self.env.ref(f"cs_attendance.relation_{code}", False))
        ]

    @api.model
    def _cs_source_fields(self):
        """``{source field: figure fields}`` as the form shows them, each source next
        to its figures."""
        return dict(SOURCE_FIELDS)

    @api.constrains(*DAY_FIELDS, *AGE_FIELDS)
    def _check_days(self):
        for jurisdiction in self:
            for name, most in AGE_FIELDS.items():
                if not 0 <= jurisdiction[name] <= most:
                    raise ValidationError(
                        self.env._(
                            "%(field)s of %(jurisdiction)s must be between 0 and %(max)s.",
                            field=self._fields[name]._description_string(self.env),
                            jurisdiction=jurisdiction.name,
                            max=most,
                        )
                    )
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

    def _miscarriage_tiers(self):
        return [
            (tier.from_months, tier.days_min, tier.days_max) for tier in self.miscarriage_tier_ids
        ]

    def _maternity_rule(self):
        return {
            "name": self.name,
            "base": self.maternity_base_days,
            "extension": self.maternity_extension_days,
            "difficult": self.difficult_labour_days,
            "extra_baby": self.extra_baby_days,
        }
