"""SLA policy selection, breach edges, deadlines on a working calendar and the
escalation ladder (seed 001 服务质量标准, issues #11 and #14)."""

from datetime import date, datetime, timedelta

import pytest

SEED = [
    {"channel": "email", "response_minutes": 120, "reply_minutes": 240},
    {"urgency": "urgent", "response_minutes": 30},
    {"complexity": "simple", "resolve_minutes": 1440},
    {"complexity": "complex", "progress_days": 3},
]


@pytest.fixture
def sla(rules):
    return rules("cs_center", "sla")


def test_email_complaint_is_read_in_two_hours_and_answered_in_four(sla):
    got = sla.targets(SEED, {"channel": "email", "urgency": "normal", "complexity": "simple"})
    assert got == {"response_minutes": 120, "reply_minutes": 240, "resolve_minutes": 1440}


def test_urgent_email_takes_the_strictest_response_of_equally_specific_rows(sla):
    got = sla.targets(SEED, {"channel": "email", "urgency": "urgent", "complexity": "simple"})
    assert got["response_minutes"] == 30
    assert got["reply_minutes"] == 240


def test_complex_complaint_gets_a_progress_update_target(sla):
    got = sla.targets(SEED, {"channel": "phone", "urgency": "normal", "complexity": "complex"})
    assert got == {"progress_days": 3}


def test_key_account_row_overrides_the_general_rows(sla):
    rows = SEED + [{"group_id": 7, "urgency": "normal", "response_minutes": 180}]
    got = sla.targets(rows, {"channel": "email", "urgency": "normal", "group_id": 7})
    assert got["response_minutes"] == 180


def test_row_for_another_channel_does_not_apply(sla):
    assert sla.targets(SEED[:1], {"channel": "phone"}) == {}


DEADLINE = datetime(2026, 3, 2, 9, 30)


@pytest.mark.parametrize(
    ("done", "now", "breached"),
    [
        (None, datetime(2026, 3, 2, 9, 29), False),
        (None, datetime(2026, 3, 2, 9, 30), False),
        (None, datetime(2026, 3, 2, 9, 31), True),
        (datetime(2026, 3, 2, 9, 29), datetime(2026, 3, 2, 12, 0), False),
        (datetime(2026, 3, 2, 9, 31), datetime(2026, 3, 2, 12, 0), True),
    ],
)
def test_breach_at_the_29th_30th_and_31st_minute(sla, done, now, breached):
    assert sla.is_breached(DEADLINE, done, now) is breached


def test_no_deadline_is_never_breached(sla):
    assert sla.is_breached(None, None, datetime(2030, 1, 1)) is False


def test_every_target_names_its_own_fields(sla):
    """SLA core (#11): a target is one entry; its fields are derived from it."""
    names = [
        name
        for target in sla.SLA_TARGETS
        for name in (target.met, target.breached, target.escalation, *target.planned)
    ]
    assert len(names) == len(set(names))
    reply = next(target for target in sla.SLA_TARGETS if target.key == "reply")
    assert reply.planned == ("reply_deadline", "reply_warn_handler_at", "reply_warn_leader_at")
    assert tuple(target.policy for target in sla.SLA_TARGETS) == sla.TARGETS


@pytest.mark.parametrize(
    ("minute", "reached", "due"),
    [
        (191, None, []),
        (192, None, ["handler"]),
        (192, "handler", []),
        (216, "handler", ["leader"]),
        (240, "leader", []),  # on the deadline itself: in time
        (241, "leader", ["manager"]),
        (241, None, ["handler", "leader", "manager"]),  # a late run takes every step once
        (241, "manager", []),
    ],
)
def test_ladder_steps_are_taken_once_in_order(sla, minute, reached, due):
    """Escalation ladder (#11): 80 % warns the handler, 90 % the team leader,
    the breach the manager; a step taken is never taken again."""
    start = datetime(2026, 3, 2, 9, 0)
    instants = {
        "handler": start + timedelta(minutes=192),
        "leader": start + timedelta(minutes=216),
        "manager": start + timedelta(minutes=240),
    }
    assert sla.due_steps(instants, reached, start + timedelta(minutes=minute)) == due


def test_a_step_without_an_instant_is_skipped(sla):
    deadline = datetime(2026, 3, 2, 9, 30)
    instants = {"handler": None, "leader": None, "manager": deadline}
    assert sla.due_steps(instants, None, datetime(2026, 3, 2, 9, 31)) == ["manager"]


@pytest.mark.parametrize(("count", "escalates"), [(1, False), (2, False), (3, True)])
def test_third_reopening_escalates(sla, count, escalates):
    assert sla.reopen_escalates(count, 2) is escalates


# ---------------------------------------------------------------------------
# Deadlines on a working calendar (#14 P2): equal to plan_hours
# ---------------------------------------------------------------------------
@pytest.fixture
def worktime(rules):
    return rules("cs_center", "worktime")


