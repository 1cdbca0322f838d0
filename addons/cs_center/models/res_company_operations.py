from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.cs_center.rules import handover as handover_rules
from odoo.addons.cs_center.rules import presale as presale_rules
from odoo.addons.cs_center.rules import quality as quality_rules


class ResCompany(models.Model):
    """Policy values of the handover, quality inspection and pre-sale flow
    (REQUIREMENTS C9-C11), each with the seed's default."""

    _inherit = "res.company"

    # Seed 003 第三篇 十五: 逾時接班...按遲到處理 — past the change-over is late.
    cs_handover_late_minutes = fields.Integer(
        string="Relief Late After (minutes)",
        default=0,
        help="Minutes after the change-over within which the incoming person still takes "
        "over on time. The seed counts any delay as late (逾时接班按迟到处理): 0.",
    )
    cs_qa_pass_mark = fields.Integer(
        string="Quality Pass Mark",
        default=80,
        help="A spot check, and an agent's period, scoring at least this (of 100) passes.",
    )
    cs_qa_forbidden_max_score = fields.Integer(
        string="Score With a Forbidden Phrase at Most",
        default=0,
        help="A check that heard a forbidden phrase (服务禁用语, e.g. 这不关我的事) scores at "
        "most this, below the pass mark: 0 vetoes the check (一票否决).",
    )
    # Seed 002 第三章 细则 1: 业务员每天3个有效客户信息交到客服部.
    cs_presale_daily_leads = fields.Integer(
        string="Valid Leads per Salesperson and Day",
        default=3,
        help="A salesperson's daily lead report with fewer valid leads is flagged short.",
    )
    # Seed 002 第三章 细则 3: 看样板房必须提前24小时上报 (特殊情况提前2小时).
    cs_sample_visit_notice_hours = fields.Integer(
        string="Sample-Room Visit Notice (hours)",
        default=24,
        help="A visit to a sample room is requested at least this long ahead.",
    )
    cs_sample_visit_special_hours = fields.Integer(
        string="Special Case Notice (hours)",
        default=2,
        help="A visit marked as a special case may be requested this short ahead.",
    )

    @api.constrains("cs_handover_late_minutes")
    def _check_cs_handover_policy(self):
        for company in self:
            if not 0 <= company.cs_handover_late_minutes <= handover_rules.LATE_GRACE_MAX_MINUTES:
                raise ValidationError(
                    self.env._(
                        "A relief is late after 0 to %(max)s minutes.",
                        max=handover_rules.LATE_GRACE_MAX_MINUTES,
                    )
                )

    @api.constrains("cs_qa_pass_mark", "cs_qa_forbidden_max_score")
    def _check_cs_quality_policy(self):
        for company in self:
            problem = quality_rules.policy_problem(
                company.cs_qa_pass_mark, company.cs_qa_forbidden_max_score
            )
            if problem == "pass_mark":
                raise ValidationError(
                    self.env._(
                        "The quality pass mark goes from 1 to %(max)s.", max=quality_rules.SCORE_MAX
                    )
                )
            if problem:
                raise ValidationError(
                    self.env._(
                        "A check with a forbidden phrase must score below the pass mark "
                        "(%(mark)s): at most %(highest)s.",
                        mark=company.cs_qa_pass_mark,
                        highest=company.cs_qa_pass_mark - 1,
                    )
                )

    @api.constrains(
        "cs_presale_daily_leads", "cs_sample_visit_notice_hours", "cs_sample_visit_special_hours"
    )
    def _check_cs_presale_policy(self):
        for company in self:
            problem = presale_rules.policy_problem(
                company.cs_presale_daily_leads,
                company.cs_sample_visit_notice_hours,
                company.cs_sample_visit_special_hours,
            )
            if problem == "daily_leads":
                raise ValidationError(
                    self.env._(
                        "A salesperson reports 1 to %(max)s valid leads a day.",
                        max=presale_rules.DAILY_LEADS_MAX,
                    )
                )
            if problem == "notice":
                raise ValidationError(
                    self.env._(
                        "A sample-room visit is requested 1 to %(max)s hours ahead.",
                        max=presale_rules.NOTICE_HOURS_MAX,
                    )
                )
            if problem:
                raise ValidationError(
                    self.env._(
                        "The notice of a special case goes from 0 hours to the normal notice."
                    )
                )
