from odoo import api, fields, models


class CsDepositReport(models.TransientModel):
    """Outstanding deposits at a date: the ledger's total beside the books' balance."""

    _name = "cs.deposit.report"
    _description = "Outstanding Deposits"

    date = fields.Date(required=True, default=fields.Date.context_today)
    currency_id = fields.Many2one(related="company_id.currency_id")
    company_id = fields.Many2one(comodel_name="res.company", default=lambda self: self.env.company)
    ledger_total = fields.Monetary(
        string="Deposits Held (Ledger)",
        compute="_compute_totals",
        help="Deposits of loans lent by the date and not settled by then.",
    )
    account_balance = fields.Monetary(
        string="Deposits Account Balance",
        compute="_compute_totals",
        help="Credit balance of the customer deposits account at the date.",
    )
    difference = fields.Monetary(compute="_compute_totals")
    loan_ids = fields.Many2many(comodel_name="cs.loan", compute="_compute_totals")

    @api.depends("date", "company_id")
    def _compute_totals(self):
        Loan = self.env["cs.loan"]
        for report in self:
            Loan = Loan.with_company(report.company_id)
            held = Loan._outstanding_deposits(report.date)
            report.loan_ids = Loan.union(*held) if held else Loan
            report.ledger_total = sum(held.values())
            report.account_balance = Loan._deposit_account_balance(report.date)
            report.difference = report.ledger_total - report.account_balance
