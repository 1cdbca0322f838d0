from odoo import fields, models


class CsWorkdayExtra(models.Model):
    """调休: a rest day that is worked to make up for a statutory holiday."""

    _name = "cs.workday.extra"
    _description = "Make-up Working Day"
    _inherit = ["cs.guarded.mixin"]
    _order = "date desc"
    _check_company_auto = True

    date = fields.Date(required=True, index=True)
    name = fields.Char(required=True, translate=True, help="The holiday this day makes up for.")
    calendar_id = fields.Many2one(
        comodel_name="resource.calendar",
        string="Working Schedule",
        check_company=True,
        help="Empty: every schedule of the company works this day.",
    )
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _date_uniq = models.Constraint(
        "UNIQUE(date, calendar_id, company_id)", "This make-up working day is already recorded."
    )
