"""The README's access matrix is the one the Odoo suite proves.

Each addon states its matrix in ``addons/<addon>/tests/access_matrix.csv``;
``test_access_matrix`` of the addon checks every cell against Odoo's access
checks. This test checks that the README shows exactly those tables and that
every model of ours that has access rules appears in one.
"""

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ["cs_center", "cs_attendance", "cs_servicedesk"]
START, END = "<!-- access-matrix:start -->", "<!-- access-matrix:end -->"
ROLE_TITLES = {
    "employee": "employee",
    "agent": "CS agent",
    "assistant": "CS manager assistant",
    "manager": "CS manager",
    "key_account": "key-account member",
    "hr_officer": "HR officer",
    "clerk": "desk clerk",
    "shift_lead": "desk shift lead",
    "finance": "finance",
}


def matrix_rows(addon):
    with (ROOT / "addons" / addon / "tests" / "access_matrix.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def render():
    """The README section: one table per addon, ``c r w d`` per role."""
    lines = [
        START,
        "Letters: **c**reate, **r**ead, **w**rite, **d**elete; an empty cell is no access. "
        "Scope: *company* = only records of the user's allowed companies (multi-company "
        "rule); *own wizard* = a transient form only its creator sees; *shared* = data "
        "common to all companies.",
    ]
    for addon in ADDONS:
        lines += [
            "",
            f"`{addon}`",
            "",
            "| model | scope | " + " | ".join(ROLE_TITLES.values()) + " |",
            "|---|---|" + "---|" * len(ROLE_TITLES),
        ]
        for row in matrix_rows(addon):
            cells = " | ".join(" ".join(row[role]) for role in ROLE_TITLES)
            lines.append(f"| `{row['model']}` | {row['scope']} | {cells} |")
    lines.append(END)
    return "\n".join(lines)


def test_readme_shows_the_proven_matrix():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert START in readme and END in readme, "README lacks the access-matrix section"
    shown = readme[readme.index(START) : readme.index(END) + len(END)]
    assert shown == render(), "README's access matrix differs; it should read:\n" + render()


def test_every_model_with_access_rules_is_in_the_matrix():
    for addon in ADDONS:
        with (ROOT / "addons" / addon / "security" / "ir.model.access.csv").open() as fh:
            models = {
                row["model_id:id"].removeprefix("model_").replace("_", ".")
                for row in csv.DictReader(fh)
                if row["model_id:id"].startswith("model_cs_")
            }
        listed = {row["model"] for row in matrix_rows(addon)}
        assert models <= listed, f"{addon}: {sorted(models - listed)} missing from the matrix"
