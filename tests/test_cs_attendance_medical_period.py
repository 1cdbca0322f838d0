"""The medical treatment period (医疗期) of 劳部发〔1994〕479号 arts.3-4, counted as
劳部发〔1995〕236号 item 1 says: cumulatively from the first sick day, rest days and
holidays included (PRC_RULES.md §8)."""

from datetime import date, timedelta

import pytest

SICK_DAY = date(2026, 3, 2)


@pytest.fixture
def mp(rules):
    return rules("cs_attendance", "medical_period")


def years_before(day, years, minus_days=0):
    """The date ``years`` whole years before ``day``, then ``minus_days`` later:
    the edge of a band (9 y 364 d is ``years_before(day, 10, 1)``)."""
    return date(day.year - years, day.month, day.day) + timedelta(days=minus_days)


# (career start, joined, period months, window months) for a first sick day on SICK_DAY.
TABLE_EDGES = [
    # 479号 art.3(1): under 10 years of work, under 5 with the employer: 3 months in 6.
    (years_before(SICK_DAY, 10, 1), years_before(SICK_DAY, 5, 1), 3, 6),
    # ... 5 years or more with the employer ("五年以上" includes the fifth): 6 months in 12.
    (years_before(SICK_DAY, 10, 1), years_before(SICK_DAY, 5), 6, 12),
    # art.3(2): 10 years of work or more ("十年以上" includes the tenth), under 5 with us.
    (years_before(SICK_DAY, 10), years_before(SICK_DAY, 5, 1), 6, 12),
    (years_before(SICK_DAY, 30), years_before(SICK_DAY, 5), 9, 15),
    (years_before(SICK_DAY, 30), years_before(SICK_DAY, 10, 1), 9, 15),
    (years_before(SICK_DAY, 30), years_before(SICK_DAY, 10), 12, 18),
    (years_before(SICK_DAY, 30), years_before(SICK_DAY, 15, 1), 12, 18),
    (years_before(SICK_DAY, 30), years_before(SICK_DAY, 15), 18, 24),
    (years_before(SICK_DAY, 30), years_before(SICK_DAY, 20, 1), 18, 24),
    (years_before(SICK_DAY, 30), years_before(SICK_DAY, 20), 24, 30),
]


@pytest.mark.parametrize(("career_start", "joined", "months", "window"), TABLE_EDGES)
def test_every_row_of_the_table_at_its_edges(mp, career_start, joined, months, window):
    """479号 art.3 (period by years of work and years with the employer) and art.4
    (the window it must be used in), on either side of each band's anniversary."""
    period = mp.running_period([(SICK_DAY, SICK_DAY)], SICK_DAY, career_start, joined)
    assert (period.period_months, period.window_months) == (months, window)
    assert period.period_days == months * mp.DAYS_PER_MONTH


def test_9_years_364_days_of_work_is_under_10_and_the_anniversary_is_10(mp):
    """479号 art.3: years of work are whole years reached on each anniversary."""
    assert mp.completed_years(date(2016, 3, 3), SICK_DAY) == 9
    assert mp.completed_years(date(2016, 3, 2), SICK_DAY) == 10
    # Born on 29 February: the year is complete on 1 March in a common year.
    assert mp.completed_years(date(2020, 2, 29), date(2021, 2, 28)) == 0
    assert mp.completed_years(date(2020, 2, 29), date(2021, 3, 1)) == 1
    assert mp.completed_years(date(2027, 1, 1), SICK_DAY) == 0


def test_more_years_with_the_employer_than_of_work_count_as_work(mp):
    """479号 art.3: the years with this employer are years of work too (a first-work
    date later than the joining date is a typing error, not fewer years)."""
    assert mp.entitlement(0, 12) == (12, 18)
    period = mp.running_period(
        [(SICK_DAY, SICK_DAY)], SICK_DAY, date(2025, 1, 1), years_before(SICK_DAY, 12)
    )
    assert (period.career_years, period.company_years) == (12, 12)
    assert (period.period_months, period.window_months) == (12, 18)


def test_the_window_of_the_statutes_own_example(mp):
    """236号 item 1: three months' period, first sick day 5 March 1995: the period is
    reckoned between 5 March and 5 September."""
    joined = date(1993, 1, 1)
    period = mp.running_period(
        [(date(1995, 3, 5), date(1995, 3, 10))], date(1995, 3, 10), joined, joined
    )
    assert period.period_months == 3
    assert period.first_sick_day == date(1995, 3, 5)
    assert period.window_end == date(1995, 9, 5)
    assert period.used_days == 6


def test_rest_days_and_holidays_in_a_sick_leave_count(mp):
    """236号 item 2: rest days and holidays during the sick leave are included: a
    leave from Friday to the next Sunday is 10 calendar days."""
    joined = date(2024, 1, 1)
    period = mp.running_period(
        [(date(2026, 3, 6), date(2026, 3, 15))], date(2026, 3, 15), joined, joined
    )
    assert period.used_days == 10
    assert period.remaining_days == 90 - 10


def test_a_weekend_between_two_sick_leaves_counts(mp):
    """236号 item 2: sick on Friday and again on Monday, the weekend between is part of
    the sickness; a working day in between breaks it."""
    joined = date(2024, 1, 1)
    spans = [(date(2026, 3, 6), date(2026, 3, 6)), (date(2026, 3, 9), date(2026, 3, 9))]
    weekend = {date(2026, 3, 7), date(2026, 3, 8)}
    assert mp.running_period(spans, date(2026, 3, 9), joined, joined, weekend).used_days == 4
    only_sunday = {date(2026, 3, 8)}
    assert mp.running_period(spans, date(2026, 3, 9), joined, joined, only_sunday).used_days == 2


