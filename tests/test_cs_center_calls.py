"""Answering within three rings and repeat callers."""

from datetime import datetime

import pytest


@pytest.fixture
def calls(rules):
    return rules("cs_center", "calls")


@pytest.mark.parametrize(
    ("seconds", "expected"), [(0, 0), (1, 1), (5, 1), (6, 2), (15, 3), (16, 4)]
)
def test_rings_count_a_started_ring(calls, seconds, expected):
    assert calls.rings(seconds, 5) == expected


def test_third_ring_is_in_time_fourth_is_not(calls):
    assert calls.answered_in_time(15, 5, 3)
    assert not calls.answered_in_time(16, 5, 3)


def test_ring_length_must_be_positive(calls):
    with pytest.raises(ValueError):
        calls.rings(10, 0)


def test_repeat_caller_inside_the_window(calls):
    now = datetime(2026, 3, 9, 10, 0)
    assert calls.is_repeat(now, [datetime(2026, 3, 2, 10, 0)], 7)
    assert not calls.is_repeat(now, [datetime(2026, 3, 2, 9, 59)], 7)
    assert not calls.is_repeat(now, [], 7)


def test_repeat_window_edge_is_inclusive(calls):
    now = datetime(2026, 3, 9, 10, 0)
    assert calls.is_repeat(now, [datetime(2026, 3, 6, 10, 0)], 3)
    assert not calls.is_repeat(now, [datetime(2026, 3, 6, 9, 59, 59)], 3)


def test_a_later_call_does_not_make_an_earlier_one_a_repeat(calls):
    first = datetime(2026, 3, 2, 10, 0)
    assert not calls.is_repeat(first, [datetime(2026, 3, 3, 10, 0)], 7)


@pytest.mark.parametrize(
    ("phone", "key"),
    [
        ("139 0731 8888", "13907318888"),
        ("+86 139-0731-8888", "13907318888"),
        ("0086 13907318888", "13907318888"),
        ("0731-8888 0000", "073188880000"),
        ("12345", "12345"),
        (False, ""),
    ],
)
def test_phone_key_keeps_the_digits_without_country_code(calls, phone, key):
    assert calls.phone_key(phone) == key
