from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.cs_attendance.rules import attendance as rules

# Who acts for HR on attendance: hr_attendance's officers and its administrators.
HR_GROUP = "hr_attendance.group_hr_attendance_officer"

STATES = [
    ("rest", "Rest Day"),
    ("leave", "On Leave"),
    ("present", "Present"),
    ("late", "Late or Early"),
    ("missed", "Missed Punch"),
    ("absent", "Absent"),
]

# Written by the evaluation only.
EVALUATED_FIELDS = (
    "company_id",
    "department_id",
    "period_start",
    "roster_line_id",
    "shift_id",
    "schedule_source",
    "scheduled_start",
    "scheduled_end",
    "scheduled_hours",
    "first_in",
    "last_out",
    "punch_count",
    "worked_hours",
    "late_minutes",
    "early_minutes",
    "missing_punch",
    "missed_punch_seq",
    "absent",
    "absent_discipline",
    "absence_reason",
    "deduct_minutes",
    "deduct_days",
    "leave_id",
    "leave_type_id",
    "leave_hours",
    "business_trip",
    "trip_hours",
    "state",
    "absence_flag",
    "absence_flag_reason",
)


def _to_utc(stamp, zone):
    """A naive local datetime to the naive UTC Odoo stores."""
    return zone.localize(stamp).astimezone(pytz.utc).replace(tzinfo=None) if stamp else False


def _to_local(stamp, zone):
    return pytz.utc.localize(stamp).astimezone(zone).replace(tzinfo=None)


