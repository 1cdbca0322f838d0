"""The working day of seed 003 第二篇 3 (考勤管理制度) as plain Python: shifts and
punches, late and early minutes (3(8) 遲到早退), missed punches (3(5) 漏打卡),
absence (3(8) 曠工) and its flags for HR (PRC_RULES §9: flag, never dismiss)."""

from datetime import date, datetime, timedelta

import pytest


@pytest.fixture
def att(rules):
    return rules("cs_attendance", "attendance")


def seed_policy(att, **changes):
    """The seed's figures, as the company settings ship them."""
    values = {
        "tolerance_minutes": 10,
        "absence_minutes": 30,
        "pay_rule": att.PAY_MINUTES,
        "missed_punch_quota": 3,
        "absence_consecutive_days": 3,
        "absence_window_count": 6,
        "absence_window_months": 3,
    }
    values.update(changes)
    return att.Policy(**values)


def at(text):
    return datetime.fromisoformat(text)


def worked(att, day, late=0, early=0):
    """A working day punched in ``late`` minutes late and out ``early`` early."""
    start, end = att.shift_window(day, 8.5, 16.5)
    punches = [start + timedelta(minutes=late), end - timedelta(minutes=early)]
    return att.evaluate_day([(start, end)], punches, seed_policy(att).absence_minutes)


# Shifts and punches -------------------------------------------------------


def test_night_shift_crosses_midnight_and_belongs_to_its_start_date(att):
    """Seed 第二篇 3(2)(3): punches at the start and end of the shift. Edge: the
    night shift 16:30-08:30 ends the next day but is the start date's shift."""
    start, end = att.shift_window(date(2026, 3, 5), 16.5, 8.5)
    assert (start, end) == (at("2026-03-05 16:30"), at("2026-03-06 08:30"))
    assert att.crosses_midnight(16.5, 8.5) and not att.crosses_midnight(8.5, 16.5)
    windows = [
        (date(2026, 3, 5), start, end),
        (date(2026, 3, 6), *att.shift_window(date(2026, 3, 6), 16.5, 8.5)),
    ]
    assigned, unassigned = att.assign_punches(
        [at("2026-03-06 08:20"), at("2026-03-05 16:41")], windows, margin_hours=4
    )
    assert assigned == {date(2026, 3, 5): [at("2026-03-05 16:41"), at("2026-03-06 08:20")]}
    assert unassigned == []


def test_night_shift_1641_in_0820_out_is_11_late_and_10_early(att):
    """Seed 第二篇 3(8) 遲到早退. Edge: lateness measured across midnight."""
    start, end = att.shift_window(date(2026, 3, 5), 16.5, 8.5)
    punches = [at("2026-03-05 16:41"), at("2026-03-06 08:20")]
    result = att.evaluate_day([(start, end)], punches, absence_minutes=30)
    assert (result.late_minutes, result.early_minutes) == (11, 10)
    assert not result.missing_punch and not result.over_absence_limit


def test_punch_far_from_every_shift_is_worked_outside_the_schedule(att):
    """Seed 第二篇 3(3). Edge: a punch more than the margin away from any shift
    (a rest-day visit) belongs to no shift."""
    windows = [(date(2026, 3, 5), *att.shift_window(date(2026, 3, 5), 8.5, 16.5))]
    assigned, unassigned = att.assign_punches(
        [at("2026-03-05 08:31"), at("2026-03-05 21:00")], windows, margin_hours=4
    )
    assert assigned == {date(2026, 3, 5): [at("2026-03-05 08:31")]}
    assert unassigned == [at("2026-03-05 21:00")]


def test_seconds_do_not_make_a_minute_late(att):
    """Seed 第二篇 3(8). Edge: 08:30:59 is on time, 08:31:00 is one minute late."""
    assert att.late_minutes(at("2026-03-05 08:30"), at("2026-03-05 08:30:59")) == 0
    assert att.late_minutes(at("2026-03-05 08:30"), at("2026-03-05 08:31")) == 1
    assert att.early_minutes(at("2026-03-05 16:30"), at("2026-03-05 16:29:01")) == 0
    assert att.early_minutes(at("2026-03-05 16:30"), at("2026-03-05 16:35")) == 0


