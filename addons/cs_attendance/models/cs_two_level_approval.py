from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

# Who acts for HR on attendance: hr_attendance's officers and its administrators.
HR_GROUP = "hr_attendance.group_hr_attendance_officer"

STATES = [
    ("draft", "Draft"),
    ("submitted", "Waiting for the Supervisor"),
    ("first_approved", "Waiting for the Department Manager"),
    ("approved", "Approved"),
    ("refused", "Refused"),
    ("cancelled", "Cancelled"),
]
PENDING = ("submitted", "first_approved")

#: What the approval writes: only its actions change it.
APPROVAL_FIELDS = frozenset(
    {
        "state",
        "approver_1_id",
        "approver_2_id",
        "approved_1_by_id",
        "approved_1_at",
        "approved_2_by_id",
        "approved_2_at",
        "submitted_at",
    }
)


class CsTwoLevelApproval(models.AbstractModel):
    """Two signatures of the department (seed 003 第二篇 3(4) 經匯報二級簽字批准,
    5(1) 部門兩級...予以簽批): the employee's direct supervisor, then the
    department's manager, as hr_leave's tiers pick them (a missing or repeated
    person is skipped, the department head steps in, never the employee). The
    approvers are fixed at submission; HR stands in for one who has left.

    The concrete model has ``employee_id`` and lists ``APPROVAL_FIELDS`` in its
    ``_cs_action_fields``; it implements :meth:`_cs_check_submit` and
    :meth:`_cs_on_approved`."""

    _name = "cs.two.level.approval"
    _description = "Two-Level Approval"

    state = fields.Selection(
        selection=STATES, default="draft", required=True, readonly=True, tracking=True, index=True
    )
    submitted_at = fields.Datetime(string="Submitted On", readonly=True, copy=False)
    approver_1_id = fields.Many2one(
        comodel_name="res.users", string="First Approver", readonly=True, copy=False, index=True
    )
    approver_2_id = fields.Many2one(
        comodel_name="res.users", string="Second Approver", readonly=True, copy=False, index=True
    )
    approved_1_by_id = fields.Many2one(
        comodel_name="res.users", string="First Level Approved By", readonly=True, copy=False
    )
    approved_1_at = fields.Datetime(string="First Level Approved On", readonly=True, copy=False)
    approved_2_by_id = fields.Many2one(
        comodel_name="res.users", string="Second Level Approved By", readonly=True, copy=False
    )
    approved_2_at = fields.Datetime(string="Second Level Approved On", readonly=True, copy=False)
    is_my_level = fields.Boolean(
        string="Waiting for Me", compute="_compute_is_my_level", search="_search_is_my_level"
    )

    @api.depends("state", "approver_1_id", "approver_2_id")
    @api.depends_context("uid")
    def _compute_is_my_level(self):
        for record in self:
            approver = record._cs_pending_approver()
            record.is_my_level = bool(approver) and record._cs_may_approve(approver)

    def _search_is_my_level(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        uid = self.env.uid
        domain = [
            "|",
            "&",
            ("state", "=", "submitted"),
            ("approver_1_id", "=", uid),
            "&",
            ("state", "=", "first_approved"),
            ("approver_2_id", "=", uid),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    def _cs_approvers(self):
        """The supervisor, then the department's manager (the head of the
        department above when one of them is missing or the same person)."""
        self.ensure_one()
        employee = self.employee_id.sudo()
        department = employee.department_id
        top = department
        while top.parent_id:
            top = top.parent_id
        candidates = [
            employee.parent_id.user_id,
            department.manager_id.user_id,
            department.parent_id.manager_id.user_id,
            top.manager_id.user_id,
        ]
        approvers = []
        for user in candidates:
            if user and user.active and user != employee.user_id and user not in approvers:
                approvers.append(user)
        return approvers[:2]

    def _cs_pending_approver(self):
        self.ensure_one()
        if self.state == "submitted":
            return self.approver_1_id
        if self.state == "first_approved":
            return self.approver_2_id
        return self.env["res.users"]

    def _cs_may_approve(self, approver):
        """The level's approver; an attendance officer stands in for one who
        left (archived). Never the employee for their own request."""
        user = self.env.user
        if self.employee_id.sudo().user_id == user and not self.env.su:
            return False
        if approver == user or self.env.su:
            return True
        return not approver.active and user.has_group(HR_GROUP)

    def _cs_is_hr(self):
        return self.env.su or self.env.user.has_group(HR_GROUP)

    def _cs_check_submit(self):
        """The concrete model's rules, checked before submission."""

    def _cs_on_approved(self):
        """What the last signature sets off."""

    def _cs_on_left_approval(self):
        """What a refusal or a cancellation undoes."""

    def action_submit(self):
        for record in self:
            if record.state != "draft":
                raise UserError(self.env._("Only a draft can be submitted."))
            # Seed 5(2) 員工簽字確認處不得代簽: an employee with a login signs their own
            # form; HR files it only for one without (or as the system).
            signer = record.employee_id.sudo().user_id
            if not (signer == self.env.user or self.env.su or (not signer and record._cs_is_hr())):
                raise UserError(
                    self.env._(
                        "%(employee)s signs and submits their own form (不得代簽).",
                        employee=record.employee_id.name,
                    )
                )
        self._cs_check_submit()
        now = fields.Datetime.now()
        for record in self:
            approvers = record._cs_approvers()
            if not approvers:
                raise UserError(
                    self.env._(
                        "%(employee)s has neither a manager nor a department manager to "
                        "approve: set them on the employee first.",
                        employee=record.employee_id.name,
                    )
                )
            record._cs_action_write(
                {
                    "state": "submitted",
                    "submitted_at": now,
                    "approver_1_id": approvers[0].id,
                    "approver_2_id": approvers[1].id if len(approvers) > 1 else False,
                }
            )
            record._cs_notify_approver(approvers[0])
        return True

    def _cs_notify_approver(self, user):
        self.sudo().activity_schedule(
            "mail.mail_activity_data_todo",
            user_id=user.id,
            summary=self.env._("Approve or refuse %(form)s", form=self.display_name),
        )

    def action_approve(self):
        now = fields.Datetime.now()
        done = self.browse()
        for record in self:
            approver = record._cs_pending_approver()
            if not approver:
                raise UserError(
                    self.env._("%(form)s is not waiting for approval.", form=record.display_name)
                )
            if not record._cs_may_approve(approver):
                raise UserError(
                    self.env._(
                        "%(form)s waits for %(user)s's signature.",
                        form=record.display_name,
                        user=approver.name,
                    )
                )
            record.sudo().activity_unlink(["mail.mail_activity_data_todo"])
            if record.state == "submitted":
                vals = {"approved_1_by_id": self.env.uid, "approved_1_at": now}
                last = not record.approver_2_id
                vals["state"] = "approved" if last else "first_approved"
                level = 1
            else:
                vals = {"approved_2_by_id": self.env.uid, "approved_2_at": now, "state": "approved"}
                last, level = True, 2
            record._cs_action_write(vals)
            body = self.env._(
                "Signed at level %(level)s by %(user)s.", level=level, user=self.env.user.name
            )
            if approver != self.env.user:
                body = self.env._(
                    "Signed at level %(level)s by %(user)s in place of %(absent)s.",
                    level=level,
                    user=self.env.user.name,
                    absent=approver.name,
                )
            record.sudo().message_post(
                body=Markup("%s") % body, author_id=self.env.user.partner_id.id
            )
            if last:
                done |= record
            else:
                record._cs_notify_approver(record.approver_2_id)
        if done:
            done._cs_on_approved()
        return True

    def action_refuse(self):
        for record in self:
            approver = record._cs_pending_approver()
            if not approver or not (record._cs_may_approve(approver) or record._cs_is_hr()):
                raise UserError(
                    self.env._(
                        "Only the pending approver or HR refuses %(form)s.",
                        form=record.display_name,
                    )
                )
        self.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        self._cs_action_write({"state": "refused"})
        return True

    def action_cancel(self):
        for record in self:
            if record.state not in ("draft", *PENDING, "approved"):
                raise UserError(self.env._("%(form)s is already closed.", form=record.display_name))
            own = record.employee_id.sudo().user_id == self.env.user
            if record.state == "approved" and not record._cs_is_hr():
                raise UserError(self.env._("Only HR cancels an approved form."))
            if not (own or record._cs_is_hr()):
                raise UserError(self.env._("The employee or HR cancels the form."))
        approved = self.filtered(lambda r: r.state == "approved")
        self.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        self._cs_action_write({"state": "cancelled"})
        if approved:
            approved._cs_on_left_approval()
        return True

    def action_draft(self):
        for record in self:
            if record.state not in ("refused", "cancelled"):
                raise UserError(self.env._("Only a refused or cancelled form goes back to draft."))
        self._cs_action_write(
            {
                "state": "draft",
                "submitted_at": False,
                "approver_1_id": False,
                "approver_2_id": False,
                "approved_1_by_id": False,
                "approved_1_at": False,
                "approved_2_by_id": False,
                "approved_2_at": False,
            }
        )
        return True
