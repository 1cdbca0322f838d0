"""The access matrix engine: each addon states in ``tests/access_matrix.csv``
who may create, read, write and delete (``crwd``) each of its models, and
which records a role sees (its scope). The README shows the three tables
(``tests/`` checks that it does); the addon's ``test_access_matrix`` proves
every cell both ways through Odoo's own access check (``check_access``, the
one the ORM runs on every create/read/write/unlink): a letter in the cell
passes, a missing letter raises ``AccessError``. A record of every model is
also made in a second company created by the test, and no role of the first
company may see it."""

import csv
import os

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user

# The roles of the README, each a test user with its real groups and nothing else.
ROLES = {
    "employee": "base.group_user",
    "agent": "cs_center.group_cs_agent",
    "assistant": "cs_center.group_cs_manager_assistant",
    "manager": "cs_center.group_cs_manager",
    "key_account": "cs_center.group_cs_key_account",
    "hr_officer": "hr_holidays.group_hr_holidays_user,hr_attendance.group_hr_attendance_officer",
    "clerk": "cs_servicedesk.group_desk_clerk",
    "shift_lead": "cs_servicedesk.group_desk_shift_lead",
    "finance": "account.group_account_invoice",
}
OPERATIONS = (("c", "create"), ("r", "read"), ("w", "write"), ("d", "unlink"))


def read_matrix(path):
    """``{model: {"scope": text, role: letters}}`` from an addon's CSV."""
    with open(path, newline="", encoding="utf-8") as fh:
        return {row.pop("model"): row for row in csv.DictReader(fh)}


def create_china_company(env, name):
    """A company of its own in China: CNY, a schedule in Asia/Shanghai."""
    cny = env.ref("base.CNY")
    cny.sudo().active = True
    company = env["res.company"].create(
        {"name": name, "country_id": env.ref("base.cn").id, "currency_id": cny.id}
    )
    company.resource_calendar_id.tz = "Asia/Shanghai"
    company.partner_id.tz = "Asia/Shanghai"
    return company


def company_user(env, company, login, groups, **values):
    """A user of ``company`` alone, in Shanghai, with ``groups`` (xml ids, comma-separated)."""
    return new_test_user(
        env,
        login,
        groups=groups,
        company_id=company.id,
        company_ids=[company.id],
        tz="Asia/Shanghai",
        **values,
    )


class MatrixCommon(TransactionCase):
    """Two companies in China created by the test and a user per role in each.
    Subclasses name their CSV and give a factory per model, a class method
    ``_make_<model with dots as underscores>(company)`` returning a record of
    that company."""

    MATRIX_FILE = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.matrix = read_matrix(cls.MATRIX_FILE)
        cls.company = create_china_company(cls.env, "矩阵测试商场")
        cls.other_company = create_china_company(cls.env, "另一家公司")
        roles = {
            role: groups
            for role, groups in ROLES.items()
            if all(cls.env.ref(g, raise_if_not_found=False) for g in groups.split(","))
        }
        cls.users, cls.insiders = (
            {
                role: company_user(cls.env, company, f"matrix_{prefix}{role}", groups)
                for role, groups in roles.items()
            }
            for prefix, company in (("", cls.company), ("other_", cls.other_company))
        )

    @classmethod
    def make(cls, model, company):
        return getattr(cls, "_make_" + model.replace(".", "_"))(company)


class AccessMatrixCase(MatrixCommon):
    def _assert_cell(self, records, role, letters):
        for letter, operation in OPERATIONS:
            as_role = records.with_user(self.users[role])
            if letter in letters:
                as_role.check_access(operation)
            else:
                with self.assertRaises(AccessError, msg=f"{role} may not {operation}"):
                    as_role.check_access(operation)

    def test_every_cell_both_ways(self):
        """Every role × model × create/read/write/delete of the matrix, on a
        record of the role's own company (a transient wizard: on the model)."""
        for model, row in self.matrix.items():
            records = self.make(model, self.company)
            if self.env[model]._transient:
                records = self.env[model]
            for role in self.users:
                with self.subTest(model=model, role=role):
                    self._assert_cell(records, role, row.get(role) or "")

    def test_other_company_records_are_invisible(self):
        """Rows scoped to the company: a record of a second company created
        after install can be neither read nor found by any role of the first,
        while the same role in that company reads it."""
        for model, row in self.matrix.items():
            if not row["scope"].startswith("company"):
                continue
            foreign = self.make(model, self.other_company)
            for role, user in self.users.items():
                if "r" not in (row.get(role) or ""):
                    continue
                with self.subTest(model=model, role=role):
                    with self.assertRaises(AccessError):
                        foreign.with_user(user).check_access("read")
                    self.assertFalse(
                        self.env[model].with_user(user).search([("id", "in", foreign.ids)])
                    )
                    foreign.with_user(self.insiders[role]).check_access("read")


def matrix_path(module_file):
    return os.path.join(os.path.dirname(module_file), "access_matrix.csv")
