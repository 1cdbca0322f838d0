from odoo import fields, models

KINDS = [
    ("annual", "Annual Leave"),
    ("sick", "Sick Leave"),
    ("personal", "Personal Leave"),
    ("marriage", "Marriage Leave"),
    ("prenatal", "Prenatal Check"),
    ("maternity", "Maternity Leave"),
    ("miscarriage", "Miscarriage Leave"),
    ("nursing", "Nursing Time"),
    ("paternity", "Paternity Leave"),
    ("childcare", "Childcare Leave"),
    ("bereavement", "Bereavement Leave"),
    ("public_duty", "Public Duty"),
]


class HrLeaveType(models.Model):
    _inherit = "hr.leave.type"

    cs_kind = fields.Selection(selection=KINDS, string="Chinese Leave Kind", index=True)
    cs_counting = fields.Selection(
        selection=[
            ("working", "Working Days"),
            ("calendar", "Calendar Days (incl. rest days and holidays)"),
            ("half_day", "Half Days"),
            ("hours", "Hours"),
        ],
        string="Counted In",
        default="working",
    )
    cs_pay_rate = fields.Float(
        string="Pay Rate (%)", default=100.0, help="Share of the normal wage paid during the leave."
    )
    cs_document = fields.Char(
        string="Document Required", translate=True, help="e.g. marriage certificate, hospital note."
    )
    cs_may_split = fields.Boolean(
        string="May Be Split", default=True, help="Unticked: the whole entitlement is one block."
    )
    cs_hr_filing = fields.Boolean(
        string="Filed With HR", help="Approved leaves of this type are also filed with HR."
    )
