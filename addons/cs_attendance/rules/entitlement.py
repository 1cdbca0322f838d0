"""Leave entitlements: the statutory floor of a jurisdiction against the
company's own rules (seed 003 第二篇 6; PRC_RULES.md). The higher one is
granted, and the basis says how it was reached.

Every function returns ``(days, basis)``: ``basis`` is a readable sum such as
"98 national + 60 Beijing + 15 difficult labour = 173 days". The words of a
basis go through ``_``, the caller's translation function (Odoo's ``env._``:
the terms are in the addon's .pot); without one they stay in English.
"""

import math
from datetime import date, timedelta
from itertools import pairwise


def english(source, **values):
    """The default ``_``: no translation, the same %-formatting as Odoo's."""
    return source % values if values else source


def _basis(parts, total, _=english):
    text = " + ".join(f"{amount:g} {label}" for amount, label in parts if amount)
    return _("%(sum)s = %(total)s days", sum=text, total=f"{total:g}")


def _higher(statutory, company, _=english):
    """Grant the higher figure; say which one applied."""
    (law_days, law_basis), (firm_days, firm_basis) = statutory, company
    if firm_days > law_days:
        return firm_days, _(
            "%(basis)s (company policy, above the statutory %(law)s)",
            basis=firm_basis,
            law=f"{law_days:g}",
        )
    if firm_days < law_days:
        return law_days, _(
            "%(basis)s (statutory; company policy gives only %(firm)s)",
            basis=law_basis,
            firm=f"{firm_days:g}",
        )
    return law_days, law_basis


def maternity_parts(jurisdiction, company, difficult=False, babies=1, _=english):
    """Maternity leave by the statute and by the company's policy, apart:
    ``((law_days, law_basis), (company_days, company_basis))``.

    ``jurisdiction`` and ``company`` are dicts of the same shape: ``base`` (98
    nationally; the seed's company policy: 90 incl. 15 before birth),
    ``difficult`` (added for difficult labour), ``extra_baby`` (added per
    additional baby); the jurisdiction also has its ``name`` and provincial
    ``extension``."""
    extra_babies = max(babies - 1, 0)
    baby_label = _("extra baby") if extra_babies == 1 else _("extra babies")
    difficult_label = _("difficult labour")

    def parts(rule, first_label, extension):
        added_for_difficult = rule["difficult"] if difficult else 0
        added_for_babies = rule["extra_baby"] * extra_babies
        return [
            (rule["base"], first_label),
            extension,
            (added_for_difficult, difficult_label),
            (added_for_babies, baby_label),
        ]

    law_parts = parts(
        jurisdiction, _("national"), (jurisdiction.get("extension", 0), jurisdiction["name"])
    )
    firm_parts = parts(company, _("company"), (0, ""))
    law = sum(amount for amount, _label in law_parts)
    firm = sum(amount for amount, _label in firm_parts)
    return (law, _basis(law_parts, law, _)), (firm, _basis(firm_parts, firm, _))


def maternity(jurisdiction, company, difficult=False, babies=1, _=english):
    """Maternity leave, one block of calendar days: the higher of the statute and
    the company's policy (see :func:`maternity_parts`)."""
    return _higher(*maternity_parts(jurisdiction, company, difficult, babies, _), _)


def split(law_days, company_days):
    """``(statutory, company_extra)``: the statutory days, which never lapse, and the
    days the company adds above them, which its own validity window may govern
    (PRC_RULES §6: no source makes marriage, maternity, paternity, miscarriage or
    bereavement leave lapse)."""
    return law_days, max(company_days - law_days, 0)


def miscarriage_tier(months, tiers):
    """The tier ``(from_months, days_min, days_max)`` of a miscarriage at ``months`` of
    pregnancy: the last tier whose ``from_months`` it reached. ``tiers`` are the
    jurisdiction's (国务院令619 art.7: ``[(0, 15, 15), (4, 42, 42)]``)."""
    reached = [tier for tier in sorted(tiers) if months >= tier[0]]
    if not reached:
        raise ValueError(months)
    return reached[-1]


