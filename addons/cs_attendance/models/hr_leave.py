from collections import defaultdict
from datetime import date, datetime, time, timedelta

from markupsafe import Markup
from pytz import timezone

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.cs_attendance.rules import approval, entitlement

_lt = LazyTranslate(__name__)

LEVEL_LABELS = {
    "supervisor": _lt("Direct Supervisor"),
    "manager": _lt("Department Manager"),
    "head": _lt("Department Head"),
}

# The key the approval puts in the context to write what it stores. Its value is
# this object, which no JSON-RPC caller can send: a context arriving over the wire
# holds only strings, numbers, lists and dicts. (cs_attendance does not rely on
# cs_center's guarded mixin: it is meant to install without it.)
_APPROVAL = object()

#: What the tiered approval stores: only its own code changes it.
APPROVAL_FIELDS = frozenset(
    {"cs_levels", "cs_approver_user_ids", "cs_level_user_ids", "cs_levels_done"}
)


class HrLeave(models.Model):
    _inherit = "hr.leave"

    cs_kind = fields.Selection(related="holiday_status_id.cs_kind")
    cs_basis = fields.Char(
        string="Entitlement Basis",
        compute="_compute_cs_basis",
        help="How the entitlement this leave draws on was reached (statutory or company).",
    )
    cs_levels = fields.Char(
        string="Approval Levels",
        compute="_compute_cs_levels",
        store=True,
        help="Comma-separated approval steps required by the leave's duration.",
    )
    cs_approver_user_ids = fields.Many2many(
        comodel_name="res.users",
        relation="hr_leave_cs_approver_rel",
        string="Approvers",
        compute="_compute_cs_levels",
        store=True,
    )
    cs_level_user_ids = fields.Json(
        string="Approver of Each Level",
        compute="_compute_cs_levels",
        store=True,
        help="Technical: the ids of the approvers, in the order of the levels.",
    )
    cs_levels_done = fields.Integer(
        string="Levels Approved",
        default=0,
        readonly=True,
        copy=False,
        help="Approval levels approved so far: only the approval buttons change it.",
    )
    cs_approval_steps = fields.Text(string="Approval Steps", compute="_compute_cs_approval_steps")
    cs_is_my_level = fields.Boolean(compute="_compute_cs_approval_steps")
    cs_pay_rate = fields.Float(
        string="Pay Rate (%)",
        compute="_compute_cs_pay",
        help="Share of the normal wage paid: sick pay never below the jurisdiction's floor. "
        "0 when the floor of the minimum wage is checked and the reader may not see the "
        "employee's wage: the rate would give the wage away (the pay basis says so).",
    )
    cs_pay_basis = fields.Char(string="Pay Basis", compute="_compute_cs_pay")
    cs_hr_filing = fields.Boolean(
        string="File With HR",
        compute="_compute_cs_hr_filing",
        help="Annual, marriage, maternity, bereavement and public-duty leaves, and any leave "
        "over the consecutive-days threshold, are also filed with HR.",
    )

    # ------------------------------------------------------------------
    # What the approval stores changes only through the approval
    # ------------------------------------------------------------------
    def _cs_in_approval(self):
        return self.env.su or self.env.context.get("cs_approval") is _APPROVAL

    def _cs_refuse_approval_fields(self, field_names):
        forbidden = APPROVAL_FIELDS & set(field_names)
        if forbidden and not self._cs_in_approval():
            labels = sorted(self._fields[name]._description_string(self.env) for name in forbidden)
            raise UserError(
                self.env._(
                    "%(fields)s of a time off change only through its approval, not by editing it.",
                    fields=", ".join(labels),
                )
            )

    def _cs_approval_write(self, vals):
        """Write :data:`APPROVAL_FIELDS` from the approval: the caller's access
        rights and record rules still apply."""
        return self.with_context(cs_approval=_APPROVAL).write(vals)

    def _cs_pending(self):
        """True while some approval level of this tiered leave has yet to approve."""
        return bool(self.cs_levels) and self.cs_levels_done < len(self.cs_levels.split(","))

    def _cs_request_key(self):
        """Who, what and when: what the approvers of the levels approved."""
        return (self.employee_id.id, self.holiday_status_id.id, self.date_from, self.date_to)

    @api.model_create_multi
    def create(self, vals_list):
        leaves = self
        if not self._cs_in_approval():
            self._cs_refuse_approval_fields({name for vals in vals_list for name in vals})
            # Defaults from the caller's context ("default_cs_levels_done") are values too.
            leaves = self.with_context(
                {
                    key: value
                    for key, value in self.env.context.items()
                    if not (key.startswith("default_") and key[8:] in APPROVAL_FIELDS)
                }
            )
        return super(HrLeave, leaves).create(vals_list)

    def write(self, vals):
        self._cs_refuse_approval_fields(vals)
        # Odoo lets a time-off manager write the state (and anyone who sends
        # leave_fast_create): a tiered leave is validated by its last level only.
        if (
            vals.get("state") in ("validate1", "validate")
            and not self._cs_in_approval()
            and any(leave.state == "confirm" and leave._cs_pending() for leave in self)
        ):
            raise UserError(
                self.env._(
                    "This time off is approved level by level: it is validated once "
                    "its last level approves."
                )
            )
        started = self.filtered(lambda leave: leave.state == "confirm" and leave.cs_levels_done)
        approved_requests = {leave: leave._cs_request_key() for leave in started}
        result = super().write(vals)
        # The approvers approved another request: each level approves the new one.
        changed = started.filtered(
            lambda leave: leave._cs_request_key() != approved_requests[leave]
        )
        if changed:
            changed._cs_approval_write({"cs_levels_done": 0})
            for leave in changed:
                leave.sudo().message_post(
                    body=self.env._(
                        "The request changed after approval started: its approval starts "
                        "again from the first level."
                    ),
                    author_id=self.env.user.partner_id.id,
                )
        return result

    # ------------------------------------------------------------------
    # Durations: calendar-day types count rest days and holidays
    # ------------------------------------------------------------------
    def _get_durations(self, check_leave_type=True, resource_calendar=None):
        result = super()._get_durations(check_leave_type, resource_calendar)
        for leave in self:
            if (
                leave.holiday_status_id.cs_counting == "calendar"
                and leave.request_date_from
                and leave.request_date_to
            ):
                days = leave._cs_counted_days()
                hours_per_day = (
                    leave.resource_calendar_id or self.env.company.resource_calendar_id
                ).hours_per_day
                result[leave.id] = (days, days * (hours_per_day or 8.0))
        return result

    def _cs_counted_days(self):
        """Calendar days of the leave; where the entitlement runs longer over statutory
        holidays (Shanghai: 遇法定节假日顺延), those in its extending days do not count."""
        first, last = self.request_date_from, self.request_date_to
        extending = self._cs_allocations().filtered("cs_extend_days")[:1]
        if not (extending and self.employee_id):
            return entitlement.days_between(first, last)
        return entitlement.counted_days(
            first,
            last,
            self.employee_id._cs_statutory_holidays(first, last),
            extending.cs_extend_after_days,
            extending.cs_extend_days,
        )

    # ------------------------------------------------------------------
    # Basis, approval levels, HR filing
    # ------------------------------------------------------------------
    def _cs_type_allocations(self):
        """The validated allocations of the leave's employee and type."""
        self.ensure_one()
        return (
            self.env["hr.leave.allocation"]
            .sudo()
            .search(
                [
                    ("employee_id", "=", self.employee_id.id),
                    ("holiday_status_id", "=", self.holiday_status_id.id),
                    ("state", "=", "validate"),
                ]
            )
        )

    @staticmethod
    def _cs_valid_on(allocation, day):
        """Statutory days are valid until their own end (if the statute sets one), the
        company's until their start-by day (PRC_RULES §6)."""
        last = allocation.cs_start_by or allocation.date_to or date.max
        return allocation.date_from <= day <= last

    def _cs_allocations(self):
        """The validated allocations this leave draws on, valid on its first day; of
        leave granted by life events, those of the latest event."""
        day = self.request_date_from
        if not (day and self.employee_id and self.holiday_status_id):
            return self.env["hr.leave.allocation"]
        valid = self._cs_type_allocations().filtered(lambda a: self._cs_valid_on(a, day))
        events = valid.cs_life_event_id
        if events:
            latest = max(events, key=lambda event: (event.event_date, event.id))
            valid = valid.filtered(lambda a: a.cs_life_event_id == latest)
        return valid

    @api.depends("holiday_status_id", "employee_id", "request_date_from")
    @api.depends_context("lang")
    def _compute_cs_basis(self):
        for leave in self:
            bases = (
                leave._cs_allocations().mapped("cs_basis")
                if leave.holiday_status_id.cs_kind and leave.employee_id
                else []
            )
            leave.cs_basis = "; ".join(basis for basis in bases if basis) or False

    def _cs_level_approvers(self):
        """The approver of each level, skipping missing and repeated people."""
        self.ensure_one()
        employee = self.employee_id.sudo()
        department = employee.department_id
        top = department
        while top.parent_id:
            top = top.parent_id
        candidates = {
            "supervisor": employee.parent_id.user_id,
            "manager": department.manager_id.user_id,
            "head": top.manager_id.user_id,
        }
        company = employee.company_id
        steps = []
        for level in approval.levels(
            self.number_of_days, company.cs_tier_supervisor_days, company.cs_tier_department_days
        ):
            user = candidates[level]
            if user and user != employee.user_id and user not in [u for _l, u in steps]:
                steps.append((level, user))
        return steps

    @api.depends("number_of_days", "employee_id", "holiday_status_id")
    def _compute_cs_levels(self):
        for leave in self:
            if not leave.holiday_status_id.cs_kind or not leave.employee_id:
                leave.cs_levels = False
                leave.cs_approver_user_ids = False
                leave.cs_level_user_ids = False
                continue
            steps = leave._cs_level_approvers()
            leave.cs_levels = ",".join(level for level, _user in steps)
            leave.cs_approver_user_ids = [user.id for _level, user in steps]
            leave.cs_level_user_ids = [user.id for _level, user in steps]

    def _cs_steps(self):
        """The stored ``(level, approver)`` steps, as computed when the leave was
        requested; None when the levels and their approvers do not match (data
        stored other than by the approval)."""
        self.ensure_one()
        if not self.cs_levels:
            return []
        levels = self.cs_levels.split(",")
        user_ids = self.cs_level_user_ids
        if (
            not isinstance(user_ids, list)
            or len(user_ids) != len(levels)
            or not all(level in LEVEL_LABELS for level in levels)
            or not all(type(user_id) is int for user_id in user_ids)
        ):
            return None
        users = self.env["res.users"].sudo().browse(user_ids)
        if set(users.exists().ids) != set(user_ids):
            return None
        return list(zip(levels, users, strict=True))

    def _cs_next_step(self):
        """The ``(level, approver)`` to approve next; None when every level has
        approved or the stored approval does not add up."""
        steps = self._cs_steps()
        if steps is None or not 0 <= self.cs_levels_done < len(steps):
            return None
        return steps[self.cs_levels_done]

    @api.depends("cs_levels", "cs_levels_done")
    @api.depends_context("uid")
    def _compute_cs_approval_steps(self):
        for leave in self:
            steps = leave._cs_steps()
            if steps is None:
                leave.cs_approval_steps = self.env._(
                    "The approval steps of this leave do not add up: refuse it and request "
                    "it again."
                )
                leave.cs_is_my_level = False
                continue
            lines = []
            for index, (level, user) in enumerate(steps):
                mark = "✓" if index < leave.cs_levels_done else "…"
                lines.append(f"{mark} {index + 1}. {self.env._(LEVEL_LABELS[level])}: {user.name}")
            leave.cs_approval_steps = "\n".join(lines)
            pending = leave._cs_next_step()
            leave.cs_is_my_level = bool(
                pending and leave.state == "confirm" and leave._cs_may_approve(pending[1])
            )

    def _cs_may_approve(self, approver):
        """The level's approver approves it; a Time Off officer stands in for one
        who has left (archived user)."""
        if approver == self.env.user or self.env.is_superuser():
            return True
        return not approver.active and self.env.user.has_group("hr_holidays.group_hr_holidays_user")

    def _cs_spans(self, first, last, domain=()):
        """Leave of these requests' employees between ``first`` and ``last``, as
        ``{employee: [(from, to)]}``: every saved leave matching ``domain`` whoever
        reads (record rules would hide some), with these requests as edited now."""
        spans = defaultdict(list)
        for other in self.sudo().search(
            [
                ("employee_id", "in", self.employee_id.ids),
                ("state", "not in", ("refuse", "cancel")),
                ("request_date_to", ">=", first),
                ("request_date_from", "<=", last),
                ("id", "not in", self._origin.ids),
                *domain,
            ]
        ):
            spans[other.employee_id].append((other.request_date_from, other.request_date_to))
        for leave in self:
            spans[leave.employee_id].append((leave.request_date_from, leave.request_date_to))
        return spans

    @api.depends("holiday_status_id", "employee_id", "request_date_from", "request_date_to")
    @api.depends_context("lang", "uid")
    def _compute_cs_pay(self):
        sick = self.filtered(
            lambda leave: (
                leave.holiday_status_id.cs_kind == "sick"
                and leave.employee_id
                and leave.request_date_from
                and leave.request_date_to
            )
        )
        for leave in self - sick:
            leave_type = leave.holiday_status_id
            leave.cs_pay_rate = leave_type.cs_pay_rate
            leave.cs_pay_basis = f"{leave_type.cs_pay_rate:g}%" if leave_type.cs_kind else False
        if not sick:
            return
        # Long sickness (Shanghai: 6 months) looks back over the run a request extends:
        # one query and one schedule per calendar for the whole batch.
        months = max(sick.employee_id.mapped(lambda e: e._cs_jurisdiction().sick_pay_long_months))
        first = entitlement.add_months(min(sick.mapped("request_date_from")), -months - 1)
        last = max(sick.mapped("request_date_to"))
        spans = sick._cs_spans(first, last, [("holiday_status_id.cs_kind", "=", "sick")])
        rest_days = sick.employee_id._cs_rest_days_batch(first, last) if months else {}
        # Whoever may read the wage (Odoo's own wage field: Employees administrators)
        # and the employee see the rates worked out from it.
        reads_wages = self.env.user.has_group("hr.group_hr_manager")
        for leave in sick:
            employee = leave.employee_id
            jurisdiction = employee._cs_jurisdiction()
            start, end = leave.request_date_from, leave.request_date_to
            months = jurisdiction.sick_pay_long_months
            switch = entitlement.long_sickness_from(
                spans[employee], start, months, rest_days.get(employee, frozenset())
            )
            show_amounts = reads_wages or employee.user_id == self.env.user
            rate, basis = leave._cs_sick_pay(
                jurisdiction, start, bool(switch and switch <= start), show_amounts
            )
            # A leave that runs into long sickness is paid the lower rate from that day.
            if switch and start < switch <= end:
                later, later_basis = leave._cs_sick_pay(jurisdiction, switch, True, show_amounts)
                if later is None:
                    basis = self.env._(
                        "%(basis)s; from %(date)s (sick for %(months)s months or more): %(later)s",
                        basis=basis,
                        date=switch,
                        months=months,
                        later=later_basis,
                    )
                else:
                    basis = self.env._(
                        "%(basis)s; from %(date)s: %(rate)s%% (sick for %(months)s months or more)",
                        basis=basis,
                        date=switch,
                        rate=f"{later:g}",
                        months=months,
                    )
            # No rate for a reader it would tell the wage: the basis says why.
            leave.cs_pay_rate = rate or 0.0
            leave.cs_pay_basis = basis

    def _cs_sick_pay(self, jurisdiction, day, long_sick, show_amounts):
        """Rate and basis of sick pay on ``day``: company rate, never below the floors;
        no rate (None) where it would tell a reader without ``show_amounts`` the wage."""
        employee = self.employee_id
        # The minimum wage is for HR to read: the floor is worked out whoever reads.
        jurisdiction = jurisdiction.sudo()
        months = jurisdiction.sick_pay_long_months
        floor = entitlement.sick_floor_by_service(
            jurisdiction.sick_pay_long_bands if long_sick else jurisdiction.sick_pay_bands,
            employee._cs_service_years(day),
            jurisdiction.sick_pay_floor_pct,
        )
        return entitlement.sick_pay_rate(
            employee.company_id.cs_sick_pay_pct,
            floor,
            jurisdiction.sick_pay_min_wage_pct,
            jurisdiction.minimum_wage,
            employee._cs_wage(day),
            long_months=months if long_sick else 0,
            show_amounts=show_amounts,
            _=self.env._,
        )

    @api.depends("holiday_status_id", "request_date_from", "request_date_to", "employee_id")
    def _compute_cs_hr_filing(self):
        todo = self.filtered(
            lambda leave: (
                leave.holiday_status_id.cs_kind
                and leave.employee_id
                and leave.request_date_from
                and leave.request_date_to
            )
        )
        (self - todo).cs_hr_filing = False
        if not todo:
            return
        # The employees' other leave around these requests, in one query: a run
        # reaching past the window is longer than any filing threshold anyway.
        margin = timedelta(days=max(todo.employee_id.company_id.mapped("cs_hr_filing_days")) + 31)
        first = min(todo.mapped("request_date_from")) - margin
        last = max(todo.mapped("request_date_to")) + margin
        spans = todo._cs_spans(first, last)
        rest_days = todo.employee_id._cs_rest_days_batch(first, last)
        for leave in todo:
            employee = leave.employee_id
            leave.cs_hr_filing = approval.needs_hr_filing(
                leave.holiday_status_id.cs_hr_filing,
                entitlement.consecutive_days(
                    spans[employee],
                    leave.request_date_from,
                    leave.request_date_to,
                    rest_days[employee],
                ),
                employee.company_id.cs_hr_filing_days,
            )

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------
    @api.constrains(
        "holiday_status_id",
        "request_date_from",
        "request_date_to",
        "request_hour_from",
        "request_hour_to",
        "employee_id",
    )
    def _check_cs_rules(self):
        for leave in self.filtered(
            lambda leave: leave.holiday_status_id.cs_kind and leave.employee_id
        ):
            kind = leave.holiday_status_id.cs_kind
            company = leave.employee_id.company_id
            if kind == "personal" and leave.number_of_days > company.cs_personal_max_days:
                raise ValidationError(
                    self.env._(
                        "Personal leave is unpaid and limited to %s days a request.",
                        company.cs_personal_max_days,
                    )
                )
            if kind == "nursing":
                leave._check_cs_nursing()
            if kind == "annual":
                leave._check_cs_probation()
            if not leave.holiday_status_id.requires_allocation:
                continue
            allocations = leave._cs_allocations()
            if not allocations:
                raise ValidationError(
                    self.env._(
                        "No %(type)s entitlement is valid on %(date)s: it has expired or was "
                        "never granted.",
                        type=leave.holiday_status_id.name,
                        date=leave.request_date_from,
                    )
                )
            if allocations.cs_life_event_id:
                leave._check_cs_granted(allocations)

    def _check_cs_probation(self):
        """The company may have annual leave taken only after probation (实施办法 gives
        no exclusion: the days stay granted)."""
        employee = self.employee_id.sudo()
        probation = employee.cs_probation_end
        if (
            employee.company_id.cs_annual_after_probation
            and probation
            and self.request_date_from <= probation
        ):
            raise ValidationError(
                self.env._(
                    "Annual leave is taken after probation, which ends on %(date)s (company "
                    "policy); the year's days stay granted.",
                    date=probation,
                )
            )

    def _check_cs_granted(self, allocations):
        """Leave granted by a life event: within the statute's own window, and no more
        days than remain of the statutory days and of the company's still valid."""
        leave_type = self.holiday_status_id
        windows = allocations.filtered(lambda a: a.cs_part == "statutory" and a.date_to)
        if windows and len(windows) == len(allocations):
            last = max(windows.mapped("date_to"))
            if self.request_date_to > last:
                raise ValidationError(
                    self.env._(
                        "%(type)s is taken by %(date)s: %(basis)s",
                        type=leave_type.name,
                        date=last,
                        basis="; ".join(windows.mapped("cs_basis")),
                    )
                )
        others = self.sudo().search(
            [
                ("employee_id", "=", self.employee_id.id),
                ("holiday_status_id", "=", leave_type.id),
                ("state", "not in", ("refuse", "cancel")),
                ("id", "not in", self._origin.ids),
            ]
        )
        if not leave_type.cs_may_split:
            first = min(allocations.mapped("date_from"))
            total = sum(allocations.mapped("number_of_days"))
            siblings = others.filtered(lambda other: other.request_date_from >= first)
            if siblings or self.number_of_days != total:
                raise ValidationError(
                    self.env._(
                        "%(type)s is taken in one block of %(days)s days: it cannot be split.",
                        type=leave_type.name,
                        days=f"{total:g}",
                    )
                )
            return
        grants = [
            (a.number_of_days, a.date_from, a.cs_start_by or None, a.date_to or None)
            for a in self._cs_type_allocations()
        ]
        taken = [(other.request_date_from, other.number_of_days) for other in others]
        available = entitlement.available_days(grants, taken, self.request_date_from)
        if self.number_of_days > available:
            raise ValidationError(
                self.env._(
                    "%(days)s days of %(type)s remain for a leave starting on %(date)s: the "
                    "statutory days and the company's days still within their window.",
                    days=f"{available:g}",
                    type=leave_type.name,
                    date=self.request_date_from,
                )
            )

    def _check_cs_nursing(self):
        """Nursing time: a mother, until the child is one, within her hours a day."""
        birth = (
            self.env["cs.life.event"]
            .sudo()
            .search(
                [
                    ("employee_id", "=", self.employee_id.id),
                    ("event_type", "=", "birth"),
                    ("parent_role", "=", "mother"),
                    ("state", "=", "confirmed"),
                    ("event_date", "<=", self.request_date_from),
                    ("nursing_until", ">", self.request_date_to),
                ],
                limit=1,
            )
        )
        if not birth:
            raise ValidationError(
                self.env._("Nursing time is for a mother until her child is one year old.")
            )
        if birth.nursing_slot and self.request_unit_hours:
            periods = self._cs_working_periods(self.request_date_from)
            if not entitlement.nursing_slot_fits(
                birth.nursing_slot, periods, self.request_hour_from, self.request_hour_to
            ):
                slot = dict(birth._fields["nursing_slot"]._description_selection(self.env))
                raise ValidationError(
                    self.env._(
                        "Nursing time is taken in the slot chosen for this birth: %(slot)s.",
                        slot=slot[birth.nursing_slot],
                    )
                )
        days = entitlement.days_between(self.request_date_from, self.request_date_to)
        if self.number_of_hours > birth.nursing_hours * days:
            raise ValidationError(
                self.env._(
                    "Nursing time is %(hours)s hour(s) a day for this birth.",
                    hours=birth.nursing_hours,
                )
            )

    def _cs_working_periods(self, day):
        """The employee's working periods ``(hour_from, hour_to)`` on ``day``, breaks
        excluded: two-week schedules and make-up working days (调休) as planned."""
        employee = self.employee_id.sudo()
        calendar = employee._cs_calendar()
        tz = timezone(employee.tz or calendar.tz or "UTC")
        start = tz.localize(datetime.combine(day, time.min))
        stop = tz.localize(datetime.combine(day, time.max))
        intervals = calendar._attendance_intervals_batch(start, stop, tz=tz)[False]
        return [
            (begin.hour + begin.minute / 60, end.hour + end.minute / 60 or 24.0)
            for begin, end, _line in intervals
        ]

    # ------------------------------------------------------------------
    # Approval
    # ------------------------------------------------------------------
    def action_approve(self, check_state=True):
        """Each level's approver approves in turn; Odoo's own validation runs
        once every level has approved."""
        tiered = self.filtered(lambda leave: leave.cs_levels and leave.state == "confirm")
        plain = self - tiered
        approved = self.browse()
        for leave in tiered:
            step = leave._cs_next_step()
            if not step:
                raise UserError(
                    self.env._(
                        "The approval steps of %(leave)s do not add up: refuse it and request "
                        "it again.",
                        leave=leave.display_name,
                    )
                )
            level, user = step
            if not leave._cs_may_approve(user):
                raise UserError(
                    self.env._(
                        "This leave now waits for the %(level)s, %(user)s.",
                        level=self.env._(LEVEL_LABELS[level]),
                        user=user.name,
                    )
                )
            # The level's approver was checked above: the count is written as superuser,
            # as approvers may read the leave but not edit it.
            leave.sudo().write({"cs_levels_done": leave.cs_levels_done + 1})
            values = {
                "index": leave.cs_levels_done,
                "level": self.env._(LEVEL_LABELS[level]),
                "user": self.env.user.name,
            }
            if user == self.env.user:
                body = self.env._("Approved at level %(index)s (%(level)s) by %(user)s.", **values)
            else:
                body = self.env._(
                    "Approved at level %(index)s (%(level)s) by %(user)s in place of %(absent)s.",
                    absent=user.name,
                    **values,
                )
            leave.sudo().message_post(
                body=Markup("%s") % body, author_id=self.env.user.partner_id.id
            )
            if not leave._cs_pending():
                approved |= leave
        if approved:
            # Every level said yes: Odoo's own validation, on the last approver's word.
            super(HrLeave, approved.sudo()).action_approve(check_state)
            approved.filtered("cs_hr_filing")._cs_file_with_hr()
        if plain:
            return super(HrLeave, plain).action_approve(check_state)
        return True

    def _action_validate(self, check_state=True):
        # Not even with Odoo's leave_fast_create, which any caller may send.
        pending = self.filtered(lambda leave: leave._cs_pending())
        if pending and not self._cs_in_approval():
            raise UserError(self.env._("Some approval levels of this leave are still pending."))
        return super()._action_validate(check_state)

    def _cs_file_with_hr(self):
        officers = self.env.ref("hr_holidays.group_hr_holidays_user").user_ids
        for leave in self:
            leave.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("File this leave with HR"),
                user_id=(officers[:1] or self.env.user).id,
            )
