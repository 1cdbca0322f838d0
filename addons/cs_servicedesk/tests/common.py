from odoo.tests import new_test_user

from odoo.addons.account.tests.common import AccountTestInvoicingCommon


class DeskCommon(AccountTestInvoicingCommon):
    """A company with a chart of accounts (the desk's deposits and damage income
    accounts come with it), a counter with its own cash drawer, and desk users
    with their real groups."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The accounting test user also runs the desk, as a shift lead.
        cls.env.user.group_ids += cls.env.ref("cs_servicedesk.group_desk_shift_lead")
        cls.company = cls.env.company
        cls.deposit_account = cls.company.cs_deposit_account_id
        cls.damage_account = cls.company.cs_damage_income_account_id
        cls.counter = cls.env["cs.desk.counter"].create({"name": "Test Desk"})
        cls.cash_journal = cls.counter.cash_journal_id
        cls.cash_account = cls.cash_journal.default_account_id
        cls.clerk, cls.clerk_2, cls.lead = (
            new_test_user(
                cls.env,
                login,
                groups=f"cs_servicedesk.group_desk_{role}",
                company_id=cls.company.id,
                company_ids=[cls.company.id],
            )
            for login, role in (
                ("t_clerk", "clerk"),
                ("t_clerk2", "clerk"),
                ("t_lead", "shift_lead"),
            )
        )
        ItemType = cls.env["cs.loan.item.type"]
        cls.umbrella = ItemType.create(
            {"name": "Umbrella", "deposit_amount": 50.0, "replacement_price": 80.0, "due_hours": 72}
        )
        cls.stroller = ItemType.create(
            {"name": "Stroller", "premises_only": True, "due_hours": 8, "replacement_price": 600}
        )
        cls.borrower = cls.env["res.partner"].create({"name": "陈晓明"})

    def open_session(self, opening_float=100.0, user=None, counter=None):
        return (
            self.env["cs.desk.session"]
            .with_user(user or self.clerk)
            .create({"counter_id": (counter or self.counter).id, "opening_float": opening_float})
        )

    def lend_umbrella(self, user=None, **vals):
        """Lend an umbrella as ``user``, at the counter of their open session (a
        session is opened on the test counter when none is open)."""
        user = user or self.clerk
        open_sessions = [("state", "=", "opened"), ("company_id", "=", self.company.id)]
        if not self.env["cs.desk.session"].search_count(open_sessions):
            self.open_session(opening_float=0.0, user=user)
        loan = (
            self.env["cs.loan"]
            .with_user(user)
            .create(
                {
                    "item_type_id": self.umbrella.id,
                    "partner_id": self.borrower.id,
                    "deposit_card": "YS-001",
                    **vals,
                }
            )
        )
        loan.action_lend()
        return loan.with_env(self.env)

    def balance(self, account):
        lines = self.env["account.move.line"].search(
            [("account_id", "=", account.id), ("parent_state", "=", "posted")]
        )
        return sum(lines.mapped("balance"))

    def assertReportMatchesBooks(self):
        report = self.env["cs.deposit.report"].create({})
        self.assertAlmostEqual(report.ledger_total, report.account_balance)
        self.assertAlmostEqual(report.difference, 0.0)
        self.assertAlmostEqual(report.account_balance, -self.balance(self.deposit_account))
        return report
