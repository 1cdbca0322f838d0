"""Statutory annual leave not taken by the end of the year, owed at 300 % of the
daily wage (职工带薪年休假条例 art.5; 企业职工带薪年休假实施办法 arts.5, 10-12;
PRC_RULES.md §3). A report for payroll: this module pays nothing.

The days are told apart: the statutory days, owed at 300 % when not taken, and
the days the company grants above the statute, which follow the company's own
rule (实施办法 art.13). Days taken count against the statutory days first.
"""

import math
from datetime import date
from fractions import Fraction
from typing import NamedTuple

# 实施办法 arts.5 and 12 divide by 365, whatever the year's length.
YEAR_DAYS = 365
# 实施办法 art.11: the daily wage is the monthly wage ÷ the month's paid days,
# 21.75 (劳社部发〔2008〕3号).
PAID_DAYS_A_MONTH = 21.75
# 实施办法 art.10: 300 % of the daily wage, the normal wage already paid included.
UNTAKEN_PAY_PCT = 300
NORMAL_PAY_PCT = 100


class YearEnd(NamedTuple):
    days_at_company: int
    # What the statute gives for the employee's time with us this year: whole days
    # for a joiner (art.5), the exact share for a leaver (art.12).
    statutory_days: float
    # Granted above the statutory days (company rule, art.13).
    company_days: float
    statutory_untaken: float
    company_untaken: float


def _days(first, last):
    return (last - first).days + 1


def year_end(tier, year, join_date, leave_date, granted, taken):
    """The statutory and company days of ``year`` and those not taken.

    ``tier`` is the statutory days of a whole year by years of work (5/10/15, 0
    under a year), ``join_date`` the day the employee joined, ``leave_date`` the
    last day of a leaver (None when staying), ``granted`` the annual leave
    granted for the year, ``taken`` the days taken in it."""
    first = max(date(year, 1, 1), join_date)
    last = date(year, 12, 31)
    # Art.5: a joiner gets the remaining calendar days' share, fraction dropped.
    statutory_year = min(tier, math.floor(Fraction(_days(first, last) * tier, YEAR_DAYS)))
    company_days = max(granted - statutory_year, 0)
    if leave_date is not None and leave_date < last:
        # Art.12: days elapsed ÷ 365 × the year's days − days taken; the fraction of
        # a day is not paid, and days taken beyond it are not clawed back.
        last = leave_date
        share = Fraction(_days(first, last) * tier, YEAR_DAYS)
        statutory_days = round(float(share), 2)
        statutory_untaken = max(math.floor(share - Fraction(taken)), 0)
    else:
        statutory_days = statutory_year
        statutory_untaken = max(statutory_year - taken, 0)
    company_taken = max(taken - statutory_year, 0)
    return YearEnd(
        days_at_company=max(_days(first, last), 0),
        statutory_days=statutory_days,
        company_days=company_days,
        statutory_untaken=statutory_untaken,
        company_untaken=max(company_days - company_taken, 0),
    )


def untaken_pay(days, monthly_wage):
    """``(daily wage, value at 300 %, still to pay)`` for ``days`` untaken statutory
    days: the 100 % of normal pay for those days is already in the monthly wage."""
    daily = monthly_wage / PAID_DAYS_A_MONTH
    value = days * daily * UNTAKEN_PAY_PCT / 100
    due = days * daily * (UNTAKEN_PAY_PCT - NORMAL_PAY_PCT) / 100
    return round(daily, 2), round(value, 2), round(due, 2)
