from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.cs_attendance.models.cs_two_level_approval import APPROVAL_FIELDS, PENDING
from odoo.addons.cs_attendance.rules import attendance as att_rules
from odoo.addons.cs_attendance.rules import overtime as rules

# A business trip is planned in days; a form of months is a typing error.
MAX_TRIP_DAYS = 92
# What the employee may still change while the form is a draft.
DRAFT_FIELDS = frozenset(
    {
        "employee_id",
        "kind",
        "date_from",
        "date_to",
        "hour_from",
        "hour_to",
        "missed_punch",
        "reason",
    }
)


class CsAttendanceException(models.Model):
    """考勤異常登記表 (seed 003 第二篇 3(4), 3(5)): a business trip or outing that
    kept the employee from the punch clock, or a missed punch, signed by the
    supervisor and the department's manager. Filed before or on the day back
    (a trip) and by the weekly deadline (a missed punch); late, it cannot be
    submitted and the day stays absence. Approved, a missed punch is confirmed
    against the monthly quota and a trip makes its days present."""

    _name = "cs.attendance.exception"
    _description = "Attendance Exception"
    _inherit = [
        "cs.guarded.mixin",
        "cs.sequence.mixin",
        "cs.two.level.approval",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    _cs_action_fields = frozenset({"name", "filing_deadline", *APPROVAL_FIELDS})

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
    kind = fields.Selection(
        selection=[("business_trip", "Business Trip or Outing"), ("missed_punch", "Missed Punch")],
        required=True,
        default="missed_punch",
        tracking=True,
        help="因公外出/出差: work away from the punch clock; 漏打卡: a punch forgotten.",
    )
    date_from = fields.Date(string="From", required=True, tracking=True)
    date_to = fields.Date(string="To", required=True, tracking=True)
    hour_from = fields.Float(
        string="Out From", help="An outing within the day: when it started (local time)."
    )
    hour_to = fields.Float(string="Back At", help="An outing within the day: when it ended.")
    missed_punch = fields.Selection(
        selection=[("in", "Arrival"), ("out", "Departure"), ("both", "Both")],
        string="Punch Missed",
        default="in",
    )
    reason = fields.Text(
        string="Reason", required=True, help="事由: what the work or the cause was."
    )
    filing_deadline = fields.Datetime(
        readonly=True,
        copy=False,
        help="Fixed at submission: the end of the day back (a trip) or the weekly deadline "
        "(a missed punch).",
    )
    period_start = fields.Date(
        string="Attendance Period", compute="_compute_period_start", store=True, index=True
    )
    day_ids = fields.One2many(
        comodel_name="cs.attendance.day", inverse_name="exception_id", string="Days Excused"
    )

    @api.depends("date_from", "company_id")
    def _compute_period_start(self):
        for form in self:
            form.period_start = (
                att_rules.period_bounds(form.date_from, form.company_id.cs_att_period_start_day)[0]
                if form.date_from and form.company_id
                else False
            )

    @api.depends("name", "employee_id", "kind")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for form in self:
            form.display_name = (
                f"{form.name or ''} {form.employee_id.name or ''} {kinds.get(form.kind, '')}"
            )

    @api.constrains("date_from", "date_to", "hour_from", "hour_to", "kind")
    def _check_dates(self):
        for form in self:
            if not (form.date_from and form.date_to):
                continue  # required: the database refuses it
            if form.date_to < form.date_from:
                raise ValidationError(self.env._("The form ends before it starts."))
            if (form.date_to - form.date_from).days >= MAX_TRIP_DAYS:
                raise ValidationError(
                    self.env._("A form covers at most %(days)s days.", days=MAX_TRIP_DAYS)
                )
            if form.kind == "missed_punch" and form.date_to != form.date_from:
                raise ValidationError(self.env._("A missed punch is registered for one day."))
            for hour in (form.hour_from, form.hour_to):
                if not 0 <= hour <= 24:
                    raise ValidationError(self.env._("Hours are hours of the day, 0 to 24."))
            if (form.hour_from or form.hour_to) and form.hour_to <= form.hour_from:
                raise ValidationError(self.env._("The outing ends before it starts."))

    # Edits and the lock -------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        forms = super().create(vals_list)
        forms._cs_check_unlocked()
        return forms

    def write(self, vals):
        submitted = any(form.state != "draft" for form in self)
        if submitted and not self._cs_in_action() and DRAFT_FIELDS & set(vals):
            raise UserError(
                self.env._("A submitted form changes only after it is refused or cancelled.")
            )
        self._cs_check_unlocked()
        result = super().write(vals)
        if {"employee_id", "date_from", "date_to"} & set(vals):
            self._cs_check_unlocked()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(form.state not in ("draft", "cancelled") for form in self):
            raise UserError(self.env._("Only a draft or cancelled form can be deleted."))
        self._cs_check_unlocked()

    def _cs_check_unlocked(self):
        self.env["cs.attendance.settlement"]._cs_check_unlocked(
            [
                (form.employee_id, day)
                for form in self
                for day in (form.date_from, form.date_to)
                if form.employee_id and day
            ]
        )

    # Deadlines ---------------------------------------------------------------------

    def _cs_zone(self):
        return pytz.timezone(self.employee_id.sudo()._get_tz())

    def _cs_deadline_local(self):
        """The last moment (local time) the form may be submitted."""
        self.ensure_one()
        company = self.employee_id.sudo().company_id
        if self.kind == "missed_punch":
            return rules.weekly_deadline(
                self.date_from, int(company.cs_att_exception_weekday), company.cs_att_exception_hour
            )
        within_day = bool(self.hour_from or self.hour_to) and self.date_from == self.date_to
        working = self.env["cs.attendance.day"]._cs_working_days(
            self.employee_id, self.date_to + timedelta(days=1), self.date_to + timedelta(days=31)
        )
        return rules.end_of_day(rules.day_back(self.date_to, within_day, sorted(working)))

    def _cs_check_submit(self):
        now = fields.Datetime.now()
        for form in self:
            zone = form._cs_zone()
            deadline = form._cs_deadline_local()
            if pytz.utc.localize(now).astimezone(zone).replace(tzinfo=None) > deadline:
                raise UserError(
                    self.env._(
                        "%(form)s was due by %(deadline)s: filed late, it cannot be submitted "
                        "and the day stays as the punches show (seed: 考勤異常登記表 is filed "
                        "before or on the day back, missed punches by the weekly deadline).",
                        form=form.display_name,
                        deadline=deadline.strftime("%Y-%m-%d %H:%M"),
                    )
                )
            duplicate = self.search_count(
                [
                    ("id", "!=", form.id),
                    ("employee_id", "=", form.employee_id.id),
                    ("kind", "=", form.kind),
                    ("state", "in", (*PENDING, "approved")),
                    ("date_from", "<=", form.date_to),
                    ("date_to", ">=", form.date_from),
                ]
            )
            if duplicate:
                raise UserError(
                    self.env._(
                        "%(employee)s already has a form of this kind for these days.",
                        employee=form.employee_id.name,
                    )
                )
            utc_deadline = zone.localize(deadline).astimezone(pytz.utc).replace(tzinfo=None)
            form._cs_action_write({"filing_deadline": utc_deadline})

    # Consequences on the attendance days ------------------------------------------------

    def _cs_on_approved(self):
        """A missed punch is confirmed (the quota counts it); a trip's days are
        evaluated again, present. The days are derived data: written as the system
        once both signatures are there."""
        Day = self.env["cs.attendance.day"].sudo()
        now = fields.Datetime.now()
        for form in self:
            days = Day.browse()
            day = form.date_from
            while day <= form.date_to:
                days |= Day._cs_day_of(form.employee_id, day)
                day += timedelta(days=1)
            vals = {"exception_id": form.id}
            if form.kind == "missed_punch":
                vals.update(
                    missed_punch_confirmed=True,
                    missed_punch_confirmed_by=form.approved_2_by_id.id or form.approved_1_by_id.id,
                    missed_punch_confirmed_at=now,
                )
            days._cs_action_write(vals)
            days._cs_reevaluate()

    def _cs_on_left_approval(self):
        days = self.sudo().day_ids
        missed = days.filtered(lambda d: d.exception_id.kind == "missed_punch")
        missed._cs_action_write(
            {
                "missed_punch_confirmed": False,
                "missed_punch_confirmed_by": False,
                "missed_punch_confirmed_at": False,
            }
        )
        days._cs_action_write({"exception_id": False})
        if days:
            days._cs_reevaluate()

    # The weekly reminder ------------------------------------------------------------------

    @api.model
    def _cron_remind_missed_punches(self):
        """On the day of the weekly deadline, each employee with a missed punch
        of the week and no form yet gets an activity to file one before the hour."""
        Day = self.env["cs.attendance.day"].sudo()
        companies = self.env["res.company"].sudo().search([])
        for company in companies:
            zone = company._cs_att_tz()
            today = pytz.utc.localize(fields.Datetime.now()).astimezone(zone).date()
            if today.weekday() != int(company.cs_att_exception_weekday):
                continue
            days = Day.search(
                [
                    ("company_id", "=", company.id),
                    ("date", ">", today - timedelta(days=7)),
                    ("date", "<=", today),
                    ("missing_punch", "=", True),
                    ("missed_punch_confirmed", "=", False),
                    ("exception_id", "=", False),
                ]
            )
            pending = self.sudo().search(
                [
                    ("employee_id", "in", days.employee_id.ids),
                    ("kind", "=", "missed_punch"),
                    ("state", "in", ("draft", *PENDING)),
                    ("date_from", ">", today - timedelta(days=7)),
                ]
            )
            filed = {(form.employee_id.id, form.date_from) for form in pending}
            hour = datetime.combine(today, time.min) + timedelta(
                minutes=round(company.cs_att_exception_hour * 60)
            )
            for day in days:
                if (day.employee_id.id, day.date) in filed:
                    continue
                user = day.employee_id.user_id or day.employee_id.parent_id.user_id
                if not user or day.activity_ids.filtered(lambda a, u=user: a.user_id == u):
                    continue
                day.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=today,
                    user_id=user.id,
                    summary=self.env._("File the attendance exception form"),
                    note=self.env._(
                        "Missed punch on %(day)s: file the attendance exception form before "
                        "%(hour)s today, or the day counts as absence.",
                        day=day.date,
                        hour=hour.strftime("%H:%M"),
                    ),
                )
