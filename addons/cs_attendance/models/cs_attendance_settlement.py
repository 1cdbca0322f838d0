import io
from collections import defaultdict

import xlsxwriter
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.cs_attendance.rules import attendance as att_rules
from odoo.addons.cs_attendance.rules import overtime as ot_rules

# Who acts for HR on attendance: hr_attendance's officers and its administrators.
HR_GROUP = "hr_attendance.group_hr_attendance_officer"

# The figures of the period, written by the computation only.
FIGURES = (
    "scheduled_days",
    "scheduled_hours",
    "worked_hours",
    "trip_days",
    "trip_hours",
    "present_days",
    "late_days",
    "late_minutes",
    "early_minutes",
    "deduct_minutes",
    "deduct_days",
    "missed_punch_count",
    "missed_punch_confirmed",
    "absence_days",
    "discipline_days",
    "absence_flag",
    "leave_days",
    "leave_hours",
    "overtime_workday_hours",
    "overtime_rest_hours",
    "overtime_holiday_hours",
    "lieu_earned_hours",
    "lieu_used_hours",
    "computed_at",
)
# What the computation reads of each attendance day, summed per employee.
DAY_SUMS = (
    "scheduled_hours",
    "worked_hours",
    "trip_hours",
    "leave_hours",
    "late_minutes",
    "early_minutes",
    "deduct_minutes",
    "deduct_days",
)


