"""The working day of seed 003 第二篇 3 (客服中心考勤管理制度): shifts and punches,
late and early minutes (3(8) 遲到早退), missed punches (3(5) 漏打卡), absence
(3(6)(8) 曠工) and the absence flags for HR.

Plain Python on naive local datetimes (the employee's wall clock); the models
gather schedules, punches and leave, call these functions and store the result.
Every number is a :class:`Policy` value from the company's settings.
"""

import bisect
import calendar
import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta

# How the minutes late or early beyond the monthly tolerance are paid.
PAY_MINUTES = "minutes"  # the time missed: what the law expects (PRC_RULES §9)
PAY_STARTED_HOUR = "started_hour"  # the seed: 按相應時數扣除工資
PAY_DAY = "day"  # the seed read literally: over the limit = a day's pay

# Why a day is absence (曠工).
REASON_NO_PUNCH = "no_punch"
REASON_MISSED_PUNCH = "missed_punch"
REASON_OVER_QUOTA = "over_quota"
REASON_PROXY = "proxy"
REASON_LATE_EARLY = "late_early"  # for discipline only: pay follows the policy

# Why HR is asked to review an employee's absences.
FLAG_CONSECUTIVE = "consecutive"
FLAG_WINDOW = "window"

# What is wrong with a row of a punch-clock file.
ERROR_BADGE_MISSING = "badge_missing"
ERROR_BADGE_TOO_LONG = "badge_too_long"
ERROR_TIMESTAMP = "timestamp"
ERROR_YEAR = "year"

TIMESTAMP_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
)


@dataclass(frozen=True)
class Policy:
    """The company's attendance rules (seed defaults in the settings)."""

    tolerance_minutes: int
    absence_minutes: int
    pay_rule: str
    missed_punch_quota: int
    absence_consecutive_days: int
    absence_window_count: int
    absence_window_months: int


@dataclass(frozen=True)
class DayResult:
    """What the punches of one scheduled day show."""

    first_in: datetime | None
    last_out: datetime | None
    punch_count: int
    late_minutes: int
    early_minutes: int
    missing_punch: bool
    over_absence_limit: bool


@dataclass(frozen=True)
class DayFacts:
    """One day of an employee in an attendance period, as the period rule reads it."""

    day: date
    working: bool  # scheduled and not entirely on leave
    late_minutes: int
    early_minutes: int
    punch_count: int
    confirmed: bool = False  # a missed punch the supervisor confirmed
    proxy: bool = False  # proxy punching recorded by HR


@dataclass(frozen=True)
class DayOutcome:
    absent: bool = False
    absent_discipline: bool = False
    absence_reason: str | None = None
    missed_punch_seq: int = 0
    deduct_minutes: int = 0
    deduct_days: float = 0.0


@dataclass(frozen=True)
class Punch:
    line: int
    badge: str
    stamp: datetime


# Calendar arithmetic -----------------------------------------------------------


