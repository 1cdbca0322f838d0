"""Records of each model of `cs_center` in a given company, for the access matrix
and the hostile-input tests."""

from datetime import date, datetime, timedelta


class Factories:
    """Each ``_make_<model>`` returns a new record of that model in ``company``."""

    @classmethod
    def _make_cs_team(cls, company):
        return cls.env["cs.team"].create({"name": "热线组", "company_id": company.id})

    @classmethod
    def _make_cs_sla_policy(cls, company):
        return cls.env["cs.sla.policy"].create({"name": "电话投诉", "company_id": company.id})

    @classmethod
    def _make_cs_key_account_group(cls, company):
        return cls.env["cs.key.account.group"].create(
            {"name": "大客户一组", "company_id": company.id}
        )

    @classmethod
    def _make_cs_complaint_category(cls, company):
        return cls.env["cs.complaint.category"].create({"name": "商品质量"})

    @classmethod
    def _make_cs_complaint(cls, company):
        return cls.env["cs.complaint"].create({"subject": "退货被拒", "company_id": company.id})

    @classmethod
    def _make_cs_complaint_callback(cls, company):
        return cls.env["cs.complaint.callback"].create(
            {"complaint_id": cls._make_cs_complaint(company).id, "score": 5}
        )

    @classmethod
    def _make_cs_call_record(cls, company):
        return cls.env["cs.call.record"].create(
            {"content": "咨询营业时间", "company_id": company.id}
        )

    @classmethod
    def _make_cs_suggestion(cls, company):
        return cls.env["cs.suggestion"].create(
            {"subject": "增加座椅", "content": "休息区座椅太少", "company_id": company.id}
        )

    @classmethod
    def _make_cs_complaint_transfer(cls, company):
        return cls.env["cs.complaint.transfer"]

    @classmethod
    def _make_cs_tracking_sheet(cls, company):
        return cls.env["cs.tracking.sheet"]

    # Handover, quality inspection, pre-sale flow and dashboard (issue #11)
    @classmethod
    def _matrix_user(cls, company, role):
        return (cls.users if company == cls.company else cls.insiders)[role]

    @classmethod
    def _make_cs_handover_shift(cls, company):
        return cls.env["cs.handover.shift"].create(
            {"name": "早班", "hour_from": 7.0, "hour_to": 15.0, "company_id": company.id}
        )

    @classmethod
    def _make_cs_handover(cls, company):
        return cls.env["cs.handover"].create(
            {
                "shift_id": cls.env.ref("cs_center.shift_day").id,
                "outgoing_user_id": cls._matrix_user(company, "agent").id,
                "incoming_user_id": cls._matrix_user(company, "assistant").id,
                "equipment_state": "电话、电脑正常",
                "company_id": company.id,
            }
        )

    @classmethod
    def _make_cs_handover_line(cls, company):
        return cls.env["cs.handover.line"].create(
            {"handover_id": cls._make_cs_handover(company).id, "name": "打印机缺纸"}
        )

    @classmethod
    def _make_cs_quality_checklist(cls, company):
        return cls.env["cs.quality.checklist"].create(
            {"name": "电话质检", "channel": "phone", "company_id": company.id}
        )

    @classmethod
    def _make_cs_quality_checklist_item(cls, company):
        return cls.env["cs.quality.checklist.item"].create(
            {
                "checklist_id": cls._make_cs_quality_checklist(company).id,
                "name": "标准问候语",
                "phrase": "您好!某购物广场",
                "weight": 20,
            }
        )

    @classmethod
    def _make_cs_quality_check(cls, company):
        """A scored check of the matrix's CS agent: agents read their own only."""
        check = cls.env["cs.quality.check"].create(
            {
                "checklist_id": cls.env.ref("cs_center.checklist_chat").id,
                "agent_id": cls._matrix_user(company, "agent").id,
                "chat_reference": "在线客服会话 #1",
                "company_id": company.id,
            }
        )
        check.action_done()
        return check

    @classmethod
    def _make_cs_quality_check_line(cls, company):
        return cls._make_cs_quality_check(company).line_ids[:1]

    @classmethod
    def _make_cs_quality_period(cls, company):
        return cls._make_cs_quality_check(company).period_id

    @classmethod
    def _make_cs_designer_group(cls, company):
        return cls.env["cs.designer.group"].create({"name": "设计一组", "company_id": company.id})

    @classmethod
    def _make_lead(cls, company):
        return cls.env["crm.lead"].create(
            {
                "name": "新房装修咨询",
                "user_id": cls._matrix_user(company, "agent").id,
                "company_id": company.id,
            }
        )

    @classmethod
    def _make_cs_presale_report(cls, company):
        """A report of the matrix's CS agent as salesperson, one day each."""
        salesperson = cls._matrix_user(company, "agent")
        Report = cls.env["cs.presale.report"]
        earlier = Report.search_count([("user_id", "=", salesperson.id)])
        return Report.create(
            {
                "user_id": salesperson.id,
                "date": date.today() - timedelta(days=earlier),
                "company_id": company.id,
            }
        )

    @classmethod
    def _make_cs_presale_report_line(cls, company):
        return cls.env["cs.presale.report.line"].create(
            {
                "report_id": cls._make_cs_presale_report(company).id,
                "lead_id": cls._make_lead(company).id,
            }
        )

    @classmethod
    def _make_cs_presale_reception(cls, company):
        return cls.env["cs.presale.reception"].create(
            {
                "customer_name": "张先生",
                "salesperson_id": cls._matrix_user(company, "agent").id,
                "expected_at": datetime.now() + timedelta(hours=3),
                "company_id": company.id,
            }
        )

    @classmethod
    def _make_cs_presale_sample_visit(cls, company):
        return cls.env["cs.presale.sample.visit"].create(
            {
                "customer_name": "王女士",
                "salesperson_id": cls._matrix_user(company, "agent").id,
                "visit_at": datetime.now() + timedelta(days=2),
                "company_id": company.id,
            }
        )

    @classmethod
    def _make_cs_presale_followup(cls, company):
        return cls.env["cs.presale.followup"].create(
            {
                "lead_id": cls._make_lead(company).id,
                "summary": "客户在比较两家设计方案",
                "company_id": company.id,
            }
        )

    @classmethod
    def _make_cs_presale_analysis(cls, company):
        followup = cls._make_cs_presale_followup(company)
        return cls.env["cs.presale.analysis"].search(
            [("kind", "=", "followup"), ("lead_id", "=", followup.lead_id.id)]
        )

    @classmethod
    def _make_cs_dashboard_report(cls, company):
        call = cls._make_cs_call_record(company)
        return cls.env["cs.dashboard.report"].search(
            [("res_model", "=", "cs.call.record"), ("res_id", "=", call.id)]
        )

    @classmethod
    def _make_cs_dashboard_export(cls, company):
        return cls.env["cs.dashboard.export"]
