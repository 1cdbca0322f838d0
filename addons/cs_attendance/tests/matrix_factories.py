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
    def _make_cs_shift(cls, company):
        return cls.env["cs.shift"].create(
            {"name": "白班", "start_hour": 8.5, "end_hour": 16.5, "company_id": company.id}
        )

    @classmethod
    def _make_cs_roster(cls, company):
        department = cls.env["hr.department"].create({"name": "客服部", "company_id": company.id})
        return cls.env["cs.roster"].create(
            {
                "name": "十二月排班",
                "department_id": department.id,
                "date_from": date(2026, 12, 1),
                "date_to": date(2026, 12, 31),
                "company_id": company.id,
            }
        )

    @classmethod
    def _make_cs_roster_line(cls, company):
        roster = cls._make_cs_roster(company)
        employee = cls.env["hr.employee"].create(
            {"name": "赵敏", "company_id": company.id, "department_id": roster.department_id.id}
        )
        return cls.env["cs.roster.line"].create(
            {
                "roster_id": roster.id,
                "employee_id": employee.id,
                "date": date(2026, 12, 2),
                "shift_id": cls._make_cs_shift(company).id,
            }
        )

    @classmethod
    def _make_cs_shift_swap(cls, company):
        line = cls._make_cs_roster_line(company)
        other = cls.env["hr.employee"].create(
            {
                "name": "钱峰",
                "company_id": company.id,
                "department_id": line.roster_id.department_id.id,
            }
        )
        cls.env["cs.roster.line"].create(
            {
                "roster_id": line.roster_id.id,
                "employee_id": other.id,
                "date": date(2026, 12, 3),
                "shift_id": line.shift_id.id,
            }
        )
        return cls.env["cs.shift.swap"].create(
            {
                "employee_id": line.employee_id.id,
                "date": line.date,
                "other_employee_id": other.id,
                "other_date": date(2026, 12, 3),
                "reason": "家中有事",
                "company_id": company.id,
            }
        )

    @classmethod
    def _make_cs_attendance_week(cls, company):
        day = cls._make_cs_attendance_day(company)
        day.flush_recordset()
        return cls.env["cs.attendance.week"].search([("employee_id", "=", day.employee_id.id)])

    @classmethod
    def _make_cs_attendance_day(cls, company):
        employee = cls.env["hr.employee"].create({"name": "孙丽", "company_id": company.id})
        return (
            cls.env["cs.attendance.day"]
            .sudo()
            ._cs_action_create(
                [{"employee_id": employee.id, "date": date(2026, 12, 2), "company_id": company.id}]
            )
        )

    @classmethod
    def _make_cs_punch_import(cls, company):
        return cls.env["cs.punch.import"]

    @classmethod
    def _make_cs_proxy_punch(cls, company):
        return cls.env["cs.proxy.punch"]

    @classmethod
    def _make_cs_holiday_load(cls, company):
        return cls.env["cs.holiday.load"]

    @classmethod
    def _make_cs_annual_leave_year_end(cls, company):
        return cls.env["cs.annual.leave.year.end"]

    @classmethod
    def _make_cs_annual_leave_year_end_line(cls, company):
        return cls.env["cs.annual.leave.year.end.line"]

    @classmethod
    def _make_cs_attendance_exception(cls, company):
        employee = cls.env["hr.employee"].create({"name": "吴静", "company_id": company.id})
        return cls.env["cs.attendance.exception"].create(
            {
                "employee_id": employee.id,
                "kind": "missed_punch",
                "date_from": date(2026, 12, 2),
                "date_to": date(2026, 12, 2),
                "reason": "忘记打卡",
            }
        )

    @classmethod
    def _make_cs_attendance_settlement(cls, company):
        employee = cls.env["hr.employee"].create({"name": "郑浩", "company_id": company.id})
        return (
            cls.env["cs.attendance.settlement"]
            .sudo()
            ._cs_action_create(
                [
                    {
                        "employee_id": employee.id,
                        "company_id": company.id,
                        "period_start": date(2026, 11, 21),
                        "period_end": date(2026, 12, 20),
                    }
                ]
            )
        )

    @classmethod
    def _make_cs_overtime_request(cls, company):
        employee = cls.env["hr.employee"].create({"name": "韩梅", "company_id": company.id})
        return cls.env["cs.overtime.request"].create(
            {
                "employee_id": employee.id,
                "date": date(2026, 12, 5),
                "hour_from": 9.0,
                "hour_to": 13.0,
                "reason": "周末促销",
            }
        )

    @classmethod
    def _make_cs_family_relation(cls, company):
        return cls.env.ref("cs_attendance.relation_parent")

    @classmethod
    def _make_cs_leave_jurisdiction_miscarriage(cls, company):
        jurisdiction = cls.env["cs.leave.jurisdiction"].create({"name": "测试市", "code": "XM"})
        return cls.env["cs.leave.jurisdiction.miscarriage"].create(
            {"jurisdiction_id": jurisdiction.id, "from_months": 4, "days_min": 42}
        )

    @classmethod
    def _make_cs_holiday_load_line(cls, company):
        return cls.env["cs.holiday.load.line"]

    @classmethod
    def _make_cs_attendance_settlement_line(cls, company):
        settlement = cls._make_cs_attendance_settlement(company)
        return (
            cls.env["cs.attendance.settlement.line"]
            .sudo()
            ._cs_action_create(
                [{"settlement_id": settlement.id, "kind": "overtime", "rate": 2.0, "hours": 4.0}]
            )
        )

    @classmethod
    def _make_cs_settlement_reopen(cls, company):
        return cls.env["cs.settlement.reopen"]

    @classmethod
    def _make_cs_settlement_open(cls, company):
        return cls.env["cs.settlement.open"]