def test_half_day_leave_moves_the_scheduled_start(att):
    """Seed 第二篇 3(6) with leave. Edge: a morning's leave; the afternoon starts
    after lunch and only its start counts for lateness."""
    schedule = [(at("2026-03-05 08:30"), at("2026-03-05 12:00"))] + [
        (at("2026-03-05 13:00"), at("2026-03-05 17:30"))
    ]
    remaining = att.subtract_intervals(schedule, [(at("2026-03-05 08:30"), at("2026-03-05 12:00"))])
    assert remaining == [(at("2026-03-05 13:00"), at("2026-03-05 17:30"))]
    result = att.evaluate_day(remaining, [at("2026-03-05 13:05"), at("2026-03-05 17:31")], 30)
    assert (result.late_minutes, result.early_minutes) == (5, 0)
    assert att.subtract_intervals(schedule, [(schedule[0][0], schedule[1][1])]) == []


# Late and early: the monthly tolerance and the 30 minutes ------------------


def test_30_minutes_late_is_not_absence_31_is(att):
    """Seed 第二篇 3(8) 遲到或早退超過半小時的，按照曠工一天處理. Edge: 29, 30, 31."""
    for minutes, over in ((29, False), (30, False), (31, True)):
        assert worked(att, date(2026, 3, 5), late=minutes).over_absence_limit is over
        assert worked(att, date(2026, 3, 5), early=minutes).over_absence_limit is over


def facts(att, results, first=date(2026, 2, 23)):
    return [
        att.DayFacts(
            day=first + timedelta(days=i),
            working=True,
            late_minutes=r.late_minutes,
            early_minutes=r.early_minutes,
            punch_count=r.punch_count,
        )
        for i, r in enumerate(results)
    ]


def test_ten_minutes_a_month_are_tolerated_eleven_are_deducted(att):
    """Seed 第二篇 3(8) 當月遲到或早退累計超過10分鐘. Edge: 10 in total is not
    deducted; 11 in total is deducted in full (the time missed, as the law wants)."""
    policy = seed_policy(att)
    ten = att.evaluate_period(
        facts(
            att, [worked(att, date(2026, 2, 23), late=4), worked(att, date(2026, 2, 24), early=6)]
        ),
        policy,
    )
    assert [o.deduct_minutes for o in ten] == [0, 0]
    eleven = att.evaluate_period(
        facts(
            att, [worked(att, date(2026, 2, 23), late=5), worked(att, date(2026, 2, 24), early=6)]
        ),
        policy,
    )
    assert [o.deduct_minutes for o in eleven] == [5, 6]
    assert not any(o.absent or o.absent_discipline for o in eleven)


def test_seed_deducts_by_the_started_hour(att):
    """Seed 第二篇 3(8) 按相應時數扣除工資. Edge: 11 minutes in the month cost an
    hour; 61 cost two."""
    policy = seed_policy(att, pay_rule=att.PAY_STARTED_HOUR)
    eleven = att.evaluate_period(
        facts(
            att, [worked(att, date(2026, 2, 23), late=5), worked(att, date(2026, 2, 24), early=6)]
        ),
        policy,
    )
    assert sum(o.deduct_minutes for o in eleven) == 60
    sixty_one = att.evaluate_period(
        facts(
            att, [worked(att, date(2026, 2, 23), late=25), worked(att, date(2026, 2, 24), late=6)]
        )
        + facts(att, [worked(att, date(2026, 2, 25), late=30)], first=date(2026, 2, 25)),
        policy,
    )
    assert [o.deduct_minutes for o in sixty_one] == [60, 0, 60]


