"""Overtime (seed 003 第二篇 5 加班管理流程), the attendance exception form's
deadlines (3(4) 因公外出, 3(5) 漏打卡: 考勤異常登記表) and the protection of
pregnant and nursing employees (女职工劳动保护特别规定 arts. 6 and 9).

Plain Python on naive local dates and datetimes; every number is a company
policy value passed in by the models (PRC_RULES §1 for the statutory ones).
"""

import calendar
from datetime import date, datetime, time, timedelta

# What kind of day overtime falls on: its pay multiplier comes from the
# overtime ruleset (劳动法 art.44: 150 %, 200 %, 300 %).
DAY_WORKING = "workday"  # beyond the day's schedule
DAY_REST = "rest"  # a scheduled rest day (swapped rest days 调休 of a holiday too)
DAY_HOLIDAY = "holiday"  # a statutory holiday (法定节假日)

# How rest-day overtime is compensated (工资支付暂行规定 art.13).
COMP_PAY = "pay"
COMP_TIME_OFF = "time_off"

# Why a request breaks a statutory cap (劳动法 art.41).
CAP_DAY = "day"
CAP_MONTH = "month"

# Why an employee may not be given overtime or night shifts.
PROTECTED_PREGNANCY = "pregnancy"
PROTECTED_NURSING = "nursing"

# 女职工劳动保护特别规定 art.6 "怀孕7个月以上": from the 28th week of a 40-week
# pregnancy, i.e. 12 weeks before the expected birth.
PREGNANCY_PROTECTED_BEFORE_DUE = timedelta(weeks=12)

# Night work: 22:00 to 06:00 (the span PRC rules and practice call 夜班).
NIGHT_START_HOUR = 22.0
NIGHT_END_HOUR = 6.0


def months_after(day, months):
    """The same day ``months`` later (the month's last day when shorter)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def week_bounds(day):
    """Monday and Sunday of the week holding ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def day_kind(statutory_holiday, scheduled):
    """A statutory holiday is one whatever the schedule says (a rostered team
    working on it still works a holiday); otherwise a scheduled day (a make-up
    working day 调休 included) is a working day and any other a rest day."""
    if statutory_holiday:
        return DAY_HOLIDAY
    return DAY_WORKING if scheduled else DAY_REST


def filing_deadline(period_last_day, days_after):
    """Seed 5(2) 每月21號下班前: overtime of the period ending on the 20th is
    filed by the end of the 21st (``days_after`` = 1). Returns the last day."""
    return period_last_day + timedelta(days=days_after)


def weekly_deadline(day, weekday, hour):
    """Seed 3(5) 每周五17:00前...上周六至本周五的漏打卡信息: a missed punch is
    filed by the first ``weekday`` (Monday = 0) after ``day``, at ``hour``."""
    ahead = (weekday - day.weekday()) % 7 or 7
    deadline_day = day + timedelta(days=ahead)
    return datetime.combine(deadline_day, time.min) + timedelta(minutes=round(hour * 60))


def day_back(last_day, within_day, working_days_after):
    """Seed 3(4) 在事畢到崗當日: the day the employee is back at work. An outing
    within a day (hours given) ends back at work the same day; a trip of whole
    days ends on the first working day after it (``working_days_after``, sorted)."""
    if within_day:
        return last_day
    return next((d for d in working_days_after if d > last_day), last_day + timedelta(days=1))


def end_of_day(day):
    return datetime.combine(day, time.max).replace(microsecond=0)


def first_birthday(birth):
    try:
        return birth.replace(year=birth.year + 1)
    except ValueError:  # born on 29 February
        return birth.replace(year=birth.year + 1, day=28)


def protection(day, due_date=None, births=()):
    """Why an employee may not work overtime or nights on ``day``: pregnant from
    the 7th month (art.6) or nursing a child under one (art.9); None otherwise."""
    if due_date and due_date - PREGNANCY_PROTECTED_BEFORE_DUE <= day <= due_date:
        return PROTECTED_PREGNANCY
    if any(birth <= day < first_birthday(birth) for birth in births):
        return PROTECTED_NURSING
    return None


def is_night_shift(start_hour, end_hour):
    """Whether a shift (local hours, ending the next day when earlier) covers
    part of the night, 22:00 to 06:00."""
    end = end_hour if end_hour > start_hour else end_hour + 24
    nights = ((NIGHT_END_HOUR - 24, NIGHT_END_HOUR), (NIGHT_START_HOUR, NIGHT_END_HOUR + 24))
    nights += ((NIGHT_START_HOUR + 24, NIGHT_END_HOUR + 48),)
    return any(start_hour < night_end and end > night_start for night_start, night_end in nights)


def cap_breaches(kind, hours, day_before, period_before, day_cap, month_cap):
    """劳动法 art.41: extending a working day by at most ``day_cap`` hours (3),
    and at most ``month_cap`` hours of overtime a month (36) of every kind.
    ``day_before`` and ``period_before``: the employee's other overtime that
    day and that period. Returns ``[(cap, limit, total)]`` of the caps broken."""
    breaches = []
    if kind == DAY_WORKING and day_before + hours > day_cap:
        breaches.append((CAP_DAY, day_cap, day_before + hours))
    if period_before + hours > month_cap:
        breaches.append((CAP_MONTH, month_cap, period_before + hours))
    return breaches


def overlap_hours(span, intervals):
    """Hours of ``span`` (start, end) covered by ``intervals`` (which do not overlap)."""
    start, end = span
    seconds = sum(
        max(0.0, (min(end, stop) - max(start, begin)).total_seconds()) for begin, stop in intervals
    )
    return seconds / 3600


def lieu_expiry(day, months):
    """Time off in lieu earned by overtime on ``day`` is taken by the day
    before the same date ``months`` later."""
    return months_after(day, months) - timedelta(days=1)