class CsAttendanceSettlement(models.Model):
    """考勤月報 (seed 003 第二篇 4, 5; REQUIREMENTS A9): one employee's attendance
    period (seed: the 21st to the 20th) as payroll reads it. Computed set-based
    from the evaluated days, leave and overtime; confirmed by the manager,
    approved by HR, and then locked: the punches, exception forms, leave and
    overtime of the period change only after HR reopens it, with a reason."""

    _name = "cs.attendance.settlement"
    _description = "Attendance Settlement"
    _inherit = ["cs.guarded.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "period_start desc, department_id, employee_id"
    _check_company_auto = True

    _cs_action_fields = frozenset(
        {
            "employee_id",
            "company_id",
            "department_id",
            "period_start",
            "period_end",
            "state",
            "line_ids",
            "confirmed_by_id",
            "confirmed_at",
            "approved_by_id",
            "approved_at",
            "reopen_reason",
            *FIGURES,
        }
    )

    employee_id = fields.Many2one(
        comodel_name="hr.employee", required=True, index=True, readonly=True, check_company=True
    )
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, readonly=True
    )
    department_id = fields.Many2one(
        comodel_name="hr.department", string="Department", index=True, readonly=True
    )
    period_start = fields.Date(string="From", required=True, index=True, readonly=True)
    period_end = fields.Date(string="To", required=True, index=True, readonly=True)
    state = fields.Selection(
        selection=[
            ("draft", "To Confirm"),
            ("confirmed", "Confirmed by the Manager"),
            ("approved", "Approved and Locked"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    locked = fields.Boolean(compute="_compute_locked")
    confirmed_by_id = fields.Many2one(
        comodel_name="res.users", string="Confirmed By", readonly=True, tracking=True
    )
    confirmed_at = fields.Datetime(string="Confirmed On", readonly=True)
    approved_by_id = fields.Many2one(
        comodel_name="res.users", string="Approved By", readonly=True, tracking=True
    )
    approved_at = fields.Datetime(string="Approved On", readonly=True)
    reopen_reason = fields.Char(
        string="Reopened Because", readonly=True, tracking=True, help="Why HR last reopened it."
    )
    computed_at = fields.Datetime(string="Computed On", readonly=True)

    scheduled_days = fields.Integer(string="Working Days", readonly=True)
    scheduled_hours = fields.Float(readonly=True)
    worked_hours = fields.Float(string="Punched Hours", readonly=True)
    trip_days = fields.Integer(string="Business Trip Days", readonly=True)
    trip_hours = fields.Float(string="Business Trip Hours", readonly=True)
    present_days = fields.Integer(readonly=True)
    late_days = fields.Integer(string="Days Late or Early", readonly=True)
    late_minutes = fields.Integer(string="Late (min)", readonly=True)
    early_minutes = fields.Integer(string="Early (min)", readonly=True)
    deduct_minutes = fields.Integer(string="Pay Deducted (min)", readonly=True)
    deduct_days = fields.Float(string="Pay Deducted (days)", readonly=True)
    missed_punch_count = fields.Integer(string="Missed Punches", readonly=True)
    missed_punch_confirmed = fields.Integer(string="Missed Punches Confirmed", readonly=True)
    absence_days = fields.Integer(string="Absence Days", readonly=True)
    discipline_days = fields.Integer(
        string="Absence Days for Discipline",
        readonly=True,
        help="Absence, or late or early beyond the company's limit.",
    )
    absence_flag = fields.Boolean(string="Absence Review", readonly=True)
    leave_days = fields.Integer(string="Days on Leave", readonly=True)
    leave_hours = fields.Float(string="Leave Hours", readonly=True)
    overtime_workday_hours = fields.Float(string="Overtime 150 % (hours)", readonly=True)
    overtime_rest_hours = fields.Float(string="Overtime 200 % (hours)", readonly=True)
    overtime_holiday_hours = fields.Float(string="Overtime 300 % (hours)", readonly=True)
    lieu_earned_hours = fields.Float(string="Time Off in Lieu Earned (hours)", readonly=True)
    lieu_used_hours = fields.Float(string="Time Off in Lieu Taken (hours)", readonly=True)
    line_ids = fields.One2many(
        comodel_name="cs.attendance.settlement.line",
        inverse_name="settlement_id",
        string="Leave and Overtime",
        readonly=True,
    )

    _employee_period_uniq = models.Constraint(
        "UNIQUE(employee_id, period_start)", "An employee has one settlement per period."
    )

    @api.depends("state")
    def _compute_locked(self):
        for settlement in self:
            settlement.locked = settlement.state == "approved"

    @api.depends("employee_id", "period_start", "period_end")
    def _compute_display_name(self):
        for settlement in self:
            settlement.display_name = (
                f"{settlement.employee_id.name or ''} "
                f"{settlement.period_start or ''} – {settlement.period_end or ''}"
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(settlement.state != "draft" for settlement in self):
            raise UserError(self.env._("A confirmed or approved settlement cannot be deleted."))

    # The lock -------------------------------------------------------------------------

    @api.model
    def _cs_locked_periods(self, employees, first, last):
        """``{(employee id, period start)}`` approved (locked) between ``first`` and ``last``."""
        rows = self.sudo()._read_group(
            [
                ("employee_id", "in", employees.ids),
                ("state", "=", "approved"),
                ("period_start", "<=", last),
                ("period_end", ">=", first),
            ],
            ["employee_id", "period_start:day"],
        )
        return {(employee.id, start) for employee, start in rows}

    @api.model
    def _cs_check_unlocked(self, pairs):
        """Refuse a change to the attendance of ``pairs`` ``[(employee, date)]``
        that falls in an approved (locked) settlement."""
        pairs = [(employee, day) for employee, day in pairs if employee and day]
        if not pairs:
            return
        employees = self.env["hr.employee"].union(*(employee for employee, _day in pairs))
        days = [day for _employee, day in pairs]
        locked = self.sudo().search(
            [
                ("employee_id", "in", employees.ids),
                ("state", "=", "approved"),
                ("period_start", "<=", max(days)),
                ("period_end", ">=", min(days)),
            ]
        )
        for employee, day in pairs:
            for settlement in locked:
                if (
                    settlement.employee_id == employee
                    and settlement.period_start <= day <= settlement.period_end
                ):
                    raise UserError(
                        self.env._(
                            "The attendance of %(employee)s from %(start)s to %(end)s is "
                            "settled and locked for payroll: HR reopens the settlement, with "
                            "a reason, before anything of it changes.",
                            employee=employee.sudo().name,
                            start=settlement.period_start,
                            end=settlement.period_end,
                        )
                    )

    # The workflow ----------------------------------------------------------------------

    def _cs_is_hr(self):
        return self.env.su or self.env.user.has_group(HR_GROUP)

    def _cs_is_manager_of(self):
        """The employee's manager or the department's manager; never the employee."""
        self.ensure_one()
        employee = self.employee_id.sudo()
        user = self.env.user
        if employee.user_id == user:
            return False
        return employee.parent_id.user_id == user or self.department_id.manager_id.user_id == user

    def action_confirm(self):
        """Seed 4(1) 部門審核: the manager checks the month against the roster and confirms."""
        for settlement in self:
            if settlement.state != "draft":
                raise UserError(
                    self.env._("%(s)s is not waiting for confirmation.", s=settlement.display_name)
                )
            if not (settlement._cs_is_manager_of() or self._cs_is_hr()):
                raise UserError(
                    self.env._(
                        "Only the manager of %(employee)s or HR confirms the settlement.",
                        employee=settlement.employee_id.name,
                    )
                )
            if settlement.employee_id.sudo().user_id == self.env.user:
                raise UserError(self.env._("Nobody confirms their own settlement."))
        self._cs_action_write(
            {
                "state": "confirmed",
                "confirmed_by_id": self.env.uid,
                "confirmed_at": fields.Datetime.now(),
            }
        )
        return True

    def action_approve(self):
        """Seed 4(2) 人力資源部復核: HR approves; the period is locked for payroll."""
        if not self._cs_is_hr():
            raise UserError(self.env._("Only HR approves attendance settlements."))
        for settlement in self:
            if settlement.state != "confirmed":
                raise UserError(
                    self.env._(
                        "%(s)s must be confirmed by the manager first.", s=settlement.display_name
                    )
                )
            if settlement.employee_id.sudo().user_id == self.env.user:
                raise UserError(self.env._("Nobody approves their own settlement."))
        self._cs_action_write(
            {
                "state": "approved",
                "approved_by_id": self.env.uid,
                "approved_at": fields.Datetime.now(),
            }
        )
        return True

    def _cs_reopen(self, reason):
        """HR reopens a confirmed or approved settlement, saying why (tracked)."""
        if not self._cs_is_hr():
            raise UserError(self.env._("Only HR reopens an attendance settlement."))
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Say why the settlement is reopened."))
        if any(settlement.state == "draft" for settlement in self):
            raise UserError(self.env._("Only a confirmed or approved settlement is reopened."))
        self._cs_action_write(
            {
                "state": "draft",
                "reopen_reason": reason[:200],
                "confirmed_by_id": False,
                "confirmed_at": False,
                "approved_by_id": False,
                "approved_at": False,
            }
        )
        for settlement in self:
            settlement.message_post(
                body=Markup("%s")
                % self.env._(
                    "Reopened by %(user)s: %(reason)s", user=self.env.user.name, reason=reason
                )
            )
        return True

    def action_refresh(self):
        """Evaluate the days again and compute the figures anew (drafts only)."""
        if any(settlement.state != "draft" for settlement in self):
            raise UserError(self.env._("Only a settlement to confirm is computed again."))
        for settlement in self:
            if not (settlement._cs_is_manager_of() or self._cs_is_hr()):
                raise UserError(
                    self.env._("Only the employee's manager or HR computes the settlement.")
                )
        for (_company, start), settlements in self.grouped(
            lambda s: (s.company_id, s.period_start)
        ).items():
            employees = settlements.employee_id
            self.env["cs.attendance.day"]._cs_evaluate(employees, start, settlements[0].period_end)
            self._cs_compute_period(employees, start)
        return True

    # The computation: set-based ---------------------------------------------------------------

    @api.model
    def _cs_compute_period(self, employees, date_from):
        """Compute the settlements of ``employees`` for the attendance period holding
        ``date_from``: draft ones are created or computed anew, confirmed and approved
        ones are left as they are. A fixed number of queries whatever the number of
        employees (the benchmark's hook: ``scripts/bench_figures.py``). Derived data,
        computed as the system from the evaluated days (``cs.attendance.day``)."""
        Settlement = self.sudo().with_context(
            tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True
        )
        result = Settlement.browse()
        for company, staff in employees.sudo().grouped("company_id").items():
            if company:
                first, last = att_rules.period_bounds(date_from, company.cs_att_period_start_day)
                result |= Settlement._cs_compute_company(company, staff, first, last)
        return result.with_env(self.env)

    def _cs_compute_company(self, company, staff, first, last):
        existing = self.search([("employee_id", "in", staff.ids), ("period_start", "=", first)])
        frozen = {s.employee_id.id for s in existing if s.state != "draft"}
        ids = [employee_id for employee_id in staff.ids if employee_id not in frozen]
        if not ids:
            return existing
        figures = self._cs_read_days(ids, first, last)
        leave_rows = self._cs_read_leave(ids, first, last)
        overtime_rows = self._cs_read_overtime(ids, first, last)
        lieu_type = company.cs_ot_lieu_leave_type_id
        now = fields.Datetime.now()
        departments = {e.id: e.department_id.id for e in self.env["hr.employee"].browse(ids)}
        values, lines = {}, defaultdict(list)
        for employee_id in ids:
            vals = dict.fromkeys(FIGURES, 0)
            vals.update(figures.get(employee_id, {}), computed_at=now)
            values[employee_id] = vals
        for employee_id, leave_type, days, hours in leave_rows:
            lines[employee_id].append(
                {
                    "kind": "leave",
                    "leave_type_id": leave_type.id,
                    "rate": leave_type.cs_pay_rate,
                    "days": days,
                    "hours": hours,
                }
            )
            values[employee_id]["leave_days"] += days
            values[employee_id]["leave_hours"] += hours
            if leave_type == lieu_type:
                values[employee_id]["lieu_used_hours"] += hours
        field_of_kind = {
            ot_rules.DAY_WORKING: "overtime_workday_hours",
            ot_rules.DAY_REST: "overtime_rest_hours",
            ot_rules.DAY_HOLIDAY: "overtime_holiday_hours",
        }
        for employee_id, kind, rate, compensation, hours in overtime_rows:
            if compensation == ot_rules.COMP_TIME_OFF:
                values[employee_id]["lieu_earned_hours"] += hours
            elif kind in field_of_kind:
                values[employee_id][field_of_kind[kind]] += hours
            lines[employee_id].append(
                {
                    "kind": "overtime",
                    "day_kind": kind,
                    "rate": rate,
                    "compensation": compensation,
                    "hours": hours,
                }
            )
        drafts = existing.filtered(lambda s: s.state == "draft")
        by_employee = {s.employee_id.id: s for s in drafts}
        drafts.line_ids.unlink()
        to_create = []
        for employee_id in ids:
            vals = values[employee_id]
            vals["department_id"] = departments[employee_id] or False
            vals["line_ids"] = [fields.Command.create(line) for line in lines[employee_id]]
            record = by_employee.get(employee_id)
            if record:
                record._cs_action_write(vals)
            else:
                to_create.append(
                    {
                        "employee_id": employee_id,
                        "company_id": company.id,
                        "period_start": first,
                        "period_end": last,
                        **vals,
                    }
                )
        created = self._cs_action_create(to_create) if to_create else self.browse()
        return existing | created

    def _cs_read_days(self, ids, first, last):
        """``{employee id: figures}`` from the evaluated days, in one grouped query."""
        Day = self.env["cs.attendance.day"]
        rows = Day._read_group(
            [("employee_id", "in", ids), ("date", ">=", first), ("date", "<=", last)],
            [
                "employee_id",
                "state",
                "missing_punch",
                "missed_punch_confirmed",
                "absent_discipline",
                "business_trip",
                "absence_flag",
                "absence_reason",
            ],
            ["__count", *(f"{name}:sum" for name in DAY_SUMS)],
        )
        result = defaultdict(lambda: defaultdict(float))
        for row in rows:
            employee, state, missing, confirmed, discipline, trip, flag, reason, count = row[:9]
            sums = row[9:]
            figures = result[employee.id]
            for name, value in zip(DAY_SUMS, sums, strict=True):
                figures[name] += value or 0.0
            if state != "rest":
                figures["scheduled_days"] += count
            if state in ("present", "late", "missed"):
                figures["present_days"] += count
            if state == "late":
                figures["late_days"] += count
            if state == "absent":
                figures["absence_days"] += count
            # A day without any punch nor confirmation is absence, not a missed punch.
            if missing and (confirmed or reason != att_rules.REASON_NO_PUNCH):
                figures["missed_punch_count"] += count
                if confirmed:
                    figures["missed_punch_confirmed"] += count
            if discipline:
                figures["discipline_days"] += count
            if trip:
                figures["trip_days"] += count
            if flag:
                figures["absence_flag"] = True
        for figures in result.values():
            # Planned hours: those still to work and those taken by leave.
            figures["scheduled_hours"] += figures.pop("leave_hours")
            for name in ("late_minutes", "early_minutes", "deduct_minutes"):
                figures[name] = round(figures[name])
            for name in ("scheduled_days", "present_days", "late_days", "absence_days"):
                figures[name] = int(figures[name])
            for name in ("missed_punch_count", "missed_punch_confirmed", "discipline_days"):
                figures[name] = int(figures[name])
            figures["trip_days"] = int(figures["trip_days"])
            figures["absence_flag"] = bool(figures["absence_flag"])
        return result

    def _cs_read_leave(self, ids, first, last):
        """``[(employee id, leave type, whole days, hours)]`` of validated leave, from
        the evaluated days (so a leave across two periods counts in each its part)."""
        rows = self.env["cs.attendance.day"]._read_group(
            [
                ("employee_id", "in", ids),
                ("date", ">=", first),
                ("date", "<=", last),
                ("leave_type_id", "!=", False),
            ],
            ["employee_id", "leave_type_id", "state"],
            ["__count", "leave_hours:sum"],
        )
        totals = defaultdict(lambda: [0, 0.0])
        for employee, leave_type, state, count, hours in rows:
            total = totals[employee.id, leave_type]
            total[0] += count if state == "leave" else 0
            total[1] += hours or 0.0
        return [
            (eid, leave_type, days, hours) for (eid, leave_type), (days, hours) in totals.items()
        ]

    def _cs_read_overtime(self, ids, first, last):
        """``[(employee id, kind, rate, compensation, hours)]`` of approved overtime."""
        rows = self.env["cs.overtime.request"]._read_group(
            [
                ("employee_id", "in", ids),
                ("state", "=", "approved"),
                ("date", ">=", first),
                ("date", "<=", last),
            ],
            ["employee_id", "day_kind", "rate", "compensation"],
            ["hours:sum"],
        )
        return [
            (employee.id, kind, rate, comp, hours) for employee, kind, rate, comp, hours in rows
        ]

    # Payroll export and print ------------------------------------------------------------------

    def _cs_xlsx_columns(self):
        """``[(title, width, value(settlement))]``: fixed columns, then a column per
        leave type and per overtime rate found in these settlements."""
        selection = dict(self._fields["state"]._description_selection(self.env))
        columns = [
            (self.env._("Employee"), 16, lambda s: s.employee_id.name),
            (self.env._("Department"), 18, lambda s: s.department_id.name or ""),
            (self.env._("From"), 11, lambda s: str(s.period_start)),
            (self.env._("To"), 11, lambda s: str(s.period_end)),
        ]
        columns += [
            (self._fields[name]._description_string(self.env), 12, lambda s, n=name: s[n])
            for name in FIGURES
            if name not in ("computed_at", "absence_flag")
        ]
        columns.append(
            (
                self._fields["absence_flag"]._description_string(self.env),
                10,
                lambda s: self.env._("Yes") if s.absence_flag else "",
            )
        )
        leave_types = self.line_ids.filtered(lambda line: line.kind == "leave").leave_type_id
        for leave_type in leave_types.sorted("name"):
            rate = leave_type.cs_pay_rate
            for unit, field in ((self.env._("days"), "days"), (self.env._("hours"), "hours")):
                columns.append(
                    (
                        f"{leave_type.name} ({rate:g} %) {unit}",
                        14,
                        lambda s, t=leave_type, f=field: sum(
                            s.line_ids.filtered(lambda line: line.leave_type_id == t).mapped(f)
                        ),
                    )
                )
        rates = sorted(
            set(self.line_ids.filtered(lambda line: line.kind == "overtime").mapped("rate"))
        )
        for rate in rates:
            columns.append(
                (
                    self.env._("Overtime %(rate)s %% (hours)", rate=f"{rate * 100:g}"),
                    14,
                    lambda s, r=rate: sum(
                        s.line_ids.filtered(
                            lambda line: (
                                line.kind == "overtime"
                                and line.rate == r
                                and line.compensation == ot_rules.COMP_PAY
                            )
                        ).mapped("hours")
                    ),
                )
            )
        columns.append((self.env._("Status"), 16, lambda s: selection.get(s.state, "")))
        return columns

    def _cs_xlsx(self):
        output = io.BytesIO()
        # Names typed by people are text: "=..." stays text, not a formula.
        workbook = xlsxwriter.Workbook(
            output, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
        )
        sheet = workbook.add_worksheet(self.env._("Attendance"))
        bold = workbook.add_format(
            {"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True}
        )
        columns = self._cs_xlsx_columns()
        for col, (title, width, _value) in enumerate(columns):
            sheet.set_column(col, col, width)
            sheet.write(0, col, title, bold)
        for row, settlement in enumerate(
            self.sorted(lambda s: (s.department_id.name or "", s.employee_id.name or "")), 1
        ):
            sheet.write_row(row, 0, [value(settlement) for _t, _w, value in columns])
        sheet.freeze_panes(1, 1)
        workbook.close()
        return output.getvalue()

    def action_export_xlsx(self):
        """One workbook for payroll: a row per employee (考勤月報)."""
        if not self:
            raise UserError(self.env._("Select the settlements to export."))
        starts = sorted(set(self.mapped("period_start")))
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"attendance-{starts[0]}-{max(self.mapped('period_end'))}.xlsx",
                "raw": self._cs_xlsx(),
                "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }
        )
        return {"type": "ir.actions.act_url", "url": f"/web/content/{attachment.id}?download=true"}


class CsAttendanceSettlementLine(models.Model):
    """A leave type's days and hours, or an overtime rate's hours, of a settlement."""

    _name = "cs.attendance.settlement.line"
    _description = "Attendance Settlement Line"
    _inherit = ["cs.guarded.mixin"]
    _order = "settlement_id, kind, rate desc, id"

    _cs_action_fields = frozenset(
        {
            "settlement_id",
            "kind",
            "leave_type_id",
            "day_kind",
            "rate",
            "compensation",
            "days",
            "hours",
        }
    )

    settlement_id = fields.Many2one(
        comodel_name="cs.attendance.settlement", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="settlement_id.company_id", store=True, index=True, precompute=True
    )
    kind = fields.Selection(
        selection=[("leave", "Leave"), ("overtime", "Overtime")], required=True, readonly=True
    )
    leave_type_id = fields.Many2one(comodel_name="hr.leave.type", readonly=True)
    day_kind = fields.Selection(
        selection=[
            (ot_rules.DAY_WORKING, "Working Day"),
            (ot_rules.DAY_REST, "Rest Day"),
            (ot_rules.DAY_HOLIDAY, "Statutory Holiday"),
        ],
        string="Kind of Day",
        readonly=True,
    )
    rate = fields.Float(
        readonly=True,
        aggregator=None,
        help="Leave: the share of the wage paid (%). Overtime: the pay multiplier.",
    )
    compensation = fields.Selection(
        selection=[(ot_rules.COMP_PAY, "Paid"), (ot_rules.COMP_TIME_OFF, "Time Off in Lieu")],
        readonly=True,
    )
    days = fields.Integer(readonly=True)
    hours = fields.Float(readonly=True)
