"""19.0.1.3.0: never below the law (issue #12).

- The jurisdiction presets (``noupdate``) gain the figures now modelled (holiday
  extension, the paternity window, childcare per child, only-child parent care,
  bereavement relations) and a source next to each figure; Shanghai's sick-pay
  bands cite the labour bureau's rule (沪劳保发〔1995〕83号), not 沪府规〔2022〕18号.
- Miscarriage leave comes in tiers: a jurisdiction of HR's own keeps its two figures
  as two tiers (the presets' tiers come with the data file).
- Every company counts the seed's close family for bereavement leave.
- Holidays loaded before covered the UTC day (08:00 to 08:00 in China) and did not
  say whether they were statutory: they now cover the company's local day, with
  their kind from chinese-calendar. Their dates are moved in SQL: rewriting them
  through the ORM would re-count and possibly refuse the leaves around them.
"""

import logging
from datetime import datetime, time

from pytz import timezone, utc

from odoo import SUPERUSER_ID, api
from odoo.tools.sql import column_exists

from odoo.addons.cs_attendance.rules import entitlement

_logger = logging.getLogger(__name__)

HOLIDAYS = "国务院关于修改〈全国年节及纪念日放假办法〉的决定（2024-11-10）art.2"
LABOUR_1980 = "〔80〕劳总薪字29号"
NATIONAL_MISCARRIAGE = "女职工劳动保护特别规定（国务院令第619号）art.7"
GUANGDONG_MISCARRIAGE = "广东省实施《女职工劳动保护特别规定》办法 art.11"
GUANGDONG = {
    "maternity_source": "女职工劳动保护特别规定 art.7; 广东省人口与计划生育条例 art.30; "
    "粤人社规〔2023〕17号 items 6, 9",
    "miscarriage_source": GUANGDONG_MISCARRIAGE,
    "marriage_source": "粤人社规〔2023〕17号 item 3",
    "paternity_source": "广东省人口与计划生育条例 art.30",
    "childcare_source": "广东省人口与计划生育条例 art.30 (10 days a year per parent)",
    "parent_care_days": 15,
    "parent_care_yearly_days": 5,
    "parent_care_source": "广东省人口与计划生育条例 (独生子女护理假: 5 days a year, up to 15 "
    "in hospital; verify)",
}
PRESETS = {
    "national": {
        "maternity_source": "女职工劳动保护特别规定（国务院令第619号）arts.7, 9",
        "miscarriage_source": NATIONAL_MISCARRIAGE,
        "marriage_source": LABOUR_1980,
        "sick_pay_source": "劳部发〔1995〕309号 §59",
    },
    "beijing": {
        "childcare_per_child": True,
        "parent_care_days": 10,
        "maternity_source": "女职工劳动保护特别规定 art.7; 北京市人口与计划生育条例 art.19 "
        "(continuous, rest days and holidays included)",
        "miscarriage_source": NATIONAL_MISCARRIAGE,
        "marriage_source": "北京市人口与计划生育条例",
        "paternity_source": "北京市人口与计划生育条例 (15 days, one block)",
        "childcare_source": "北京市人口与计划生育条例 (5 working days a year per parent, per "
        "child under 3)",
        "parent_care_source": "北京市人口与计划生育条例 (独生子女护理假: 10 working days a year; "
        "verify)",
        "sick_pay_source": "劳部发〔1995〕309号 §59; 北京市工资支付规定 art.21",
    },
    "shanghai": {
        "maternity_extension_extends": True,
        "paternity_extends": True,
        "paternity_within_maternity": True,
        "childcare_per_child": True,
        "maternity_source": "女职工劳动保护特别规定 art.7; 上海市人口与计划生育条例 art.31; "
        "沪府规〔2022〕18号 (生育假 60 days, extended over statutory holidays)",
        "miscarriage_source": NATIONAL_MISCARRIAGE,
        "marriage_source": "沪府规〔2022〕18号 art.2 (3 + 7 days)",
        "paternity_source": "沪府规〔2022〕18号 (10 days during the wife's maternity leave, "
        "extended over statutory holidays)",
        "childcare_source": "上海市人口与计划生育条例 art.31 (5 days a year per parent, per "
        "child under 3)",
        "bereavement_source": f"{LABOUR_1980}; Shanghai: also the spouse's parents",
        "sick_pay_source": "沪劳保发〔1995〕83号 (restated 2004); 劳部发〔1995〕309号 §59",
    },
    "guangdong": {**GUANGDONG, "sick_pay_source": "劳部发〔1995〕309号 §59"},
    "shenzhen": {
        **GUANGDONG,
        "sick_pay_source": "深圳市员工工资支付条例 art.23; 劳部发〔1995〕309号 §59",
    },
    "hunan": {
        "parent_care_days": 15,
        "maternity_source": "女职工劳动保护特别规定 art.7; 湖南省人口与计划生育条例 art.16 "
        "(calendar days)",
        "miscarriage_source": NATIONAL_MISCARRIAGE,
        "marriage_source": "湖南省人口与计划生育条例 (3 days; verify)",
        "paternity_source": "湖南省人口与计划生育条例",
        "childcare_source": "湖南省人口与计划生育条例 (10 days a year per parent, counted as "
        "attendance)",
        "parent_care_source": "湖南省人口与计划生育条例 (独生子女护理假: up to 15 days a year in "
        "hospital, counted as attendance; verify)",
        "sick_pay_source": "劳部发〔1995〕309号 §59",
    },
}
BEREAVEMENT_RELATIONS = ("parent", "spouse", "child")


