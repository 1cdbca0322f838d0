"""The medical treatment period (医疗期): how long an employee off sick from an
illness or an injury not at work is protected, and within which window
(企业职工患病或非因工负伤医疗期规定, 劳部发〔1994〕479号 arts.3-4; PRC_RULES.md §8).

The period is counted cumulatively from the first sick day, rest days and
holidays included (劳部发〔1995〕236号 items 1-2); it must be used within its
window, which starts on that first sick day. The first sick day after a window
has closed starts a new period.
"""

from datetime import date, timedelta
from typing import NamedTuple

# 479号 art.3 (the period) and art.4 (the window), in months:
# (years of work at least, years with the employer at least, period, window).
# "以上" in the statute includes the figure: ten years of work is "十年以上".
PERIODS = (
    (10, 20, 24, 30),
    (10, 15, 18, 24),
    (10, 10, 12, 18),
    (10, 5, 9, 15),
    (10, 0, 6, 12),
    (0, 5, 6, 12),
    (0, 0, 3, 6),
)

# The statute counts the period in months but sick days one by one: a month of
# cumulative sick leave is taken as 30 calendar days, the usual reading (the
# statute itself gives no figure).
DAYS_PER_MONTH = 30

# A gap between two sick leaves longer than this cannot be only rest days and
# holidays (the longest statutory break, Spring Festival with its swapped
# weekends, is 9 days).
LONGEST_REST = 15

RUNNING = "running"
EXHAUSTED = "exhausted"


class Period(NamedTuple):
    first_sick_day: date
    window_end: date
    career_years: int
    company_years: int
    period_months: int
    window_months: int
    period_days: int
    used_days: int
    remaining_days: int
    # The day the period's days run out: the last of them if the employee stayed
    # off sick every day after the reference date (None when they cannot run out
    # before the window closes).
    exhausts_on: date | None
    # The last day of the period: when its days run out, else when its window closes.
    ends_on: date
    state: str


def completed_years(start, on_date):
    """Whole years from ``start`` to ``on_date``, one more on each anniversary (a
    year from 29 February is complete on 1 March of a common year)."""
    if not (start and on_date) or on_date < start:
        return 0
    return on_date.year - start.year - ((on_date.month, on_date.day) < (start.month, start.day))


def entitlement(career_years, company_years):
    """``(period months, window months)`` for whole years of work and with the employer."""
    career_years = max(career_years, company_years)
    return next(
        (period, window)
        for career, company, period, window in PERIODS
        if career_years >= career and company_years >= company
    )


def add_months(day, months):
    """The same day ``months`` later, the month's last day when it has no such day."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def _merged(spans):
    merged = []
    for first, last in sorted(spans):
        if merged and first <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def gaps(spans, longest=LONGEST_REST):
    """``(first, last)`` of each gap of at most ``longest`` days between two sick leaves."""
    merged = _merged(spans)
    return [
        (end + timedelta(days=1), begin - timedelta(days=1))
        for (_start, end), (begin, _stop) in zip(merged, merged[1:], strict=False)
        if (begin - end).days - 1 <= longest
    ]


def sick_days(spans, rest_days=frozenset()):
    """Sorted calendar days of the sick leaves ``spans`` (pairs of dates), and the
    rest days and holidays between two of them when nothing else lies between."""
    days = set()
    for first, last in _merged(spans):
        days.update(first + timedelta(days=n) for n in range((last - first).days + 1))
    for first, last in gaps(spans):
        between = [first + timedelta(days=n) for n in range((last - first).days + 1)]
        if all(day in rest_days for day in between):
            days.update(between)
    return sorted(days)


def running_period(spans, on_date, career_start, join_date, rest_days=frozenset()):
    """The medical period running on ``on_date``, or None.

    ``spans`` are the sick leaves (pairs of dates, calendar days), ``career_start``
    the first work date, ``join_date`` the day the employee joined the employer;
    ``rest_days`` the days off between two leaves that join them. The entitlement
    is set on the first sick day of the period, which also opens its window."""
    days = sick_days(spans, rest_days)
    first = window_end = None
    for day in days:
        if day > on_date:
            break
        if first is None or day > window_end:
            first = day
            career = completed_years(career_start, day)
            company = completed_years(join_date, day)
            months, window = entitlement(career, company)
            window_end = add_months(first, window)
    if first is None or on_date > window_end:
        return None
    in_window = [day for day in days if first <= day <= window_end]
    period_days = months * DAYS_PER_MONTH
    used = sum(1 for day in in_window if day <= on_date)
    if used >= period_days:
        exhausts_on = in_window[period_days - 1]
    else:
        exhausts_on = on_date + timedelta(days=period_days - used)
        if exhausts_on > window_end:
            exhausts_on = None
    return Period(
        first_sick_day=first,
        window_end=window_end,
        career_years=max(career, company),
        company_years=company,
        period_months=months,
        window_months=window,
        period_days=period_days,
        used_days=used,
        remaining_days=max(period_days - used, 0),
        exhausts_on=exhausts_on,
        ends_on=exhausts_on or window_end,
        state=EXHAUSTED if exhausts_on and exhausts_on < on_date else RUNNING,
    )
