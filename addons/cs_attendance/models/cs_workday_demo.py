from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.cs_attendance.rules import attendance as att_rules

# The plaza's last attendance period, event by event: (employee, the employee's
# scheduled day of the period counted from 0, what happened, minutes). Every other
# scheduled day is punched five minutes before the start and five minutes after the end.
EVENTS = (
    ("cs_base.emp_agent_1", 2, "late", 35),  # 李娜: over 30 minutes, absence for discipline
    ("cs_base.emp_agent_1", 6, "late", 12),
    ("cs_base.emp_agent_1", 9, "early", 15),
    ("cs_base.emp_agent_2", 3, "missed", 0),  # 张伟: confirmed by an exception form
    ("cs_base.emp_agent_2", 11, "missed", 0),  # not confirmed: a day's absence
    ("cs_base.emp_agent_3", 5, "absent", 0),  # 赵敏: no punch at all
    ("cs_base.emp_agent_3", 7, "trip", 0),  # 赵敏: two days at a key account's site
    ("cs_base.emp_agent_3", 8, "trip", 0),
    ("cs_base.emp_clerk_4", 3, "late", 11),  # 马超: the night shift 16:41 to 08:20
    ("cs_base.emp_clerk_4", 3, "early", 10),
)
HOTLINE = (
    "cs_base.emp_agent_1",
    "cs_base.emp_agent_2",
    "cs_base.emp_agent_3",
    "cs_base.emp_agent_5",
)
# Front desk roster: day shift, front desk shift and night shift (周一至周四夜班).
ROSTER = (
    ("cs_base.emp_clerk_1", "cs_attendance.shift_day", range(5)),
    ("cs_base.emp_clerk_2", "cs_attendance.shift_day", range(5)),
    ("cs_base.emp_clerk_3", "cs_attendance.shift_front_desk", range(5)),
    ("cs_base.emp_clerk_4", "cs_attendance.shift_night", range(4)),
)
OVERTIME_EMPLOYEE = "cs_base.emp_agent_5"  # 周杰: two Saturdays, paid and in lieu
PUNCH_MARGIN = timedelta(minutes=5)


