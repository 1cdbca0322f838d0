"""Quality-inspection scoring (seed 001 服务质量监督 1; 003 5.3.8-5.3.10).
Plain Python: no Odoo import.

A spot check scores the items of its channel's checklist: each standard item
(answered within the rings, the standard greeting, the courtesy phrases, a
complete record...) weighs some points and is met, missed or does not apply; a
forbidden phrase ("这不关我的事"...) used caps the whole check at a company's
maximum, below its pass mark (禁用语一票否决 by default: 0).
"""

SCORE_MAX = 100
# Points one checklist item may weigh.
WEIGHT_MAX = 100

STANDARD, FORBIDDEN = "standard", "forbidden"
PASS, FAIL, NOT_APPLICABLE = "pass", "fail", "na"


def check_score(results, forbidden_max):
    """Score from 0 to 100 of a check.

    ``results``: ``(kind, weight, result)`` per item. The score is the share of
    the weight of the applicable standard items that were met; without any, the
    check found nothing to fault (100). A forbidden item failed (the phrase was
    used) caps the score at ``forbidden_max``."""
    met = applicable = 0
    forbidden_used = False
    for kind, weight, result in results:
        if kind == FORBIDDEN:
            forbidden_used = forbidden_used or result == FAIL
        elif result in (PASS, FAIL):
            applicable += weight
            met += weight if result == PASS else 0
    score = SCORE_MAX * met / applicable if applicable else float(SCORE_MAX)
    if forbidden_used:
        score = min(score, forbidden_max)
    return round(score, 2)


def forbidden_used(results):
    return any(kind == FORBIDDEN and result == FAIL for kind, _weight, result in results)


def passed(score, pass_mark):
    return score >= pass_mark


def period_score(scores):
    """An agent's score for a period: the average of its checks; None without any
    (an agent nobody checked has no score, not a score of 0)."""
    scores = list(scores)
    if not scores:
        return None
    return round(sum(scores) / len(scores), 2)


def policy_problem(pass_mark, forbidden_max):
    """Why a company's pass mark and forbidden-phrase cap cannot work together."""
    if not 0 < pass_mark <= SCORE_MAX:
        return "pass_mark"
    if not 0 <= forbidden_max < pass_mark:
        return "forbidden_max"
    return None
