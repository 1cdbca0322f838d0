from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.cs_attendance.rules import limits

# The company's leave policy by kind of figure, each checked against its bounds.
POLICY_DAYS = (
    "cs_maternity_days",
    "cs_maternity_difficult_days",
    "cs_maternity_extra_baby_days",
    "cs_maternity_prenatal_days",
    "cs_paternity_window_days",
    "cs_marriage_days",
    "cs_paternity_days",
    "cs_bereavement_close_days",
    "cs_bereavement_grand_days",
    "cs_annual_first_year_days",
    "cs_annual_later_days",
    "cs_annual_cap_days",
    "cs_annual_carry_over_days",
    "cs_annual_director_days",
    "cs_personal_max_days",
    "cs_tier_supervisor_days",
    "cs_tier_department_days",
    "cs_hr_filing_days",
)
POLICY_MONTHS = (
    "cs_marriage_valid_months",
    "cs_maternity_start_within_months",
    "cs_bereavement_start_within_months",
)
POLICY_HOURS = ("cs_nursing_hours",)
POLICY_PERCENTS = ("cs_sick_pay_pct",)


class ResCompany(models.Model):
    """The company's own leave rules (seed 003 第二篇 6): never below the law."""

    _inherit = "res.company"

    cs_jurisdiction_id = fields.Many2one(
        comodel_name="cs.leave.jurisdiction",
        string="Leave Jurisdiction",
        # A company created after install starts from the national floors.
        default=lambda self: self.env.ref(
            "cs_attendance.jurisdiction_national", raise_if_not_found=False
        ),
        help="Default jurisdiction whose statutory floors apply to the employees.",
    )
    cs_maternity_days = fields.Integer(string="Company Maternity Days", default=90)
    cs_maternity_difficult_days = fields.Integer(
        string="Company Maternity: Difficult Labour", default=15, help="Days added."
    )
    cs_maternity_extra_baby_days = fields.Integer(
        string="Company Maternity: Each Extra Baby", default=15, help="Days added per baby."
    )
    cs_maternity_prenatal_days = fields.Integer(
        string="Company Maternity: Before Birth",
        default=15,
        help="Maternity leave may start this many days before the birth (seed and law: 15).",
    )
    cs_paternity_window_days = fields.Integer(
        string="Paternity Leave Starts Within (days)",
        default=7,
        help="The company's paternity days above the statutory ones must start within this "
        "many days after the birth (seed: a week); the statutory days follow the "
        "jurisdiction's rule and never lapse by this window.",
    )
    cs_maternity_start_within_months = fields.Integer(
        string="Company Maternity Days Start Within (months)",
        default=12,
        help="The company's maternity days above the statutory ones must start within this "
        "many months of the birth; the statutory days never lapse.",
    )
    cs_marriage_days = fields.Integer(string="Company Marriage Days", default=3)
    cs_marriage_valid_months = fields.Integer(
        string="Marriage Leave Valid (months)",
        default=6,
        help="The company's marriage days above the statutory ones must start within this "
        "many months of the registration (seed); the statutory days never lapse.",
    )
    cs_paternity_days = fields.Integer(string="Company Paternity Days", default=3)
    cs_bereavement_close_days = fields.Integer(
        string="Bereavement: Close Family",
        default=3,
        help="For the relatives the company counts as close family.",
    )
    cs_bereavement_close_relation_ids = fields.Many2many(
        comodel_name="cs.family.relation",
        relation="res_company_cs_bereavement_close_rel",
        string="Bereavement: Close Family Are",
        default=lambda self: self._cs_default_close_relations(),
        help="Seed: parents, parents-in-law, spouse, children. Other relatives get the "
        "grandparents' days.",
    )
    cs_bereavement_grand_days = fields.Integer(
        string="Bereavement: Grandparents", default=1, help="And other relatives."
    )
    cs_bereavement_start_within_months = fields.Integer(
        string="Company Bereavement Days Start Within (months)",
        default=1,
        help="The company's bereavement days above the statutory ones must start within "
        "this many months of the death; the statutory days never lapse.",
    )
    cs_annual_first_year_days = fields.Integer(string="Annual Leave: First Year", default=5)
    cs_annual_later_days = fields.Integer(string="Annual Leave: After First Year", default=10)
    cs_annual_cap_days = fields.Integer(string="Annual Leave Cap", default=15)
    # 实施办法 art.10: carried over one year only when work requires it.
    cs_annual_carry_over_days = fields.Integer(
        string="Annual Leave Carried Over (max days)",
        default=0,
        help="Unused annual leave carried into the next year, valid until its end.",
    )
    cs_annual_director_days = fields.Integer(
        string="Annual Leave: Directors", default=10, help="Directors get this from the first year."
    )
    # 实施办法 arts.3-5 exclude nobody on probation: the company may only delay taking.
    cs_annual_after_probation = fields.Boolean(
        string="Annual Leave Taken After Probation",
        default=True,
        help="Annual leave is taken once probation ends (seed). The year's days are granted "
        "all the same, and stay valid through the next year when probation runs past "
        "31 December.",
    )
    cs_nursing_hours = fields.Float(
        string="Nursing Time (hours a day)",
        default=1.0,
        help="Until the child is one; one more hour per additional baby.",
    )
    cs_sick_pay_pct = fields.Float(string="Company Sick Pay (%)", default=40.0)
    cs_personal_max_days = fields.Integer(string="Personal Leave Max (days)", default=14)
    cs_tier_supervisor_days = fields.Float(string="Supervisor Approves Up To (days)", default=1.0)
    cs_tier_department_days = fields.Float(string="Department Approves Up To (days)", default=3.0)
    cs_hr_filing_days = fields.Integer(string="File With HR Beyond (consecutive days)", default=10)

    def _cs_default_close_relations(self):
        return [
            relation.id
            for code in ("parent", "parent_in_law", "spouse", "child")
            if (relation := self.env.ref(f"cs_attendance.relation_{code}", False))
        ]

    @api.model
    def _cs_init_close_relations(self):
        """Companies that existed before the relations: the seed's close family."""
        companies = self.with_context(active_test=False).search(
            [("cs_bereavement_close_relation_ids", "=", False)]
        )
        companies.cs_bereavement_close_relation_ids = self._cs_default_close_relations()

    @api.constrains(*POLICY_DAYS, *POLICY_MONTHS, *POLICY_HOURS, *POLICY_PERCENTS)
    def _check_cs_leave_policy(self):
        bounds = [
            (POLICY_DAYS, limits.MAX_DAYS, self.env._("days")),
            (POLICY_MONTHS, limits.MAX_MONTHS, self.env._("months")),
            (POLICY_HOURS, limits.MAX_HOURS, self.env._("hours")),
            (POLICY_PERCENTS, 100, "%"),
        ]
        for company in self:
            for names, most, unit in bounds:
                for name in names:
                    if not 0 <= company[name] <= most:
                        raise ValidationError(
                            self.env._(
                                "%(field)s must be between 0 and %(max)s %(unit)s.",
                                field=self._fields[name]._description_string(self.env),
                                max=most,
                                unit=unit,
                            )
                        )
            if company.cs_tier_supervisor_days > company.cs_tier_department_days:
                raise ValidationError(
                    self.env._(
                        "The supervisor's approval tier (%(supervisor)s days) cannot be "
                        "longer than the department's (%(department)s days).",
                        supervisor=company.cs_tier_supervisor_days,
                        department=company.cs_tier_department_days,
                    )
                )