def _update_presets(env):
    relations = {
        code: env.ref(f"cs_attendance.relation_{code}")
        for code in ("parent", "parent_in_law", "spouse", "child")
    }
    for code, values in PRESETS.items():
        jurisdiction = env.ref(f"cs_attendance.jurisdiction_{code}", raise_if_not_found=False)
        if not jurisdiction:
            continue
        covered = [*BEREAVEMENT_RELATIONS, *(("parent_in_law",) if code == "shanghai" else ())]
        jurisdiction.write(
            {
                "holiday_source": HOLIDAYS,
                "bereavement_source": LABOUR_1980,
                **values,
                "bereavement_relation_ids": [(6, 0, [relations[name].id for name in covered])],
            }
        )


def _tiers_of_own_jurisdictions(env, cr):
    """Jurisdictions without tiers keep their two old figures as two tiers."""
    if not column_exists(cr, "cs_leave_jurisdiction", "miscarriage_early_days"):
        return
    cr.execute(
        "SELECT id, miscarriage_early_days, miscarriage_late_days FROM cs_leave_jurisdiction"
    )
    Tier = env["cs.leave.jurisdiction.miscarriage"]
    for jurisdiction_id, early, late in cr.fetchall():
        jurisdiction = env["cs.leave.jurisdiction"].browse(jurisdiction_id)
        if jurisdiction.miscarriage_tier_ids:
            continue
        Tier.create(
            [
                {"jurisdiction_id": jurisdiction_id, "from_months": 0, "days_min": early or 15},
                {"jurisdiction_id": jurisdiction_id, "from_months": 4, "days_min": late or 42},
            ]
        )


def _holiday_kind(day):
    """The kind of a loaded holiday by chinese-calendar, or None for a year it does
    not know."""
    try:
        import chinese_calendar  # noqa: PLC0415 - optional dependency
    except ImportError:
        return None
    try:
        is_holiday, name = chinese_calendar.get_holiday_detail(day)
        terms = chinese_calendar.get_solar_terms(
            day.replace(month=4, day=1), day.replace(month=4, day=30)
        )
    except NotImplementedError:
        return None
    if not (is_holiday and name):
        return None
    qingming = next(term_day for term_day, term in terms if term == "清明")
    fixed = entitlement.fixed_holiday_dates(day.year, qingming)
    return entitlement.holiday_kind(day, name, chinese_calendar.is_in_lieu(day), fixed)


def _holidays_to_the_local_day(env, cr):
    cr.execute(
        """
        SELECT id, company_id, date_from
          FROM resource_calendar_leaves
         WHERE resource_id IS NULL
           AND holiday_id IS NULL
           AND cs_holiday_kind IS NULL
           AND date_from::time = '00:00:00'
           AND date_to::time = '23:59:59'
           AND date_from::date = date_to::date
        """
    )
    rows = cr.fetchall()
    companies = env["res.company"].browse({company_id for _id, company_id, _from in rows})
    zones = {
        company.id: timezone(
            company.resource_calendar_id.tz or company.partner_id.tz or "Asia/Shanghai"
        )
        for company in companies
    }
    for leave_id, company_id, date_from in rows:
        zone = zones.get(company_id) or timezone("Asia/Shanghai")
        day = date_from.date()
        start = zone.localize(datetime.combine(day, time.min)).astimezone(utc)
        stop = zone.localize(datetime.combine(day, time(23, 59, 59))).astimezone(utc)
        cr.execute(
            "UPDATE resource_calendar_leaves SET date_from = %s, date_to = %s, "
            "cs_holiday_kind = %s WHERE id = %s",
            (
                start.replace(tzinfo=None),
                stop.replace(tzinfo=None),
                _holiday_kind(day),
                leave_id,
            ),
        )
    _logger.info("cs_attendance: %s holidays moved to the company's local day", len(rows))
    env["resource.calendar.leaves"].invalidate_model(["date_from", "date_to", "cs_holiday_kind"])


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    _update_presets(env)
    _tiers_of_own_jurisdictions(env, cr)
    env["res.company"]._cs_init_close_relations()
    _holidays_to_the_local_day(env, cr)