def test_over_30_minutes_is_discipline_absence_pay_follows_the_policy(att):
    """Seed 第二篇 3(8) 超過半小時 = 曠工一天; PRC_RULES §9 deduct only the time
    missed. Edge: 31 minutes late is a day's absence for discipline; the pay
    deduction is 31 minutes by default and a whole day only by the company's choice."""
    day = facts(att, [worked(att, date(2026, 3, 2), late=31)])
    by_minutes = att.evaluate_period(day, seed_policy(att))[0]
    assert by_minutes.absent_discipline and not by_minutes.absent
    assert (by_minutes.deduct_minutes, by_minutes.deduct_days) == (31, 0)
    assert by_minutes.absence_reason == att.REASON_LATE_EARLY
    by_hour = att.evaluate_period(day, seed_policy(att, pay_rule=att.PAY_STARTED_HOUR))[0]
    assert (by_hour.deduct_minutes, by_hour.deduct_days) == (60, 0)
    by_day = att.evaluate_period(day, seed_policy(att, pay_rule=att.PAY_DAY))[0]
    assert (by_day.deduct_minutes, by_day.deduct_days) == (0, 1)
    assert by_day.absent_discipline


# Missed punches --------------------------------------------------------------


def missed(att, day, confirmed, punches=1):
    return att.DayFacts(
        day=day, working=True, late_minutes=0, early_minutes=0, punch_count=punches,
        confirmed=confirmed,
    )  # fmt: skip


def test_third_confirmed_missed_punch_is_present_the_fourth_is_absence(att):
    """Seed 第二篇 3(5) 漏打卡: 自第4次未打卡記錄起，直接按照曠工一天處理. Edge: the
    3rd confirmed is present, the 4th confirmed is a day of absence."""
    days = [missed(att, date(2026, 3, n), confirmed=True) for n in (2, 3, 4, 5)]
    outcomes = att.evaluate_period(days, seed_policy(att))
    assert [o.missed_punch_seq for o in outcomes] == [1, 2, 3, 4]
    assert [o.absent for o in outcomes] == [False, False, False, True]
    assert outcomes[3].absence_reason == att.REASON_OVER_QUOTA
    assert outcomes[3].deduct_days == 1 and outcomes[3].absent_discipline


def test_unconfirmed_missed_punch_is_absence_and_takes_no_quota(att):
    """Seed 第二篇 3(5) 無有力證據確認…按曠工處理 and 3(6). Edge: unconfirmed is
    absence (one punch or none) and does not use up the quota."""
    days = [
        missed(att, date(2026, 3, 2), confirmed=False),
        missed(att, date(2026, 3, 3), confirmed=False, punches=0),
        missed(att, date(2026, 3, 4), confirmed=True),
        missed(att, date(2026, 3, 5), confirmed=True),
        missed(att, date(2026, 3, 6), confirmed=True),
    ]
    outcomes = att.evaluate_period(days, seed_policy(att))
    assert [o.absent for o in outcomes] == [True, True, False, False, False]
    assert [o.absence_reason for o in outcomes[:2]] == [
        att.REASON_MISSED_PUNCH,
        att.REASON_NO_PUNCH,
    ]


def test_proxy_punching_is_absence_whatever_the_punches(att):
    """Seed 第二篇 3(8) 代打卡人和委托代打卡人都將按曠工處理. Edge: a day punched on
    time is still absence."""
    day = att.DayFacts(
        day=date(2026, 3, 2), working=True, late_minutes=0, early_minutes=0, punch_count=2,
        proxy=True,
    )  # fmt: skip
    outcome = att.evaluate_period([day], seed_policy(att))[0]
    assert outcome.absent and outcome.absence_reason == att.REASON_PROXY


def test_rest_day_is_never_absence(att):
    """Seed 第二篇 3(6). Edge: no schedule, no punch: nothing to evaluate."""
    day = att.DayFacts(
        day=date(2026, 3, 7), working=False, late_minutes=0, early_minutes=0, punch_count=0
    )
    outcome = att.evaluate_period([day], seed_policy(att))[0]
    assert not outcome.absent and not outcome.deduct_days


# Absence flags ---------------------------------------------------------------


def workdays(first, last, absent):
    """Monday to Friday from ``first`` to ``last``: ``(day, absent)``."""
    days, day = [], first
    while day <= last:
        if day.weekday() < 5:
            days.append((day, day in absent))
        day += timedelta(days=1)
    return days


