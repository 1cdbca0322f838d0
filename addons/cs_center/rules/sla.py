"""Service-level targets of a complaint (seed 001 服务质量标准 2, 5) and the
escalation ladder that watches them.

``SLA_TARGETS`` is the one table of targets: each entry names its policy column,
its unit and the field stamped when the target is met; the complaint's deadline,
breach and ladder fields, the policy's columns and the planning are all derived
from it, so a new target is one entry here.

Policy rows name what they apply to (channel, urgency, complexity, category,
key-account group; an empty criterion matches anything) and their targets. For
each target the most specific matching row that sets it wins; among equally
specific rows the strictest (shortest) wins.

Plain Python: no Odoo import.
"""

from typing import NamedTuple

CRITERIA = ("channel", "urgency", "complexity", "category_id", "group_id")

MINUTES = "minutes"
WORKING_DAYS = "working_days"

# The escalation ladder, in order: the handler is warned, then the team leader,
# both when their share of the target's working time has elapsed; the manager
# when the deadline is missed.
HANDLER, LEADER, MANAGER = "handler", "leader", "manager"
LADDER = (HANDLER, LEADER, MANAGER)
WARNINGS = (HANDLER, LEADER)


# The longest target a policy row may set: a year. Beyond it a deadline is a
# typing mistake (and the working calendar gives up planning after 1,400 days).
TARGET_MAX = {MINUTES: 366 * 24 * 60, WORKING_DAYS: 366}


class Target(NamedTuple):
    key: str  # names the complaint's fields: <key>_deadline, <key>_breached...
    label: str
    policy: str  # the policy column
    policy_label: str
    policy_help: str
    unit: str
    met: str  # the complaint's field stamped when the target is met

    @property
    def deadline(self):
        return f"{self.key}_deadline"

    @property
    def breached(self):
        return f"{self.key}_breached"

    @property
    def escalation(self):
        """The last step of the ladder taken for this target."""
        return f"{self.key}_escalation"

    def warn_at(self, step):
        """The planned instant of a warning step."""
        return f"{self.key}_warn_{step}_at"

    @property
    def planned(self):
        """The fields the planning writes: the deadline and the warnings' instants."""
        return (self.deadline, *(self.warn_at(step) for step in WARNINGS))

    def step_at(self, step):
        return self.deadline if step == MANAGER else self.warn_at(step)

    @property
    def fields(self):
        """Every field of the complaint that belongs to this target."""
        return (self.met, self.breached, self.escalation, *self.planned)


SLA_TARGETS = (
    Target(
        "response",
        "First Response",
        "response_minutes",
        "First Response (min)",
        "Read / acknowledge / contact the customer within.",
        MINUTES,
        "responded_at",
    ),
    Target(
        "reply",
        "First Reply",
        "reply_minutes",
        "First Reply (min)",
        "First answer to the customer.",
        MINUTES,
        "replied_at",
    ),
    Target(
        "resolve",
        "Resolution",
        "resolve_minutes",
        "Resolution (min)",
        "Solved within, in working time.",
        MINUTES,
        "resolved_at",
    ),
    Target(
        "progress",
        "Progress Update",
        "progress_days",
        "Progress Update (working days)",
        "Complex cases: tell the customer the progress and the expected date within.",
        WORKING_DAYS,
        "progress_done_at",
    ),
)
TARGETS = tuple(target.policy for target in SLA_TARGETS)


def matches(row, complaint):
    return all(row.get(key) in (None, False, complaint.get(key)) for key in CRITERIA)


def specificity(row):
    return sum(1 for key in CRITERIA if row.get(key))


def targets(rows, complaint):
    """``{policy column: value}`` for ``complaint`` (a dict of the criteria) from ``rows``."""
    chosen = {}
    for target in TARGETS:
        candidates = [row for row in rows if matches(row, complaint) and row.get(target)]
        if candidates:
            best = max(specificity(row) for row in candidates)
            chosen[target] = min(row[target] for row in candidates if specificity(row) == best)
    return chosen


def target_hours(target, amount, hours_per_day):
    """Working hours of a policy value: minutes, or working days of the calendar."""
    if target.unit == MINUTES:
        return amount / 60.0
    return amount * hours_per_day


def is_breached(deadline, done_at, now):
    """A target is breached when it was met after its deadline, or is still
    open past it. Met on the deadline itself is in time."""
    if not deadline:
        return False
    return (done_at or now) > deadline


def due_steps(instants, reached, now):
    """The steps of the ladder due at ``now`` and not taken yet, in order.

    ``instants`` maps each step to its instant (None: the step does not apply),
    ``reached`` is the last step taken (None: none). A warning is due once its
    instant has come; the manager's step once the deadline is missed (after
    it, as :func:`is_breached`). Steps are taken once each, in order: a late
    run takes every step it finds due."""
    start = LADDER.index(reached) + 1 if reached else 0
    due = []
    for step in LADDER[start:]:
        instant = instants.get(step)
        if not instant:
            continue
        if instant < now or (step != MANAGER and instant == now):
            due.append(step)
    return due


# The most reopenings a policy may allow before escalating: beyond it the
# escalation would never happen (a complaint reopened a hundred times is lost).
REOPEN_LIMIT_MAX = 100


def ladder_policy_ok(handler_percent, leader_percent, reopen_limit):
    """The handler is warned before the team leader, both strictly within the
    target's time (the manager hears at 100 %), and the reopen limit is sane."""
    return 0 < handler_percent < leader_percent < 100 and 0 <= reopen_limit <= REOPEN_LIMIT_MAX


def reopen_escalates(reopen_count, limit):
    """A complaint reopened more than ``limit`` times is escalated."""
    return reopen_count > limit
