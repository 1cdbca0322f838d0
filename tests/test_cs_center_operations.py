"""Shift change-over, quality scoring and the pre-sale notice rules (issue #11)."""

from datetime import date, datetime, timedelta

import pytest


@pytest.fixture
def handover(rules):
    return rules("cs_center", "handover")


@pytest.fixture
def quality(rules):
    return rules("cs_center", "quality")


@pytest.fixture
def presale(rules):
    return rules("cs_center", "presale")


def test_night_shift_ends_next_morning(handover):
    start, end = handover.shift_bounds(date(2026, 3, 2), 16.5, 8.5)
    assert start == datetime(2026, 3, 2, 16, 30)
    assert end == datetime(2026, 3, 3, 8, 30)


def test_day_shift_ends_the_same_day(handover):
    assert handover.shift_bounds(date(2026, 3, 2), 8.5, 16.5)[1] == datetime(2026, 3, 2, 16, 30)


@pytest.mark.parametrize(("hour_from", "hour_to"), [(8, 8), (-1, 8), (8, 24), (24, 8)])
def test_shift_hours_must_be_a_clock_and_differ(handover, hour_from, hour_to):
    assert not handover.hours_valid(hour_from, hour_to)


def test_relief_after_the_change_over_is_late_by_started_minutes(handover):
    change = datetime(2026, 3, 2, 16, 30)
    assert handover.late_minutes(change, change) == 0
    assert handover.late_minutes(change, change - timedelta(minutes=5)) == 0
    assert handover.late_minutes(change, change + timedelta(seconds=1)) == 1
    assert handover.late_minutes(change, change + timedelta(minutes=10)) == 10


def test_grace_minutes_tolerate_a_short_delay_but_count_all_of_a_longer_one(handover):
    change = datetime(2026, 3, 2, 16, 30)
    assert handover.late_minutes(change, change + timedelta(minutes=15), 15) == 0
    assert handover.late_minutes(change, change + timedelta(minutes=16), 15) == 16


def test_full_marks_when_every_standard_is_met(quality):
    results = [("standard", 20, "pass"), ("standard", 80, "pass"), ("forbidden", 0, "pass")]
    assert quality.check_score(results, 0) == 100


def test_missed_standard_loses_its_weight_and_not_applicable_is_left_out(quality):
    results = [("standard", 20, "fail"), ("standard", 60, "pass"), ("standard", 20, "na")]
    assert quality.check_score(results, 0) == 75


def test_forbidden_phrase_caps_the_score(quality):
    results = [("standard", 100, "pass"), ("forbidden", 0, "fail")]
    assert quality.check_score(results, 0) == 0
    assert quality.check_score(results, 59) == 59
    assert quality.forbidden_used(results)
    assert not quality.passed(quality.check_score(results, 59), 80)


def test_period_without_checks_has_no_score(quality):
    assert quality.period_score([]) is None
    assert quality.period_score([100, 0]) == 50


@pytest.mark.parametrize(
    ("pass_mark", "forbidden_max", "problem"),
    [
        (80, 0, None),
        (80, 79, None),
        (80, 80, "forbidden_max"),
        (0, 0, "pass_mark"),
        (101, 0, "pass_mark"),
    ],
)
def test_forbidden_cap_stays_below_the_pass_mark(quality, pass_mark, forbidden_max, problem):
    assert quality.policy_problem(pass_mark, forbidden_max) == problem


def test_two_valid_leads_of_three_are_short(presale):
    assert presale.shortfall(2, 3)
    assert not presale.shortfall(3, 3)


@pytest.mark.parametrize(
    ("hours_ahead", "special", "problem"),
    [
        (25, False, None),
        (24, False, None),
        (10, False, "notice"),
        (10, True, None),
        (2, True, None),
        (1.5, True, "special"),
        (0, True, "past"),
        (-3, False, "past"),
    ],
)
def test_sample_room_notice(presale, hours_ahead, special, problem):
    now = datetime(2026, 3, 2, 9, 0)
    visit = now + timedelta(hours=hours_ahead)
    assert presale.visit_notice_problem(now, visit, special, 24, 2) == problem


def test_presale_policy_bounds(presale):
    assert presale.policy_problem(3, 24, 2) is None
    assert presale.policy_problem(0, 24, 2) == "daily_leads"
    assert presale.policy_problem(3, 0, 0) == "notice"
    assert presale.policy_problem(3, 24, 25) == "special_notice"