HOURS = (29 / 60.0, 30 / 60.0, 31 / 60.0, 2.0, 4.0, 24.0, 1 / 3.0, 3 * 8.0, 100.1, 200.0 / 3, 333.7)
# resource.calendar.plan_hours(hours, start, compute_leaves=True) for each of
# HOURS, recorded on Odoo 19.0 with the calendar of shanghai_intervals().
PLAN_HOURS = {
    "2026-09-29T01:00:00": (
        "2026-09-29T01:29:00",
        "2026-09-29T01:30:00",
        "2026-09-29T01:31:00",
        "2026-09-29T03:00:00",
        "2026-09-29T06:00:00",
        "2026-10-08T10:00:00",
        "2026-09-29T01:20:00",
        "2026-10-08T10:00:00",
        "2026-10-21T06:06:00",
        "2026-10-15T03:40:00",
        "2026-12-01T07:42:00",
    ),
    "2026-09-30T08:00:00": (
        "2026-09-30T08:29:00",
        "2026-09-30T08:30:00",
        "2026-09-30T08:31:00",
        "2026-09-30T10:00:00",
        "2026-10-08T03:00:00",
        "2026-10-10T08:00:00",
        "2026-09-30T08:20:00",
        "2026-10-10T08:00:00",
        "2026-10-23T03:06:00",
        "2026-10-19T01:40:00",
        "2026-12-03T05:42:00",
    ),
    "2026-09-30T09:45:00": (
        "2026-10-08T01:14:00",
        "2026-10-08T01:15:00",
        "2026-10-08T01:16:00",
        "2026-10-08T02:45:00",
        "2026-10-08T05:45:00",
        "2026-10-10T09:45:00",
        "2026-10-08T01:05:00",
        "2026-10-10T09:45:00",
        "2026-10-23T05:51:00",
        "2026-10-19T03:25:00",
        "2026-12-03T07:27:00",
    ),
    "2026-10-03T02:00:00": (
        "2026-10-08T01:29:00",
        "2026-10-08T01:30:00",
        "2026-10-08T01:31:00",
        "2026-10-08T03:00:00",
        "2026-10-08T06:00:00",
        "2026-10-10T10:00:00",
        "2026-10-08T01:20:00",
        "2026-10-10T10:00:00",
        "2026-10-23T06:06:00",
        "2026-10-19T03:40:00",
        "2026-12-03T07:42:00",
    ),
    "2026-10-09T09:30:00": (
        "2026-10-09T09:59:00",
        "2026-10-09T10:00:00",
        "2026-10-10T01:01:00",
        "2026-10-10T02:30:00",
        "2026-10-10T05:30:00",
        "2026-10-13T09:30:00",
        "2026-10-09T09:50:00",
        "2026-10-13T09:30:00",
        "2026-10-27T05:36:00",
        "2026-10-21T03:10:00",
        "2026-12-07T07:12:00",
    ),
    "2026-10-10T00:00:00": (
        "2026-10-10T01:29:00",
        "2026-10-10T01:30:00",
        "2026-10-10T01:31:00",
        "2026-10-10T03:00:00",
        "2026-10-10T06:00:00",
        "2026-10-13T10:00:00",
        "2026-10-10T01:20:00",
        "2026-10-13T10:00:00",
        "2026-10-27T06:06:00",
        "2026-10-21T03:40:00",
        "2026-12-07T07:42:00",
    ),
    "2026-10-10T03:59:00": (
        "2026-10-10T05:28:00",
        "2026-10-10T05:29:00",
        "2026-10-10T05:30:00",
        "2026-10-10T06:59:00",
        "2026-10-10T08:59:00",
        "2026-10-14T03:59:00",
        "2026-10-10T05:19:00",
        "2026-10-14T03:59:00",
        "2026-10-27T09:05:00",
        "2026-10-21T07:39:00",
        "2026-12-08T01:41:00",
    ),
    "2026-10-11T02:00:00": (
        "2026-10-12T01:29:00",
        "2026-10-12T01:30:00",
        "2026-10-12T01:31:00",
        "2026-10-12T03:00:00",
        "2026-10-12T06:00:00",
        "2026-10-14T10:00:00",
        "2026-10-12T01:20:00",
        "2026-10-14T10:00:00",
        "2026-10-28T06:06:00",
        "2026-10-22T03:40:00",
        "2026-12-08T07:42:00",
    ),
    "2026-10-12T01:00:00": (
        "2026-10-12T01:29:00",
        "2026-10-12T01:30:00",
        "2026-10-12T01:31:00",
        "2026-10-12T03:00:00",
        "2026-10-12T06:00:00",
        "2026-10-14T10:00:00",
        "2026-10-12T01:20:00",
        "2026-10-14T10:00:00",
        "2026-10-28T06:06:00",
        "2026-10-22T03:40:00",
        "2026-12-08T07:42:00",
    ),
    "2026-10-12T02:31:00": (
        "2026-10-12T03:00:00",
        "2026-10-12T03:01:00",
        "2026-10-12T03:02:00",
        "2026-10-12T05:31:00",
        "2026-10-12T07:31:00",
        "2026-10-15T02:31:00",
        "2026-10-12T02:51:00",
        "2026-10-15T02:31:00",
        "2026-10-28T07:37:00",
        "2026-10-22T06:11:00",
        "2026-12-08T09:13:00",
    ),
    "2026-10-14T04:30:00": (
        "2026-10-14T05:29:00",
        "2026-10-14T05:30:00",
        "2026-10-14T05:31:00",
        "2026-10-14T07:00:00",
        "2026-10-14T09:00:00",
        "2026-10-19T04:00:00",
        "2026-10-14T05:20:00",
        "2026-10-19T04:00:00",
        "2026-10-30T09:06:00",
        "2026-10-26T07:40:00",
        "2026-12-11T01:42:00",
    ),
    "2026-10-16T10:00:00": (
        "2026-10-19T01:29:00",
        "2026-10-19T01:30:00",
        "2026-10-19T01:31:00",
        "2026-10-19T03:00:00",
        "2026-10-19T06:00:00",
        "2026-10-21T10:00:00",
        "2026-10-19T01:20:00",
        "2026-10-21T10:00:00",
        "2026-11-04T06:06:00",
        "2026-10-29T03:40:00",
        "2026-12-15T07:42:00",
    ),
    "2026-10-19T02:17:13": (
        "2026-10-19T02:46:13",
        "2026-10-19T02:47:13",
        "2026-10-19T02:48:13",
        "2026-10-19T05:17:13",
        "2026-10-19T07:17:13",
        "2026-10-22T02:17:13",
        "2026-10-19T02:37:13",
        "2026-10-22T02:17:13",
        "2026-11-04T07:23:13",
        "2026-10-29T05:57:13",
        "2026-12-15T08:59:13",
    ),
}


