"""Untaken statutory annual leave at the end of the year (职工带薪年休假条例 art.5,
企业职工带薪年休假实施办法 arts.5, 10-12; PRC_RULES.md §3)."""

from datetime import date

import pytest


@pytest.fixture
def ye(rules):
    return rules("cs_attendance", "annual_year_end")


def test_a_whole_year_untaken_is_owed(ye):
    """条例 art.5, 实施办法 art.10: the year's days not taken are paid at 300 %."""
    result = ye.year_end(10, 2026, date(2020, 1, 1), None, granted=10, taken=3)
    assert result.days_at_company == 365
    assert (result.statutory_days, result.statutory_untaken) == (10, 7)
    assert (result.company_days, result.company_untaken) == (0, 0)


def test_a_joiner_gets_the_remaining_days_share_fraction_dropped(ye):
    """实施办法 art.5: joined 1 July 2026 with 10 days a year: 184/365 × 10 = 5.04,
    5 days."""
    result = ye.year_end(10, 2026, date(2026, 7, 1), None, granted=5, taken=0)
    assert result.days_at_company == 184
    assert (result.statutory_days, result.statutory_untaken) == (5, 5)


def test_a_leaver_is_owed_the_share_of_days_elapsed_minus_taken(ye):
    """实施办法 art.12: left on 31 May 2026 with 15 days a year, 2 taken:
    151/365 × 15 − 2 = 4.21, 4 days (fraction dropped)."""
    result = ye.year_end(15, 2026, date(2010, 1, 1), date(2026, 5, 31), granted=15, taken=2)
    assert result.days_at_company == 151
    assert result.statutory_untaken == 4
    assert result.statutory_days == pytest.approx(6.21, abs=0.01)


def test_the_leavers_fraction_is_dropped_after_the_days_taken(ye):
    """实施办法 art.12: the fraction of the reckoned result is not paid: 151/365 × 15
    − 1.5 = 4.71, 4 days."""
    result = ye.year_end(15, 2026, date(2010, 1, 1), date(2026, 5, 31), granted=15, taken=1.5)
    assert result.statutory_untaken == 4


def test_a_leaver_who_took_more_owes_nothing_back(ye):
    """实施办法 art.12: days already taken beyond the share are not clawed back."""
    result = ye.year_end(5, 2026, date(2020, 1, 1), date(2026, 3, 31), granted=5, taken=5)
    assert result.statutory_untaken == 0
    assert result.company_untaken == 0


def test_a_joiner_who_leaves_the_same_year(ye):
    """实施办法 arts.5, 12: days at this employer in the year, 1 March to 30 June
    (122 days) × 10 ÷ 365 = 3.34: 3 days."""
    result = ye.year_end(10, 2026, date(2026, 3, 1), date(2026, 6, 30), granted=8, taken=0)
    assert result.days_at_company == 122
    assert result.statutory_untaken == 3


def test_company_days_above_the_statute_are_shown_apart(ye):
    """实施办法 art.13: better company terms are the company's: 5 statutory + 5 company
    days granted, 7 taken: statutory days taken first, none owed at 300 %; 3 company
    days left, which follow the company's rule."""
    result = ye.year_end(5, 2026, date(2020, 1, 1), None, granted=10, taken=7)
    assert (result.statutory_days, result.company_days) == (5, 5)
    assert (result.statutory_untaken, result.company_untaken) == (0, 3)


def test_less_than_a_year_of_work_owes_nothing(ye):
    """条例 art.2, 实施办法 art.3: under 12 months of continuous work, no annual leave."""
    result = ye.year_end(0, 2026, date(2026, 1, 1), None, granted=0, taken=0)
    assert result.statutory_untaken == 0


def test_a_leap_year_never_gives_more_than_the_years_days(ye):
    """实施办法 art.5 divides by 365: a whole leap year still gives the year's days."""
    assert ye.year_end(5, 2028, date(2020, 1, 1), None, granted=5, taken=0).statutory_days == 5


def test_untaken_pay_is_300_percent_of_the_daily_wage(ye):
    """实施办法 arts.10-11: daily wage = monthly ÷ 21.75 (劳社部发〔2008〕3号); 300 % of
    it per untaken day, of which the 100 % normal pay is already in the wage: 200 %
    remain to pay."""
    daily, value, due = ye.untaken_pay(4, 8700.0)
    assert daily == pytest.approx(400.0)
    assert value == pytest.approx(4 * 400.0 * 3)
    assert due == pytest.approx(4 * 400.0 * 2)
