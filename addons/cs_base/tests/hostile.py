"""The hostile-input engine: every field of every model of ours that a role may
create or write, given generated values a hostile JSON-RPC caller could send
(huge and odd text, HTML and script, NUL characters, negative, huge, NaN and
infinite numbers, dates in year 1 or 9999, wrong types, ids that do not exist
or belong to another company). The only answers allowed are a validation, user
or access error, or the value accepted; never a Python or SQL traceback. After
a refusal the record reads as before.

JSON-RPC runs each call in ``odoo.service.model.retrying``, which flushes and
turns a constraint violation of the database (``IntegrityError``) into a
``ValidationError``: the engine does the same. Examples are drawn by
``hypothesis`` with a fixed seed so that CI sees the same ones every run.
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.cs_base.tests import access_matrix

ALLOWED = (AccessError, UserError, ValidationError)
SKIPPED_FIELDS = {"id", "display_name", "create_uid", "create_date", "write_uid", "write_date"}
SKIPPED_PREFIXES = ("message_", "activity_", "website_message", "rating_", "has_message")

TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "<script>alert('cs')</script>",
            '"><img src=x onerror=alert(1)>',
            '=HYPERLINK("http://example.com","x")',
            "' OR 1=1; DROP TABLE cs_complaint; --",
            "a\x00b",
            "这不关我的事" * 20_000,
            "9" * 100_000,
        ]
    ),
)
NUMBER = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([-60, -1, 0, 1e12, -1e12, 1e308, 2**31, 2**63]),
)
DATE = st.sampled_from(
    ["0001-01-01", "9999-12-31 23:59:59", "2026-13-45", "1899-12-31", "yesterday", 20261201]
)
WRONG_TYPE = st.sampled_from([[], {}, "x", 3.5, True, [1, 2], {"id": 1}, None])


class HostileInputCase(access_matrix.MatrixCommon):
    """Subclasses give the addon's factories (as for the access matrix)."""

    EXAMPLES = 300

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.records = {model: cls.make(model, cls.company) for model in cls.matrix}
        cls.foreign = {}

    def _fields_to_try(self, model):
        Model = self.env[model]
        return sorted(
            name
            for name, field in Model._fields.items()
            if field.store
            and name not in SKIPPED_FIELDS
            and not name.startswith(SKIPPED_PREFIXES)
            and (not field.compute or not field.readonly)
            and field.type not in ("one2many", "many2many", "binary", "properties", "json")
        )

    def _foreign_id(self, comodel):
        """The id of a record of ``comodel`` in the other company, if any."""
        if comodel not in self.foreign:
            Co = self.env[comodel].sudo()
            self.foreign[comodel] = (
                Co.search([("company_id", "=", self.other_company.id)], limit=1).id
                if "company_id" in Co._fields
                else False
            ) or 2**31 - 1
        return self.foreign[comodel]

    def _values_for(self, field):
        if field.type in ("char", "text", "html", "selection"):
            kind = TEXT
        elif field.type in ("integer", "float", "monetary"):
            kind = NUMBER
        elif field.type in ("date", "datetime"):
            kind = DATE
        elif field.type == "many2one":
            kind = st.sampled_from([-1, 0, 2**31, 2**40, "1", self._foreign_id(field.comodel_name)])
        else:
            kind = st.booleans()
        return st.one_of(kind, WRONG_TYPE)

    def _snapshot(self, record):
        self.env.invalidate_all()
        names = [n for n, f in record._fields.items() if f.store and f.type != "binary"]
        return record.sudo().read(names)

    def _attempt(self, call, record):
        """Run ``call`` as JSON-RPC would; a refusal must leave ``record`` as it was."""
        before = self._snapshot(record)
        try:
            with self.env.cr.savepoint():
                call()
                self.env.flush_all()
        except ALLOWED + (IntegrityError,):
            self.assertEqual(self._snapshot(record), before, "a refused call changed the record")
            return False
        self.env.invalidate_all()
        return True

    def _hostile_call(self, data):
        model = data.draw(st.sampled_from(sorted(self.matrix)), label="model")
        row = self.matrix[model]
        roles = [r for r in self.users if {"c", "w"} & set(row.get(r) or "")]
        if not roles or self.env[model]._transient:
            return
        role = data.draw(st.sampled_from(roles), label="role")
        name = data.draw(st.sampled_from(self._fields_to_try(model)), label="field")
        value = data.draw(self._values_for(self.env[model]._fields[name]), label="value")
        record = self.records[model]
        user = self.users[role]
        if "w" in row[role] and ("c" not in row[role] or data.draw(st.booleans(), label="write")):
            self._attempt(lambda: record.with_user(user).write({name: value}), record)
        else:
            vals = dict(record.copy_data()[0], **{name: value})
            Model = self.env[model].with_user(user)
            self._attempt(lambda: Model.create(vals), record)

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data())
    def test_hostile_values_are_refused_cleanly(self, data):
        """Integrity: only validation, user or access errors come back, and a
        refusal changes nothing."""
        self._hostile_call(data)
