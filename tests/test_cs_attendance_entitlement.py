"""Leave entitlements against PRC statutory floors (PRC_RULES.md) and the seed."""

from datetime import date, timedelta

import pytest

BEIJING = {"name": "Beijing", "base": 98, "extension": 60, "difficult": 15, "extra_baby": 15}
GUANGDONG = {"name": "Guangdong", "base": 98, "extension": 80, "difficult": 30, "extra_baby": 15}
NATIONAL = {"name": "national", "base": 98, "extension": 0, "difficult": 15, "extra_baby": 15}
# The seed: 90 days, +15 for difficult labour, +15 per extra baby.
SEED = {"base": 90, "difficult": 15, "extra_baby": 15}


@pytest.fixture
def ent(rules):
    return rules("cs_attendance", "entitlement")


@pytest.fixture
def approval(rules):
    return rules("cs_attendance", "approval")


def test_beijing_difficult_labour_twins_is_188_days_with_its_basis(ent):
    days, basis = ent.maternity(BEIJING, SEED, difficult=True, babies=2)
    assert days == 188
    assert basis.startswith("98 national + 60 Beijing + 15 difficult labour + 15 extra baby = 188")


def test_guangdong_difficult_labour_adds_30(ent):
    assert ent.maternity(GUANGDONG, SEED, difficult=True)[0] == 98 + 80 + 30


def test_seed_90_day_maternity_never_grants_less_than_the_law(ent):
    days, basis = ent.maternity(NATIONAL, SEED)
    assert days == 98
    assert "statutory" in basis and "only 90" in basis


def test_generous_company_maternity_wins(ent):
    days, basis = ent.maternity(NATIONAL, {**SEED, "base": 120})
    assert days == 120
    assert "company policy" in basis


def test_company_additions_for_difficult_labour_and_twins_are_policy_values(ent):
    generous = {"base": 120, "difficult": 30, "extra_baby": 20}
    days, basis = ent.maternity(NATIONAL, generous, difficult=True, babies=2)
    assert days == 170
    assert basis.startswith("120 company + 30 difficult labour + 20 extra baby = 170")


@pytest.mark.parametrize(("months", "days"), [(3, 15), (3.9, 15), (4, 42), (6, 42)])
def test_miscarriage_by_months_of_pregnancy(ent, months, days):
    assert ent.miscarriage(months, 15, 42)[0] == days


def test_marriage_beijing_10_and_guangdong_3_against_the_seed_3(ent):
    assert ent.simple(10, "Beijing", 3)[0] == 10
    assert ent.simple(3, "Guangdong", 3)[0] == 3


@pytest.mark.parametrize(
    ("career", "days"), [(0.9, 0), (1, 5), (9.9, 5), (10, 10), (19, 10), (20, 15), (35, 15)]
)
def test_statutory_annual_leave_tiers(ent, career, days):
    assert ent.statutory_annual(career) == days


def test_joiner_with_12_career_years_gets_5_and_the_basis_says_why(ent):
    days, basis = ent.annual(12, date(2026, 7, 1), 2026, 5, 10, 15)
    assert days == 5
    assert "10 national for 12 career years × 184/365 = 5 days" in basis


def test_company_tenure_rule_wins_in_later_years(ent):
    days, basis = ent.annual(3, date(2024, 3, 1), 2026, 5, 10, 15)
    assert days == 10
    assert "company" in basis


def test_prorate_drops_fractions_and_handles_other_years(ent):
    assert ent.prorate(10, date(2026, 12, 31), 2026) == 0
    assert ent.prorate(10, date(2026, 1, 1), 2026) == 10
    assert ent.prorate(10, date(2025, 5, 5), 2026) == 10
    assert ent.prorate(10, date(2027, 1, 1), 2026) == 0


def test_sick_pay_never_below_the_floor(ent):
    assert ent.sick_pay_rate(40, 60)[0] == 60
    assert ent.sick_pay_rate(80, 60)[0] == 80


def test_minimum_wage_floor_is_a_share_of_the_minimum_wage_not_of_the_wage(ent):
    # 80% of a 2,500 minimum wage is 2,000: half of a 4,000 wage, a fifth of 10,000.
    assert ent.minimum_wage_floor(80, 2500, 4000) == 50
    assert ent.minimum_wage_floor(80, 2500, 10000) == 20
    rate, basis = ent.sick_pay_rate(40, 0, 80, 2500, 4000)
    assert rate == 50
    assert "80% of minimum wage 2500 = 50% of wage 4000" in basis
    rate, basis = ent.sick_pay_rate(40, 0, 80, 2500, 10000)
    assert rate == 40
    assert basis.startswith("40% company rate")


