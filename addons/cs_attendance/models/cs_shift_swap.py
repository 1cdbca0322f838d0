from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# What the requester may still change while the request is a draft.
DRAFT_FIELDS = frozenset({"employee_id", "date", "other_employee_id", "other_date", "reason"})


class CsShiftSwap(models.Model):
    """换班: two employees exchange their rostered shifts of two days. Nothing
    changes until the team's supervisor approves; approval swaps the roster lines."""

    _name = "cs.shift.swap"
    _description = "Shift Swap Request"
    _inherit = ["cs.guarded.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    _cs_action_fields = frozenset({"state", "approved_by_id", "approved_at"})

    employee_id = fields.Many2one(
        comodel_name="hr.employee",
        string="Requested By",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        default=lambda self: self.env.user.employee_id,
    )
    date = fields.Date(string="Gives Up the Shift Of", required=True, tracking=True)
    other_employee_id = fields.Many2one(
        comodel_name="hr.employee",
        string="Swaps With",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    other_date = fields.Date(string="Takes the Shift Of", required=True, tracking=True)
    reason = fields.Text(required=True)
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("submitted", "Waiting for Approval"),
            ("approved", "Approved"),
            ("refused", "Refused"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    approved_by_id = fields.Many2one(
        comodel_name="res.users", string="Decided By", readonly=True, tracking=True
    )
    approved_at = fields.Datetime(string="Decided On", readonly=True)
    line_id = fields.Many2one(
        comodel_name="cs.roster.line", string="Shift Given Up", compute="_compute_lines"
    )
    other_line_id = fields.Many2one(
        comodel_name="cs.roster.line", string="Shift Taken", compute="_compute_lines"
    )
    department_id = fields.Many2one(
        comodel_name="hr.department",
        string="Team",
        compute="_compute_department_id",
        store=True,
        index=True,
    )
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("employee_id", "date", "other_employee_id", "other_date")
    def _compute_lines(self):
        for swap in self:
            swap.line_id = swap._find_line(swap.employee_id, swap.date)
            swap.other_line_id = swap._find_line(swap.other_employee_id, swap.other_date)

    @api.depends("employee_id", "date")
    def _compute_department_id(self):
        for swap in self:
            line = swap._find_line(swap.employee_id, swap.date)
            swap.department_id = line.department_id or swap.employee_id.department_id

    def _find_line(self, employee, day):
        """The published roster line of ``employee`` on ``day`` (read as the system:
        the requester may not see the other team member's roster lines)."""
        if not (employee and day):
            return self.env["cs.roster.line"]
        return (
            self.env["cs.roster.line"]
            .sudo()
            .search(
                [
                    ("employee_id", "=", employee.id),
                    ("date", "=", day),
                    ("roster_id.state", "=", "published"),
                ],
                limit=1,
            )
            .with_env(self.env)
        )

    @api.constrains("employee_id", "other_employee_id", "date", "other_date")
    def _check_two_people(self):
        for swap in self:
            if swap.employee_id == swap.other_employee_id:
                raise ValidationError(self.env._("A shift is swapped with somebody else."))

    def write(self, vals):
        changes_request = not self._cs_in_action() and DRAFT_FIELDS & set(vals)
        if changes_request and any(swap.state != "draft" for swap in self):
            raise UserError(
                self.env._("A swap request changes only while it is a draft; cancel it.")
            )
        return super().write(vals)

    def _lines_or_raise(self):
        self.ensure_one()
        line, other = (
            self._find_line(self.employee_id, self.date),
            self._find_line(self.other_employee_id, self.other_date),
        )
        if not line or not other:
            raise UserError(
                self.env._(
                    "%(employee)s on %(day)s and %(other)s on %(other_day)s must both have a "
                    "shift in a published roster.",
                    employee=self.employee_id.name,
                    day=self.date,
                    other=self.other_employee_id.name,
                    other_day=self.other_date,
                )
            )
        if line.department_id != other.department_id:
            raise UserError(self.env._("Shifts are swapped within one team's roster."))
        if line.date != other.date:
            Line = self.env["cs.roster.line"].sudo()
            busy = Line.search_count(
                [
                    "|",
                    "&",
                    ("employee_id", "=", self.employee_id.id),
                    ("date", "=", other.date),
                    "&",
                    ("employee_id", "=", self.other_employee_id.id),
                    ("date", "=", line.date),
                ]
            )
            if busy:
                raise UserError(
                    self.env._(
                        "After the swap one of the two would work two shifts on one day: "
                        "swap those shifts instead."
                    )
                )
        return line, other

    def _is_approver(self):
        """The team's manager or an attendance officer; never the requester."""
        self.ensure_one()
        user = self.env.user
        if self.employee_id.user_id == user:
            return False
        if user.has_group("hr_attendance.group_hr_attendance_user"):
            return True
        line = self._find_line(self.employee_id, self.date)
        return (line.department_id or self.department_id).manager_id.user_id == user

    def action_submit(self):
        for swap in self:
            if swap.state != "draft":
                raise UserError(self.env._("Only a draft swap request can be submitted."))
            swap._lines_or_raise()
        self._cs_action_write({"state": "submitted"})
        for swap in self:
            manager = swap.department_id.sudo().manager_id.user_id
            if manager:
                swap.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=manager.id,
                    summary=self.env._("Approve or refuse a shift swap"),
                )
        return True

    def action_approve(self):
        for swap in self:
            if swap.state != "submitted":
                raise UserError(self.env._("Only a submitted swap request can be approved."))
            if not swap._is_approver():
                raise UserError(
                    self.env._("Only the team's supervisor or HR approves a shift swap.")
                )
            line, other = swap._lines_or_raise()
            line, other = line.with_env(self.env), other.with_env(self.env)
            if line.date == other.date:
                shift, other_shift = line.shift_id, other.shift_id
                line._cs_action_write({"shift_id": other_shift.id})
                other._cs_action_write({"shift_id": shift.id})
            else:
                line._cs_action_write({"employee_id": swap.other_employee_id.id})
                other._cs_action_write({"employee_id": swap.employee_id.id})
            swap._cs_action_write(
                {
                    "state": "approved",
                    "approved_by_id": self.env.uid,
                    "approved_at": fields.Datetime.now(),
                }
            )
            swap.sudo().activity_unlink(["mail.mail_activity_data_todo"])
            self.env["cs.attendance.day"]._cs_evaluate(
                swap.employee_id | swap.other_employee_id,
                min(swap.date, swap.other_date),
                max(swap.date, swap.other_date),
            )
        return True

    def action_refuse(self):
        for swap in self:
            if swap.state != "submitted":
                raise UserError(self.env._("Only a submitted swap request can be refused."))
            if not swap._is_approver():
                raise UserError(
                    self.env._("Only the team's supervisor or HR refuses a shift swap.")
                )
            swap._cs_action_write(
                {
                    "state": "refused",
                    "approved_by_id": self.env.uid,
                    "approved_at": fields.Datetime.now(),
                }
            )
            swap.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_cancel(self):
        for swap in self:
            if swap.state not in ("draft", "submitted"):
                raise UserError(self.env._("Only a pending swap request can be cancelled."))
        self._cs_action_write({"state": "cancelled"})
        self.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        return True