def miscarriage(months, tiers, entered_days, _=english):
    """Miscarriage leave by months of pregnancy from the jurisdiction's ``tiers``; a
    tier of a range (广东办法 art.11: 15-30 days on the doctor's opinion) takes
    ``entered_days``, which must lie within it (ValueError otherwise)."""
    ordered = sorted(tiers)
    tier = miscarriage_tier(months, ordered)
    start, least, most = tier
    if least == most:
        days = least
    elif entered_days is None or not least <= entered_days <= most:
        raise ValueError(entered_days)
    else:
        days = entered_days
    following = [later[0] for later in ordered if later[0] > start]
    if not start:
        when = _("under %(months)s months", months=f"{following[0]:g}") if following else ""
    elif following:
        when = _(
            "from %(start)s to under %(end)s months",
            start=f"{start:g}",
            end=f"{following[0]:g}",
        )
    else:
        when = _("at %(months)s months or more", months=f"{start:g}")
    if least != most:
        return days, _(
            "%(days)s days (miscarriage %(when)s: %(least)s to %(most)s days on the "
            "doctor's opinion)",
            days=days,
            when=when,
            least=least,
            most=most,
        )
    return days, _("%(days)s days (miscarriage %(when)s)", days=days, when=when)


def simple(law_days, law_label, company_days, _=english):
    """Marriage, paternity and the like: one statutory figure against the company's."""
    return _higher(
        (law_days, _basis([(law_days, law_label)], law_days, _)),
        (company_days, _basis([(company_days, _("company"))], company_days, _)),
        _,
    )


# Statutory annual leave by cumulative years of work (职工带薪年休假条例 art.3).
ANNUAL_TIERS = ((20, 15), (10, 10), (1, 5), (0, 0))


def statutory_annual(career_years):
    return next(days for years, days in ANNUAL_TIERS if career_years >= years)


