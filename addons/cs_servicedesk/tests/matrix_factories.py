"""Records of each model of `cs_servicedesk` in a given company, for the access matrix
and the hostile-input tests."""


class Factories:
    """Each ``_make_<model>`` returns a new record of that model in ``company``."""

    @classmethod
    def _make_cs_loan_item_type(cls, company):
        return cls.env["cs.loan.item.type"].create({"name": "雨伞", "company_id": company.id})

    @classmethod
    def _make_cs_loan(cls, company):
        return cls.env["cs.loan"].create(
            {
                "item_type_id": cls._make_cs_loan_item_type(company).id,
                "borrower_name": "陈晓明",
                "company_id": company.id,
            }
        )

    @classmethod
    def _make_cs_medicine(cls, company):
        return cls.env["cs.medicine"].create({"name": "创可贴", "company_id": company.id})

    @classmethod
    def _make_cs_medicine_move(cls, company):
        return cls.env["cs.medicine.move"].create(
            {"medicine_id": cls._make_cs_medicine(company).id, "move_type": "restock"}
        )

    @classmethod
    def _make_cs_lost_item(cls, company):
        return cls.env["cs.lost.item"].create(
            {
                "description": "钱包",
                "colour": "黑色",
                "features": "内有会员卡",
                "company_id": company.id,
            }
        )

    @classmethod
    def _make_cs_free_service(cls, company):
        return cls.env["cs.free.service"].create(
            {"requested_by": "王女士", "content": "寻找走失儿童", "company_id": company.id}
        )

    @classmethod
    def _make_cs_point_card(cls, company):
        return cls.env["cs.point.card"].create(
            {
                "partner_id": cls.env["res.partner"].create({"name": "赵丽"}).id,
                "id_number": "430102199001011234",
                "application_receipt": "R-001",
                "company_id": company.id,
            }
        )

    @classmethod
    def _make_cs_point_card_line(cls, company):
        return cls.env["cs.point.card.line"].create(
            {"card_id": cls._make_cs_point_card(company).id, "points": 10, "receipt": "R-002"}
        )

    @classmethod
    def _make_cs_desk_counter(cls, company):
        name = f"柜台 {len(cls.env['cs.desk.counter'].search([]))}"
        return cls.env["cs.desk.counter"].create({"name": name, "company_id": company.id})

    @classmethod
    def _make_cs_desk_session(cls, company):
        return cls.env["cs.desk.session"].create(
            {"counter_id": cls._make_cs_desk_counter(company).id}
        )

    @classmethod
    def _make_cs_desk_session_count(cls, company):
        return cls._make_cs_desk_session(company).count_line_ids[:1]

    @classmethod
    def _make_cs_desk_sale(cls, company):
        return cls.env["cs.desk.sale"].create({"counter_id": cls._make_cs_desk_counter(company).id})

    @classmethod
    def _make_cs_desk_sale_line(cls, company):
        service = cls.env["product.product"].create(
            {
                "name": "复印",
                "cs_counter_service": True,
                "list_price": 1.0,
                "company_id": company.id,
            }
        )
        return cls.env["cs.desk.sale.line"].create(
            {"sale_id": cls._make_cs_desk_sale(company).id, "product_id": service.id}
        )

    @classmethod
    def _make_cs_fapiao_request(cls, company):
        return cls.env["cs.fapiao.request"].create(
            {"buyer_title": "湘江百货有限公司", "amount": 100.0, "company_id": company.id}
        )

    @classmethod
    def _make_cs_deposit_report(cls, company):
        return cls.env["cs.deposit.report"]
