"""Leave entitlements against PRC statutory floors (PRC_RULES.md) and the seed."""

import inspect
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


# 女职工劳动保护特别规定 (国务院令619) art.7: under 4 months 15 days, 4 months or more 42.
NATIONAL_MISCARRIAGE = [(0, 15, 15), (4, 42, 42)]
# 广东省实施《女职工劳动保护特别规定》办法 art.11: under 4 months 15-30 days on the
# medical institution's opinion, 4 to 7 months 42, 7 months or more 75.
GUANGDONG_MISCARRIAGE = [(0, 15, 30), (4, 42, 42), (7, 75, 75)]


@pytest.mark.parametrize(("months", "days"), [(3, 15), (3.9, 15), (4, 42), (6, 42), (8, 42)])
def test_miscarriage_by_months_of_pregnancy(ent, months, days):
    """国务院令619 art.7: 15 days under 4 months, 42 at 4 months or more."""
    assert ent.miscarriage(months, NATIONAL_MISCARRIAGE, None)[0] == days


@pytest.mark.parametrize(("months", "days"), [(3.5, 20), (4, 42), (6.9, 42), (7, 75), (9, 75)])
def test_guangdong_miscarriage_tiers(ent, months, days):
    """广东省实施《女职工劳动保护特别规定》办法 art.11: under 4 months 15-30 days on the
    doctor's opinion (HR enters 20), 4 to 7 months 42, 7 months or more 75."""
    granted, basis = ent.miscarriage(months, GUANGDONG_MISCARRIAGE, 20)
    assert granted == days
    assert str(days) in basis


def test_guangdong_early_miscarriage_needs_days_within_the_doctors_range(ent):
    """广东办法 art.11: 15 to 30 days: HR enters the doctor's figure, never outside it."""
    assert ent.miscarriage_tier(3, GUANGDONG_MISCARRIAGE) == (0, 15, 30)
    for entered in (None, 14, 31):
        with pytest.raises(ValueError):
            ent.miscarriage(3, GUANGDONG_MISCARRIAGE, entered)
    assert ent.miscarriage(3, GUANGDONG_MISCARRIAGE, 30)[0] == 30


def test_marriage_beijing_10_and_guangdong_3_against_the_seed_3(ent):
    assert ent.simple(10, "Beijing", 3)[0] == 10
    assert ent.simple(3, "Guangdong", 3)[0] == 3


@pytest.mark.parametrize(
    ("career", "days"), [(0.9, 0), (1, 5), (9.9, 5), (10, 10), (19, 10), (20, 15), (35, 15)]
)
def test_statutory_annual_leave_tiers(ent, career, days):
    assert ent.statutory_annual(career) == days


def test_joiner_with_12_career_years_gets_5_and_the_basis_says_why(ent):
    days, basis = ent.annual(12, date(2026, 7, 1), 2026, 5, 10, 15, 0)
    assert days == 5
    assert "10 national for 12 career years × 184/365 = 5 days" in basis


def test_company_tenure_rule_wins_in_later_years(ent):
    days, basis = ent.annual(3, date(2024, 3, 1), 2026, 5, 10, 15, 0)
    assert days == 10
    assert "company" in basis


def test_prorate_drops_fractions_and_handles_other_years(ent):
    assert ent.prorate(10, date(2026, 12, 31), 2026) == 0
    assert ent.prorate(10, date(2026, 1, 1), 2026) == 10
    assert ent.prorate(10, date(2025, 5, 5), 2026) == 10
    assert ent.prorate(10, date(2027, 1, 1), 2026) == 0


def test_sick_pay_never_below_the_floor(ent):
    assert ent.sick_pay_rate(40, 60, 0, 0, 0)[0] == 60
    assert ent.sick_pay_rate(80, 60, 0, 0, 0)[0] == 80


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
    assert approval.levels(days, 1.0, 3.0) == steps


def test_hr_filing_for_filed_types_and_long_leaves(approval):
    assert approval.needs_hr_filing(True, 1, 10)
    assert not approval.needs_hr_filing(False, 10, 10)
    assert approval.needs_hr_filing(False, 11, 10)


