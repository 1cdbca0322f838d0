from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.cs_attendance.models.hr_leave_type import START_WITHIN_MONTHS
from odoo.addons.cs_attendance.rules import entitlement, limits

RELATIONSHIPS = [
    ("parent", "Parent"),
    ("parent_in_law", "Parent-in-law"),
    ("spouse", "Spouse"),
    ("child", "Child"),
    ("grandparent", "Grandparent"),
]
CLOSE_FAMILY = ("parent", "parent_in_law", "spouse", "child")


def languages_current_last(env):
    """The installed languages, the current one last: a basis is kept in each so that
    every reader has it in their own, and Odoo copies a value written in another
    language to en_US when en_US is not installed."""
    others = [lang for lang, _name in env["res.lang"].get_installed() if lang != env.lang]
    return [*others, env.lang]


class CsLifeEvent(models.Model):
    """A life event that entitles an employee to leave: marriage, birth,
    miscarriage, death of a relative (seed 003 第二篇 6)."""

    _name = "cs.life.event"
    _description = "Life Event"
    _inherit = ["cs.guarded.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "event_date desc, id desc"

    #: Written by the confirmation only.
    _cs_action_fields = frozenset(
        {"state", "basis", "nursing_hours", "nursing_until", "allocation_ids"}
    )
    #: What the leave granted was worked out from: fixed once the event is confirmed.
    _cs_grant_fields = frozenset(
        {
            "employee_id",
            "event_type",
            "event_date",
            "parent_role",
            "babies",
            "difficult_labour",
            "pregnancy_months",
            "relationship",
        }
    )

    name = fields.Char(compute="_compute_name", store=True)
    employee_id = fields.Many2one(
        comodel_name="hr.employee", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(related="employee_id.company_id", store=True, index=True)
    event_type = fields.Selection(
        selection=[
            ("marriage", "Marriage Registration"),
            ("birth", "Birth"),
            ("miscarriage", "Miscarriage"),
            ("death", "Death of a Relative"),
        ],
        required=True,
        tracking=True,
    )
    event_date = fields.Date(required=True, tracking=True)
    parent_role = fields.Selection(
        selection=[("mother", "Mother"), ("father", "Father")], string="Employee Is"
    )
    babies = fields.Integer(default=1)
    difficult_labour = fields.Boolean()
    pregnancy_months = fields.Float()
    relationship = fields.Selection(selection=RELATIONSHIPS)
    document = fields.Binary(string="Certificate", help="Marriage, birth or death certificate.")
    state = fields.Selection(
        selection=[("draft", "Draft"), ("confirmed", "Confirmed")],
        default="draft",
        tracking=True,
        readonly=True,
        copy=False,
    )
    allocation_ids = fields.One2many(
        comodel_name="hr.leave.allocation", inverse_name="cs_life_event_id", readonly=True
    )
    basis = fields.Text(
        readonly=True, translate=True, copy=False, help="How the granted leave was reached."
    )
    nursing_hours = fields.Float(
        string="Nursing Hours a Day",
        readonly=True,
        copy=False,
        help="Nursing time the mother may take each working day until the child is one.",
    )
    nursing_slot = fields.Selection(
        selection=[
            ("start", "Start Later (推迟上班)"),
            ("lunch", "Longer Lunch Break (延长午休)"),
            ("end", "Leave Earlier (提前下班)"),
        ],
        string="Nursing Slot",
        tracking=True,
        help="The fixed time of day the mother chose for her nursing time: at the start of "
        "her working day, next to the lunch break, or at its end. Nursing time requested at "
        "another time is refused.",
    )
    nursing_until = fields.Date(readonly=True, copy=False, help="The child's first birthday.")

    def _cs_check_choices(self, vals):
        """A choice outside a selection's list is refused with a message (Odoo's own
        conversion would end in a ValueError; cs.guarded.mixin checks only its type)."""
        for name, value in vals.items():
            field = self._fields.get(name)
            if (
                field is not None
                and field.type == "selection"
                and value
                and isinstance(value, str)
                and value not in field.get_values(self.env)
            ):
                raise ValidationError(
                    self.env._(
                        "%(field)s cannot be %(value)s: choose one of the list.",
                        field=field._description_string(self.env),
                        value=repr(value)[:40],
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._cs_check_choices(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._cs_check_choices(vals)
        if (
            self._cs_grant_fields & set(vals)
            and not self._cs_in_action()
            and any(event.state == "confirmed" for event in self)
        ):
            raise UserError(
                self.env._(
                    "A confirmed life event no longer changes: its leave was granted from it."
                )
            )
        return super().write(vals)

    @api.constrains("babies", "pregnancy_months")
    def _check_figures(self):
        for event in self:
            if not 1 <= event.babies <= limits.MAX_BABIES:
                raise ValidationError(
                    self.env._("A birth counts 1 to %(max)s babies.", max=limits.MAX_BABIES)
                )
            if not 0 <= event.pregnancy_months <= limits.MAX_PREGNANCY_MONTHS:
                raise ValidationError(
                    self.env._(
                        "Months of pregnancy run from 0 to %(max)s.",
                        max=limits.MAX_PREGNANCY_MONTHS,
                    )
                )

    @api.depends("event_type", "employee_id", "event_date")
    def _compute_name(self):
        labels = dict(self._fields["event_type"]._description_selection(self.env))
        for event in self:
            event.name = f"{labels.get(event.event_type, '')} - {event.employee_id.name or ''}"

    def _leave_type(self, kind):
        leave_type = self.env["hr.leave.type"].search(
            [("cs_kind", "=", kind), ("company_id", "in", (False, self.company_id.id))], limit=1
        )
        if not leave_type:
            raise UserError(self.env._("No leave type of kind %s is configured.", kind))
        return leave_type

    def _block_end(self, leave_type, start, days):
        """Last day of a leave of ``days`` starting on ``start``: calendar days, or
        the employee's working days (holidays and make-up days included)."""
        if leave_type.cs_counting == "calendar":
            return start + timedelta(days=days - 1)
        end = self.employee_id._cs_calendar().plan_days(
            days, datetime.combine(start, time.min), compute_leaves=True
        )
        return end.date() if end else start + timedelta(days=days * 2)

    def _entitlements(self):
        """``[(kind, days, basis, valid_until[, valid_from])]`` the event grants
        (valid from the event's date unless given)."""
        self.ensure_one()
        _ = self.env._
        company = self.company_id
        jurisdiction = self.employee_id._cs_jurisdiction()
        if not jurisdiction:
            raise UserError(
                self.env._("Set the leave jurisdiction of the employee or the company.")
            )
        if self.event_type == "marriage":
            days, basis = entitlement.simple(
                jurisdiction.marriage_days, jurisdiction.name, company.cs_marriage_days, _=_
            )
            until = entitlement.valid_until(self.event_date, company.cs_marriage_valid_months)
            return [("marriage", days, basis, until)]
        if self.event_type == "birth":
            if self.parent_role == "mother":
                days, basis = entitlement.maternity(
                    jurisdiction._maternity_rule(),
                    {
                        "base": company.cs_maternity_days,
                        "difficult": company.cs_maternity_difficult_days,
                        "extra_baby": company.cs_maternity_extra_baby_days,
                    },
                    difficult=self.difficult_labour,
                    babies=self.babies,
                    _=_,
                )
                grants = [
                    (
                        "maternity",
                        days,
                        basis,
                        entitlement.add_months(self.event_date, START_WITHIN_MONTHS["maternity"]),
                        self.event_date - timedelta(days=company.cs_maternity_prenatal_days),
                    )
                ]
            else:
                days, basis = entitlement.simple(
                    jurisdiction.paternity_days, jurisdiction.name, company.cs_paternity_days, _=_
                )
                window = timedelta(days=company.cs_paternity_window_days)
                grants = [("paternity", days, basis, self.event_date + window)]
            # 育儿假: each year until the child is three, for either parent.
            for index, (first, last) in enumerate(entitlement.childcare_years(self.event_date)):
                if jurisdiction.childcare_days:
                    text = _(
                        "%(days)s days %(name)s childcare, year %(year)s of the child",
                        days=jurisdiction.childcare_days,
                        name=jurisdiction.name,
                        year=index + 1,
                    )
                    grants.append(("childcare", jurisdiction.childcare_days, text, last, first))
            return grants
        if self.event_type == "miscarriage":
            days, basis = entitlement.miscarriage(
                self.pregnancy_months,
                jurisdiction.miscarriage_early_days,
                jurisdiction.miscarriage_late_days,
                _=_,
            )
            until = entitlement.add_months(self.event_date, START_WITHIN_MONTHS["miscarriage"])
            return [("miscarriage", days, basis, until)]
        close = self.relationship in CLOSE_FAMILY
        company_days = (
            company.cs_bereavement_close_days if close else company.cs_bereavement_grand_days
        )
        law = (
            jurisdiction.bereavement_days
            if self.relationship in ("parent", "spouse", "child")
            else 0
        )
        days, basis = entitlement.simple(law, jurisdiction.name, company_days, _=_)
        until = entitlement.add_months(self.event_date, START_WITHIN_MONTHS["bereavement"])
        return [("bereavement", days, basis, until)]

    def action_confirm(self):
        """Create the allocations the event entitles to, approved at once."""
        Allocation = self.env["hr.leave.allocation"].sudo()
        for event in self:
            if event.state != "draft":
                raise UserError(self.env._("This life event was already confirmed."))
            if event.event_type == "death" and not event.relationship:
                raise UserError(self.env._("Say who died: the relationship sets the leave."))
            if event.event_type == "birth" and not event.parent_role:
                raise UserError(self.env._("Say whether the employee is the mother or the father."))
            lines = []
            for kind, days, basis, until, *start in event._entitlements():
                if not days:
                    continue
                leave_type = event._leave_type(kind)
                # Childcare is valid within the child's year; the other leaves must
                # start by ``until`` and stay valid until a block started then ends.
                start_by = False if kind == "childcare" else until
                allocation = Allocation.create(
                    {
                        "name": f"{event.name}: {basis}"[:200],
                        "employee_id": event.employee_id.id,
                        "holiday_status_id": leave_type.id,
                        "number_of_days": days,
                        "date_from": start[0] if start else event.event_date,
                        "date_to": event._block_end(leave_type, start_by, days)
                        if start_by
                        else until,
                        "cs_start_by": start_by,
                        "cs_life_event_id": event.id,
                    }
                )
                if allocation.state != "validate":
                    allocation.action_approve()
                lines.append((allocation, basis))
            vals = {"state": "confirmed"}
            if event.event_type == "birth" and event.parent_role == "mother":
                vals["nursing_hours"] = entitlement.nursing_hours(
                    event.babies, event.company_id.cs_nursing_hours
                )
                vals["nursing_until"] = entitlement.add_months(event.event_date, 12)
            event._cs_action_write(vals)
            event._cs_write_basis(lines)
        return True

    def _cs_write_basis(self, lines):
        """Write the basis of the event and of its allocations in every installed
        language: ``lines`` are the ``(allocation, basis)`` granted in the current one."""
        for lang in languages_current_last(self.env):
            event = self.with_context(lang=lang)
            if lang == self.env.lang:
                bases = [basis for _allocation, basis in lines]
            else:
                bases = [basis for _kind, days, basis, *_rest in event._entitlements() if days]
            for (allocation, _basis), basis in zip(lines, bases, strict=True):
                allocation.with_context(lang=lang).cs_basis = basis
            event._cs_action_write({"basis": "\n".join(bases)})


class HrLeaveAllocation(models.Model):
    _inherit = "hr.leave.allocation"

    cs_life_event_id = fields.Many2one(comodel_name="cs.life.event", readonly=True, index=True)
    cs_basis = fields.Char(
        string="Basis", readonly=True, translate=True, help="How the entitlement was reached."
    )
    cs_start_by = fields.Date(
        string="Must Start By",
        readonly=True,
        help="Leave from this allocation must start by this day (marriage: 6 months from "
        "registration; paternity: a week after the birth); it stays valid until a leave "
        "started then ends.",
    )

    def _cs_write_basis(self, build):
        """Write the basis in every installed language: ``build(env)`` makes it in
        ``env``'s."""
        for lang in languages_current_last(self.env):
            other = self.with_context(lang=lang)
            other.cs_basis = build(other.env)
