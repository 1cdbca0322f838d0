"""Pre-sale lead flow (seed 002 第三章 一 售前服务流程 and its 细则).
Plain Python: no Odoo import.
"""

from datetime import timedelta

# Most valid leads a company may ask of a salesperson a day, and most hours of
# notice it may ask for a sample-room visit: beyond, a typing mistake.
DAILY_LEADS_MAX = 100
NOTICE_HOURS_MAX = 30 * 24


def shortfall(valid_leads, target):
    """细则 1: a salesperson reports ``target`` valid leads a day (3 by the seed)."""
    return valid_leads < target


def notice_hours(requested_at, visit_at):
    return (visit_at - requested_at).total_seconds() / 3600


def visit_notice_problem(requested_at, visit_at, special, notice, special_notice):
    """细则 3: a sample-room visit is reported ``notice`` hours ahead (24 h), a
    special case ``special_notice`` hours ahead (2 h). Returns None when the
    request may stand, else why not: ``"past"``, ``"special"`` (too short even
    for a special case) or ``"notice"`` (too short unless special)."""
    if visit_at <= requested_at:
        return "past"
    ahead = visit_at - requested_at
    if ahead >= timedelta(hours=notice):
        return None
    if not special:
        return "notice"
    if ahead >= timedelta(hours=special_notice):
        return None
    return "special"


def policy_problem(daily_leads, notice, special_notice):
    if not 1 <= daily_leads <= DAILY_LEADS_MAX:
        return "daily_leads"
    if not 1 <= notice <= NOTICE_HOURS_MAX:
        return "notice"
    if not 0 <= special_notice <= notice:
        return "special_notice"
    return None
