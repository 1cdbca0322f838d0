"""Records of each model of `cs_attendance` in a given company, for the access matrix
and the hostile-input tests."""

from datetime import date


class Factories:
    """Each ``_make_<model>`` returns a new record of that model in ``company``."""

    @classmethod
    def _make_cs_life_event(cls, company):
        employee = cls.env["hr.employee"].create({"name": "周敏", "company_id": company.id})
        return cls.env["cs.life.event"].create(
            {"employee_id": employee.id, "event_type": "marriage", "event_date": date(2026, 5, 20)}
        )

    @classmethod
    def _make_cs_workday_extra(cls, company):
        return cls.env["cs.workday.extra"].create(
            {"name": "国庆调休上班", "date": date(2026, 10, 10), "company_id": company.id}
        )

    @classmethod
    def _make_cs_leave_jurisdiction(cls, company):
        return cls.env["cs.leave.jurisdiction"].create({"name": "测试省", "code": "XX"})

    @classmethod
    def _make_cs_holiday_load(cls, company):
        return cls.env["cs.holiday.load"]
