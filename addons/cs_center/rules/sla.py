"""Service-level targets of a complaint (seed 001 服务质量标准 2, 5).

Policy rows name what they apply to (channel, urgency, complexity, category,
key-account group; an empty criterion matches anything) and their targets in
minutes of working time. For each target the most specific matching row that
sets it wins; among equally specific rows the strictest (shortest) wins.
"""

CRITERIA = ("channel", "urgency", "complexity", "category_id", "group_id")
TARGETS = ("response_minutes", "reply_minutes", "resolve_minutes", "progress_days")


def matches(row, complaint):
    return all(row.get(key) in (None, False, complaint.get(key)) for key in CRITERIA)


def specificity(row):
    return sum(1 for key in CRITERIA if row.get(key))


def targets(rows, complaint):
    """``{target: value}`` for ``complaint`` (a dict of the criteria) from ``rows``."""
    chosen = {}
    for target in TARGETS:
        candidates = [row for row in rows if matches(row, complaint) and row.get(target)]
        if candidates:
            best = max(specificity(row) for row in candidates)
            chosen[target] = min(row[target] for row in candidates if specificity(row) == best)
    return chosen


def is_breached(deadline, done_at, now):
    """A target is breached when it was met after its deadline, or is still
    open past it. Met on the deadline itself is in time."""
    if not deadline:
        return False
    return (done_at or now) > deadline
