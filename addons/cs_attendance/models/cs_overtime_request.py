from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.cs_attendance.models.cs_two_level_approval import APPROVAL_FIELDS, PENDING
from odoo.addons.cs_attendance.rules import attendance as att_rules
from odoo.addons.cs_attendance.rules import overtime as rules

# Where the holiday loader says which public holidays are statutory (法定节假日) and
# which are rest days moved into the holiday period (调休, weekends): read only when
# the field is there. A public holiday of no kind (entered before kinds existed, or
# without the field) is read as statutory.
HOLIDAY_KIND_FIELD = "cs_holiday_kind"
HOLIDAY_KIND_STATUTORY = "statutory"
# A punch a minute short of the requested span still covers it.
EVIDENCE_SLACK_HOURS = 1 / 60
# What the employee may still change while the request is a draft.
DRAFT_FIELDS = frozenset(
    {"employee_id", "date", "hour_from", "hour_to", "break_hours", "reason", "compensation"}
)
ACTIVE_STATES = (*PENDING, "approved")


class CsOvertimeRequest(models.Model):
    """加班單 (seed 003 第二篇 5): overtime the department's two levels sign for,
    paid at the rate Odoo's overtime ruleset gives the kind of day (PRC: 150 %
    beyond a working day's schedule, 200 % on a rest day, 300 % on a statutory
    holiday) or, for a rest day, compensated by time off in lieu (调休)."""

    _name = "cs.overtime.request"
    _description = "Overtime Request"
    _inherit = [
        "cs.guarded.mixin",
        "cs.sequence.mixin",
        "cs.two.level.approval",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True

    _cs_action_fields = frozenset(
        {
            "name",
            "day_kind",
            "rate",
            "cap_warning",
            "evidence_hours",
            "week_hours",
            "allocation_id",
            *APPROVAL_FIELDS,
        }
    )

    name = fields.Char(
        string="Number", readonly=True, copy=False, default=lambda self: self.env._("New")
    )
    employee_id = fields.Many2one(
        comodel_name="hr.employee",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        default=lambda self: self.env.user.employee_id,
    )
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True, precompute=True
    )
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, index=True, string="Department"
    )
    date = fields.Date(required=True, tracking=True, index=True)
    hour_from = fields.Float(string="From", required=True, tracking=True, help="Local time.")
    hour_to = fields.Float(string="To", required=True, tracking=True, help="Local time.")
    break_hours = fields.Float(string="Break (hours)", help="Rest within the span, not paid.")
    hours = fields.Float(compute="_compute_hours", store=True, tracking=True)
    time_start = fields.Datetime(compute="_compute_hours", store=True)
    time_stop = fields.Datetime(compute="_compute_hours", store=True)
    reason = fields.Text(required=True, help="加班事由: the work that needed doing.")
    compensation = fields.Selection(
        selection=[(rules.COMP_PAY, "Paid"), (rules.COMP_TIME_OFF, "Time Off in Lieu (调休)")],
        required=True,
        default=lambda self: self._default_compensation(),
        tracking=True,
        help="Rest-day overtime: paid 200 % or taken back as time off, as the company's policy "
        "says. Statutory-holiday overtime is always paid 300 %.",
    )
    day_kind = fields.Selection(
        selection=[
            (rules.DAY_WORKING, "Working Day"),
            (rules.DAY_REST, "Rest Day"),
            (rules.DAY_HOLIDAY, "Statutory Holiday"),
        ],
        string="Kind of Day",
        readonly=True,
        copy=False,
        help="Fixed at submission from the roster or working schedule and the holidays.",
    )
    rate = fields.Float(
        string="Pay Rate",
        readonly=True,
        copy=False,
        aggregator=None,
        help="The multiplier of the overtime ruleset for this kind of day, e.g. 2.0 for 200 %.",
    )
    week_hours = fields.Float(
        string="Attendance That Week (hours)", readonly=True, copy=False, aggregator=None
    )
    evidence_hours = fields.Float(
        string="Punched Hours",
        readonly=True,
        copy=False,
        help="Hours of the request covered by punches (holiday overtime needs them).",
    )
    cap_warning = fields.Text(readonly=True, copy=False)
    allocation_id = fields.Many2one(
        comodel_name="hr.leave.allocation",
        string="Time Off in Lieu Credited",
        readonly=True,
        copy=False,
    )
    period_start = fields.Date(
        string="Attendance Period", compute="_compute_period_start", store=True, index=True
    )

    # Seed 5(2) 加班工時不允許重復提報: one request per span, even for two requests
    # submitted at once (their spans of one employee may not overlap).
    _no_overlap = models.Constraint(
        "EXCLUDE USING gist (int4range(employee_id, employee_id, '[]') WITH =, "
        "tsrange(time_start, time_stop, '[)') WITH &&) "
        "WHERE (state IN ('submitted', 'first_approved', 'approved'))",
        "This overtime is already filed for the same hours.",
    )

    def _default_compensation(self):
        policy = self.env.company.cs_ot_compensation
        return rules.COMP_TIME_OFF if policy == rules.COMP_TIME_OFF else rules.COMP_PAY

    @api.depends("date", "hour_from", "hour_to", "break_hours", "employee_id")
    def _compute_hours(self):
        for request in self:
            if not (request.date and request.employee_id) or request.hour_to <= request.hour_from:
                request.hours = 0.0
                request.time_start = request.time_stop = False
                continue
            request.hours = max(request.hour_to - request.hour_from - request.break_hours, 0.0)
            start, stop = request._cs_local_span()
            zone = pytz.timezone(request.employee_id.sudo()._get_tz())
            request.time_start = _utc(start, zone)
            request.time_stop = _utc(stop, zone)

    @api.depends("date", "company_id")
    def _compute_period_start(self):
        for request in self:
            request.period_start = (
                att_rules.period_bounds(request.date, request.company_id.cs_att_period_start_day)[0]
                if request.date and request.company_id
                else False
            )

    @api.depends("name", "employee_id", "date")
    def _compute_display_name(self):
        for request in self:
            request.display_name = (
                f"{request.name or ''} {request.employee_id.name or ''} {request.date or ''}"
            )

    def _cs_local_span(self):
        start = datetime.combine(self.date, time.min)
        return (
            start + timedelta(minutes=round(self.hour_from * 60)),
            start + timedelta(minutes=round(self.hour_to * 60)),
        )

    @api.constrains("hour_from", "hour_to", "break_hours")
    def _check_hours(self):
        for request in self:
            if not (0 <= request.hour_from < 24 and 0 < request.hour_to <= 24):
                raise ValidationError(self.env._("Overtime hours are hours of the day, 0 to 24."))
            if request.hour_to <= request.hour_from:
                raise ValidationError(self.env._("Overtime ends after it starts, on the same day."))
            if not 0 <= request.break_hours < request.hour_to - request.hour_from:
                raise ValidationError(self.env._("The break must be shorter than the overtime."))

    # Edits and the lock -------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        requests = super().create(vals_list)
        requests._cs_check_unlocked()
        return requests

    def write(self, vals):
        submitted = any(request.state != "draft" for request in self)
        if submitted and not self._cs_in_action() and DRAFT_FIELDS & set(vals):
            raise UserError(
                self.env._(
                    "A submitted overtime request changes only after it is refused or "
                    "cancelled (seed: 不得補報, no filing twice)."
                )
            )
        self._cs_check_unlocked()
        result = super().write(vals)
        if {"employee_id", "date"} & set(vals):
            self._cs_check_unlocked()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(request.state not in ("draft", "cancelled", "refused") for request in self):
            raise UserError(self.env._("Only a draft, refused or cancelled request is deleted."))
        self._cs_check_unlocked()

    def _cs_check_unlocked(self):
        self.env["cs.attendance.settlement"]._cs_check_unlocked(
            [(request.employee_id, request.date) for request in self]
        )

    # What a day is --------------------------------------------------------------------

    @api.model
    def _cs_statutory_holidays(self, employees, first, last):
        """``{employee id: {date}}`` of the statutory holidays (法定节假日) from
        ``first`` to ``last``: the public holidays of the employee's company and
        schedule (Time Off's public holidays, loaded from the State Council's
        notice). Swapped rest days of a holiday (调休) are rest days when the
        holiday loader says which is which."""
        Leaves = self.env["resource.calendar.leaves"].sudo()
        employees = employees.sudo()
        holidays = Leaves.search(
            [
                ("resource_id", "=", False),
                ("company_id", "in", employees.company_id.ids),
                ("date_from", "<", datetime.combine(last + timedelta(days=2), time.min)),
                ("date_to", ">", datetime.combine(first - timedelta(days=2), time.min)),
            ]
        )
        if HOLIDAY_KIND_FIELD in Leaves._fields:
            holidays = holidays.filtered(
                lambda h: h[HOLIDAY_KIND_FIELD] in (HOLIDAY_KIND_STATUTORY, False)
            )
        result = defaultdict(set)
        for employee in employees:
            calendar = employee._cs_calendar()
            zone = pytz.timezone(employee._get_tz())
            for holiday in holidays:
                if holiday.company_id != employee.company_id:
                    continue
                if holiday.calendar_id and holiday.calendar_id != calendar:
                    continue
                start = _local(holiday.date_from, zone).date()
                stop = _local(holiday.date_to - timedelta(seconds=1), zone).date()
                day = max(start, first)
                while day <= min(stop, last):
                    result[employee.id].add(day)
                    day += timedelta(days=1)
        return result

    def _cs_day_kind(self):
        self.ensure_one()
        holiday = self.date in self._cs_statutory_holidays(
            self.employee_id, self.date, self.date
        ).get(self.employee_id.id, set())
        scheduled = self.date in self.env["cs.attendance.day"]._cs_working_days(
            self.employee_id, self.date, self.date
        )
        return rules.day_kind(holiday, scheduled)

    def _cs_ruleset(self):
        """The employee's overtime ruleset in force that day when it has PRC rates,
        else the company's (shipped: the PRC ruleset)."""
        employee = self.employee_id.sudo()
        ruleset = employee._get_version(self.date).ruleset_id
        if not ruleset.rule_ids._cs_rate(rules.DAY_HOLIDAY):
            ruleset = employee.company_id.cs_ot_ruleset_id or self.env.ref(
                "cs_attendance.overtime_ruleset_prc", raise_if_not_found=False
            )
        return ruleset

    def _cs_rate(self, kind):
        rule_set = self._cs_ruleset().sudo().rule_ids
        rate = rule_set._cs_rate(kind)
        if not rate and kind == rules.DAY_HOLIDAY:
            rate = rule_set._cs_rate(rules.DAY_REST)
        return rate

    def _cs_punched(self, first, last):
        """``[(start, end)]`` (UTC) of the employee's attendances from ``first`` to ``last``."""
        attendances = (
            self.env["hr.attendance"]
            .sudo()
            .search(
                [
                    ("employee_id", "=", self.employee_id.id),
                    ("check_in", "<", last),
                    ("check_out", ">", first),
                ]
            )
        )
        return [(a.check_in, a.check_out) for a in attendances if a.check_out]

    # Submission: the seed's and the law's rules --------------------------------------------

    def _cs_check_submit(self):
        now = fields.Datetime.now()
        for request in self:
            request._cs_check_deadline(now)
            request._cs_check_request()

    def _cs_check_deadline(self, now):
        """Seed 5(2) 不得補報: the period's overtime is filed by the 21st."""
        self.ensure_one()
        employee = self.employee_id.sudo()
        company = employee.company_id
        zone = pytz.timezone(employee._get_tz())
        period_last = att_rules.period_bounds(self.date, company.cs_att_period_start_day)[1]
        deadline = rules.filing_deadline(period_last, company.cs_ot_filing_days)
        if _local(now, zone).date() > deadline:
            raise UserError(
                self.env._(
                    "Overtime of %(day)s belongs to the period ending %(last)s, filed by "
                    "%(deadline)s at the latest: it can no longer be filed (seed: 不得補報).",
                    day=self.date,
                    last=period_last,
                    deadline=deadline,
                )
            )

    def _cs_check_request(self):
        """The seed's and the law's rules of a request, whenever it is filed; fixes
        the kind of day, its rate and the compensation."""
        self.ensure_one()
        employee = self.employee_id.sudo()
        company = employee.company_id
        names = {"employee": employee.name, "day": self.date}
        # 女职工劳动保护特别规定 arts. 6 and 9.
        protected = employee._cs_protection(self.date)
        if protected:
            raise UserError(employee._cs_protection_message(protected, self.date))
        # Seed 5(2) 加班工時不允許重復提報.
        duplicate = self.search_count(
            [
                ("id", "!=", self.id),
                ("employee_id", "=", employee.id),
                ("state", "in", ACTIVE_STATES),
                ("time_start", "<", self.time_stop),
                ("time_stop", ">", self.time_start),
            ]
        )
        if duplicate:
            raise UserError(
                self.env._(
                    "%(employee)s already filed overtime for these hours of %(day)s.", **names
                )
            )
        kind = self._cs_day_kind()
        vals = {"day_kind": kind, "rate": self._cs_rate(kind)}
        if kind == rules.DAY_WORKING and company.cs_ot_rest_day_only:
            raise UserError(
                self.env._(
                    "%(day)s is a scheduled working day of %(employee)s: the company pays "
                    "overtime only on a scheduled rest day (seed: 排班為休息).",
                    **names,
                )
            )
        if kind == rules.DAY_REST:
            vals["week_hours"] = self._cs_week_hours()
            if vals["week_hours"] - self.hours < company.cs_ot_week_hours - 1e-6:
                raise UserError(
                    self.env._(
                        "The week of %(day)s counts %(hours)s hours of attendance: rest-day "
                        "overtime starts beyond %(limit)s hours (seed: 周出勤大于40小时), "
                        "so at most %(allowed)s of the %(requested)s hours requested.",
                        day=self.date,
                        hours=round(vals["week_hours"], 2),
                        limit=company.cs_ot_week_hours,
                        allowed=round(max(vals["week_hours"] - company.cs_ot_week_hours, 0), 2),
                        requested=self.hours,
                    )
                )
        if kind == rules.DAY_HOLIDAY:
            # 三薪 needs the punches, or a missed punch signed for at the time (seed 5(2)).
            vals["evidence_hours"] = rules.overlap_hours(
                (self.time_start, self.time_stop),
                self._cs_punched(self.time_start, self.time_stop),
            )
            span = (self.hour_to - self.hour_from) - EVIDENCE_SLACK_HOURS
            if vals["evidence_hours"] < span and not self._cs_missed_punch_signed():
                raise UserError(
                    self.env._(
                        "Overtime on the statutory holiday %(day)s is paid 300 %% only with the "
                        "punches that show it (%(punched)s of %(span)s hours punched), or a "
                        "missed punch signed on an attendance exception form at the time.",
                        day=self.date,
                        punched=round(vals["evidence_hours"], 2),
                        span=round(self.hour_to - self.hour_from, 2),
                    )
                )
        compensation = self._cs_compensation(kind)
        if compensation != self.compensation:
            vals["compensation"] = compensation
        warning = self._cs_cap_warning(kind)
        vals["cap_warning"] = warning or False
        self._cs_action_write(vals)
        if warning:
            self.message_post(body=warning)

    def _cs_compensation(self, kind):
        """Holiday overtime is always paid (劳动法 art.44(3)); a working day's too;
        a rest day's as the policy says, or as the employee chose."""
        if kind != rules.DAY_REST:
            return rules.COMP_PAY
        policy = self.employee_id.sudo().company_id.cs_ot_compensation
        return self.compensation if policy == "employee" else policy

    def _cs_week_hours(self):
        """Hours worked (Odoo's attendances, breaks of the schedule left out) in the
        week, Monday to Sunday, holding the request's day."""
        monday, sunday = rules.week_bounds(self.date)
        rows = (
            self.env["hr.attendance"]
            .sudo()
            ._read_group(
                [
                    ("employee_id", "=", self.employee_id.id),
                    ("date", ">=", monday),
                    ("date", "<=", sunday),
                ],
                aggregates=["worked_hours:sum"],
            )
        )
        return rows[0][0] or 0.0

    def _cs_missed_punch_signed(self):
        return bool(
            self.env["cs.attendance.exception"]
            .sudo()
            .search_count(
                [
                    ("employee_id", "=", self.employee_id.id),
                    ("kind", "=", "missed_punch"),
                    ("state", "=", "approved"),
                    ("date_from", "=", self.date),
                ]
            )
        )

    def _cs_cap_warning(self, kind):
        """劳动法 art.41: refused or warned as the policy says."""
        company = self.employee_id.sudo().company_id
        others = self.sudo().search(
            [
                ("id", "!=", self.id),
                ("employee_id", "=", self.employee_id.id),
                ("state", "in", ACTIVE_STATES),
                ("period_start", "=", self.period_start),
            ]
        )
        same_day = sum(other.hours for other in others if other.date == self.date)
        breaches = rules.cap_breaches(
            kind,
            self.hours,
            same_day,
            sum(others.mapped("hours")),
            company.cs_ot_day_cap_hours,
            company.cs_ot_month_cap_hours,
        )
        if not breaches:
            return None
        texts = []
        for cap, limit, total in breaches:
            if cap == rules.CAP_DAY:
                texts.append(
                    self.env._(
                        "%(total)s hours of overtime on the working day %(day)s: the law "
                        "allows at most %(limit)s (劳动法 art.41).",
                        total=round(total, 2),
                        day=self.date,
                        limit=limit,
                    )
                )
            else:
                texts.append(
                    self.env._(
                        "%(total)s hours of overtime in the period from %(start)s: the law "
                        "allows at most %(limit)s a month (劳动法 art.41).",
                        total=round(total, 2),
                        start=self.period_start,
                        limit=limit,
                    )
                )
        text = " ".join(texts)
        if company.cs_ot_cap_mode == "refuse":
            raise UserError(text)
        return text

    # Approval: time off in lieu ----------------------------------------------------------

    def _cs_on_approved(self):
        """Rest-day overtime compensated by time off: an allocation of the time off
        in lieu type, in hours, valid for the policy's months (taken oldest first,
        as Odoo consumes the allocation expiring first)."""
        Allocation = self.env["hr.leave.allocation"].sudo()
        for request in self.filtered(
            lambda r: r.day_kind == rules.DAY_REST and r.compensation == rules.COMP_TIME_OFF
        ):
            employee = request.employee_id.sudo()
            company = employee.company_id
            leave_type = company.cs_ot_lieu_leave_type_id or self.env.ref(
                "cs_attendance.leave_type_lieu"
            )
            hours_per_day = employee._get_hours_per_day(request.date) or 8.0
            allocation = Allocation.create(
                {
                    "name": self.env._(
                        "Time off in lieu of %(request)s (%(hours)s h)",
                        request=request.name,
                        hours=request.hours,
                    ),
                    "employee_id": employee.id,
                    "holiday_status_id": leave_type.id,
                    "allocation_type": "regular",
                    "number_of_days": request.hours / hours_per_day,
                    "date_from": request.date,
                    "date_to": rules.lieu_expiry(request.date, company.cs_ot_lieu_months),
                }
            )
            if allocation.state != "validate":
                allocation.action_approve()
            request._cs_action_write({"allocation_id": allocation.id})

    def _cs_on_left_approval(self):
        allocations = self.sudo().allocation_id
        if allocations:
            allocations.action_refuse()
            self._cs_action_write({"allocation_id": False})


def _utc(stamp, zone):
    return zone.localize(stamp).astimezone(pytz.utc).replace(tzinfo=None)


def _local(stamp, zone):
    return pytz.utc.localize(stamp).astimezone(zone).replace(tzinfo=None)