def test_three_consecutive_working_days_absent_raise_the_flag(att):
    """Seed 第二篇 3(8) 連續曠工3天以上(含3天). Edge: the weekend between Friday and
    Monday does not break the run; two days do not flag; a day present breaks it."""
    fri, mon, tue = date(2026, 3, 6), date(2026, 3, 9), date(2026, 3, 10)
    span = (date(2026, 3, 2), date(2026, 3, 13))
    flags = att.absence_flags(workdays(*span, {fri, mon, tue}), seed_policy(att))
    assert flags == {tue: att.FLAG_CONSECUTIVE}
    assert att.absence_flags(workdays(*span, {fri, mon}), seed_policy(att)) == {}
    broken = workdays(*span, {fri, tue, date(2026, 3, 11)})
    assert att.absence_flags(broken, seed_policy(att)) == {}


def test_six_absences_within_three_months_flag_five_do_not(att):
    """Seed 第二篇 3(8) 3個月內累計曠工6日(含)以上. Edge: 5 do not flag; the 6th
    within three months does; 6 spread over more than three months do not."""
    span = (date(2026, 1, 1), date(2026, 4, 30))
    five = {date(2026, 1, 5), date(2026, 1, 20), date(2026, 2, 3), date(2026, 2, 17)}
    five.add(date(2026, 3, 2))
    assert att.absence_flags(workdays(*span, five), seed_policy(att)) == {}
    six = workdays(*span, five | {date(2026, 4, 3)})
    assert att.absence_flags(six, seed_policy(att)) == {date(2026, 4, 3): att.FLAG_WINDOW}
    late_sixth = workdays(*span, five | {date(2026, 4, 6)})
    assert att.absence_flags(late_sixth, seed_policy(att)) == {}


def test_window_months_and_counts_are_the_policy(att):
    """Seed 第二篇 3(8). Edge: a company counting 5 within 2 months."""
    absent = {date(2026, 3, d) for d in (2, 9, 16, 23, 30)}
    days = workdays(date(2026, 3, 1), date(2026, 3, 31), absent)
    policy = seed_policy(att, absence_window_count=5, absence_window_months=2)
    assert att.absence_flags(days, policy) == {date(2026, 3, 30): att.FLAG_WINDOW}
    assert att.absence_flags(days, seed_policy(att)) == {}


# Periods and punch files -------------------------------------------------------


def test_attendance_period_runs_from_the_21st_to_the_20th(att):
    """Seed 第二篇 5 (period 21st-20th). Edge: the 20th and the 21st; December."""
    assert att.period_bounds(date(2026, 3, 20), 21) == (date(2026, 2, 21), date(2026, 3, 20))
    assert att.period_bounds(date(2026, 3, 21), 21) == (date(2026, 3, 21), date(2026, 4, 20))
    assert att.period_bounds(date(2026, 12, 25), 21) == (date(2026, 12, 21), date(2027, 1, 20))
    assert att.period_bounds(date(2026, 2, 14), 1) == (date(2026, 2, 1), date(2026, 2, 28))
    assert att.months_before(date(2026, 5, 31), 3) == date(2026, 2, 28)


def test_punch_rows_name_every_bad_line(att):
    """Seed 第二篇 4(2) 考勤機導出考勤表. Edge: an empty badge, a timestamp that is
    not one, a year out of range; the good rows parse."""
    rows = [
        (2, "A001", "2026-03-05 08:25:00"),
        (3, "", "2026-03-05 08:26:00"),
        (4, "A002", "yesterday"),
        (5, "A003", "1999-03-05 08:30"),
        (6, "A004", datetime(2026, 3, 5, 16, 31)),
        (7, "A005", "2026/03/05 16:35"),
    ]
    punches, errors = att.read_punch_rows(rows, 2000, 2100, badge_max=64)
    assert [(p.line, p.badge, p.stamp) for p in punches] == [
        (2, "A001", at("2026-03-05 08:25")),
        (6, "A004", at("2026-03-05 16:31")),
        (7, "A005", at("2026-03-05 16:35")),
    ]
    assert errors == [
        (3, att.ERROR_BADGE_MISSING, ""),
        (4, att.ERROR_TIMESTAMP, "yesterday"),
        (5, att.ERROR_YEAR, "1999-03-05 08:30"),
    ]
    assert att.read_punch_rows([(2, "x" * 65, "2026-03-05 08:25")], 2000, 2100, 64)[1] == [
        (2, att.ERROR_BADGE_TOO_LONG, "x" * 65)
    ]


