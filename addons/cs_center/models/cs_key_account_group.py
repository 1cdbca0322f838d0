from odoo import fields, models


class CsKeyAccountGroup(models.Model):
    """大客户服务小组: staff serving named key accounts with their own service model."""

    _name = "cs.key.account.group"
    _description = "Key-Account Group"
    _inherit = ["cs.guarded.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda self: self.env.company
    )
    leader_id = fields.Many2one(
        comodel_name="res.users", string="Leader", tracking=True, check_company=True
    )
    member_ids = fields.Many2many(
        comodel_name="res.users",
        string="Members",
        check_company=True,
        help="Only they and CS managers see the complaints.",
    )
    partner_ids = fields.Many2many(
        comodel_name="res.partner",
        string="Key Accounts",
        domain="[('is_company', '=', True)]",
        check_company=True,
        help="Complaints of these customers (and their contacts) go to this group.",
    )
    contact_ids = fields.Many2many(
        comodel_name="res.partner",
        relation="cs_key_account_group_contact_rel",
        string="Dedicated Contacts",
        help="The customers' people this group deals with.",
    )
    sla_ids = fields.One2many(
        comodel_name="cs.sla.policy", inverse_name="key_account_group_id", string="Own SLA"
    )
    visit_plan = fields.Text(
        help="How often and how the group visits its accounts; visits are activities."
    )