def prorate(days, join_date, year):
    """Joiner's share: remaining calendar days of the year ÷ 365 × days, fractions dropped."""
    if join_date.year < year:
        return days
    if join_date.year > year:
        return 0
    remaining = (date(year, 12, 31) - join_date).days + 1
    return int(remaining * days // 365)


def annual(career_years, join_date, year, first_year_days, later_days, cap, grade_days, _=english):
    """Annual leave for ``year``: the statutory tier by career years, pro-rated
    for a joiner, against the company's tenure rule (seed: 5 in the first year
    with us, 10 after, capped at 15; directors 10 from the start: ``grade_days``)."""
    tier = statutory_annual(career_years)
    law = prorate(tier, join_date, year)
    law_basis = _(
        "%(tier)s national for %(years)s career years", tier=tier, years=f"{career_years:g}"
    )
    if join_date.year == year and law != tier:
        remaining = (date(year, 12, 31) - join_date).days + 1
        law_basis += f" × {remaining}/365"
    law_basis = _("%(sum)s = %(total)s days", sum=law_basis, total=law)
    years_with_us = year - join_date.year
    firm = min(max(first_year_days if years_with_us < 1 else later_days, grade_days), cap)
    if grade_days and grade_days >= firm:
        firm_basis = _("%(days)s company (grade) = %(days)s days", days=firm)
    elif years_with_us < 1:
        firm_basis = _("%(days)s company (first year with the company) = %(days)s days", days=firm)
    else:
        firm_basis = _("%(days)s company (after the first year) = %(days)s days", days=firm)
    return _higher((law, law_basis), (firm, firm_basis), _)


def completed_years(start, on_date):
    """Whole years from ``start`` to ``on_date``: a year is complete on its anniversary
    (from 29 February, on 1 March of a common year). Career years of the annual-leave
    tiers, years with the company and the medical treatment period's years
    (rules/medical_period.py) are all counted this one way."""
    if on_date < start:
        return 0
    return on_date.year - start.year - ((on_date.month, on_date.day) < (start.month, start.day))


def years_between(start, on_date):
    """Years from ``start`` to ``on_date``, whole on each anniversary, with the
    months and days after the last one as a fraction (sick-pay bands by service)."""
    if on_date < start:
        return 0.0
    years = completed_years(start, on_date)
    anniversary = add_months(start, 12 * years)
    months = 0
    while months < 11 and add_months(start, 12 * years + months + 1) <= on_date:
        months += 1
    days = (on_date - add_months(anniversary, months)).days
    return years + months / 12 + days / 365


def annual_valid_until(year, probation_end):
    """Last day the annual leave of ``year`` may be taken: the year's end, or the next
    year's when probation runs past it (条例 art.5: leave may be arranged across one
    year; 实施办法 arts.3-5: probation takes none of the year's days)."""
    last = date(year, 12, 31)
    if probation_end and probation_end > last:
        return date(year + 1, 12, 31)
    return last


def _counts(position, day, holidays, fixed, extending):
    """Whether ``day``, the leave's day after ``position`` counted days, counts."""
    return not (fixed <= position < fixed + extending and day in holidays)


def counted_days(start, end, holidays, fixed, extending):
    """Days of a leave from ``start`` to ``end``: calendar days, except that the
    ``extending`` days after the first ``fixed`` run longer over ``holidays``
    (statutory holidays do not count in them: 遇法定节假日顺延, Shanghai's 生育假 and
    paternity leave)."""
    counted = 0
    day = start
    while day <= end:
        counted += _counts(counted, day, holidays, fixed, extending)
        day += timedelta(days=1)
    return counted


def block_end(start, days, holidays, fixed, extending):
    """Last day of a block of ``days`` days from ``start``, counted as
    :func:`counted_days` counts them."""
    counted = 0
    day = start
    while True:
        counted += _counts(counted, day, holidays, fixed, extending)
        if counted >= days:
            return day
        day += timedelta(days=1)


def childcare(days, babies, per_child, _=english):
    """Childcare leave a year: ``days`` per child where the jurisdiction grants it per
    child (Beijing, Shanghai: twins give two entitlements), else ``days`` per parent."""
    children = max(babies, 1) if per_child else 1
    total = days * children
    if children > 1:
        return total, _(
            "%(days)s days a year per child × %(children)s children = %(total)s days",
            days=days,
            children=children,
            total=total,
        )
    return total, _("%(days)s days a year", days=total)


def available_days(grants, leaves, day):
    """Days of leave available to a leave starting on ``day``.

    ``grants`` are ``(days, valid_from, start_by, valid_to)``: statutory grants have
    no ``start_by`` (they never lapse, ``valid_to`` being a window of the statute
    itself), company grants must be started by ``start_by``. ``leaves`` are the
    ``(start, days)`` of the other leaves of the kind. The leaves taken before a
    company grant lapsed are counted against it first: the employee keeps the
    statutory days."""
    valid = [
        grant for grant in grants if grant[1] <= day and day <= (grant[2] or grant[3] or date.max)
    ]
    if not valid:
        return 0
    since = min(grant[1] for grant in valid)
    taken = [(start, days) for start, days in leaves if start >= since]
    lapsed = [grant for grant in grants if grant[2] and grant[1] >= since and grant[2] < day]
    lapsed_days = sum(grant[0] for grant in lapsed)
    used_before_lapse = sum(
        days for start, days in taken if any(start <= grant[2] for grant in lapsed)
    )
    counted = sum(days for _start, days in taken) - min(lapsed_days, used_before_lapse)
    return sum(grant[0] for grant in valid) - max(counted, 0)


def parent_care(hospital_days, yearly_days, granted_hospital, granted_yearly):
    """Only-child parent-care leave (独生子女护理假) on a parent's hospitalisation:
    ``(hospital, yearly)`` days left of the jurisdiction's yearly ``hospital_days``
    (Beijing 10, Hunan 15: "每年累计不超过") and of its ``yearly_days`` (Guangdong 5),
    given what was already ``granted`` in the year."""
    hospital = max(hospital_days - granted_hospital, 0)
    yearly = max(yearly_days - granted_yearly, 0)
    return hospital + yearly, hospital, yearly


# 全国年节及纪念日放假办法 art.2, as amended by the State Council on 2024-11-10 (from
# 2025-01-01): the holidays on fixed dates. 清明 is on its solar term, found by the caller.
FIXED_HOLIDAYS = {
    2025: ((1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3)),
    # The 2013 amendment (from 2014) and the 2007 one (from 2008): Labour Day 1 May.
    2008: ((1, 1), (5, 1), (10, 1), (10, 2), (10, 3)),
}
# Names of the festivals on fixed dates, as chinese-calendar names them.
FIXED_FESTIVALS = frozenset({"New Year's Day", "Labour Day", "National Day", "Tomb-sweeping Day"})


def fixed_holiday_dates(year, qingming):
    """The statutory holidays of ``year`` that fall on fixed dates, with 清明 on
    ``qingming``."""
    since = max((first for first in FIXED_HOLIDAYS if first <= year), default=min(FIXED_HOLIDAYS))
    return {date(year, month, day) for month, day in FIXED_HOLIDAYS[since]} | {qingming}


def holiday_kind(day, festival, in_lieu, fixed_dates):
    """What a day off of the State Council's notice is: ``statutory`` (a holiday of
    the law, counted by 遇法定节假日顺延 and paid 300 % when worked), ``swapped`` (a
    rest day moved: swapped with a worked weekend day, 调休, or given for a holiday
    falling on a weekend, 补休) or ``rest`` (a weekend day of the holiday period).

    Fixed-date holidays are known exactly; for the lunar ones (Spring Festival,
    Dragon Boat, Mid-autumn) the notice's weekdays off that were not swapped are
    taken as statutory: when a lunar holiday falls on a weekend, the weekday given
    for it (补休) stands in for it, which keeps the year's count right."""
    if in_lieu:
        return "swapped"
    if day in fixed_dates:
        return "statutory"
    if day.weekday() >= 5:
        return "rest"
    return "swapped" if festival in FIXED_FESTIVALS else "statutory"


def parse_bands(text):
    """``[(years, percent)]`` from bands "years:percent,..." in increasing years
    (Shanghai: 0:60,2:70,4:80,6:90,8:100); ValueError when ``text`` is not such bands,
    or a percent is not between 0 and 100. Empty text: no bands."""
    bands = []
    for band in (text or "").split(","):
        if not band.strip():
            continue
        years, percent = (float(part) for part in band.split(":"))
        if not (0 <= years < math.inf and 0 <= percent <= 100):
            raise ValueError(band)
        if bands and years <= bands[-1][0]:
            raise ValueError(band)
        bands.append((years, percent))
    return bands


def sick_floor_by_service(bands, service_years, default):
    """The sick-pay floor from bands "years:percent,..." (Shanghai: 0:60,2:70,4:80,6:90,8:100)."""
    floor = default
    for years, percent in parse_bands(bands):
        if service_years >= years:
            floor = percent
    return floor


def minimum_wage_floor(share, minimum_wage, wage):
    """A floor of ``share`` % of the local minimum wage, as a % of the monthly ``wage``.

    Rounded up to the cent of a percent so that the pay never falls below the floor.
    None when the minimum wage or the wage is not known.
    """
    if not (share and minimum_wage and wage):
        return None
    # Round away float noise first: 80 × 2520 / 3000 is 67.2, not 67.21.
    return math.ceil(round(share * minimum_wage / wage * 100, 6)) / 100


def sick_pay_rate(
    company_rate,
    wage_floor,
    share,
    minimum_wage,
    wage,
    long_months=0,
    show_amounts=True,
    _=english,
):
    """Sick pay in % of the wage: the company's rate, never below either floor.

    ``wage_floor`` is a share of the employee's own wage (Shanghai's bands by service),
    ``share`` a share of the local ``minimum_wage`` (nationally 80%), compared through the
    employee's monthly ``wage``; ``long_months`` says the wage floor is the one after
    that many months of sickness. Returns the rate and the basis that explains it.

    Without ``show_amounts`` (a reader who may not see the wage) the minimum-wage floor
    is named but not worked out: as a share of this employee's wage it would give the
    wage away (80% x minimum wage / rate), and so would a rate hidden only when that
    floor decides. The rate is then None whenever the floor is known, whichever decides.
    """
    converted = minimum_wage_floor(share, minimum_wage, wage)
    if converted is not None and not show_amounts:
        _rate, known = sick_pay_rate(company_rate, wage_floor, 0, 0, 0, long_months, _=_)
        return None, _(
            "At least %(basis)s; never below %(share)s%% of the local minimum wage "
            "(the exact rate depends on the wage)",
            basis=known,
            share=f"{share:g}",
        )
    floors = []
    if wage_floor:
        text = _("%(rate)s%% of wage", rate=f"{wage_floor:g}")
        if long_months:
            text = _(
                "%(floor)s (sick for %(months)s months or more)", floor=text, months=long_months
            )
        floors.append((wage_floor, text))
    if converted is not None:
        text = _(
            "%(share)s%% of minimum wage %(minimum)s = %(rate)s%% of wage %(wage)s",
            share=f"{share:g}",
            minimum=f"{minimum_wage:g}",
            rate=f"{converted:g}",
            wage=f"{wage:g}",
        )
        floors.append((converted, text))
    elif share:
        text = _(
            "%(share)s%% of minimum wage not checked: minimum wage or wage unset",
            share=f"{share:g}",
        )
        floors.append((0.0, text))
    floor, why = max(floors, default=(0.0, ""), key=lambda item: item[0])
    company = f"{company_rate:g}"
    if company_rate >= floor:
        if not floors:
            return company_rate, _("%(rate)s%% company rate", rate=company)
        notes = "; ".join(text for _rate, text in floors)
        return company_rate, _(
            "%(rate)s%% company rate (floors: %(notes)s)", rate=company, notes=notes
        )
    return floor, _(
        "%(rate)s%% statutory floor: %(why)s (company rate %(company)s%% is lower)",
        rate=f"{floor:g}",
        why=why,
        company=company,
    )


def add_months(day, months):
    """Same day ``months`` later (clamped to the month's end)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def valid_until(event_date, months):
    """Last day a leave may start: ``months`` after the event (seed: marriage, 6 months)."""
    return add_months(event_date, months)


def child_under(birth_date, years, on_date):
    """True while the child is younger than ``years`` on ``on_date``."""
    return on_date < add_months(birth_date, 12 * years)


def days_between(first, last):
    return (last - first).days + 1


def consecutive_days(spans, first, last, rest_days=frozenset()):
    """Calendar days of the unbroken run of ``spans`` that contains ``first`` to ``last``
    (rest days between two spans included): "over 10 consecutive days" (seed)."""
    start, end = run_around(spans, first, last, rest_days)
    return days_between(start, end)


def _bridged(end, begin, rest_days):
    """True when nothing but ``rest_days`` lies between the day ``end`` and the day ``begin``."""
    day = end + timedelta(days=1)
    while day < begin:
        if day not in rest_days:
            return False
        day += timedelta(days=1)
    return True


def run_start(spans, start, rest_days=frozenset()):
    """First day of the unbroken run of ``spans`` (pairs of dates) that reaches the
    day before ``start``, or ``start`` itself when none does. Days in ``rest_days``
    (weekends and holidays off) between two spans do not break the run."""
    first = start
    moved = True
    while moved:
        moved = False
        for span_from, span_to in spans:
            if span_from < first and _bridged(span_to, first, rest_days):
                first, moved = span_from, True
    return first


def run_around(spans, first, last, rest_days=frozenset()):
    """``(start, end)`` of the unbroken run of ``spans`` that contains ``first`` to ``last``."""
    end = last
    moved = True
    while moved:
        moved = False
        for span_from, span_to in spans:
            if span_to > end and (span_from <= end or _bridged(end, span_from, rest_days)):
                end, moved = span_to, True
    return run_start(spans, first, rest_days), end


def long_sickness_from(spans, start, months, rest_days=frozenset()):
    """The day the continuous sick leave that ``start`` extends becomes long sickness:
    ``months`` after its first day (Shanghai: 6, then lower bands). None without such
    a rule."""
    return add_months(run_start(spans, start, rest_days), months) if months else None


def nursing_slot_fits(slot, periods, hour_from, hour_to):
    """True when nursing time from ``hour_from`` to ``hour_to`` lies in the mother's
    fixed slot (seed 003 第二篇 6(6)): ``start`` (one hour later in), ``lunch``
    (next to the lunch break) or ``end`` (one hour earlier out). ``periods`` are the
    day's working periods ``(hour_from, hour_to)``; a day without any is not checked."""
    periods = sorted(periods)
    if not periods:
        return True

    def same(a, b):
        return abs(a - b) < 1e-6

    if slot == "start":
        return same(hour_from, periods[0][0])
    if slot == "end":
        return same(hour_to, periods[-1][1])
    breaks = [(a[1], b[0]) for a, b in pairwise(periods) if b[0] > a[1]]
    return any(same(hour_to, begin) or same(hour_from, end) for begin, end in breaks)


def nursing_hours(babies, base_hours):
    """Nursing time a working day: ``base_hours`` (国务院令619 art.9: one hour), plus as
    much per additional baby."""
    return base_hours * max(babies, 1)


def childcare_years(birth_date, years):
    """``[(first_day, last_day)]`` of each childcare-leave year until the child is
    ``years`` (the jurisdiction's age: 3 in every province so far)."""
    return [
        (add_months(birth_date, 12 * k), add_months(birth_date, 12 * (k + 1)) - timedelta(days=1))
        for k in range(years)
    ]
