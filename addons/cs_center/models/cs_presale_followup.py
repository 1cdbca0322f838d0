from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CsPresaleFollowup(models.Model):
    """意向单跟踪: a follow-up of an intention lead with the customer, the
    designer, the estimator or the salesperson (seed 002 第三章 一 5; 第二章
    一 4: customers not ready yet are called regularly)."""

    _name = "cs.presale.followup"
    _description = "Intention Lead Follow-up"
    _inherit = ["cs.guarded.mixin", "cs.filled.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _cs_action_fields = frozenset({"user_id"})

    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda self: self.env.company
    )
    lead_id = fields.Many2one(
        comodel_name="crm.lead",
        string="Lead",
        required=True,
        index=True,
        check_company=True,
        ondelete="cascade",
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Followed Up By",
        readonly=True,
        index=True,
        default=lambda self: self.env.user,
    )
    contact_role = fields.Selection(
        selection=[
            ("customer", "Customer"),
            ("designer", "Designer"),
            ("estimator", "Estimator"),
            ("salesperson", "Salesperson"),
        ],
        string="With",
        required=True,
        default="customer",
    )
    summary = fields.Text(required=True)
    next_date = fields.Date(string="Next Follow-up")

    @api.constrains("date", "next_date")
    def _check_next_date(self):
        for followup in self:
            if followup.next_date and followup.next_date < followup.date.date():
                raise ValidationError(self.env._("The next follow-up comes after this one."))
