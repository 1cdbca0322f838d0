from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.cs_attendance.rules import entitlement, limits

RELATIONSHIPS = [
    ("parent", "Parent"),
    ("parent_in_law", "Parent-in-law"),
    ("spouse", "Spouse"),
    ("child", "Child"),
    ("grandparent", "Grandparent"),
]
# A person's age beyond which a figure is a typo.
MAX_AGE = 130


class Grant(NamedTuple):
    """Leave an event grants: one allocation. ``part`` says whether the days are the
    statute's (they never lapse; ``date_to`` is a window of the statute itself) or
    the company's above them (to be started by ``start_by``). ``extend_days`` of them,
    after the first ``extend_after``, run longer over statutory holidays."""

    kind: str
    part: str
    days: float
    basis: str
    date_from: date
    start_by: date | None = None
    date_to: date | None = None
    extend_after: int = 0
    extend_days: int = 0


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
            "miscarriage_days",
            "relationship",
            "parent_age",
            "only_child",
            "hospital_until",
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
            ("parent_care", "Parent in Hospital (Only Child)"),
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
    miscarriage_days = fields.Integer(
        string="Days the Doctor Advises",
        help="Where the jurisdiction grants a range of days for this month of pregnancy "
        "(Guangdong: 15 to 30 days under 4 months), the days the medical institution "
        "advises, within that range.",
    )
    relationship = fields.Selection(selection=RELATIONSHIPS)
    parent_age = fields.Integer(
        string="Age of the Parent", help="Only-child parent care: the parent's age."
    )
    only_child = fields.Boolean(
        string="Employee Is an Only Child", help="独生子女: only-child parent care requires it."
    )
    hospital_until = fields.Date(
        string="In Hospital Until",
        help="Only-child parent care is taken during the hospitalisation; empty: until the "
        "end of the year.",
    )
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

    @api.constrains("babies", "pregnancy_months", "miscarriage_days", "parent_age")
    def _check_figures(self):
        for event in self:
            if not 0 <= event.miscarriage_days <= limits.MAX_DAYS:
                raise ValidationError(
                    self.env._(
                        "The days the doctor advises run from 0 to %(max)s.", max=limits.MAX_DAYS
                    )
                )
            if not 0 <= event.parent_age <= MAX_AGE:
                raise ValidationError(
                    self.env._("A parent's age runs from 0 to %(max)s.", max=MAX_AGE)
                )
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

    def _block_end(self, leave_type, start, days, extend_after=0, extend_days=0):
        """Last day of a leave of ``days`` starting on ``start``: calendar days (of which
        ``extend_days`` after the first ``extend_after`` run longer over statutory
        holidays), or the employee's working days (holidays and make-up days
        included)."""
        if leave_type.cs_counting == "calendar":
            holidays = self.employee_id._cs_statutory_holidays(
                start, start + timedelta(days=2 * days + 60)
            )
            return entitlement.block_end(start, days, holidays, extend_after, extend_days)
        end = self.employee_id._cs_calendar().plan_days(
            days, datetime.combine(start, time.min), compute_leaves=True
        )
        return end.date() if end else start + timedelta(days=days * 2)

    def _split(self, kind, law, company_days, basis, law_from, start_by, **statute):
        """The statutory grant and the company's above it (PRC_RULES §6: the company's
        validity window governs only its own days). ``basis`` says how the total was
        reached; ``statute`` holds the statutory grant's own window and extension."""
        _ = self.env._
        statutory, extra = entitlement.split(law, company_days)
        if not extra:
            return [Grant(kind, "statutory", statutory, basis, law_from, **statute)]
        leave_type = self._leave_type(kind)
        total = statutory + extra
        grants = []
        if statutory:
            grants.append(
                Grant(
                    kind,
                    "statutory",
                    statutory,
                    _(
                        "%(days)s statutory days (%(name)s), without a deadline",
                        days=f"{statutory:g}",
                        name=self.employee_id._cs_jurisdiction().name,
                    ),
                    law_from,
                    **statute,
                )
            )
        grants.append(
            Grant(
                kind,
                "company",
                extra,
                _(
                    "%(basis)s: %(days)s company days above the statute, to start by %(date)s",
                    basis=basis,
                    days=f"{extra:g}",
                    date=start_by,
                ),
                law_from,
                start_by,
                self._block_end(
                    leave_type,
                    start_by,
                    total,
                    statute.get("extend_after", 0),
                    statute.get("extend_days", 0),
                ),
            )
        )
        return grants

    def _maternity_end(self, jurisdiction):
        """Last day of the maternity leave of this birth's mother under
        ``jurisdiction``, counted from the birth: Shanghai's paternity window."""
        (law, _basis), _company = entitlement.maternity_parts(
            jurisdiction._maternity_rule(),
            {"base": 0, "difficult": 0, "extra_baby": 0},
            difficult=self.difficult_labour,
            babies=self.babies,
        )
        extension = jurisdiction.maternity_extension_days
        extends = jurisdiction.maternity_extension_extends
        holidays = self.employee_id._cs_statutory_holidays(
            self.event_date, self.event_date + timedelta(days=2 * law + 60)
        )
        return entitlement.block_end(
            self.event_date,
            law,
            holidays,
            law - extension if extends else law,
            extension if extends else 0,
        )

    def _entitlements(self):
        """The :class:`Grant` list of the event."""
        self.ensure_one()
        jurisdiction = self.employee_id._cs_jurisdiction()
        if not jurisdiction:
            raise UserError(
                self.env._("Set the leave jurisdiction of the employee or the company.")
            )
        method = getattr(self, f"_grants_{self.event_type}")
        return method(jurisdiction.sudo(), self.company_id)

    def _grants_marriage(self, jurisdiction, company):
        _ = self.env._
        _days, basis = entitlement.simple(
            jurisdiction.marriage_days, jurisdiction.name, company.cs_marriage_days, _=_
        )
        start_by = entitlement.valid_until(self.event_date, company.cs_marriage_valid_months)
        return self._split(
            "marriage",
            jurisdiction.marriage_days,
            company.cs_marriage_days,
            basis,
            self.event_date,
            start_by,
        )

    def _grants_birth(self, jurisdiction, company):
        _ = self.env._
        if self.parent_role == "mother":
            rules = (
                jurisdiction._maternity_rule(),
                {
                    "base": company.cs_maternity_days,
                    "difficult": company.cs_maternity_difficult_days,
                    "extra_baby": company.cs_maternity_extra_baby_days,
                },
                self.difficult_labour,
                self.babies,
            )
            (law, _law_basis), (firm, _firm_basis) = entitlement.maternity_parts(*rules, _=_)
            _days, basis = entitlement.maternity(*rules, _=_)
            extension = jurisdiction.maternity_extension_days
            extends = jurisdiction.maternity_extension_extends and extension
            grants = self._split(
                "maternity",
                law,
                firm,
                basis,
                self.event_date - timedelta(days=jurisdiction.maternity_prenatal_days),
                entitlement.add_months(self.event_date, company.cs_maternity_start_within_months),
                extend_after=law - extension if extends else 0,
                extend_days=extension if extends else 0,
            )
            # The company's days may start as early as its own policy says.
            prenatal = self.event_date - timedelta(days=company.cs_maternity_prenatal_days)
            grants = [
                grant._replace(date_from=prenatal) if grant.part == "company" else grant
                for grant in grants
            ]
        else:
            law = jurisdiction.paternity_days
            _days, basis = entitlement.simple(
                law, jurisdiction.name, company.cs_paternity_days, _=_
            )
            grants = self._split(
                "paternity",
                law,
                company.cs_paternity_days,
                basis,
                self.event_date,
                self.event_date + timedelta(days=company.cs_paternity_window_days),
                date_to=self._maternity_end(jurisdiction)
                if jurisdiction.paternity_within_maternity
                else None,
                extend_days=law if jurisdiction.paternity_extends else 0,
            )
        # 育儿假: each year of the child until the jurisdiction's age, for either parent.
        if jurisdiction.childcare_days:
            days, childcare_basis = entitlement.childcare(
                jurisdiction.childcare_days, self.babies, jurisdiction.childcare_per_child, _=_
            )
            years = entitlement.childcare_years(self.event_date, jurisdiction.childcare_until_years)
            for index, (first, last) in enumerate(years):
                text = _(
                    "%(basis)s, %(name)s childcare, year %(year)s of the child",
                    basis=childcare_basis,
                    name=jurisdiction.name,
                    year=index + 1,
                )
                grants.append(Grant("childcare", "statutory", days, text, first, date_to=last))
        return grants

    def _grants_miscarriage(self, jurisdiction, company):
        tiers = jurisdiction._miscarriage_tiers()
        if not tiers:
            raise UserError(
                self.env._(
                    "%(jurisdiction)s has no miscarriage leave tiers: enter them on the "
                    "jurisdiction first.",
                    jurisdiction=jurisdiction.name,
                )
            )
        try:
            _start, least, most = entitlement.miscarriage_tier(self.pregnancy_months, tiers)
        except ValueError as error:
            raise UserError(
                self.env._(
                    "%(jurisdiction)s has no miscarriage leave tier for %(months)s months of "
                    "pregnancy.",
                    jurisdiction=jurisdiction.name,
                    months=f"{self.pregnancy_months:g}",
                )
            ) from error
        try:
            days, basis = entitlement.miscarriage(
                self.pregnancy_months, tiers, self.miscarriage_days or None, _=self.env._
            )
        except ValueError as error:
            raise ValidationError(
                self.env._(
                    "A miscarriage at %(months)s months of pregnancy gives %(least)s to "
                    "%(most)s days on the doctor's opinion (%(jurisdiction)s): enter the days "
                    "the doctor advises, within that range.",
                    months=f"{self.pregnancy_months:g}",
                    least=least,
                    most=most,
                    jurisdiction=jurisdiction.name,
                )
            ) from error
        return [Grant("miscarriage", "statutory", days, basis, self.event_date)]

    def _grants_death(self, jurisdiction, company):
        relation = (
            self.env["cs.family.relation"]
            .sudo()
            .search([("code", "=", self.relationship)], limit=1)
        )
        law = (
            jurisdiction.bereavement_days
            if relation in jurisdiction.bereavement_relation_ids
            else 0
        )
        firm = (
            company.cs_bereavement_close_days
            if relation in company.cs_bereavement_close_relation_ids
            else company.cs_bereavement_grand_days
        )
        _days, basis = entitlement.simple(law, jurisdiction.name, firm, _=self.env._)
        start_by = entitlement.add_months(
            self.event_date, company.cs_bereavement_start_within_months
        )
        return self._split("bereavement", law, firm, basis, self.event_date, start_by)

    def _grants_parent_care(self, jurisdiction, company):
        """独生子女护理假: an only child, a parent of the jurisdiction's age in hospital."""
        _ = self.env._
        if not (jurisdiction.parent_care_days or jurisdiction.parent_care_yearly_days):
            raise UserError(
                _(
                    "%(jurisdiction)s grants no only-child parent-care leave.",
                    jurisdiction=jurisdiction.name,
                )
            )
        if not self.only_child or self.relationship != "parent":
            raise UserError(
                _("Only-child parent-care leave is for an only child caring for a parent.")
            )
        if self.parent_age < jurisdiction.parent_care_min_age:
            raise UserError(
                _(
                    "Only-child parent-care leave is for a parent aged %(age)s or more "
                    "(%(jurisdiction)s).",
                    age=jurisdiction.parent_care_min_age,
                    jurisdiction=jurisdiction.name,
                )
            )
        year_end = date(self.event_date.year, 12, 31)
        earlier = self.sudo().search(
            [
                ("employee_id", "=", self.employee_id.id),
                ("event_type", "=", "parent_care"),
                ("state", "=", "confirmed"),
                ("event_date", ">=", date(self.event_date.year, 1, 1)),
                ("event_date", "<=", year_end),
                ("id", "!=", self.id),
            ]
        )
        granted = sum(earlier.allocation_ids.mapped("number_of_days"))
        granted_yearly = jurisdiction.parent_care_yearly_days if earlier else 0
        _total, hospital, yearly = entitlement.parent_care(
            jurisdiction.parent_care_days,
            jurisdiction.parent_care_yearly_days,
            granted - granted_yearly,
            granted_yearly,
        )
        if not (hospital or yearly):
            raise UserError(
                _("This year's only-child parent-care leave was already granted in full.")
            )
        until = min(self.hospital_until or year_end, year_end)
        grants = []
        if hospital:
            grants.append(
                Grant(
                    "parent_care",
                    "statutory",
                    hospital,
                    _(
                        "%(days)s days %(name)s only-child parent care in hospital (up to "
                        "%(cap)s a year)",
                        days=hospital,
                        name=jurisdiction.name,
                        cap=jurisdiction.parent_care_days,
                    ),
                    self.event_date,
                    date_to=until,
                )
            )
        if yearly:
            grants.append(
                Grant(
                    "parent_care",
                    "statutory",
                    yearly,
                    _(
                        "%(days)s days %(name)s only-child parent care a year",
                        days=yearly,
                        name=jurisdiction.name,
                    ),
                    self.event_date,
                    date_to=year_end,
                )
            )
        return grants

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
            for grant in event._entitlements():
                if not grant.days:
                    continue
                allocation = Allocation.create(
                    {
                        "name": f"{event.name}: {grant.basis}"[:200],
                        "employee_id": event.employee_id.id,
                        "holiday_status_id": event._leave_type(grant.kind).id,
                        "number_of_days": grant.days,
                        "date_from": grant.date_from,
                        "date_to": grant.date_to or False,
                        "cs_start_by": grant.start_by or False,
                        "cs_part": grant.part,
                        "cs_extend_after_days": grant.extend_after,
                        "cs_extend_days": grant.extend_days,
                        "cs_life_event_id": event.id,
                    }
                )
                if allocation.state != "validate":
                    allocation.action_approve()
                lines.append((allocation, grant.basis))
            vals = {"state": "confirmed"}
            if event.event_type == "birth" and event.parent_role == "mother":
                jurisdiction = event.employee_id._cs_jurisdiction()
                vals["nursing_hours"] = entitlement.nursing_hours(
                    event.babies, event.company_id.cs_nursing_hours
                )
                vals["nursing_until"] = entitlement.add_months(
                    event.event_date, jurisdiction.nursing_until_months
                )
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
                bases = [grant.basis for grant in event._entitlements() if grant.days]
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
        help="Company days only: leave from this allocation must start by this day (the "
        "company's window: marriage 6 months from registration, paternity a week after "
        "the birth); it stays valid until a leave started then ends.",
    )
    cs_part = fields.Selection(
        selection=[("statutory", "Statutory Days"), ("company", "Company Days")],
        string="Days Granted By",
        readonly=True,
        help="Statutory days never lapse by a company's window; the company's days above them may.",
    )
    cs_extend_after_days = fields.Integer(
        string="Holidays Extend After (days)",
        readonly=True,
        help="A leave drawing on these days counts its first days in calendar days...",
    )
    cs_extend_days = fields.Integer(
        string="Days Extended Over Holidays",
        readonly=True,
        help="...then this many days that do not count statutory holidays (遇法定节假日顺延).",
    )

    def _cs_write_basis(self, build):
        """Write the basis in every installed language: ``build(env)`` makes it in
        ``env``'s."""
        for lang in languages_current_last(self.env):
            other = self.with_context(lang=lang)
            other.cs_basis = build(other.env)