def months_before(day, months):
    """The same day ``months`` earlier (the month's last day when shorter)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def period_bounds(day, start_day):
    """First and last day of the attendance period holding ``day`` (seed: the
    21st to the 20th; ``start_day`` 1 is the calendar month)."""
    if day.day >= start_day:
        first = day.replace(day=start_day)
    else:
        previous = months_before(day.replace(day=1), 1)
        first = previous.replace(day=start_day)
    following = first.replace(day=1) + timedelta(days=32)
    last = following.replace(day=start_day) - timedelta(days=1)
    return first, last


def crosses_midnight(start_hour, end_hour):
    return end_hour <= start_hour


def _at(day, hour):
    return datetime.combine(day, datetime.min.time()) + timedelta(minutes=round(hour * 60))


def shift_window(day, start_hour, end_hour):
    """Start and end of a shift starting on ``day``; a night shift ends the next day."""
    end_day = day + timedelta(days=1) if crosses_midnight(start_hour, end_hour) else day
    return _at(day, start_hour), _at(end_day, end_hour)


def subtract_intervals(intervals, cuts):
    """``intervals`` minus ``cuts`` (both lists of ``(start, end)``), sorted."""
    result = sorted(intervals)
    for cut_start, cut_end in cuts:
        kept = []
        for start, end in result:
            if cut_end <= start or cut_start >= end:
                kept.append((start, end))
                continue
            if start < cut_start:
                kept.append((start, cut_start))
            if cut_end < end:
                kept.append((cut_end, end))
        result = kept
    return result


# Punches -----------------------------------------------------------------------


def _distance(stamp, start, end):
    if stamp < start:
        return start - stamp
    if stamp > end:
        return stamp - end
    return timedelta(0)


def assign_punches(punches, windows, margin_hours):
    """Each punch to the nearest scheduled window ``(key, start, end)`` within
    ``margin_hours`` of it (inside is nearest; a tie goes to the earlier
    window). Returns ``({key: sorted punches}, sorted unassigned punches)``."""
    windows = sorted(windows, key=lambda w: (w[1], w[2]))
    starts = [w[1] for w in windows]
    margin = timedelta(hours=margin_hours)
    assigned, unassigned = {}, []
    for stamp in sorted(set(punches)):
        index = bisect.bisect_right(starts, stamp)
        best = None
        # Windows of one employee barely overlap: the neighbours are enough.
        for key, start, end in windows[max(0, index - 3) : index + 2]:
            distance = _distance(stamp, start, end)
            if distance <= margin and (best is None or distance < best[0]):
                best = (distance, key)
        if best is None:
            unassigned.append(stamp)
        else:
            assigned.setdefault(best[1], []).append(stamp)
    return assigned, unassigned


def late_minutes(scheduled_start, first_in):
    """Whole minutes after the start: 08:30:59 is on time, 08:31 one minute late."""
    return max(0, math.floor((first_in - scheduled_start).total_seconds() / 60))


def early_minutes(scheduled_end, last_out):
    return max(0, math.floor((scheduled_end - last_out).total_seconds() / 60))


def over_absence_limit(late, early, absence_minutes):
    """Seed 3(8) 遲到或早退超過半小時: beyond the limit, not at it."""
    return max(late, early) > absence_minutes


def evaluate_day(schedule, punches, absence_minutes):
    """The day's schedule (``[(start, end)]`` still to work after leave) against
    its punches: the first is the arrival, the last the departure. One punch or
    none is a missed punch (漏打卡). ``absence_minutes``: late or early beyond
    it is a day's absence for discipline (seed: 30)."""
    punches = sorted(set(punches))
    count = len(punches)
    first_in = punches[0] if punches else None
    last_out = punches[-1] if count > 1 else None
    if not schedule:
        return DayResult(first_in, last_out, count, 0, 0, False, False)
    if count < 2:
        return DayResult(first_in, last_out, count, 0, 0, True, False)
    late = late_minutes(min(s for s, _e in schedule), first_in)
    early = early_minutes(max(e for _s, e in schedule), last_out)
    over = over_absence_limit(late, early, absence_minutes)
    return DayResult(first_in, last_out, count, late, early, False, over)


# The attendance period -----------------------------------------------------------


def _started_hours(minutes):
    return math.ceil(minutes / 60) * 60


