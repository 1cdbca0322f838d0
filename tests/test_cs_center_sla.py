"""SLA policy selection and breach edges (seed 001 服务质量标准)."""

from datetime import datetime

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
