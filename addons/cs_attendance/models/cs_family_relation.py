from odoo import fields, models


class CsFamilyRelation(models.Model):
    """A relative whose death or illness entitles to leave. The statute names those
    a jurisdiction covers (bereavement: 〔80〕劳总薪字29号 parents, spouse, children;
    Shanghai also the spouse's parents), the company those it treats as close
    family: both are lists of these records, not code."""

    _name = "cs.family.relation"
    _description = "Family Relation"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="The relationship of a life event it stands for.")
    sequence = fields.Integer(default=10)

    _code_uniq = models.Constraint("UNIQUE(code)", "A relation is listed once.")
