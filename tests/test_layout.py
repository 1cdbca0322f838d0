"""The addons ship as the product is meant to: manifests, security, translations."""

import ast
import csv
from pathlib import Path
from xml.etree import ElementTree

import pytest

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ["cs_base", "cs_center", "cs_attendance", "cs_servicedesk"]


def manifest(addon):
    return ast.literal_eval((ROOT / "addons" / addon / "__manifest__.py").read_text())


@pytest.mark.parametrize("addon", ADDONS)
def test_manifest_declares_version_licence_and_status(addon):
    data = manifest(addon)
    assert data["version"].startswith("19.0.")
    assert data["license"] == "LGPL-3"
    assert data["development_status"] in {"Alpha", "Beta", "Production/Stable", "Mature"}
    assert data["maintainers"]
    assert data["installable"] is True


@pytest.mark.parametrize("addon", ADDONS)
def test_every_declared_data_file_exists_and_parses(addon):
    data = manifest(addon)
    for rel in data.get("data", []) + data.get("demo", []):
        path = ROOT / "addons" / addon / rel
        assert path.is_file(), f"{addon}: {rel} is declared but missing"
        if path.suffix == ".xml":
            ElementTree.parse(path)


@pytest.mark.parametrize("addon", ADDONS)
def test_security_files_load_first(addon):
    files = manifest(addon)["data"]
    security = [i for i, f in enumerate(files) if f.startswith("security/")]
    assert security == list(range(len(security))), "security files must come first"


@pytest.mark.parametrize("addon", ADDONS)
def test_access_rules_are_well_formed(addon):
    path = ROOT / "addons" / addon / "security" / "ir.model.access.csv"
    with path.open() as fh:
        rows = list(csv.DictReader(fh))
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)), "duplicate access ids"
    for row in rows:
        assert row["model_id:id"].startswith("model_") or "." in row["model_id:id"]
        assert {row[k] for k in ("perm_read", "perm_write", "perm_create", "perm_unlink")} <= {
            "0",
            "1",
        }


@pytest.mark.parametrize("addon", ADDONS)
def test_translation_files_exist(addon):
    i18n = ROOT / "addons" / addon / "i18n"
    assert (i18n / f"{addon}.pot").is_file()
    assert (i18n / "zh_CN.po").is_file()


@pytest.mark.parametrize("addon", ADDONS)
def test_every_string_of_the_template_is_translated_to_chinese(addon):
    polib = pytest.importorskip("polib")
    i18n = ROOT / "addons" / addon / "i18n"
    pot = {entry.msgid for entry in polib.pofile(str(i18n / f"{addon}.pot"))}
    done = {e.msgid for e in polib.pofile(str(i18n / "zh_CN.po")) if e.msgstr and not e.obsolete}
    assert not sorted(pot - done)[:10], "untranslated strings in zh_CN.po"
