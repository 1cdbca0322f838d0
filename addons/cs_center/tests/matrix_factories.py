"""Records of each model of `cs_center` in a given company, for the access matrix
and the hostile-input tests."""


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