def test_the_day_the_period_ends_and_the_day_after(mp):
    """479号 arts.3-4, 236号 item 1: 3 months (90 days) from 5 January, sick without a
    break: the 90th day (4 April) is the last day of the period; on 5 April it is over."""
    joined = date(2024, 1, 1)
    spans = [(date(2026, 1, 5), date(2026, 6, 30))]
    last = mp.running_period(spans, date(2026, 4, 4), joined, joined)
    assert (last.used_days, last.remaining_days) == (90, 0)
    assert last.exhausts_on == last.ends_on == date(2026, 4, 4)
    assert last.state == mp.RUNNING
    after = mp.running_period(spans, date(2026, 4, 5), joined, joined)
    assert after.state == mp.EXHAUSTED
    assert after.exhausts_on == date(2026, 4, 4)
    assert after.remaining_days == 0
    assert after.used_days == 91


def test_the_end_is_projected_as_if_the_sickness_went_on(mp):
    """479号 art.4: 20 days used by 24 January leave 70; off sick every day from the
    25th, the period would end on 4 April, inside its window."""
    joined = date(2024, 1, 1)
    period = mp.running_period(
        [(date(2026, 1, 5), date(2026, 1, 24))], date(2026, 2, 10), joined, joined
    )
    assert (period.used_days, period.remaining_days) == (20, 70)
    assert period.exhausts_on == date(2026, 2, 10) + timedelta(days=70)
    assert period.ends_on == period.exhausts_on
    assert period.state == mp.RUNNING


def test_days_that_cannot_run_out_before_the_window_closes(mp):
    """479号 art.4: the period must be used within its window: when the remaining days
    cannot be used before the window ends, the period ends with the window."""
    joined = date(2024, 1, 1)
    spans = [(date(2026, 1, 5), date(2026, 1, 14))]
    period = mp.running_period(spans, date(2026, 6, 1), joined, joined)
    assert period.window_end == date(2026, 7, 5)
    assert period.exhausts_on is None
    assert period.ends_on == date(2026, 7, 5)


def test_a_sickness_after_the_window_starts_a_new_period(mp):
    """479号 art.4, 236号 item 1: the count restarts with the first sick day after the
    window: days of the old window are not carried into the new one."""
    joined = date(2024, 1, 1)
    spans = [(date(2026, 1, 5), date(2026, 2, 3)), (date(2026, 7, 6), date(2026, 7, 7))]
    assert mp.running_period(spans, date(2026, 7, 5), joined, joined).used_days == 30
    assert mp.running_period(spans, date(2026, 7, 6), joined, joined) is not None
    new = mp.running_period(spans, date(2026, 7, 7), joined, joined)
    assert new.first_sick_day == date(2026, 7, 6)
    assert new.used_days == 2
    # Between the windows nothing runs.
    spans = [(date(2026, 1, 5), date(2026, 2, 3))]
    assert mp.running_period(spans, date(2026, 7, 6), joined, joined) is None


def test_the_last_day_of_the_window_still_counts(mp):
    """236号 item 1: the window of the example includes 5 September."""
    joined = date(2024, 1, 1)
    spans = [(date(2026, 1, 5), date(2026, 1, 5)), (date(2026, 7, 5), date(2026, 7, 5))]
    period = mp.running_period(spans, date(2026, 7, 5), joined, joined)
    assert period.first_sick_day == date(2026, 1, 5)
    assert period.used_days == 2


def test_the_entitlement_is_set_on_the_first_sick_day(mp):
    """479号 arts.3-4, 236号 item 1: the period is reckoned from the first sick day;
    an anniversary during the sickness does not lengthen it."""
    career = date(2016, 3, 10)  # ten years of work on 10 March 2026
    joined = date(2024, 1, 1)
    period = mp.running_period(
        [(date(2026, 3, 2), date(2026, 3, 31))], date(2026, 3, 31), career, joined
    )
    assert (period.career_years, period.period_months) == (9, 3)


def test_no_sick_day_yet_no_period(mp):
    """479号 art.4: the period starts with the first sick day: none before it."""
    joined = date(2024, 1, 1)
    assert mp.running_period([], SICK_DAY, joined, joined) is None
    assert (
        mp.running_period([(date(2026, 4, 1), date(2026, 4, 2))], SICK_DAY, joined, joined) is None
    )


def test_without_dates_the_shortest_period_applies(mp):
    """479号 art.3: unknown years of work count as none; the form flags the missing date."""
    period = mp.running_period([(SICK_DAY, SICK_DAY)], SICK_DAY, None, None)
    assert (period.career_years, period.company_years, period.period_months) == (0, 0, 3)


def test_gaps_between_sick_leaves(mp):
    """The days between two sick leaves, for the caller to ask which are rest days."""
    spans = [
        (date(2026, 3, 9), date(2026, 3, 9)),
        (date(2026, 3, 6), date(2026, 3, 6)),
        (date(2026, 5, 1), date(2026, 5, 2)),
    ]
    assert mp.gaps(spans, 15) == [(date(2026, 3, 7), date(2026, 3, 8))]
