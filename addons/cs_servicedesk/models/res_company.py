from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Day counts of the desk's policies: a ledger is kept at most a century, an
# unclaimed item at most ten years (and both fit in an integer column).
MAX_RETENTION_DAYS = 36_500
MAX_KEEP_DAYS = 3_650


class ResCompany(models.Model):
    _inherit = "res.company"

    cs_desk_cash_journal_id = fields.Many2one(
        comodel_name="account.journal",
        string="Front Desk Cash Journal",
        domain="[('type', '=', 'cash'), ('company_id', '=', id)]",
        help="The cash drawer of the front desk: deposits are taken and refunded here.",
    )
    cs_deposit_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Customer Deposits Account",
        domain="[('account_type', '=like', 'liability%'), ('company_ids', 'in', id)]",
        help="Liability account holding the deposits of lent items (押金): never income.",
    )
    cs_damage_income_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Damage and Loss Income Account",
        domain="[('account_type', '=like', 'income%'), ('company_ids', 'in', id)]",
        help="Income account for what damaged or lost items are paid at.",
    )
    # Seed 003 6: 台账纪录按公司规定由客服中心保存一年.
    cs_ledger_retention_days = fields.Integer(
        string="Ledger Retention (days)",
        default=365,
        help="Settled ledger records older than this are archived (never deleted).",
    )
    cs_lost_item_keep_days = fields.Integer(
        string="Keep Unclaimed Items (days)",
        default=30,
        help="Found items unclaimed after this many days are listed as aged and may be handed on.",
    )

    @api.constrains("cs_ledger_retention_days", "cs_lost_item_keep_days")
    def _check_desk_days(self):
        for company in self:
            if not 1 <= company.cs_ledger_retention_days <= MAX_RETENTION_DAYS:
                raise ValidationError(
                    self.env._(
                        "Ledgers are kept between 1 and %(max)s days.", max=MAX_RETENTION_DAYS
                    )
                )
            if not 1 <= company.cs_lost_item_keep_days <= MAX_KEEP_DAYS:
                raise ValidationError(
                    self.env._(
                        "Unclaimed items are kept between 1 and %(max)s days.", max=MAX_KEEP_DAYS
                    )
                )

    @api.constrains(
        "cs_desk_cash_journal_id", "cs_deposit_account_id", "cs_damage_income_account_id"
    )
    def _check_desk_accounting(self):
        """The desk posts deposits and damages under sudo: its journal and
        accounts must be the company's own, and of the right kind (a deposit is
        a liability, never income)."""
        for company in self.sudo():
            journal = company.cs_desk_cash_journal_id
            if journal and (journal.company_id != company or journal.type != "cash"):
                raise ValidationError(
                    self.env._(
                        "The front desk cash journal must be a cash journal of %(company)s.",
                        company=company.name,
                    )
                )
            deposits = company.cs_deposit_account_id
            if deposits and (
                company not in deposits.company_ids or deposits.internal_group != "liability"
            ):
                raise ValidationError(
                    self.env._(
                        "Deposits are held in a liability account of %(company)s, not in "
                        "%(account)s.",
                        company=company.name,
                        account=deposits.display_name,
                    )
                )
            damages = company.cs_damage_income_account_id
            if damages and (
                company not in damages.company_ids or damages.internal_group != "income"
            ):
                raise ValidationError(
                    self.env._(
                        "Damage and loss payments go to an income account of %(company)s, "
                        "not to %(account)s.",
                        company=company.name,
                        account=damages.display_name,
                    )
                )

    def _cs_desk_accounting(self):
        """The desk's cash journal, deposits and damage income accounts,
        created on first use so that the desk works on any chart of accounts."""
        self.ensure_one()
        # Clerks take deposits without accounting rights: the desk posts as superuser.
        self = self.sudo()
        Account = self.env["account.account"].with_company(self)
        if not self.cs_desk_cash_journal_id:
            journal = self.env["account.journal"].sudo().search(
                [("company_id", "=", self.id), ("code", "=", "DESK")], limit=1
            ) or self.env["account.journal"].sudo().with_company(self).create(
                {"name": self.env._("Front Desk Cash"), "type": "cash", "code": "DESK"}
            )
            self.sudo().cs_desk_cash_journal_id = journal
        journal = self.cs_desk_cash_journal_id
        # Cash received or paid at the desk hits the drawer at once.
        for line in journal.sudo().inbound_payment_method_line_ids | (
            journal.sudo().outbound_payment_method_line_ids
        ):
            if not line.payment_account_id:
                line.payment_account_id = journal.default_account_id
        if not self.cs_deposit_account_id:
            self.sudo().cs_deposit_account_id = Account.search(
                [("code", "=", "224100"), ("company_ids", "in", self.id)], limit=1
            ) or Account.create(
                {
                    "name": self.env._("Customer Deposits"),
                    "code": "224100",
                    "account_type": "liability_current",
                    "reconcile": True,
                    "company_ids": [self.id],
                }
            )
        if not self.cs_damage_income_account_id:
            self.sudo().cs_damage_income_account_id = Account.search(
                [("code", "=", "630100"), ("company_ids", "in", self.id)], limit=1
            ) or Account.create(
                {
                    "name": self.env._("Damaged and Lost Items Income"),
                    "code": "630100",
                    "account_type": "income_other",
                    "company_ids": [self.id],
                }
            )
        return journal, self.cs_deposit_account_id, self.cs_damage_income_account_id
