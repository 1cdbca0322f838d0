from odoo import fields, models


class CsLeaveJurisdiction(models.Model):
    """Statutory leave floors of a jurisdiction (PRC_RULES.md: national and provinces)."""

    _name = "cs.leave.jurisdiction"
    _description = "Leave Jurisdiction"
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
    minimum_wage = fields.Monetary(
        string="Local Minimum Wage (Monthly)",
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

    def _maternity_rule(self):
        return {
            "name": self.name,
            "base": self.maternity_base_days,
            "extension": self.maternity_extension_days,
            "difficult": self.difficult_labour_days,
            "extra_baby": self.extra_baby_days,
        }