def evaluate_period(days, policy):
    """One employee's days of one attendance period, in date order, to their
    outcome: absence (no punch, a missed punch unconfirmed or beyond the
    quota, proxy punching), absence for discipline (also late or early beyond
    ``absence_minutes``) and the pay deduction (minutes, days)."""
    days = sorted(days, key=lambda d: d.day)
    outcomes = []
    confirmed_count = 0
    total_minutes = 0
    for facts in days:
        outcome = {}
        if facts.proxy:
            outcome = {"absent": True, "absence_reason": REASON_PROXY}
            outcome["deduct_days"] = 1.0 if facts.working else 0.0
        elif not facts.working:
            pass
        elif facts.punch_count < 2:
            if facts.confirmed:
                confirmed_count += 1
                outcome["missed_punch_seq"] = confirmed_count
                if confirmed_count > policy.missed_punch_quota:
                    outcome.update(absent=True, absence_reason=REASON_OVER_QUOTA)
            else:
                reason = REASON_NO_PUNCH if not facts.punch_count else REASON_MISSED_PUNCH
                outcome.update(absent=True, absence_reason=reason)
            if outcome.get("absent"):
                outcome["deduct_days"] = 1.0
        else:
            total_minutes += facts.late_minutes + facts.early_minutes
            if over_absence_limit(facts.late_minutes, facts.early_minutes, policy.absence_minutes):
                outcome.update(absent_discipline=True, absence_reason=REASON_LATE_EARLY)
        if outcome.get("absent"):
            outcome["absent_discipline"] = True
        outcomes.append(outcome)

    if total_minutes > policy.tolerance_minutes:
        cumulative = 0
        for facts, outcome in zip(days, outcomes, strict=True):
            minutes = facts.late_minutes + facts.early_minutes
            if outcome.get("absent") or not facts.working or not minutes:
                continue
            if policy.pay_rule == PAY_MINUTES:
                outcome["deduct_minutes"] = minutes
            elif policy.pay_rule == PAY_DAY and outcome.get("absent_discipline"):
                outcome["deduct_days"] = 1.0
            else:
                before = _started_hours(cumulative)
                cumulative += minutes
                outcome["deduct_minutes"] = _started_hours(cumulative) - before
    return [DayOutcome(**outcome) for outcome in outcomes]


def absence_flags(days, policy):
    """``days``: ``(day, absent for discipline)`` of every scheduled working day
    (rest days left out; a day on leave counts as not absent). Returns
    ``{day: flag}`` for each day that completes a run of consecutive absences
    or reaches the count within the rolling window of months (seed: 3
    consecutive, 6 within 3 months): a review for HR, never an automatic action."""
    days = sorted(days)
    flags = {}
    run = 0
    absent_days = []
    for day, absent in days:
        if not absent:
            run = 0
            continue
        run += 1
        absent_days.append(day)
        window_start = months_before(day, policy.absence_window_months) + timedelta(days=1)
        in_window = len(absent_days) - bisect.bisect_left(absent_days, window_start)
        if run >= policy.absence_consecutive_days:
            flags[day] = FLAG_CONSECUTIVE
        elif in_window >= policy.absence_window_count:
            flags[day] = FLAG_WINDOW
    return flags


# Punch-clock files ---------------------------------------------------------------


def parse_timestamp(value):
    """A punch clock's timestamp (text or a spreadsheet's datetime), or None."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None, microsecond=0)
    if not isinstance(value, str):
        return None
    text = value.strip()
    for pattern in TIMESTAMP_FORMATS:
        try:
            return datetime.strptime(text, pattern)
        except ValueError:
            continue
    return None


def read_punch_rows(rows, year_min, year_max, badge_max):
    """``rows``: ``(line number, badge, timestamp)``. Returns the punches and the
    errors ``(line number, error code, value)`` of every bad row."""
    punches, errors = [], []
    for line, badge, value in rows:
        badge = str(badge if badge is not None else "").strip()
        if badge.endswith(".0") and badge[:-2].isdigit():
            badge = badge[:-2]  # a spreadsheet's number shown as 1001.0
        if not badge:
            errors.append((line, ERROR_BADGE_MISSING, badge))
            continue
        if len(badge) > badge_max:
            errors.append((line, ERROR_BADGE_TOO_LONG, badge))
            continue
        stamp = parse_timestamp(value)
        if stamp is None:
            errors.append((line, ERROR_TIMESTAMP, str(value)[:40]))
        elif not year_min <= stamp.year <= year_max:
            errors.append((line, ERROR_YEAR, str(value)[:40]))
        else:
            punches.append(Punch(line, badge, stamp))
    return punches, errors