def test_minimum_wage_floor_rounds_up_so_pay_never_falls_below_it(ent):
    # 80% of 2,420 = 1,936 of a 3,000 wage is 64.5333...%: 64.54% pays 1,936.2.
    floor = ent.minimum_wage_floor(80, 2420, 3000)
    assert floor == 64.54
    assert floor / 100 * 3000 >= 0.8 * 2420


def test_minimum_wage_floor_unknown_without_the_figures(ent):
    assert ent.minimum_wage_floor(80, 0, 4000) is None
    assert ent.minimum_wage_floor(80, 2500, 0) is None
    rate, basis = ent.sick_pay_rate(40, 0, 80, 0, 4000)
    assert rate == 40
    assert "not checked" in basis


def test_both_floors_the_higher_wins(ent):
    # Shanghai, 2 years of service (70% of wage) against 80% of minimum wage.
    assert ent.sick_pay_rate(40, 70, 80, 2690, 3000)[0] == 71.74
    assert ent.sick_pay_rate(40, 70, 80, 2690, 8000)[0] == 70


def test_marriage_leave_valid_six_months_from_registration(ent):
    assert ent.valid_until(date(2026, 1, 10), 6) == date(2026, 7, 10)
    assert ent.valid_until(date(2026, 8, 31), 6) == date(2027, 2, 28)


def test_nursing_hour_until_the_child_is_one(ent):
    birth = date(2026, 3, 15)
    assert ent.child_under(birth, 1, date(2027, 3, 14))
    assert not ent.child_under(birth, 1, date(2027, 3, 15))


def test_consecutive_days_join_adjacent_requests(ent):
    spans = [(date(2026, 5, 1), date(2026, 5, 3)), (date(2026, 5, 4), date(2026, 5, 12))]
    assert ent.consecutive_days(spans, date(2026, 5, 4), date(2026, 5, 12)) == 12
    apart = [(date(2026, 5, 1), date(2026, 5, 3)), (date(2026, 5, 5), date(2026, 5, 6))]
    assert ent.consecutive_days(apart, date(2026, 5, 5), date(2026, 5, 6)) == 2


def test_consecutive_days_count_only_the_run_of_the_request(ent):
    # A 12-day run in March does not make an April day "over 10 consecutive days".
    spans = [(date(2026, 3, 2), date(2026, 3, 13)), (date(2026, 4, 7), date(2026, 4, 7))]
    assert ent.consecutive_days(spans, date(2026, 4, 7), date(2026, 4, 7)) == 1
    assert ent.consecutive_days(spans, date(2026, 3, 2), date(2026, 3, 13)) == 12


def test_consecutive_days_bridge_the_weekend_between_two_requests(ent):
    # Mon-Fri, then Mon-Fri: 12 days away, the weekend between included.
    spans = [(date(2026, 3, 2), date(2026, 3, 6)), (date(2026, 3, 9), date(2026, 3, 13))]
    weekend = {date(2026, 3, 7), date(2026, 3, 8)}
    assert ent.consecutive_days(spans, date(2026, 3, 2), date(2026, 3, 6), weekend) == 12
    assert ent.consecutive_days(spans, date(2026, 3, 9), date(2026, 3, 13), weekend) == 12
    assert ent.consecutive_days(spans, date(2026, 3, 9), date(2026, 3, 13)) == 5


@pytest.mark.parametrize(
    ("days", "steps"),
    [
        (0.5, ["supervisor"]),
        (1, ["supervisor"]),
        (1.5, ["supervisor", "manager"]),
        (3, ["supervisor", "manager"]),
        (4, ["supervisor", "manager", "head"]),
    ],
)
def test_approval_tiers_by_duration(approval, days, steps):
    assert approval.levels(days) == steps


def test_hr_filing_for_filed_types_and_long_leaves(approval):
    assert approval.needs_hr_filing(True, 1)
    assert not approval.needs_hr_filing(False, 10)
    assert approval.needs_hr_filing(False, 11)


def test_director_gets_10_days_from_the_first_year(ent):
    days, basis = ent.annual(2, date(2026, 1, 1), 2026, 5, 10, 15, grade_days=10)
    assert days == 10
    assert "grade" in basis


