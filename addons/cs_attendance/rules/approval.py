"""Leave approval tiers by duration (seed 003 第二篇 6(1)).

≤ 1 working day: the direct supervisor; ≤ 3: the department's two levels
(supervisor, then the manager); more: up to the head of the department.
Leaves of some types, or longer than a number of consecutive days, are also
filed with HR.
"""

LEVELS = ("supervisor", "manager", "head")


def levels(days, supervisor_max, department_max):
    """The approval steps a leave of ``days`` working days needs, in order: the
    tiers are the company's policy (seed: 1 and 3 days)."""
    if days <= supervisor_max:
        return list(LEVELS[:1])
    if days <= department_max:
        return list(LEVELS[:2])
    return list(LEVELS)


def needs_hr_filing(kind_filed_with_hr, consecutive_days, threshold):
    """Filed with HR: a kind filed by the company's policy, or more consecutive days
    than its ``threshold`` (seed: 10)."""
    return bool(kind_filed_with_hr) or consecutive_days > threshold
