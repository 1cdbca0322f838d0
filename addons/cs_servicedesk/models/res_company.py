from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Day counts of the desk's policies: a ledger is kept at most a century, an
# unclaimed item at most ten years (and both fit in an integer column).
MAX_RETENTION_DAYS = 36_500
MAX_KEEP_DAYS = 3_650

# Where the desk's accounts sit in the charts it knows, by the charts' own
# xmlids: deposits on a new reconcilable sub-account of the first, kept and
# damage amounts on the second. A chart not listed uses its parent's entry,
# else its first current liability and other income account.
DESK_CHART_ACCOUNTS = {
    "generic_coa": ("current_liabilities", "other_income"),
    # 小企业会计准则: 2241 其他应付款, 5301 营业外收入
    "cn": ("l10n_cn_common_account_2241", "l10n_cn_account_5301"),
    # 企业会计准则: 2241 其他应付款, 6301 营业外收入
    "cn_large_bis": ("l10n_cn_common_account_2241", "l10n_cn_large_bis_account_6301"),
}


class ResCompany(models.Model):
    _inherit = "res.company"

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

    @api.constrains("cs_deposit_account_id", "cs_damage_income_account_id")
    def _check_desk_accounting(self):
        """The desk posts deposits and damages under sudo: its accounts must be the
        company's own, and of the right kind (a deposit is a liability, never
        income)."""
        for company in self.sudo():
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

    def _cs_desk_chart_refs(self):
        """The chart xmlids of the desk's deposits parent and income accounts."""
        self.ensure_one()
        ChartTemplate = self.env["account.chart.template"]
        for template in ChartTemplate._get_parent_template(self.chart_template):
            if template in DESK_CHART_ACCOUNTS:
                return DESK_CHART_ACCOUNTS[template]
        return (None, None)

    def _cs_chart_account(self, xmlid, account_type):
        """The company's account of the chart's ``xmlid``, else its first account
        of ``account_type`` by code."""
        self.ensure_one()
        ChartTemplate = self.env["account.chart.template"].with_company(self)
        account = xmlid and ChartTemplate.ref(xmlid, raise_if_not_found=False)
        if account:
            return account
        Account = self.env["account.account"].with_company(self)
        return Account.search(
            [*Account._check_company_domain(self), ("account_type", "=", account_type)],
            order="code",
            limit=1,
        )

    def _cs_setup_desk_accounting(self):
        """Give each company with a chart of accounts the desk's deposits and
        damage income accounts, once: when its chart is loaded, when the addon is
        installed, or when its first counter is created. Accounts already chosen
        are kept."""
        for company in self.sudo():
            if not company.chart_template:
                continue
            parent_ref, income_ref = company._cs_desk_chart_refs()
            if not company.cs_deposit_account_id:
                parent = company._cs_chart_account(parent_ref, "liability_current")
                if parent:
                    names = company._cs_in_languages(lambda env: env._("Customer Deposits"))
                    company.cs_deposit_account_id = company._cs_create_account(
                        parent, names, {"account_type": "liability_current", "reconcile": True}
                    )
            if not company.cs_damage_income_account_id:
                company.cs_damage_income_account_id = company._cs_chart_account(
                    income_ref, "income_other"
                )

    def _cs_in_languages(self, translate):
        """``{lang: translate(env)}`` for each installed language: the names the
        desk gives the accounts and journals it creates, in every language."""
        return {
            code: translate(self.with_context(lang=code).env)
            for code, _label in self.env["res.lang"].get_installed()
        }

    def _cs_create_account(self, parent, names, vals):
        """A new sub-account of ``parent``, its code the next free one after the
        parent's (224100 → 224101), named in each installed language (``names``:
        ``{lang: name}``)."""
        self.ensure_one()
        Account = self.env["account.account"].with_company(self).with_context(lang="en_US")
        account = Account.create(
            {
                "name": names.get("en_US") or next(iter(names.values())),
                "code": Account._search_new_account_code(parent.code),
                "company_ids": [self.id],
                **vals,
            }
        )
        account.update_field_translations("name", names)
        return account