def test_director_gets_10_days_from_the_first_year(ent):
    days, basis = ent.annual(2, date(2026, 1, 1), 2026, 5, 10, 15, 10)
    assert days == 10
    assert "grade" in basis


def test_nursing_hour_plus_one_per_extra_baby(ent):
    assert ent.nursing_hours(1, 1.0) == 1
    assert ent.nursing_hours(2, 1.0) == 2


def test_childcare_years_until_the_child_is_three(ent):
    years = ent.childcare_years(date(2026, 3, 15), 3)
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


# ---------------------------------------------------------------------------
# Issue #12: never below the law
# ---------------------------------------------------------------------------
def _days(first, last):
    return {first + timedelta(days=n) for n in range((last - first).days + 1)}


# Statutory holidays of 2026 (国务院办公厅关于2026年部分节假日安排的通知; 全国年节及纪念日
# 放假办法 art.2 as amended 2024-11-10: 13 days), the rest days of the holiday periods left out.
HOLIDAYS_2026 = {
    date(2026, 1, 1),
    *_days(date(2026, 2, 16), date(2026, 2, 19)),
    date(2026, 4, 5),
    date(2026, 5, 1),
    date(2026, 5, 2),
    date(2026, 6, 19),
    date(2026, 9, 25),
    *_days(date(2026, 10, 1), date(2026, 10, 3)),
}


def test_the_2026_statutory_holidays_are_the_13_days_of_the_law():
    """全国年节及纪念日放假办法 art.2 (2024 amendment, from 2025-01-01): 13 days."""
    assert len(HOLIDAYS_2026) == 13


def test_shanghai_birth_before_spring_festival_ends_later_than_158_days(ent):
    """上海市人口与计划生育条例 art.31, 沪府规〔2022〕18号: 98 days of maternity leave
    (国务院令619 art.7) in calendar days, then 60 days of 生育假 that run longer over
    statutory holidays (遇法定节假日顺延). Born 2026-01-20: Spring Festival falls in
    the 98 days and does not extend them; Labour Day (1-2 May) and the Dragon Boat
    Festival (19 June) fall in the 60 days: they end on 29 June, 161 calendar days."""
    birth = date(2026, 1, 20)
    end = ent.block_end(birth, 158, HOLIDAYS_2026, 98, 60)
    assert end == date(2026, 6, 29)
    assert (end - birth).days + 1 == 161
    assert ent.counted_days(birth, end, HOLIDAYS_2026, 98, 60) == 158
    assert ent.counted_days(birth, date(2026, 6, 26), HOLIDAYS_2026, 98, 60) == 155


def test_national_98_days_and_beijing_extension_do_not_extend_over_holidays(ent):
    """国务院令619 art.7 (98 calendar days); 北京市人口与计划生育条例 art.19 (continuous,
    rest days and holidays included): nothing extends."""
    birth = date(2026, 1, 20)
    assert ent.block_end(birth, 158, HOLIDAYS_2026, 158, 0) == birth + timedelta(days=157)
    assert ent.block_end(birth, 98, HOLIDAYS_2026, 98, 0) == date(2026, 4, 27)
    assert ent.counted_days(birth, date(2026, 6, 26), HOLIDAYS_2026, 158, 0) == 158


def test_difficult_labour_days_are_counted_with_the_98_not_extended(ent):
    """国务院令619 art.7: +15 days for difficult labour are maternity leave in calendar
    days; Shanghai's 60 (沪府规〔2022〕18号) come after them and extend."""
    birth = date(2026, 1, 5)
    # 113 calendar days end on 27 April; the 60 then run over 1-2 May and 19 June.
    assert ent.block_end(birth, 173, HOLIDAYS_2026, 113, 60) == date(2026, 6, 29)


