"""Shift change-over arithmetic (seed 000 值班制度, 交接班制度; 003 第三篇 十一, 十五;
第五篇 十一). Plain Python: no Odoo import.

Times are naive datetimes; the caller chooses the zone (local for a shift's
hours, UTC for what is stored).
"""

from datetime import datetime, timedelta

# A shift's hours are given on a 24-hour clock, 08:30 as 8.5.
HOURS_PER_DAY = 24
# The most minutes a company may tolerate before a relief counts as late: a
# whole shift. Beyond, the relief did not come (不接班), it was not late.
LATE_GRACE_MAX_MINUTES = 8 * 60


def hours_valid(hour_from, hour_to):
    """A shift starts and ends within a day's clock and lasts some time; the end
    may be on the next day (a night shift 16:30-08:30)."""
    return 0 <= hour_from < HOURS_PER_DAY and 0 <= hour_to < HOURS_PER_DAY and hour_from != hour_to


def _at(day, hour):
    minutes = round(hour * 60)
    return datetime.combine(day, datetime.min.time()) + timedelta(minutes=minutes)


def shift_bounds(day, hour_from, hour_to):
    """Start and end of the shift starting on ``day``: a shift ending at or before
    its start hour ends on the next day."""
    start = _at(day, hour_from)
    end = _at(day, hour_to)
    if end <= start:
        end += timedelta(days=1)
    return start, end


def late_minutes(change_at, arrived_at, grace_minutes=0):
    """Whole minutes the relief arrived after the change-over, 0 when on time.

    A relief arriving within ``grace_minutes`` of the change-over is on time;
    beyond, the whole delay counts (逾時接班按遲到處理), started minutes included."""
    if not change_at or not arrived_at:
        return 0
    delay = (arrived_at - change_at).total_seconds()
    if delay <= grace_minutes * 60:
        return 0
    return int(-(-delay // 60))