# Overtime, exception forms and protection (seed 第二篇 3(4)(5), 5; PRC_RULES §1, §5) ---


@pytest.fixture
def ot(rules):
    return rules("cs_attendance", "overtime")


def test_statutory_holiday_wins_over_the_schedule(ot):
    """劳动法 art.44: a rostered team working on a statutory holiday works a holiday;
    a make-up working day is a working day; any other day off is a rest day."""
    assert ot.day_kind(True, True) == ot.DAY_HOLIDAY
    assert ot.day_kind(False, True) == ot.DAY_WORKING
    assert ot.day_kind(False, False) == ot.DAY_REST


def test_overtime_of_the_period_is_filed_by_the_21st(ot):
    """Seed 5(2) 每月21號下班前: the period ending on the 20th is filed by the 21st."""
    assert ot.filing_deadline(date(2026, 3, 20), 1) == date(2026, 3, 21)


def test_missed_punch_is_filed_by_the_next_friday_1700(ot):
    """Seed 3(5) 每周五17:00前: Saturday to Friday; Friday's own by the next Friday."""
    assert ot.weekly_deadline(date(2026, 3, 2), 4, 17.0) == at("2026-03-06 17:00")
    assert ot.weekly_deadline(date(2026, 3, 6), 4, 17.0) == at("2026-03-13 17:00")
    assert ot.weekly_deadline(date(2026, 3, 7), 4, 17.0) == at("2026-03-13 17:00")


def test_trip_is_filed_by_the_day_back(ot):
    """Seed 3(4) 在事畢到崗當日: the first working day after a trip; an outing's own day."""
    working = [date(2026, 3, 9), date(2026, 3, 10)]
    assert ot.day_back(date(2026, 3, 6), False, working) == date(2026, 3, 9)
    assert ot.day_back(date(2026, 3, 6), True, working) == date(2026, 3, 6)


def test_protection_from_the_7th_month_and_while_nursing(ot):
    """女职工劳动保护特别规定 art.6 from 28 weeks (12 before the due date), art.9
    until the child's first birthday (29 February born: 28 February)."""
    due = date(2026, 5, 1)
    assert ot.protection(due - timedelta(weeks=12), due) == ot.PROTECTED_PREGNANCY
    assert ot.protection(due - timedelta(weeks=12, days=1), due) is None
    born = date(2024, 2, 29)
    assert ot.protection(date(2025, 2, 27), births=[born]) == ot.PROTECTED_NURSING
    assert ot.protection(date(2025, 2, 28), births=[born]) is None


def test_night_shift_is_work_between_22_and_6(ot):
    assert ot.is_night_shift(16.5, 8.5)
    assert ot.is_night_shift(5.0, 13.0)
    assert not ot.is_night_shift(8.5, 16.5)
    assert not ot.is_night_shift(6.0, 22.0)


def test_caps_of_article_41(ot):
    """3 hours a working day (extensions only), 36 hours a month of every kind."""
    assert ot.cap_breaches(ot.DAY_WORKING, 2, 1, 0, 3, 36) == []
    assert ot.cap_breaches(ot.DAY_WORKING, 2, 1.5, 0, 3, 36) == [(ot.CAP_DAY, 3, 3.5)]
    assert ot.cap_breaches(ot.DAY_REST, 8, 0, 28, 3, 36) == []
    assert ot.cap_breaches(ot.DAY_REST, 8, 0, 29, 3, 36) == [(ot.CAP_MONTH, 36, 37)]


def test_time_off_in_lieu_expires_the_day_before_the_same_date(ot):
    assert ot.lieu_expiry(date(2026, 3, 7), 6) == date(2026, 9, 6)
    assert ot.lieu_expiry(date(2026, 8, 31), 6) == date(2027, 2, 27)


def test_overlap_hours(ot):
    span = (at("2026-05-01 09:00"), at("2026-05-01 17:00"))
    punched = [
        (at("2026-05-01 08:55"), at("2026-05-01 12:00")),
        (at("2026-05-01 13:00"), at("2026-05-01 18:00")),
    ]
    assert ot.overlap_hours(span, punched) == 7.0