def test_nursing_hour_plus_one_per_extra_baby(ent):
    assert ent.nursing_hours(1) == 1
    assert ent.nursing_hours(2) == 2


def test_childcare_years_until_the_child_is_three(ent):
    years = ent.childcare_years(date(2026, 3, 15))
    assert years[0] == (date(2026, 3, 15), date(2027, 3, 14))
    assert years[2] == (date(2028, 3, 15), date(2029, 3, 14))
    assert len(years) == 3


@pytest.mark.parametrize(
    ("years", "floor"), [(0, 60), (1.9, 60), (2, 70), (5, 80), (7, 90), (8, 100)]
)
def test_shanghai_sick_pay_floor_by_years_of_service(ent, years, floor):
    assert ent.sick_floor_by_service("0:60,2:70,4:80,6:90,8:100", years, 60) == floor


def test_without_bands_the_single_floor_applies(ent):
    assert ent.sick_floor_by_service("", 12, 80) == 80


def test_a_sick_run_is_bridged_by_rest_days_only(ent):
    # Mon 2026-01-05 .. Fri 01-09, then Mon 01-12: the weekend between does not break it.
    spans = [(date(2026, 1, 5), date(2026, 1, 9))]
    weekend = {date(2026, 1, 10), date(2026, 1, 11)}
    assert ent.run_start(spans, date(2026, 1, 12), weekend) == date(2026, 1, 5)
    assert ent.run_start(spans, date(2026, 1, 12)) == date(2026, 1, 12), "a gap without rest days"
    assert ent.run_start(spans, date(2026, 1, 10)) == date(2026, 1, 5), "touching"
    assert ent.run_start(spans, date(2026, 1, 13), weekend) == date(2026, 1, 13), "a workday gap"


def test_a_sick_run_chains_several_leaves(ent):
    spans = [
        (date(2026, 3, 2), date(2026, 3, 31)),
        (date(2026, 1, 5), date(2026, 2, 28)),
        (date(2026, 3, 1), date(2026, 3, 1)),
    ]
    assert ent.run_start(spans, date(2026, 4, 1)) == date(2026, 1, 5)


@pytest.mark.parametrize(
    ("start", "long"),
    [(date(2026, 7, 4), False), (date(2026, 7, 5), True), (date(2026, 7, 6), True)],
)
def test_long_sickness_begins_the_day_six_months_are_reached(ent, start, long):
    spans = [(date(2026, 1, 5), start - timedelta(days=1))]
    assert (ent.long_sickness_from(spans, start, 6) <= start) is long


def test_no_long_sickness_rule_without_months(ent):
    spans = [(date(2025, 1, 1), date(2026, 12, 31))]
    assert ent.long_sickness_from(spans, date(2027, 1, 1), 0) is None


def test_minimum_wage_floor_exact_shares_are_not_rounded_up(ent):
    assert ent.minimum_wage_floor(80, 2520, 3000) == 67.2


DAY = [(8.0, 12.0), (13.0, 17.0)]


@pytest.mark.parametrize(
    ("slot", "hour_from", "hour_to", "fits"),
    [
        ("start", 8.0, 9.0, True),
        ("start", 9.0, 10.0, False),
        ("lunch", 13.0, 14.0, True),
        ("lunch", 11.0, 12.0, True),
        ("lunch", 14.0, 15.0, False),
        ("end", 16.0, 17.0, True),
        ("end", 8.0, 9.0, False),
    ],
)
def test_nursing_time_in_its_fixed_slot(ent, slot, hour_from, hour_to, fits):
    assert ent.nursing_slot_fits(slot, DAY, hour_from, hour_to) is fits


def test_nursing_slot_without_a_break_or_working_day(ent):
    assert ent.nursing_slot_fits("lunch", [(9.0, 17.0)], 12.0, 13.0) is False
    assert ent.nursing_slot_fits("start", [], 8.0, 9.0) is True


def test_the_basis_can_keep_the_wage_to_itself(ent):
    """Integrity #13: 80% of a 2,500 minimum wage is 50% of a 4,000 wage, so the
    rate would give the wage away; so would hiding it only when that floor
    decides (at 10,000 the company's 40% wins). Readers other than the
    employee and HR see neither."""
    for wage in (4000, 10000):
        rate, basis = ent.sick_pay_rate(40, 0, 80, 2500, wage, show_amounts=False)
        assert rate is None
        assert basis == (
            "At least 40% company rate; never below 80% of the local minimum wage "
            "(the exact rate depends on the wage)"
        )
