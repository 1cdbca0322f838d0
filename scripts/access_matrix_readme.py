#!/usr/bin/env python3
"""Rewrite the README's access matrix from addons/*/tests/access_matrix.csv
(tests/test_access_matrix_readme.py checks that the two agree)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_access_matrix_readme import END, START, render  # noqa: E402


def main():
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    before, rest = text.split(START, 1)
    _old, after = rest.split(END, 1)
    readme.write_text(before + render() + after, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