class CsWorkdayDemo(models.AbstractModel):
    """Demo data of the working day (demo/cs_attendance_workday_demo.xml): the last
    ended attendance period of the plaza's hotline (working schedule) and front desk
    (roster with a night shift), with every kind of event, its forms, overtime,
    evaluation and settlements, one of them approved and locked."""

    _name = "cs.workday.demo"
    _description = "Working Day Demo Data"

    @api.model
    def _cs_period(self):
        company = self.env.ref("base.main_company")
        today = fields.Date.context_today(self)
        start_day = company.cs_att_period_start_day
        current = att_rules.period_bounds(today, start_day)[0]
        return att_rules.period_bounds(current - timedelta(days=1), start_day)

    @api.model
    def _cs_staff(self):
        return self.env["hr.employee"].browse(
            [self.env.ref(xmlid).id for xmlid in HOTLINE + tuple(r[0] for r in ROSTER)]
        )

    @api.model
    def _cs_load_month(self):
        """The roster, the punches, the exception forms and the overtime requests."""
        first, last = self._cs_period()
        ref = self.env.ref
        days = []
        day = first
        while day <= last:
            days.append(day)
            day += timedelta(days=1)
        working = [d for d in days if d.weekday() < 5]
        scheduled = {ref(xmlid).id: working for xmlid in HOTLINE}
        for xmlid, _shift, weekdays in ROSTER:
            scheduled[ref(xmlid).id] = [d for d in days if d.weekday() in weekdays]
        events = {}
        for xmlid, index, kind, minutes in EVENTS:
            employee_id = ref(xmlid).id
            events.setdefault((employee_id, scheduled[employee_id][index]), {})[kind] = minutes
        roster = self.env["cs.roster"].create(
            {
                "name": f"前台排班 {first} – {last}",
                "department_id": ref("cs_base.dep_front_desk").id,
                "company_id": ref("base.main_company").id,
                "date_from": first,
                "date_to": last,
                "required_shift_ids": [
                    (6, 0, [ref("cs_attendance.shift_day").id, ref("cs_attendance.shift_night").id])
                ],
                "line_ids": [
                    (0, 0, {"employee_id": ref(emp).id, "date": d, "shift_id": ref(shift).id})
                    for emp, shift, weekdays in ROSTER
                    for d in days
                    if d.weekday() in weekdays
                ],
            }
        )
        roster.action_publish()
        punches = []
        for line in roster.line_ids:
            punches += self._cs_punches(line.employee_id, [line._window()], events)
        for xmlid in HOTLINE:
            employee = ref(xmlid)
            calendar = employee._cs_calendar()
            for d in working:
                hours = calendar.attendance_ids.filtered(
                    lambda a, d=d: int(a.dayofweek) == d.weekday() and a.day_period != "lunch"
                )
                if hours:
                    start = datetime.combine(d, time.min) + timedelta(
                        hours=min(hours.mapped("hour_from"))
                    )
                    end = datetime.combine(d, time.min) + timedelta(
                        hours=max(hours.mapped("hour_to"))
                    )
                    punches += self._cs_punches(employee, [(start, end)], events)
        overtimer = ref(OVERTIME_EMPLOYEE)
        # Saturdays whose whole working week lies in the period (the 40 hours rule).
        saturdays = [d for d in days if d.weekday() == 5 and d - timedelta(days=5) >= first][:2]
        for saturday in saturdays:
            start = datetime.combine(saturday, time(9, 0))
            punches.append(self._cs_attendance(overtimer, start, start + timedelta(hours=4)))
        self.env["hr.attendance"].create(punches)
        self._cs_forms(events)
        self._cs_overtime(overtimer, saturdays)

    def _cs_punches(self, employee, spans, events):
        vals = []
        for start, end in spans:
            happened = events.get((employee.id, start.date()), {})
            if "absent" in happened or "trip" in happened:
                continue
            check_in = start - PUNCH_MARGIN + timedelta(minutes=happened.get("late", 0))
            if "late" in happened:
                check_in += PUNCH_MARGIN
            check_out = end + PUNCH_MARGIN - timedelta(minutes=happened.get("early", 0))
            if "early" in happened:
                check_out -= PUNCH_MARGIN
            if "missed" in happened:
                check_out = check_in
            vals.append(self._cs_attendance(employee, check_in, check_out))
        return vals

    def _cs_attendance(self, employee, check_in, check_out):
        zone = pytz.timezone(employee._get_tz())

        def utc(stamp):
            return zone.localize(stamp).astimezone(pytz.utc).replace(tzinfo=None)

        return {"employee_id": employee.id, "check_in": utc(check_in), "check_out": utc(check_out)}

    def _cs_signed(self, employee):
        """The two signatures, given as the approvers would (the demo's forms are past
        their filing deadlines, so they are recorded signed)."""
        Form = self.env["cs.attendance.exception"]
        approvers = Form.new({"employee_id": employee.id})._cs_approvers()
        now = fields.Datetime.now()
        vals = {"state": "approved", "submitted_at": now}
        for level, user in enumerate(approvers, 1):
            vals.update(
                {
                    f"approver_{level}_id": user.id,
                    f"approved_{level}_by_id": user.id,
                    f"approved_{level}_at": now,
                }
            )
        return vals

    def _cs_forms(self, events):
        Form = self.env["cs.attendance.exception"]
        missed = [(eid, d) for (eid, d), happened in events.items() if "missed" in happened]
        trips = sorted((eid, d) for (eid, d), happened in events.items() if "trip" in happened)
        forms = Form.browse()
        # The first missed punch only: the second stays unconfirmed.
        employee_id, day = sorted(missed, key=lambda pair: pair[1])[0]
        employee = self.env["hr.employee"].browse(employee_id)
        forms |= Form.create(
            {
                "employee_id": employee_id,
                "kind": "missed_punch",
                "missed_punch": "out",
                "date_from": day,
                "date_to": day,
                "reason": "下班时考勤机故障，未能打卡 The punch clock was down at closing time",
                **self._cs_signed(employee),
            }
        )
        employee = self.env["hr.employee"].browse(trips[0][0])
        forms |= Form.create(
            {
                "employee_id": employee.id,
                "kind": "business_trip",
                "date_from": trips[0][1],
                "date_to": trips[-1][1],
                "reason": "赴湘江百货现场处理投诉 On site at a key account for a complaint",
                **self._cs_signed(employee),
            }
        )
        forms._cs_on_approved()

    def _cs_overtime(self, employee, saturdays):
        Request = self.env["cs.overtime.request"]
        for saturday, compensation in zip(saturdays, ("pay", "time_off"), strict=False):
            request = Request.create(
                {
                    "employee_id": employee.id,
                    "date": saturday,
                    "hour_from": 9.0,
                    "hour_to": 13.0,
                    "compensation": compensation,
                    "reason": "周末促销活动客流高峰 Weekend promotion, peak of visitors",
                }
            )
            try:
                request._cs_check_request()
            except UserError:
                # A make-up working day (调休上班) this year: no overtime that Saturday.
                request.unlink()
                continue
            request.write(self._cs_signed(employee))
            request._cs_on_approved()

    @api.model
    def _cs_evaluate_month(self):
        first, last = self._cs_period()
        self.env["cs.attendance.day"]._cs_evaluate(self._cs_staff(), first, last)

    @api.model
    def _cs_settle_month(self):
        """The period's settlements; 李娜's confirmed by her supervisor and approved
        (locked) by HR."""
        first, _last = self._cs_period()
        settlements = self.env["cs.attendance.settlement"]._cs_compute_period(
            self._cs_staff(), first
        )
        late = settlements.filtered(lambda s: s.employee_id == self.env.ref("cs_base.emp_agent_1"))
        late.with_user(self.env.ref("cs_attendance.user_hotline_lead")).action_confirm()
        late.with_user(self.env.ref("cs_base.user_hr")).action_approve()
