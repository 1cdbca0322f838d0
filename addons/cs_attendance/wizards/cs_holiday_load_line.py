from odoo import fields, models

LINE_KINDS = [
    ("statutory", "Statutory Holiday (法定节假日)"),
    ("swapped", "Rest Day Moved (调休/补休)"),
    ("workday", "Make-up Working Day (调休上班)"),
]


class CsHolidayLoadLine(models.TransientModel):
    """A day of the State Council's holiday notice, as HR enters it."""

    _name = "cs.holiday.load.line"
    _description = "Holiday Schedule Day"
    _order = "date"

    wizard_id = fields.Many2one(comodel_name="cs.holiday.load", required=True, ondelete="cascade")
    date = fields.Date(required=True)
    kind = fields.Selection(selection=LINE_KINDS, required=True, default="statutory")
    name = fields.Char(required=True, help="The holiday, as the notice names it.")
