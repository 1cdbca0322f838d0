"""Working time: instants planned over a calendar's work intervals.

Plain Python: no Odoo import. The intervals are a calendar's work intervals
(attendances less leaves, make-up days added) fetched once for a whole batch of
complaints, as naive UTC ``(start, stop)`` pairs in order, exact up to
``until`` (an interval reaching ``until`` may have been cut there).

:meth:`WorkIntervals.plan` gives exactly what Odoo's
``resource.calendar.plan_hours(hours, start, compute_leaves=True)`` gives, to
the microsecond: plan_hours fetches the intervals fourteen days at a time from
``start`` and subtracts each interval's hours from what remains until the rest
fits in one; the walk here cuts the intervals where those windows end and
subtracts in the same order, so that the floating-point rounding is the same.
Like plan_hours it gives up (None) after a hundred windows.
"""

from bisect import bisect_right
from datetime import timedelta

# plan_hours's window and how many it tries.
WINDOW = timedelta(days=14)
WINDOWS = 100
HORIZON = WINDOW * WINDOWS


class NotCovered(Exception):
    """The plan runs past the intervals given: fetch them further."""


class WorkIntervals:
    def __init__(self, intervals, until):
        self.intervals = list(intervals)
        self.stops = [stop for _start, stop in self.intervals]
        self.until = until

    def _pieces(self, start):
        """The pieces of work time plan_hours walks from ``start``, with a flag
        telling whether the piece may have been cut by the end of the fetch."""
        window_end = start + WINDOW
        horizon = start + HORIZON
        for begin, stop in self.intervals[bisect_right(self.stops, start) :]:
            begin = max(begin, start)
            while begin < stop:
                if begin >= horizon:
                    return
                while window_end <= begin:
                    window_end += WINDOW
                end = min(stop, window_end)
                yield begin, end, stop >= self.until and end == stop
                begin = end
        if self.until < horizon:
            raise NotCovered(start)

    def plan(self, start, hours_list):
        """The instant at which each of ``hours_list`` working hours after
        ``start`` have elapsed (None where plan_hours gives False).

        :raises NotCovered: the intervals end before the plan does."""
        results = [None] * len(hours_list)
        remaining = {}
        for index, hours in enumerate(hours_list):
            if hours is None:
                continue
            if hours < 0:
                raise ValueError("Only working time after the start is planned.")
            remaining[index] = hours
        if not remaining:
            return results
        for begin, end, cut in self._pieces(start):
            interval_hours = (end - begin).total_seconds() / 3600
            for index, hours in list(remaining.items()):
                if hours <= interval_hours:
                    results[index] = begin + timedelta(hours=hours)
                    del remaining[index]
                elif cut:
                    raise NotCovered(start)
                else:
                    remaining[index] = hours - interval_hours
            if not remaining:
                return results
        return results
