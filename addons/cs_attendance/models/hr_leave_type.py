from odoo import api, fields, models
from odoo.exceptions import ValidationError

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
    ("parent_care", "Only-Child Parent Care"),
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
    cs_validity = fields.Char(
        string="Validity",
        compute="_compute_cs_validity",
        help="When leave of this kind may be taken, by the company's leave policy.",
    )

    @api.constrains("cs_pay_rate")
    def _check_cs_pay_rate(self):
        for leave_type in self:
            if not 0 <= leave_type.cs_pay_rate <= 100:
                raise ValidationError(
                    self.env._(
                        "The pay rate of %(type)s is a share of the wage, from 0 to 100%%.",
                        type=leave_type.name,
                    )
                )

    @api.depends("cs_kind")
    @api.depends_context("company", "lang")
    def _compute_cs_validity(self):
        for leave_type in self:
            company = leave_type.company_id or self.env.company
            texts = leave_type._cs_validity_texts(company)
            leave_type.cs_validity = texts.get(leave_type.cs_kind) or False

    def _cs_validity_texts(self, company):
        _ = self.env._
        annual = _(
            "Within the calendar year; up to %(days)s days carried over",
            days=company.cs_annual_carry_over_days,
        )
        if company.cs_annual_after_probation:
            annual = _(
                "Within the calendar year (and the next when probation runs past it), "
                "taken after probation; up to %(days)s days carried over",
                days=company.cs_annual_carry_over_days,
            )
        return {
            "annual": annual,
            "personal": _("At most %(days)s days a request", days=company.cs_personal_max_days),
            "marriage": _(
                "Statutory days do not lapse; the company's extra days start within "
                "%(months)s months of the marriage registration",
                months=company.cs_marriage_valid_months,
            ),
            "maternity": _(
                "One block, starting from %(days)s days before the birth; the company's "
                "extra days start within %(months)s months",
                days=company.cs_maternity_prenatal_days,
                months=company.cs_maternity_start_within_months,
            ),
            "miscarriage": _("One block; statutory days do not lapse"),
            "nursing": _(
                "Each working day until the age the jurisdiction sets, in the chosen slot"
            ),
            "paternity": _(
                "Statutory days by the jurisdiction's rule; the company's extra days "
                "start within %(days)s days after the birth",
                days=company.cs_paternity_window_days,
            ),
            "childcare": _("Within each year of the child until the age the jurisdiction sets"),
            "bereavement": _(
                "Statutory days do not lapse; the company's extra days start within "
                "%(months)s month(s) of the death",
                months=company.cs_bereavement_start_within_months,
            ),
            "parent_care": _(
                "During the parent's hospitalisation, within the jurisdiction's days a year"
            ),
        }