def shanghai_intervals(first, last):
    """Asia/Shanghai (UTC+8) 9:00-12:00 and 13:00-18:00, Monday to Friday; the
    National Day holiday 1-7 October 2026; Saturday 10 October 2026 a make-up
    working day (调休) with Monday's hours. Naive UTC, as the planner takes them."""
    holiday = (date(2026, 10, 1), date(2026, 10, 7))
    intervals = []
    day = first
    while day <= last:
        working = day.weekday() < 5 or day == date(2026, 10, 10)
        if working and not holiday[0] <= day <= holiday[1]:
            for begin, end in ((9, 12), (13, 18)):
                base = datetime.combine(day, datetime.min.time()) - timedelta(hours=8)
                intervals.append((base + timedelta(hours=begin), base + timedelta(hours=end)))
        day += timedelta(days=1)
    return intervals


@pytest.mark.parametrize("start", sorted(PLAN_HOURS))
def test_planned_instants_equal_plan_hours(worktime, start):
    """#14 P2: one walk over intervals fetched once gives what plan_hours gives
    (holiday, make-up Saturday, weekend, lunch, the 29/30/31-minute edges, and
    plans crossing plan_hours's fourteen-day windows)."""
    until = datetime(2027, 2, 1)
    work = worktime.WorkIntervals(shanghai_intervals(date(2026, 9, 20), until.date()), until)
    got = work.plan(datetime.fromisoformat(start), list(HOURS))
    assert got == [datetime.fromisoformat(value) for value in PLAN_HOURS[start]]


def test_plan_asks_for_more_intervals_when_they_run_out(worktime):
    until = datetime(2026, 10, 20)
    work = worktime.WorkIntervals(shanghai_intervals(date(2026, 10, 12), until.date()), until)
    assert work.plan(datetime(2026, 10, 12, 1, 0), [2.0]) == [datetime(2026, 10, 12, 3, 0)]
    with pytest.raises(worktime.NotCovered):
        work.plan(datetime(2026, 10, 12, 1, 0), [2.0, 100.0])


def test_an_interval_cut_by_the_fetch_is_not_trusted(worktime):
    # The fetch ended at 11:00 local, inside the morning: the rest of it is unknown.
    until = datetime(2026, 10, 12, 3, 0)
    work = worktime.WorkIntervals([(datetime(2026, 10, 12, 1, 0), until)], until)
    assert work.plan(datetime(2026, 10, 12, 1, 0), [1.5]) == [datetime(2026, 10, 12, 2, 30)]
    with pytest.raises(worktime.NotCovered):
        work.plan(datetime(2026, 10, 12, 1, 0), [2.5])


def test_no_working_time_within_a_hundred_windows_gives_none(worktime):
    start = datetime(2026, 10, 12, 1, 0)
    until = start + worktime.HORIZON
    work = worktime.WorkIntervals([], until)
    assert work.plan(start, [1.0, None]) == [None, None]