def test_shanghai_paternity_leave_runs_longer_over_national_day(ent):
    """沪府规〔2022〕18号: 10 days of paternity leave (配偶陪产假), extended over statutory
    holidays: from 29 September, 1-3 October do not count: it ends on 11 October."""
    start = date(2026, 9, 29)
    assert ent.block_end(start, 10, HOLIDAYS_2026, 0, 10) == date(2026, 10, 11)
    assert ent.counted_days(start, date(2026, 10, 11), HOLIDAYS_2026, 0, 10) == 10
    # Days beyond the extending part (company days) count every calendar day.
    assert ent.block_end(start, 13, HOLIDAYS_2026, 0, 10) == date(2026, 10, 14)


def test_childcare_per_child_gives_twins_two_entitlements(ent):
    """上海市人口与计划生育条例 art.31 / 北京条例: 5 days a year per parent, per child:
    twins give 10 a year; Guangdong (广东条例 art.30): 10 days a year per parent,
    whatever the number of children."""
    assert ent.childcare(5, 2, True)[0] == 10
    assert ent.childcare(5, 1, True)[0] == 5
    assert ent.childcare(10, 2, False)[0] == 10


@pytest.mark.parametrize(
    ("start", "on_date", "years"),
    [
        (date(2016, 12, 31), date(2026, 12, 30), 9),
        (date(2016, 12, 31), date(2026, 12, 31), 10),
        (date(2016, 1, 1), date(2026, 1, 1), 10),
        (date(2006, 3, 1), date(2026, 2, 28), 19),
        (date(2006, 3, 1), date(2026, 3, 1), 20),
        (date(2020, 2, 29), date(2021, 2, 28), 0),
        (date(2020, 2, 29), date(2021, 3, 1), 1),
    ],
)
def test_career_years_are_whole_on_the_anniversary(ent, rules, start, on_date, years):
    """职工带薪年休假条例 art.3: 5 days from 1 year, 10 from 10, 15 from 20 years of
    work: a year is complete on its anniversary (10 years on 2026-12-31 for work
    begun 2016-12-31, where days ÷ 365.25 gives 9.998); from 29 February, on 1 March
    of a common year, as the medical treatment period counts them."""
    assert ent.completed_years(start, on_date) == years
    assert int(ent.years_between(start, on_date)) == years
    medical = rules("cs_attendance", "medical_period")
    assert medical.completed_years(start, on_date) == years, "one rule everywhere"


def test_annual_tier_changes_on_the_anniversary(ent):
    """职工带薪年休假条例 art.3: the 10-day tier from the 10th anniversary of work."""
    tier = ent.statutory_annual(ent.completed_years(date(2016, 12, 31), date(2026, 12, 31)))
    assert tier == 10


def test_probation_past_year_end_keeps_the_years_days(ent):
    """实施办法 arts.3-5: no probation exclusion, a joiner gets the year's pro-rated
    days; 条例 art.5: leave may be arranged across one year. Joined 2026-11-01 with
    16 career years, probation to 2027-01-31: 1 day for 2026 (10 × 61/365) where the
    company grants nothing in the first year, valid until the end of 2027."""
    days, _basis = ent.annual(16, date(2026, 11, 1), 2026, 0, 10, 15, 0)
    assert days == 1
    assert ent.annual_valid_until(2026, date(2027, 1, 31)) == date(2027, 12, 31)
    assert ent.annual_valid_until(2026, date(2026, 12, 31)) == date(2026, 12, 31)
    assert ent.annual_valid_until(2026, None) == date(2026, 12, 31)


def test_statutory_days_never_lapse_company_days_do(ent):
    """〔80〕劳总薪字29号 and the provincial marriage rules (PRC_RULES §4, §6) set no
    deadline: a company's 6-month window governs only the days it adds. Beijing 10
    statutory days, a company policy of 12: 2 company days to start by 10 July."""
    event = date(2026, 1, 10)
    start_by = date(2026, 7, 10)
    grants = [(10, event, None, None), (2, event, start_by, date(2026, 7, 27))]
    assert ent.available_days(grants, [], date(2026, 7, 10)) == 12
    assert ent.available_days(grants, [], date(2026, 9, 1)) == 10, "company days lapsed"
    # 5 days taken in March used the 2 company days first: 7 statutory days remain.
    assert ent.available_days(grants, [(date(2026, 3, 2), 5)], date(2026, 9, 1)) == 7
    assert ent.available_days(grants, [(date(2026, 3, 2), 5)], date(2026, 4, 1)) == 7
    assert ent.available_days(grants, [], date(2026, 1, 9)) == 0, "before the event"
    assert ent.split(10, 12) == (10, 2)
    assert ent.split(10, 3) == (10, 0)