class CsAttendanceDay(models.Model):
    """One employee's working day evaluated against the roster or the working
    schedule (seed 003 第二篇 3): punches, late and early minutes, missed punches,
    absence and its pay deduction. Computed set-based by :meth:`_cs_evaluate` (a
    daily cron); people act on it only through its buttons."""

    _name = "cs.attendance.day"
    _description = "Attendance Day"
    _inherit = ["cs.guarded.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, employee_id"
    _check_company_auto = True

    _cs_action_fields = frozenset(
        {
            "employee_id",
            "date",
            "missed_punch_confirmed",
            "missed_punch_confirmed_by",
            "missed_punch_confirmed_at",
            "proxy_punch",
            "proxy_employee_id",
            "exception_id",
            *EVALUATED_FIELDS,
        }
    )

    employee_id = fields.Many2one(
        comodel_name="hr.employee",
        required=True,
        index=True,
        readonly=True,
        check_company=True,
        ondelete="cascade",
    )
    date = fields.Date(required=True, index=True, readonly=True)
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, readonly=True
    )
    department_id = fields.Many2one(
        comodel_name="hr.department", index=True, readonly=True, string="Department"
    )
    period_start = fields.Date(
        string="Attendance Period",
        index=True,
        readonly=True,
        help="First day of the attendance period (seed: the 21st) the day belongs to.",
    )
    roster_line_id = fields.Many2one(comodel_name="cs.roster.line", readonly=True)
    shift_id = fields.Many2one(comodel_name="cs.shift", readonly=True)
    schedule_source = fields.Selection(
        selection=[("roster", "Roster"), ("calendar", "Working Schedule")],
        string="Scheduled By",
        readonly=True,
    )
    scheduled_start = fields.Datetime(readonly=True)
    scheduled_end = fields.Datetime(readonly=True)
    scheduled_hours = fields.Float(readonly=True)
    first_in = fields.Datetime(string="First In", readonly=True)
    last_out = fields.Datetime(string="Last Out", readonly=True)
    punch_count = fields.Integer(string="Punches", readonly=True, aggregator=None)
    worked_hours = fields.Float(readonly=True)
    late_minutes = fields.Integer(string="Late (min)", readonly=True)
    early_minutes = fields.Integer(string="Early (min)", readonly=True)
    missing_punch = fields.Boolean(
        string="Missed Punch",
        readonly=True,
        help="漏打卡: a working day with fewer than two punches.",
    )
    missed_punch_confirmed = fields.Boolean(
        string="Attendance Confirmed by the Supervisor",
        readonly=True,
        tracking=True,
        help="Seed 3(5): up to the monthly quota, a confirmed missed punch counts as present.",
    )
    missed_punch_confirmed_by = fields.Many2one(
        comodel_name="res.users", string="Confirmed By", readonly=True
    )
    missed_punch_confirmed_at = fields.Datetime(string="Confirmed On", readonly=True)
    missed_punch_seq = fields.Integer(
        string="Confirmed Missed Punch No.",
        readonly=True,
        aggregator=None,
        help="Its rank among the confirmed missed punches of the period.",
    )
    absent = fields.Boolean(
        readonly=True,
        tracking=True,
        help="曠工: a day of absence, deducted as a day (no punch, a missed punch "
        "unconfirmed or beyond the quota, proxy punching).",
    )
    absent_discipline = fields.Boolean(
        string="Absent for Discipline",
        readonly=True,
        help="Absence, or late or early beyond the company's limit: counts for the absence review.",
    )
    absence_reason = fields.Selection(
        selection=[
            (rules.REASON_NO_PUNCH, "No punch"),
            (rules.REASON_MISSED_PUNCH, "Missed punch not confirmed"),
            (rules.REASON_OVER_QUOTA, "Missed punch beyond the monthly quota"),
            (rules.REASON_PROXY, "Proxy punching"),
            (rules.REASON_LATE_EARLY, "Late or early beyond the limit"),
        ],
        readonly=True,
    )
    deduct_minutes = fields.Integer(
        string="Pay Deducted (min)",
        readonly=True,
        help="Minutes late or early deducted from pay once the monthly tolerance is "
        "exceeded, as the company's pay rule says.",
    )
    deduct_days = fields.Float(string="Pay Deducted (days)", readonly=True)
    leave_id = fields.Many2one(
        comodel_name="hr.leave", string="Leave", readonly=True, help="Validated leave that day."
    )
    leave_type_id = fields.Many2one(
        comodel_name="hr.leave.type", string="Leave Type", readonly=True, index=True
    )
    leave_hours = fields.Float(
        readonly=True, help="Scheduled hours of the day taken by validated leave."
    )
    exception_id = fields.Many2one(
        comodel_name="cs.attendance.exception",
        string="Exception Form",
        readonly=True,
        index=True,
        help="The approved attendance exception form (考勤異常登記表) of the day.",
    )
    business_trip = fields.Boolean(
        readonly=True,
        help="因公外出: an approved exception form puts (part of) the day away on business.",
    )
    trip_hours = fields.Float(
        string="Business Trip (hours)",
        readonly=True,
        help="Scheduled hours spent away on business: working time without punches.",
    )
    proxy_punch = fields.Boolean(
        string="Proxy Punching",
        readonly=True,
        tracking=True,
        help="Seed 3(8) 代打卡: recorded by HR; both employees are absent that day.",
    )
    proxy_employee_id = fields.Many2one(
        comodel_name="hr.employee", string="Proxy Punching With", readonly=True
    )
    absence_flag = fields.Boolean(
        string="Absence Review",
        readonly=True,
        tracking=True,
        help="Seed 3(8): consecutive absences or absences within the window reached the "
        "company's threshold. HR reviews the case; nothing happens automatically.",
    )
    absence_flag_reason = fields.Char(readonly=True)
    state = fields.Selection(
        selection=STATES, default="rest", required=True, readonly=True, tracking=True, index=True
    )
    note = fields.Text()

    _employee_date_uniq = models.Constraint(
        "UNIQUE(employee_id, date)", "An employee has one attendance day per date."
    )

    @api.depends("employee_id", "date")
    def _compute_display_name(self):
        for day in self:
            day.display_name = f"{day.employee_id.name or ''} {day.date or ''}"

    # Actions ----------------------------------------------------------------------

    def _cs_is_supervisor(self):
        """The employee's manager, the department's manager or HR; never the employee."""
        self.ensure_one()
        user = self.env.user
        employee = self.employee_id.sudo()
        if employee.user_id == user:
            return False
        return (
            user.has_group(HR_GROUP)
            or employee.parent_id.user_id == user
            or employee.department_id.manager_id.user_id == user
        )

    def _cs_check_unlocked(self):
        self.env["cs.attendance.settlement"]._cs_check_unlocked(
            [(day.employee_id, day.date) for day in self]
        )

    def action_confirm_missed_punch(self):
        """Seed 3(5): the supervisor confirms the employee worked that day."""
        self._cs_check_unlocked()
        for day in self:
            if not day._cs_is_supervisor():
                raise UserError(
                    self.env._(
                        "Only %(employee)s's supervisor or HR confirms a missed punch.",
                        employee=day.employee_id.name,
                    )
                )
            if not day.missing_punch or day.missed_punch_confirmed:
                raise UserError(
                    self.env._(
                        "%(day)s has no missed punch waiting for confirmation.",
                        day=day.display_name,
                    )
                )
        self._cs_action_write(
            {
                "missed_punch_confirmed": True,
                "missed_punch_confirmed_by": self.env.uid,
                "missed_punch_confirmed_at": fields.Datetime.now(),
            }
        )
        self._cs_reevaluate()
        return True

    def action_withdraw_missed_punch_confirmation(self):
        self._cs_check_unlocked()
        for day in self:
            if not day._cs_is_supervisor():
                raise UserError(
                    self.env._("Only the supervisor or HR withdraws a missed punch confirmation.")
                )
            if not day.missed_punch_confirmed:
                raise UserError(
                    self.env._("%(day)s has no confirmed missed punch.", day=day.display_name)
                )
        self._cs_action_write(
            {
                "missed_punch_confirmed": False,
                "missed_punch_confirmed_by": False,
                "missed_punch_confirmed_at": False,
            }
        )
        self._cs_reevaluate()
        return True

    def _cs_check_hr(self):
        if not self.env.user.has_group(HR_GROUP):
            raise UserError(self.env._("Only HR records or clears proxy punching."))

    def _cs_record_proxy_punch(self, other_employee, note=False):
        """Seed 3(8) 代打卡: the one who punched and the one punched for are both
        absent that day."""
        self.ensure_one()
        self._cs_check_hr()
        if other_employee == self.employee_id:
            raise UserError(self.env._("Proxy punching involves two employees."))
        if other_employee.sudo().company_id != self.company_id:
            raise UserError(
                self.env._("Proxy punching is recorded between employees of one company.")
            )
        other = self._cs_day_of(other_employee, self.date)
        (self | other)._cs_check_unlocked()
        self._cs_action_write({"proxy_punch": True, "proxy_employee_id": other_employee.id})
        other._cs_action_write({"proxy_punch": True, "proxy_employee_id": self.employee_id.id})
        body = note or self.env._("Proxy punching recorded by HR.")
        for record in self | other:
            record.message_post(body=body)
        (self | other)._cs_reevaluate()
        return other

    def action_clear_proxy_punch(self):
        self._cs_check_hr()
        days = self.filtered("proxy_punch")
        partners = self.search(
            [
                ("proxy_punch", "=", True),
                ("employee_id", "in", days.proxy_employee_id.ids),
                ("date", "in", days.mapped("date")),
                ("proxy_employee_id", "in", days.employee_id.ids),
            ]
        )
        days |= partners
        days._cs_check_unlocked()
        days._cs_action_write({"proxy_punch": False, "proxy_employee_id": False})
        days._cs_reevaluate()
        return True

    def action_reevaluate(self):
        """Evaluate the days again (e.g. after a punch was corrected)."""
        if not self.env.user.has_group(HR_GROUP):
            raise UserError(self.env._("Only HR re-evaluates attendance days."))
        self._cs_reevaluate()
        return True

    def _cs_day_of(self, employee, day):
        """The attendance day of ``employee`` on ``day``, created if needed."""
        record = self.search([("employee_id", "=", employee.id), ("date", "=", day)], limit=1)
        return record or self._cs_action_create(
            [{"employee_id": employee.id, "date": day, "company_id": employee.company_id.id}]
        )

    def _cs_reevaluate(self):
        """Evaluate the periods of these days again: a confirmation changes the
        rank of the period's later missed punches."""
        for employee, days in self.grouped("employee_id").items():
            start_day = employee.company_id.cs_att_period_start_day
            last = rules.period_bounds(max(days.mapped("date")), start_day)[1]
            self._cs_evaluate(employee, min(days.mapped("date")), last)

    # Evaluation ---------------------------------------------------------------------

    @api.model
    def _cron_evaluate(self):
        """Nightly: the running attendance period of every employee, up to the day
        before yesterday's night shift that ended this morning."""
        employees = self.env["hr.employee"].sudo().search([("company_id", "!=", False)])
        today = fields.Date.context_today(self)
        self._cs_evaluate(employees, today - timedelta(days=2), today)

    @api.model
    def _cs_evaluate(self, employees, date_from, date_to):
        """Evaluate ``employees`` from the start of the attendance period holding
        ``date_from`` to ``date_to`` (never a day whose shift has not ended): a
        few searches for the whole set, then the rules of ``rules.attendance``.
        Derived data, computed as the system for whoever asked."""
        Day = self.sudo()
        now = fields.Datetime.now()
        for company, staff in employees.sudo().grouped("company_id").items():
            if not company:
                continue
            today = _to_local(now, company._cs_att_tz()).date()
            first = rules.period_bounds(date_from, company.cs_att_period_start_day)[0]
            last = min(date_to, today - timedelta(days=1))
            if first <= last:
                Day._cs_evaluate_company(company, staff, first, last, now)

    def _cs_evaluate_company(self, company, staff, first, last, now):
        policy = company._cs_att_policy()
        margin = company.cs_att_punch_margin_hours
        zones = {employee.id: pytz.timezone(employee._get_tz()) for employee in staff}
        schedules = self._cs_schedules(staff, first, last, zones)
        leaves = self._cs_leaves(staff, first, last, zones)
        punches = self._cs_punches(staff, first, last, zones)
        trips = self._cs_trips(staff, first, last)
        locked = self.env["cs.attendance.settlement"]._cs_locked_periods(staff, first, last)
        history_from = rules.months_before(first, policy.absence_window_months)
        existing = self.search(
            [
                ("employee_id", "in", staff.ids),
                ("date", ">=", history_from),
                ("date", "<=", last),
            ]
        )
        known = {(day.employee_id.id, day.date): day for day in existing}
        known_by_employee = defaultdict(dict)
        for (employee_id, day), record in known.items():
            known_by_employee[employee_id][day] = record
        values = {}
        flag_days = {}
        for employee in staff:
            zone = zones[employee.id]
            evaluated = self._cs_evaluate_employee(
                employee,
                first,
                last,
                _to_local(now, zone),
                schedules[employee.id],
                leaves[employee.id],
                punches[employee.id],
                known_by_employee[employee.id],
                policy,
                margin,
                trips[employee.id],
            )
            for day, vals in evaluated.items():
                if (employee.id, vals["period_start"]) in locked:
                    # The settlement of that period is approved: its days stay as paid.
                    continue
                for name in ("scheduled_start", "scheduled_end", "first_in", "last_out"):
                    vals[name] = _to_utc(vals[name], zone)
                vals.update(company_id=company.id, department_id=employee.department_id.id)
                values[employee.id, day] = vals
                record = known.get((employee.id, day))
                if vals["absence_flag"] and not (record and record.absence_flag):
                    flag_days.setdefault(employee, day)
        # One review per case: not again for the following days of a run or window
        # already flagged.
        for employee, day in list(flag_days.items()):
            since = rules.months_before(day, policy.absence_window_months)
            if any(
                record.absence_flag and since <= past < day
                for past, record in known_by_employee[employee.id].items()
            ):
                del flag_days[employee]
        stored = self._cs_store(values, known)
        self._cs_notify_flags(
            {employee: stored[employee.id, day] for employee, day in flag_days.items()}
        )

    def _cs_evaluate_employee(
        self,
        employee,
        first,
        last,
        now_local,
        schedule,
        leaves,
        punches,
        known,
        policy,
        margin,
        trips=None,
    ):
        """``{day: values}`` of one employee, from data already read. ``trips``:
        ``{day: [(start, end)]}`` away on business by an approved exception form."""
        trips = trips or {}
        windows = [
            (day, min(s for s, _e in item["intervals"]), max(e for _s, e in item["intervals"]))
            for day, item in schedule.items()
        ]
        assigned, unassigned = rules.assign_punches(
            [stamp for stamp, _att in punches], windows, margin
        )
        outside = defaultdict(list)
        for stamp in unassigned:
            outside[stamp.date()].append(stamp)
        day_of_stamp = {stamp: day for day, stamps in assigned.items() for stamp in stamps}
        day_of_stamp.update({stamp: stamp.date() for stamp in unassigned})
        worked = defaultdict(float)
        for stamp, attendance in punches:
            if attendance and stamp in day_of_stamp:
                worked[day_of_stamp[stamp]] += attendance.worked_hours
        # Days evaluated before are evaluated again, if only to become rest days
        # (a swap or a new roster took their shift away).
        held = {d for d in known if d >= first}
        # Employed from the day the employee joined (or the contract's start) to its end.
        hired = max(first, employee.cs_join_date or employee.contract_date_start or first)
        left = min(last, employee.contract_date_end or last)
        days = sorted(
            d
            for d in set(schedule) | set(outside) | held
            if hired <= d <= left
            and not (
                d in schedule and windows_end(schedule[d]) + timedelta(hours=margin) > now_local
            )
        )
        results, facts = {}, []
        for day in days:
            item = schedule.get(day)
            intervals = item["intervals"] if item else []
            cuts = [(s, e) for s, e, _leave in leaves]
            remaining = rules.subtract_intervals(intervals, cuts)
            # Away on business (考勤異常登記表): working time without punches.
            to_punch = rules.subtract_intervals(remaining, trips.get(day, []))
            on_trip = _hours(remaining) - _hours(to_punch)
            leave = next(
                (
                    lv
                    for s, e, lv in leaves
                    if intervals and s < windows_end(item) and e > windows_start(item)
                ),
                False,
            )
            stamps = assigned.get(day, []) if item else outside.get(day, [])
            result = rules.evaluate_day(to_punch, stamps, policy.absence_minutes)
            record = known.get(day)
            fact = rules.DayFacts(
                day=day,
                working=bool(remaining),
                late_minutes=result.late_minutes,
                early_minutes=result.early_minutes,
                # A day spent entirely away on business needs no punch.
                punch_count=result.punch_count if to_punch or not remaining else 2,
                confirmed=bool(record and record.missed_punch_confirmed),
                proxy=bool(record and record.proxy_punch),
            )
            facts.append(fact)
            if remaining == intervals and item and item.get("line"):
                hours = item["line"].shift_id.work_hours
            else:
                hours = _hours(remaining)
            results[day] = {
                "period_start": rules.period_bounds(
                    day, employee.company_id.cs_att_period_start_day
                )[0],
                "roster_line_id": item["line"].id if item and item.get("line") else False,
                "shift_id": item["line"].shift_id.id if item and item.get("line") else False,
                "schedule_source": item["source"] if item else False,
                "scheduled_start": min(s for s, _e in remaining) if remaining else False,
                "scheduled_end": max(e for _s, e in remaining) if remaining else False,
                "scheduled_hours": hours,
                "first_in": result.first_in or False,
                "last_out": result.last_out or False,
                "punch_count": result.punch_count,
                "worked_hours": worked.get(day, 0.0),
                "late_minutes": result.late_minutes,
                "early_minutes": result.early_minutes,
                "missing_punch": bool(to_punch) and result.missing_punch,
                "leave_id": leave.id if leave else False,
                "leave_type_id": leave.holiday_status_id.id if leave else False,
                "leave_hours": _hours(intervals) - _hours(remaining) if leave else 0.0,
                "business_trip": bool(on_trip),
                "trip_hours": on_trip,
                "_on_leave": bool(intervals) and not remaining,
            }
        by_period = defaultdict(list)
        for fact in facts:
            by_period[results[fact.day]["period_start"]].append(fact)
        for period_facts in by_period.values():
            for fact, outcome in zip(
                period_facts, rules.evaluate_period(period_facts, policy), strict=True
            ):
                vals = results[fact.day]
                vals.update(
                    absent=outcome.absent,
                    absent_discipline=outcome.absent_discipline,
                    absence_reason=outcome.absence_reason or False,
                    missed_punch_seq=outcome.missed_punch_seq,
                    deduct_minutes=outcome.deduct_minutes,
                    deduct_days=outcome.deduct_days,
                )
                vals["state"] = self._cs_state(fact, vals)
        flags = rules.absence_flags(self._cs_flag_days(known, first, results), policy)
        for day, vals in results.items():
            flag = flags.get(day)
            vals["absence_flag"] = bool(flag)
            vals["absence_flag_reason"] = self._cs_flag_text(flag, policy) if flag else False
            del vals["_on_leave"]
        return results

    @staticmethod
    def _cs_state(fact, vals):
        if vals["absent"]:
            return "absent"
        if vals["_on_leave"]:
            return "leave"
        if not fact.working:
            return "rest"
        if vals["missing_punch"]:
            return "missed"
        if vals["late_minutes"] or vals["early_minutes"]:
            return "late"
        return "present"

    @staticmethod
    def _cs_flag_days(known, first, results):
        """``(day, absent for discipline)`` of the working days: those stored before
        the evaluated range, then the evaluated ones."""
        days = [
            (d, rec.absent_discipline)
            for d, rec in known.items()
            if d < first and (rec.state != "rest" or rec.absent_discipline)
        ]
        days += [
            (d, vals["absent_discipline"])
            for d, vals in results.items()
            if vals["state"] != "rest" or vals["absent_discipline"]
        ]
        return days

    def _cs_flag_text(self, flag, policy):
        if flag == rules.FLAG_CONSECUTIVE:
            return self.env._(
                "%(days)s consecutive working days of absence", days=policy.absence_consecutive_days
            )
        return self.env._(
            "%(days)s days of absence within %(months)s months",
            days=policy.absence_window_count,
            months=policy.absence_window_months,
        )

    def _cs_store(self, values, known):
        """Create the new days and write only what changed on the others. Returns
        ``{(employee id, day): record}``."""
        stored, to_create = {}, []
        for (employee_id, day), vals in values.items():
            record = known.get((employee_id, day))
            if not record:
                to_create.append({"employee_id": employee_id, "date": day, **vals})
                continue
            stored[employee_id, day] = record
            changed = {
                name: value for name, value in vals.items() if self._cs_differs(record, name, value)
            }
            if changed:
                record._cs_action_write(changed)
        # Created by the system: no "created" note nor follower on each of them.
        quiet = self.with_context(mail_create_nolog=True, mail_create_nosubscribe=True)
        for record in quiet._cs_action_create(to_create) if to_create else ():
            stored[record.employee_id.id, record.date] = record
        return stored

    @staticmethod
    def _cs_differs(record, name, value):
        current = record[name]
        if isinstance(current, models.BaseModel):
            return current.id != (value or False)
        if isinstance(current, float):
            return abs(current - (value or 0.0)) > 1e-6
        return current != value

    def _cs_notify_flags(self, new_flags):
        """An activity for HR on the day that raised the flag: a review, never an action."""
        for employee, record in new_flags.items():
            reviewer = employee.attendance_manager_id or self._cs_hr_reviewer(employee.company_id)
            record.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=reviewer.id or self.env.uid,
                summary=self.env._("Absence review: %(employee)s", employee=employee.name),
                note=self.env._(
                    "%(reason)s up to %(day)s. The company rules decide what follows; "
                    "nothing is done automatically.",
                    reason=record.absence_flag_reason,
                    day=record.date,
                ),
            )

    def _cs_hr_reviewer(self, company):
        users = self.env.ref("hr_attendance.group_hr_attendance_user").all_user_ids
        return users.filtered(lambda u: company in u.company_ids and not u.share)[:1]

    # What the evaluation reads: a few searches for the whole set -----------------------

    def _cs_schedules(self, staff, first, last, zones):
        """``{employee id: {day: {"intervals": [(start, end)], "line", "source"}}}``
        in local time: the published roster's shift where a roster covers the
        employee, else the working schedule (make-up days 调休 in, public holidays out)."""
        result = {employee.id: {} for employee in staff}
        Line = self.env["cs.roster.line"]
        lines = Line.search(
            [
                ("employee_id", "in", staff.ids),
                ("date", ">=", first),
                ("date", "<=", last),
                ("roster_id.state", "=", "published"),
            ]
        )
        rosters = self.env["cs.roster"].search(
            [
                ("state", "=", "published"),
                ("date_from", "<=", last),
                ("date_to", ">=", first),
                ("line_ids.employee_id", "in", staff.ids),
            ]
        )
        covered = defaultdict(list)
        for roster in rosters:
            for employee in roster.line_ids.employee_id:
                covered[employee.id].append((roster.date_from, roster.date_to))
        for line in lines:
            result[line.employee_id.id][line.date] = {
                "intervals": [line._window()],
                "line": line,
                "source": "roster",
            }
        groups = defaultdict(lambda: self.env["hr.employee"])
        for employee in staff:
            calendar = employee._cs_calendar()
            if calendar and not calendar.flexible_hours:
                groups[calendar, zones[employee.id]] |= employee
        for (calendar, zone), employees in groups.items():
            start = zone.localize(datetime.combine(first, time.min))
            stop = zone.localize(datetime.combine(last + timedelta(days=1), time.min))
            intervals = calendar._work_intervals_batch(
                start,
                stop,
                resources=employees.resource_id,
                domain=[("time_type", "=", "leave"), ("resource_id", "=", False)],
                tz=zone,
            )
            for employee in employees:
                spans = covered.get(employee.id, [])
                for begin, end, _attendance in intervals[employee.resource_id.id]:
                    day = begin.date()
                    if any(a <= day <= b for a, b in spans):
                        continue
                    item = result[employee.id].setdefault(
                        day, {"intervals": [], "line": None, "source": "calendar"}
                    )
                    item["intervals"].append((begin.replace(tzinfo=None), end.replace(tzinfo=None)))
        return result

    def _cs_trips(self, staff, first, last):
        """``{employee id: {day: [(start, end)]}}`` (local) away on business by an
        approved exception form; a trip of whole days covers each day's shift."""
        result = {employee.id: {} for employee in staff}
        forms = (
            self.env["cs.attendance.exception"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", staff.ids),
                    ("kind", "=", "business_trip"),
                    ("state", "=", "approved"),
                    ("date_from", "<=", last),
                    ("date_to", ">=", first),
                ]
            )
        )
        for form in forms:
            day = max(form.date_from, first)
            while day <= min(form.date_to, last):
                start = datetime.combine(day, time.min)
                if form.hour_from or form.hour_to:
                    span = (
                        start + timedelta(minutes=round(form.hour_from * 60)),
                        start + timedelta(minutes=round(form.hour_to * 60)),
                    )
                else:
                    span = (start, start + timedelta(days=2))  # a night shift ends next day
                result[form.employee_id.id].setdefault(day, []).append(span)
                day += timedelta(days=1)
        return result

    @api.model
    def _cs_working_days(self, employee, first, last):
        """The days from ``first`` to ``last`` on which ``employee`` is scheduled
        to work (roster or working schedule, make-up days in, holidays out)."""
        employee = employee.sudo()
        zones = {employee.id: pytz.timezone(employee._get_tz())}
        schedule = self.sudo()._cs_schedules(employee, first, last, zones)[employee.id]
        return {day for day, item in schedule.items() if item["intervals"]}

    def _cs_leaves(self, staff, first, last, zones):
        """``{employee id: [(start, end, leave)]}`` of validated leave, local time."""
        result = {employee.id: [] for employee in staff}
        leaves = (
            self.env["hr.leave"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", staff.ids),
                    ("state", "=", "validate"),
                    ("date_from", "<", datetime.combine(last + timedelta(days=3), time.min)),
                    ("date_to", ">", datetime.combine(first - timedelta(days=2), time.min)),
                ]
            )
        )
        for leave in leaves:
            zone = zones[leave.employee_id.id]
            result[leave.employee_id.id].append(
                (_to_local(leave.date_from, zone), _to_local(leave.date_to, zone), leave)
            )
        return result

    def _cs_punches(self, staff, first, last, zones):
        """``{employee id: [(local stamp, attendance or None)]}``: each attendance's
        check-in with the attendance, its check-out with None."""
        result = {employee.id: [] for employee in staff}
        attendances = (
            self.env["hr.attendance"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", staff.ids),
                    ("check_in", ">=", datetime.combine(first - timedelta(days=2), time.min)),
                    ("check_in", "<", datetime.combine(last + timedelta(days=3), time.min)),
                ]
            )
        )
        for attendance in attendances:
            zone = zones[attendance.employee_id.id]
            check_in = _to_local(attendance.check_in, zone)
            result[attendance.employee_id.id].append((check_in, attendance))
            if attendance.check_out and attendance.check_out != attendance.check_in:
                result[attendance.employee_id.id].append(
                    (_to_local(attendance.check_out, zone), None)
                )
        return result


def _hours(intervals):
    return sum((end - start).total_seconds() for start, end in intervals) / 3600


def windows_start(item):
    return min(s for s, _e in item["intervals"])


def windows_end(item):
    return max(e for _s, e in item["intervals"])
