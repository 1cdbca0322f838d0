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


def maternity(jurisdiction, company, difficult=False, babies=1, _=english):
    """Maternity leave, one block of calendar days.

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
    return _higher((law, _basis(law_parts, law, _)), (firm, _basis(firm_parts, firm, _)), _)


def miscarriage(months, under_four, four_or_more, _=english):
    """Miscarriage leave by months of pregnancy (the jurisdiction's figures)."""
    if months < 4:
        return under_four, _("%(days)s days (miscarriage under 4 months)", days=under_four)
    return four_or_more, _("%(days)s days (miscarriage at 4 months or more)", days=four_or_more)


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


def annual(
    career_years, join_date, year, first_year_days, later_days, cap, grade_days=0, _=english
):
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
    share=0.0,
    minimum_wage=0.0,
    wage=0.0,
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
        _rate, known = sick_pay_rate(company_rate, wage_floor, long_months=long_months, _=_)
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


def nursing_hours(babies, base_hours=1.0):
    """Nursing time a working day: one hour, plus one per additional baby."""
    return base_hours * max(babies, 1)


def childcare_years(birth_date, years=3):
    """``[(first_day, last_day)]`` of each childcare-leave year until the child is ``years``."""
    return [
        (add_months(birth_date, 12 * k), add_months(birth_date, 12 * (k + 1)) - timedelta(days=1))
        for k in range(years)
    ]