def test_holiday_kinds_tell_statutory_days_from_swapped_rest_days(ent):
    """全国年节及纪念日放假办法 art.2 fixes 1 January, 1-2 May and 1-3 October (and 清明
    on its solar term): in 2026, 3 October and 2 May are Saturdays yet statutory;
    the Mondays after them are rest days moved (补休), not statutory holidays;
    days swapped with a worked weekend (调休) are rest days moved too."""
    fixed = ent.fixed_holiday_dates(2026, date(2026, 4, 5))
    assert {date(2026, 1, 1), date(2026, 5, 2), date(2026, 10, 3), date(2026, 4, 5)} <= fixed

    def kind(day, festival, in_lieu=False):
        return ent.holiday_kind(day, festival, in_lieu, fixed)

    assert kind(date(2026, 10, 3), "National Day") == "statutory"
    assert kind(date(2026, 10, 4), "National Day") == "rest"
    assert kind(date(2026, 10, 5), "National Day") == "swapped"
    assert kind(date(2026, 10, 6), "National Day", in_lieu=True) == "swapped"
    assert kind(date(2026, 5, 4), "Labour Day") == "swapped"
    assert kind(date(2026, 4, 6), "Tomb-sweeping Day") == "swapped"
    assert kind(date(2026, 2, 16), "Spring Festival") == "statutory"
    assert kind(date(2026, 2, 20), "Spring Festival", in_lieu=True) == "swapped"
    assert kind(date(2026, 2, 21), "Spring Festival") == "rest"
    assert kind(date(2026, 6, 19), "Dragon Boat Festival") == "statutory"


def test_fixed_holiday_dates_follow_the_law_of_the_year(ent):
    """全国年节及纪念日放假办法: Labour Day 1 May until 2024, 1-2 May from 2025."""
    assert date(2024, 5, 2) not in ent.fixed_holiday_dates(2024, date(2024, 4, 4))
    assert date(2025, 5, 2) in ent.fixed_holiday_dates(2025, date(2025, 4, 4))


def test_parent_care_within_the_yearly_cap(ent):
    """北京: 10 working days a year; 湖南: up to 15 days a year during hospitalisation;
    广东: 5 days a year plus up to 15 during hospitalisation (PRC_RULES §6)."""
    assert ent.parent_care(10, 0, 0, 0)[0] == 10
    assert ent.parent_care(15, 5, 0, 0)[0] == 20, "Guangdong, first of the year"
    assert ent.parent_care(15, 5, 10, 5)[0] == 5, "a second stay: what is left of the 15"
    assert ent.parent_care(15, 0, 15, 0)[0] == 0
    assert ent.parent_care(0, 0, 0, 0)[0] == 0


@pytest.mark.parametrize(
    ("module", "function", "policy"),
    [
        ("approval", "levels", ("supervisor_max", "department_max")),
        ("approval", "needs_hr_filing", ("threshold",)),
        ("entitlement", "nursing_hours", ("base_hours",)),
        ("entitlement", "childcare_years", ("years",)),
        ("entitlement", "annual", ("grade_days",)),
        ("entitlement", "sick_pay_rate", ("share", "minimum_wage", "wage")),
    ],
)
def test_rules_take_policy_values_without_defaults(rules, module, function, policy):
    """Issue #12: no default argument shadows the company's policy or the
    jurisdiction's statute: the caller passes the value the record holds."""
    signature = inspect.signature(getattr(rules("cs_attendance", module), function))
    for name in policy:
        assert signature.parameters[name].default is inspect.Parameter.empty, name
