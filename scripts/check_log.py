#!/usr/bin/env python3
"""Fail when an Odoo log file holds WARNING, ERROR or CRITICAL lines.

Usage: scripts/check_log.py LOGFILE [LABEL]

Prints each offending line (with the traceback lines that follow it) and
exits 1; prints a one-line verdict and exits 0 when the log is clean.
"""

import re
import sys

LEVEL = re.compile(r"^\S+ \S+ \d+ (WARNING|ERROR|CRITICAL) ")
START = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ ")


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if len(argv) >= 2 else 2
    path, label = argv[1], (argv[2] if len(argv) > 2 else argv[1])
    bad, keep = [], False
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if START.match(line):
                keep = bool(LEVEL.match(line))
            if keep:
                bad.append(line.rstrip("\n"))
    if bad:
        count = sum(1 for b in bad if START.match(b))
        print(f"{label}: {count} WARNING/ERROR line(s) in Odoo's log")
        print("\n".join(bad[:200]))
        return 1
    print(f"{label}: Odoo's log is clean (no WARNING/ERROR)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
