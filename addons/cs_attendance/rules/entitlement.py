"""Leave entitlements: the statutory floor of a jurisdiction against the
company's own rules (seed 003 第二篇 6; PRC_RULES.md). The higher one is
granted, and the basis says how it was reached.

Every function returns ``(days, basis)``: ``basis`` is a readable sum such as
"98 national + 60 Beijing + 15 difficult labour = 173 days".
"""

import math
from datetime import date, timedelta
from itertools import pairwise


def _basis(parts, total, unit="days"):
    text = " + ".join(f"{amount:g} {label}" for amount, label in parts if amount)
    return f"{text} = {total:g} {unit}"


def _higher(statutory, company, company_label="company policy"):
    """Grant the higher figure; say which one applied."""
    (law_days, law_basis), (firm_days, firm_basis) = statutory, company
    if firm_days > law_days:
        return firm_days, f"{firm_basis} ({company_label}, above the statutory {law_days:g})"
    if firm_days < law_days:
        return law_days, f"{law_basis} (statutory; {company_label} gives only {firm_days:g})"
    return law_days, law_basis


def maternity(jurisdiction, company, difficult=False, babies=1):
    """Maternity leave, one block of calendar days.

    ``jurisdiction`` and ``company`` are dicts of the same shape: ``base`` (98
    nationally; the seed's company policy: 90 incl. 15 before birth),
    ``difficult`` (added for difficult labour), ``extra_baby`` (added per
    additional baby); the jurisdiction also has its ``name`` and provincial
    ``extension``."""
    extra_babies = max(babies - 1, 0)
    baby_label = "extra baby" if extra_babies == 1 else "extra babies"

    def parts(rule, first_label, extension):
        return [
            (rule["base"], first_label),
            extension,
            (rule["difficult"] if difficult else 0, "difficult labour"),
            (rule["extra_baby"] * extra_babies, baby_label),
        ]

    law_parts = parts(
        jurisdiction, "national", (jurisdiction.get("extension", 0), jurisdiction["name"])
    )
    firm_parts = parts(company, "company", (0, ""))
    law = sum(amount for amount, _label in law_parts)
    firm = sum(amount for amount, _label in firm_parts)
    return _higher((law, _basis(law_parts, law)), (firm, _basis(firm_parts, firm)))


def miscarriage(months, under_four=15, four_or_more=42):
    days = under_four if months < 4 else four_or_more
    label = "under 4 months" if months < 4 else "4 months or more"
    return days, f"{days} days (miscarriage {label})"


def simple(law_days, law_label, company_days):
    """Marriage, paternity and the like: one statutory figure against the company's."""
    return _higher(
        (law_days, _basis([(law_days, law_label)], law_days)),
        (company_days, _basis([(company_days, "company")], company_days)),
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


def annual(career_years, join_date, year, first_year_days, later_days, cap, grade_days=0):
    """Annual leave for ``year``: the statutory tier by career years, pro-rated
    for a joiner, against the company's tenure rule (seed: 5 in the first year
    with us, 10 after, capped at 15; directors 10 from the start: ``grade_days``)."""
    tier = statutory_annual(career_years)
    law = prorate(tier, join_date, year)
    law_basis = f"{tier} national for {career_years:g} career years"
    if join_date.year == year and law != tier:
        remaining = (date(year, 12, 31) - join_date).days + 1
        law_basis += f" × {remaining}/365"
    law_basis += f" = {law} days"
    years_with_us = year - join_date.year
    firm = min(max(first_year_days if years_with_us < 1 else later_days, grade_days), cap)
    tenure = "first year with the company" if years_with_us < 1 else "after the first year"
    if grade_days and grade_days >= firm:
        tenure = "grade"
    firm_basis = f"{firm} company ({tenure}) = {firm} days"
    return _higher((law, law_basis), (firm, firm_basis))


def sick_floor_by_service(bands, service_years, default):
    """The sick-pay floor from bands "years:percent,..." (Shanghai: 0:60,2:70,4:80,6:90,8:100)."""
    floor = default
    for band in (bands or "").split(","):
        if ":" in band:
            years, percent = (float(part) for part in band.split(":"))
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


def sick_pay_rate(company_rate, wage_floor, share=0.0, minimum_wage=0.0, wage=0.0, note=""):
    """Sick pay in % of the wage: the company's rate, never below either floor.

    ``wage_floor`` is a share of the employee's own wage (Shanghai's bands by service),
    ``share`` a share of the local ``minimum_wage`` (nationally 80%), compared through the
    employee's monthly ``wage``; ``note`` qualifies the wage floor. Returns the rate
    and the basis that explains it.
    """
    floors = []
    if wage_floor:
        floors.append((wage_floor, f"{wage_floor:g}% of wage" + (f" ({note})" if note else "")))
    converted = minimum_wage_floor(share, minimum_wage, wage)
    if converted is not None:
        floors.append(
            (
                converted,
                f"{share:g}% of minimum wage {minimum_wage:g} = {converted:g}% of wage {wage:g}",
            )
        )
    elif share:
        floors.append((0.0, f"{share:g}% of minimum wage not checked: minimum wage or wage unset"))
    floor, why = max(floors, default=(0.0, ""), key=lambda item: item[0])
    if company_rate >= floor:
        notes = "; ".join(text for _rate, text in floors)
        basis = f"{company_rate:g}% company rate" + (f" (floors: {notes})" if notes else "")
        return company_rate, basis
    return floor, f"{floor:g}% statutory floor: {why} (company rate {company_rate:g}% is lower)"


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


def consecutive_days(spans):
    """Longest run of calendar days covered by touching or overlapping spans."""
    best = current = 0
    end = None
    for start, stop in sorted(spans):
        if end is not None and start <= end + timedelta(days=1):
            current += max((stop - end).days, 0)
        else:
            current = days_between(start, stop)
        end = max(end or stop, stop)
        best = max(best, current)
    return best


def run_start(spans, start, rest_days=frozenset()):
    """First day of the unbroken run of ``spans`` (pairs of dates) that reaches the
    day before ``start``, or ``start`` itself when none does. Days in ``rest_days``
    (weekends and holidays off) between two spans do not break the run."""

    def bridged(span_to, first):
        day = span_to + timedelta(days=1)
        while day < first:
            if day not in rest_days:
                return False
            day += timedelta(days=1)
        return True

    first = start
    moved = True
    while moved:
        moved = False
        for span_from, span_to in spans:
            if span_from < first and bridged(span_to, first):
                first, moved = span_from, True
    return first


def long_sickness(spans, start, months, rest_days=frozenset()):
    """True when ``start`` falls ``months`` or more after the first day of the
    continuous sick leave it extends (Shanghai: 6 months, then lower bands)."""
    return bool(months) and add_months(run_start(spans, start, rest_days), months) <= start


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
