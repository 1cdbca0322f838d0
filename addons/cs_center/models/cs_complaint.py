from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup
from pytz import utc

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools.mail import email_normalize
from odoo.tools.misc import format_datetime

from odoo.addons.cs_center.rules import bounds, worktime
from odoo.addons.cs_center.rules import sla as sla_rules

CHANNELS = [
    ("phone", "Phone"),
    ("email", "Email"),
    ("chat", "Online Chat"),
    ("walk_in", "Walk-in"),
    ("letter", "Letter / Comment Book"),
    ("web", "Web Form"),
]
URGENCY = [("normal", "General"), ("urgent", "Urgent")]
COMPLEXITY = [("simple", "Simple"), ("complex", "Complex")]
OPEN_STATES = ("new", "acknowledged", "in_progress", "waiting")
# States in which the SLA clock runs: waiting for the customer pauses it.
CLOCK_STATES = ("new", "acknowledged", "in_progress")
SLA_TARGETS = sla_rules.SLA_TARGETS
LADDER_STEPS = [
    (sla_rules.HANDLER, "Handler Warned"),
    (sla_rules.LEADER, "Team Leader Warned"),
    (sla_rules.MANAGER, "Escalated to the Manager"),
]
WARNING_LABELS = {
    sla_rules.HANDLER: "Warn the Handler At",
    sla_rules.LEADER: "Warn the Team Leader At",
}
# States a callback (回访) follows: the complaint was resolved.
CALLBACK_STATES = ("resolved", "callback_done", "closed")
# What changes the targets or the calendar of an open complaint.
PLANNING_FIELDS = frozenset(
    {"channel", "urgency", "complexity", "category_id", "partner_id", "team_id", "received_at"}
)


def _sla_target_fields():
    """The fields of each entry of SLA_TARGETS: its deadline and the planned
    instants of its warnings, the stamp of when it was met, its breach flag and
    the last step of the escalation ladder taken for it. (The deadline, stamp
    and flag keep the labels Odoo derives from their names.)"""
    result = {}
    for target in SLA_TARGETS:
        result[target.deadline] = fields.Datetime(readonly=True, copy=False)
        for step in sla_rules.WARNINGS:
            result[target.warn_at(step)] = fields.Datetime(
                string=f"{target.label}: {WARNING_LABELS[step]}",
                readonly=True,
                copy=False,
                help="When the share of the target's working time set on the team has elapsed.",
            )
        result[target.met] = fields.Datetime(readonly=True, copy=False, tracking=True)
        result[target.breached] = fields.Boolean(readonly=True, copy=False)
        result[target.escalation] = fields.Selection(
            selection=LADDER_STEPS,
            string=f"{target.label} Escalation",
            readonly=True,
            copy=False,
            help="The last step of the escalation ladder taken for this target.",
        )
    return result


def _sla_target_indexes():
    """One partial index per planned instant, over the complaints whose clock
    runs and whose target is still open: the escalation cron's searches read
    only these, whatever the number of closed complaints."""
    running = ", ".join(f"'{state}'" for state in CLOCK_STATES)
    return {
        f"_{name}_running": models.Index(
            f"({name}) WHERE {target.met} IS NULL AND state IN ({running})"
        )
        for target in SLA_TARGETS
        for name in target.planned
    }


class CsComplaint(models.Model):
    """客户投诉: a customer complaint from intake to callback (seed 000 第六章, 001)."""

    _name = "cs.complaint"
    _description = "Customer Complaint"
    _inherit = ["cs.guarded.mixin", "cs.sequence.mixin", "mail.thread", "mail.activity.mixin"]
    _primary_email = "email_from"
    _order = "id desc"
    _check_company_auto = True
    # The workflow, the number, the SLA clock and ladder and what the customer
    # confirmed change only through the buttons (STYLE: the server enforces).
    _cs_action_fields = frozenset(
        {
            "state",
            "name",
            "call_id",
            "key_account_group_id",
            "transfer_count",
            "referred",
            "escalated",
            "reopen_count",
            "reopen_escalated",
            "customer_confirmed",
            "paused_at",
            # stored computed fields: written by the ORM, never by a caller
            "sla_breached",
            "sla_compliance",
            "satisfaction_score",
            "satisfied",
            "resolution_hours",
        }
        | {name for target in SLA_TARGETS for name in target.fields}
    )

    name = fields.Char(
        string="Number", readonly=True, copy=False, default=lambda self: self.env._("New")
    )
    subject = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Customer", tracking=True, index=True, check_company=True
    )
    email_from = fields.Char(string="Email")
    phone = fields.Char()
    channel = fields.Selection(selection=CHANNELS, required=True, default="phone", tracking=True)
    category_id = fields.Many2one(comodel_name="cs.complaint.category", tracking=True)
    severity = fields.Selection(
        selection=[
            ("low", "Low"),
            ("medium", "Medium"),
            ("high", "High"),
            ("critical", "Critical"),
        ],
        default="medium",
        tracking=True,
    )
    urgency = fields.Selection(selection=URGENCY, default="normal", required=True, tracking=True)
    complexity = fields.Selection(
        selection=COMPLEXITY,
        default="simple",
        required=True,
        tracking=True,
        help="Simple issues are assigned directly; complex ones are assessed with the "
        "departments concerned (会诊) first.",
    )
    description = fields.Html()
    received_at = fields.Datetime(
        string="Received", required=True, default=fields.Datetime.now, tracking=True
    )
    state = fields.Selection(
        selection=[
            ("new", "New"),
            ("acknowledged", "Acknowledged"),
            ("in_progress", "In Progress"),
            ("waiting", "Waiting for Customer"),
            ("resolved", "Resolved"),
            ("callback_done", "Callback Done"),
            ("closed", "Closed"),
        ],
        default="new",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    team_id = fields.Many2one(
        comodel_name="cs.team", string="Team", tracking=True, index=True, check_company=True
    )
    department_id = fields.Many2one(
        comodel_name="hr.department",
        string="Handling Department",
        tracking=True,
        check_company=True,
    )
    user_id = fields.Many2one(
        comodel_name="res.users", string="Handler", tracking=True, index=True, check_company=True
    )
    # 首问责任制: the first agent stays accountable until the customer is satisfied.
    first_owner_id = fields.Many2one(
        comodel_name="res.users",
        string="First Owner",
        default=lambda self: self.env.user,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        help="The agent who took the contact: accountable until the customer is satisfied, "
        "whoever handles the complaint.",
    )
    transfer_count = fields.Integer(readonly=True, copy=False)
    consulted_department_ids = fields.Many2many(
        comodel_name="hr.department",
        string="Consulted Departments",
        check_company=True,
        help="Departments consulted on a complex case before it is assigned (会诊).",
    )
    assessment = fields.Text()
    key_account_group_id = fields.Many2one(
        comodel_name="cs.key.account.group",
        string="Key-Account Group",
        compute="_compute_key_account_group_id",
        store=True,
        index=True,
        tracking=True,
        help="Computed from the customer: only the group's members and CS managers see the "
        "complaint.",
    )
    # Referral of issues outside the company: recorded, never silently closed.
    referred = fields.Boolean(readonly=True, tracking=True)
    referral_body = fields.Char(string="Referred To", help="Organisation the issue belongs to.")
    referral_contact = fields.Char(help="Contact given to the customer at that organisation.")
    call_id = fields.Many2one(
        comodel_name="cs.call.record",
        string="From Call",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
        help="The call record this complaint was created from.",
    )
    # SLA: the fields of every target of SLA_TARGETS, and their indexes
    locals().update(_sla_target_fields())
    locals().update(_sla_target_indexes())
    promised_date = fields.Datetime(
        tracking=True, help="Date promised to the customer for a complex case."
    )
    paused_at = fields.Datetime(readonly=True)
    sla_breached = fields.Boolean(
        string="SLA Breached",
        compute="_compute_sla_breached",
        store=True,
        index=True,
        help="Stays set once a target was missed, even if it was met later.",
    )
    escalated = fields.Boolean(
        readonly=True,
        copy=False,
        tracking=True,
        help="A missed deadline was escalated to the manager.",
    )
    reopen_count = fields.Integer(
        string="Reopened", readonly=True, copy=False, help="How many times it was reopened."
    )
    reopen_escalated = fields.Boolean(
        string="Escalated for Reopenings",
        readonly=True,
        copy=False,
        tracking=True,
        help="Reopened more often than the team allows: escalated to the manager.",
    )
    # Closing
    customer_confirmed = fields.Boolean(
        string="Customer Satisfied",
        readonly=True,
        copy=False,
        tracking=True,
        help="The customer confirmed the resolution in a callback or the online survey.",
    )
    close_override_reason = fields.Char(
        tracking=True, help="A manager's reason to close without the customer's confirmation."
    )
    callback_ids = fields.One2many(
        comodel_name="cs.complaint.callback", inverse_name="complaint_id"
    )
    # 0 stands for "no callback" and "not resolved" here: these are never
    # averaged (no aggregator); the manager's dashboard averages them without
    # the complaints they do not apply to.
    satisfaction_score = fields.Integer(
        compute="_compute_satisfaction", store=True, aggregator=None, help="Last callback score."
    )
    satisfied = fields.Boolean(compute="_compute_satisfaction", store=True)
    resolution_hours = fields.Float(
        compute="_compute_resolution_hours", store=True, aggregator=None
    )
    resolution = fields.Html()

    _name_company_uniq = models.UniqueIndex(
        "(name, company_id)", "A complaint number is used once in a company."
    )

    @api.depends("partner_id.commercial_partner_id", "company_id")
    def _compute_key_account_group_id(self):
        partners = self.partner_id.commercial_partner_id
        groups = (
            self.env["cs.key.account.group"].sudo().search([("partner_ids", "in", partners.ids)])
            if partners
            else self.env["cs.key.account.group"]
        )
        for complaint in self:
            commercial = complaint.partner_id.commercial_partner_id
            complaint.key_account_group_id = groups.filtered(
                lambda g, c=commercial, co=complaint.company_id: (
                    c in g.partner_ids and g.company_id == co
                )
            )[:1]

    @api.depends(*(target.breached for target in SLA_TARGETS))
    def _compute_sla_breached(self):
        for complaint in self:
            complaint.sla_breached = any(complaint[target.breached] for target in SLA_TARGETS)

    @api.depends("callback_ids.score", "company_id.cs_low_score_threshold")
    def _compute_satisfaction(self):
        for complaint in self:
            last = complaint.callback_ids.sorted("id")[-1:]
            complaint.satisfaction_score = last.score
            complaint.satisfied = (
                bool(last) and last.score >= complaint.company_id.cs_low_score_threshold
            )

    @api.depends("received_at", "resolved_at")
    def _compute_resolution_hours(self):
        for complaint in self:
            complaint.resolution_hours = (
                (complaint.resolved_at - complaint.received_at).total_seconds() / 3600
                if complaint.resolved_at
                else 0.0
            )

    @api.constrains("received_at", "promised_date")
    def _check_dates_in_range(self):
        first, last = self._cs_year_range()
        for complaint in self:
            for name in ("received_at", "promised_date"):
                if not bounds.year_in_range(complaint[name], first, last):
                    raise ValidationError(
                        self.env._(
                            "%(field)s must fall between the years %(first)s and %(last)s.",
                            field=self._fields[name]._description_string(self.env),
                            first=first,
                            last=last,
                        )
                    )

    @api.constrains("phone")
    def _check_phone_length(self):
        if any(not bounds.phone_fits(complaint.phone) for complaint in self):
            raise ValidationError(
                self.env._(
                    "A phone number has at most %(length)s characters.",
                    length=bounds.PHONE_MAX_LENGTH,
                )
            )

    # ------------------------------------------------------------------
    # Create / write
    # ------------------------------------------------------------------
    def _refuse_first_owner(self):
        raise UserError(
            self.env._(
                "The first owner is the agent who takes the contact and stays accountable "
                "until the customer is satisfied (首问责任制): transfer the handler instead."
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not self._cs_in_action():
            # 首问责任制: whoever records the complaint owns it, not whoever they name.
            for vals in vals_list:
                if vals.setdefault("first_owner_id", self.env.uid) != self.env.uid:
                    self._refuse_first_owner()
        complaints = super().create(vals_list)
        complaints._route_key_accounts()
        complaints._plan_deadlines()
        complaints._subscribe_first_owners()
        return complaints

    def write(self, vals):
        if (
            "first_owner_id" in vals
            and not self._cs_in_action()
            and any(c.first_owner_id.id != vals["first_owner_id"] for c in self)
        ):
            self._refuse_first_owner()
        res = super().write(vals)
        if PLANNING_FIELDS & set(vals):
            self.filtered(lambda c: c.state in OPEN_STATES)._plan_deadlines()
        return res

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """A complaint received by email through a team's alias."""
        values = {
            "subject": msg_dict.get("subject") or self.env._("Complaint by email"),
            "channel": "email",
            "email_from": msg_dict.get("email_from"),
            "partner_id": msg_dict.get("author_id"),
            "description": msg_dict.get("body"),
            **(custom_values or {}),
        }
        return super().message_new(msg_dict, custom_values=values)

    @api.model
    def _create_from_web_form(self, values):
        """A complaint filed by the customer: nobody owns it until an agent takes it.

        The customer is recognised by the exact address only (case aside), as the
        mail gateway does: no pattern of an anonymous visitor ('%', 'a_b') may
        attach the complaint to someone else."""
        if (
            len(values.get("name") or "") > bounds.NAME_MAX_LENGTH
            or len(values.get("email") or "") > bounds.EMAIL_MAX_LENGTH
            or not bounds.phone_fits(values.get("phone"))
        ):
            raise ValidationError(self.env._("Your name, phone number or email is too long."))
        Partner = self.env["res.partner"]
        email = email_normalize(values.get("email") or "")
        partner = email and Partner.search([("email_normalized", "=", email)], limit=1)
        if not partner:
            partner = Partner.create(
                {"name": values["name"], "phone": values.get("phone"), "email": values.get("email")}
            )
        return self.create(
            {
                "subject": values["subject"],
                "description": values.get("description"),
                "partner_id": partner.id,
                "phone": values.get("phone"),
                "email_from": values.get("email"),
                "channel": "web",
                "first_owner_id": False,
            }
        )

    def _route_key_accounts(self):
        """Complaints of key accounts go to their group's leader."""
        unassigned = self.filtered(lambda c: c.key_account_group_id and not c.user_id)
        for leader, complaints in unassigned.grouped(
            lambda c: c.key_account_group_id.leader_id
        ).items():
            complaints.user_id = leader

    def _subscribe_first_owners(self):
        """The first owner follows the complaint: one subscription per owner."""
        for owner, complaints in self.grouped("first_owner_id").items():
            if owner:
                complaints.message_subscribe(partner_ids=owner.partner_id.ids)

    # ------------------------------------------------------------------
    # SLA: planning
    # ------------------------------------------------------------------
    def _calendar(self):
        return self.team_id.resource_calendar_id or self.company_id.resource_calendar_id

    def _sla_criteria(self):
        return {
            "channel": self.channel,
            "urgency": self.urgency,
            "complexity": self.complexity,
            "category_id": self.category_id.id,
            "group_id": self.key_account_group_id.id,
        }

    def _sla_policy_values(self):
        """``{complaint: {policy column: value}}`` from the rows of each
        complaint's company (one search for all)."""
        policies = (
            self.env["cs.sla.policy"].sudo().search([("company_id", "in", self.company_id.ids)])
        )
        rows = {
            company: policies.filtered(lambda p, c=company: p.company_id == c)._as_rule_rows()
            for company in self.company_id
        }
        chosen = {}
        result = {}
        for complaint in self:
            criteria = complaint._sla_criteria()
            key = (complaint.company_id, *criteria.values())
            if key not in chosen:
                chosen[key] = sla_rules.targets(rows[complaint.company_id], criteria)
            result[complaint] = chosen[key]
        return result

    def _ladder_shares(self):
        """``[(warning step, share of the target's time in %)]``: the team's
        policy, the company's without a team."""
        if self.team_id:
            shares = (self.team_id.sla_handler_percent, self.team_id.sla_leader_percent)
        else:
            shares = (self.company_id.cs_sla_handler_percent, self.company_id.cs_sla_leader_percent)
        return list(zip(sla_rules.WARNINGS, shares, strict=True))

    def _reopen_limit(self):
        return self.team_id.reopen_limit if self.team_id else self.company_id.cs_reopen_limit

    def _plan_deadlines(self):
        """Plan each SLA target's deadline, and the instants its warnings are
        due, in working time on the team's calendar with its leaves (public
        holidays, make-up days), for all the complaints at once: one fetch of
        working time per calendar."""
        if not self:
            return
        values = self._sla_policy_values()
        planned = {
            complaint: dict.fromkeys(
                (name for target in SLA_TARGETS for name in target.planned), False
            )
            for complaint in self
        }
        requests = defaultdict(list)
        for complaint in self:
            calendar = complaint._calendar()
            if not calendar:
                continue
            wanted = []
            for target in SLA_TARGETS:
                amount = values[complaint].get(target.policy)
                if not amount:
                    continue
                hours = sla_rules.target_hours(target, amount, calendar.hours_per_day)
                wanted.append((target.deadline, hours))
                for step, share in complaint._ladder_shares():
                    wanted.append((target.warn_at(step), hours * share / 100.0))
            if wanted:
                requests[calendar].append((complaint, wanted))
        for calendar, items in requests.items():
            instants = self._plan_work_hours(
                calendar,
                [
                    (complaint.received_at, [hours for _n, hours in wanted])
                    for complaint, wanted in items
                ],
            )
            for (complaint, wanted), found in zip(items, instants, strict=True):
                planned[complaint].update(
                    (name, instant or False)
                    for (name, _h), instant in zip(wanted, found, strict=True)
                )
        self._write_grouped(planned)

    def _write_grouped(self, vals_by_complaint):
        """Write ``{complaint: vals}`` through the actions' write, one call per
        distinct set of values."""
        groups = defaultdict(list)
        for complaint, vals in vals_by_complaint.items():
            groups[tuple(sorted(vals.items()))].append(complaint.id)
        for vals, ids in groups.items():
            self.browse(ids)._cs_action_write(dict(vals))

    @api.model
    def _plan_work_hours(self, calendar, requests):
        """For each ``(start, [hours, ...])`` of ``requests``, the instants at
        which those working hours after ``start`` have elapsed on ``calendar``
        with its leaves: exactly what ``calendar.plan_hours(hours, start,
        compute_leaves=True)`` gives (False where it gives False), with the work
        intervals fetched once for the whole batch (rules/worktime.py)."""
        if not requests:
            return []
        if calendar.flexible_hours:
            # Flexible hours are spread over the fetched window itself: only
            # plan_hours's own windows give its result.
            return [
                [calendar.plan_hours(hours, start, compute_leaves=True) for hours in hours_list]
                for start, hours_list in requests
            ]
        first = min(start for start, _h in requests)
        last = max(start for start, _h in requests)
        longest = max((hours for _s, hours_list in requests for hours in hours_list), default=0)
        # A first guess of the span: the longest target in working days, as
        # calendar days with weekends, and a fortnight for holidays.
        days = longest / max(calendar.hours_per_day or 8.0, 1.0) * 7 / 5 + 14
        until = last + timedelta(days=days)
        results = [None] * len(requests)
        pending = list(range(len(requests)))
        while pending:
            intervals = calendar._work_intervals_batch(utc.localize(first), utc.localize(until))[
                False
            ]
            work = worktime.WorkIntervals(
                [
                    (
                        start.astimezone(utc).replace(tzinfo=None),
                        stop.astimezone(utc).replace(tzinfo=None),
                    )
                    for start, stop, _meta in intervals
                ],
                until,
            )
            uncovered = []
            for index in pending:
                start, hours_list = requests[index]
                try:
                    found = work.plan(start, hours_list)
                except worktime.NotCovered:
                    uncovered.append(index)
                    continue
                results[index] = [instant or False for instant in found]
            pending = uncovered
            until += max(until - first, timedelta(days=28))
        return results

    # ------------------------------------------------------------------
    # SLA: breaches and the escalation ladder
    # ------------------------------------------------------------------
    def _update_breaches(self, now=None):
        """Set the breach flags; a flag once set is never cleared."""
        now = now or fields.Datetime.now()
        for complaint in self:
            vals = {
                target.breached: True
                for target in SLA_TARGETS
                if not complaint[target.breached]
                and sla_rules.is_breached(complaint[target.deadline], complaint[target.met], now)
            }
            if vals:
                complaint._cs_action_write(vals)

    @api.model
    def _breach_candidates(self, now=None):
        """Running complaints with a target past its deadline, still open and
        not escalated to the manager: one search on the partial indexes."""
        now = now or fields.Datetime.now()
        return self.search(
            Domain("state", "in", CLOCK_STATES)
            & Domain.OR(
                Domain(target.deadline, "<", now)
                & Domain(target.met, "=", False)
                & Domain(target.escalation, "!=", sla_rules.MANAGER)
                for target in SLA_TARGETS
            )
        )

    @api.model
    def _warning_candidates(self, now=None):
        """Running complaints with a warning of the ladder due and not given."""
        now = now or fields.Datetime.now()
        return self.search(
            Domain("state", "in", CLOCK_STATES)
            & Domain.OR(
                Domain(target.warn_at(step), "<=", now)
                & Domain(target.met, "=", False)
                & Domain(
                    target.escalation, "not in", sla_rules.LADDER[sla_rules.LADDER.index(step) :]
                )
                for target in SLA_TARGETS
                for step in sla_rules.WARNINGS
            )
        )

    @api.model
    def _cron_escalate_breaches(self):
        """Climb the escalation ladder of the running complaints: warn the
        handler, then the team leader, escalate missed deadlines to the manager.
        Returns the complaints escalated to the manager."""
        now = fields.Datetime.now()
        return (self._warning_candidates(now) | self._breach_candidates(now))._climb_ladder(now)

    def _cs_managers(self):
        """``{company: user}``: the CS manager who receives escalations when the
        team names none."""
        managers = self.env.ref("cs_center.group_cs_manager").sudo().user_ids
        return {
            company: managers.filtered(lambda u, c=company: c in u.company_ids)[:1]
            for company in self.company_id
        }

    def _ladder_recipients(self):
        """``{complaint: {step: user}}``: the handler (or the first owner), the
        team leader and the manager. A warning nobody can receive is skipped
        (a team without a leader); the manager is always someone: the team's,
        else a CS manager of the company, else whoever runs the escalation."""
        managers = self._cs_managers()
        return {
            complaint: {
                sla_rules.HANDLER: complaint.user_id or complaint.first_owner_id,
                sla_rules.LEADER: complaint.team_id.leader_id,
                sla_rules.MANAGER: complaint.team_id.manager_id
                or managers[complaint.company_id]
                or self.env.user,
            }
            for complaint in self
        }

    def _climb_ladder(self, now):
        """Take the steps of the ladder due at ``now``, each once: stamp them,
        log them in the chatter and give the person an activity. Returns the
        complaints escalated to the manager."""
        recipients = self._ladder_recipients()
        updates = {}
        notices = []
        escalated = []
        for complaint in self:
            vals = {}
            for target in SLA_TARGETS:
                if complaint[target.met]:
                    continue
                due = sla_rules.due_steps(
                    {step: complaint[target.step_at(step)] for step in sla_rules.LADDER},
                    complaint[target.escalation] or None,
                    now,
                )
                if not due:
                    continue
                vals[target.escalation] = due[-1]
                if sla_rules.MANAGER in due:
                    vals[target.breached] = True
                    vals["escalated"] = True
                notices.extend(
                    complaint._ladder_notice(target, step, recipients[complaint][step])
                    for step in due
                    if recipients[complaint][step]
                )
            if vals:
                updates[complaint] = vals
                if vals.get("escalated"):
                    escalated.append(complaint.id)
        self._write_grouped(updates)
        self._notify_escalations(notices)
        return self.browse(escalated)

    def _ladder_notice(self, target, step, user):
        """(complaint, user, activity summary, chatter line) of a ladder step."""
        label = self._fields[target.deadline]._description_string(self.env)
        deadline = format_datetime(self.env, self[target.deadline], tz=self._calendar().tz)
        values = {"target": label, "deadline": deadline, "user": user.name, "name": self.name}
        if step == sla_rules.MANAGER:
            summary = self.env._("SLA breached: %(target)s of %(name)s", **values)
            line = self.env._("%(target)s %(deadline)s missed: escalated to %(user)s.", **values)
            return self, user, summary, line
        percent = dict(self._ladder_shares())[step]
        summary = self.env._(
            "%(target)s %(deadline)s: %(percent)s %% elapsed", percent=percent, **values
        )
        if step == sla_rules.HANDLER:
            line = self.env._(
                "%(target)s %(deadline)s: %(percent)s %% of the time elapsed, the handler "
                "%(user)s is warned.",
                percent=percent,
                **values,
            )
        else:
            line = self.env._(
                "%(target)s %(deadline)s: %(percent)s %% of the time elapsed, the team leader "
                "%(user)s is warned.",
                percent=percent,
                **values,
            )
        return self, user, summary, line

    def _notify_escalations(self, notices):
        """Log each complaint's notices as one chatter message and give each
        person an activity: all messages in one batch, all activities in one
        create (no assignment email per activity: the escalations of a run
        would flood the manager's mailbox)."""
        if not notices:
            return
        lines = defaultdict(list)
        for complaint, _user, _summary, line in notices:
            lines[complaint.id].append(line)
        self.browse(list(lines))._message_log_batch(
            {complaint_id: Markup("<br/>").join(texts) for complaint_id, texts in lines.items()}
        )
        todo = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": complaint.id,
                    "activity_type_id": todo.id,
                    "summary": summary,
                    "user_id": user.id,
                    "date_deadline": today,
                }
                for complaint, user, summary, _line in notices
            ]
        )

    def _escalate_reopenings(self):
        """A complaint reopened more often than its team allows goes to the
        manager, once."""
        recipients = self._ladder_recipients()
        notices = []
        for complaint in self:
            if complaint.reopen_escalated or not sla_rules.reopen_escalates(
                complaint.reopen_count, complaint._reopen_limit()
            ):
                continue
            manager = recipients[complaint][sla_rules.MANAGER]
            notices.append(
                (
                    complaint,
                    manager,
                    self.env._(
                        "Reopened %(count)s times: %(name)s",
                        count=complaint.reopen_count,
                        name=complaint.name,
                    ),
                    self.env._(
                        "%(name)s was reopened %(count)s times: escalated to %(user)s.",
                        name=complaint.name,
                        count=complaint.reopen_count,
                        user=manager.name,
                    ),
                )
            )
        escalated = self.browse([complaint.id for complaint, *_rest in notices])
        escalated._cs_action_write({"reopen_escalated": True})
        self._notify_escalations(notices)

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------
    def _check_state(self, allowed, action):
        for complaint in self:
            if complaint.state not in allowed:
                raise UserError(
                    self.env._(
                        "%(complaint)s cannot be %(action)s while it is %(state)s.",
                        complaint=complaint.name,
                        action=action,
                        state=dict(self._fields["state"]._description_selection(self.env))[
                            complaint.state
                        ],
                    )
                )

    def action_acknowledge(self):
        self._check_state(("new",), self.env._("acknowledged"))
        now = fields.Datetime.now()
        for complaint in self:
            vals = {
                "state": "acknowledged",
                "responded_at": now,
                "user_id": complaint.user_id.id or self.env.uid,
            }
            if not complaint.first_owner_id:
                # A web or email complaint: the agent who takes it becomes its first owner.
                vals["first_owner_id"] = self.env.uid
            complaint._cs_action_write(vals)
            complaint.message_subscribe(partner_ids=complaint.first_owner_id.partner_id.ids)
        self._update_breaches(now)
        return True

    def action_assess(self):
        """Assign after assessment: complex cases need the consulted departments."""
        self._check_state(("new", "acknowledged"), self.env._("assigned"))
        for complaint in self:
            if complaint.complexity == "complex" and not complaint.consulted_department_ids:
                raise UserError(
                    self.env._(
                        "A complex complaint is assessed with the departments concerned first: "
                        "record the consulted departments."
                    )
                )
            if not complaint.user_id:
                raise UserError(self.env._("Choose the handler before assigning the complaint."))
        now = fields.Datetime.now()
        self.filtered(lambda c: not c.responded_at)._cs_action_write({"responded_at": now})
        self._cs_action_write({"state": "in_progress"})
        self._update_breaches(now)
        return True

    def action_log_progress(self, message=None):
        """Tell the customer the progress; the first one is the first reply."""
        now = fields.Datetime.now()
        for complaint in self:
            complaint.message_post(
                body=message or self.env._("We are working on your complaint %s.", complaint.name),
                partner_ids=complaint.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            vals = {"progress_done_at": now}
            if not complaint.replied_at:
                vals["replied_at"] = now
            if not complaint.responded_at:
                vals["responded_at"] = now
            complaint._cs_action_write(vals)
        self._update_breaches(now)
        return True

    def action_wait_customer(self):
        """Waiting for the customer pauses the SLA clock."""
        self._check_state(("acknowledged", "in_progress"), self.env._("put on hold"))
        self._cs_action_write({"state": "waiting", "paused_at": fields.Datetime.now()})
        return True

    def action_resume(self):
        """The clock resumes: the deadlines and warnings of open targets move by
        the working time paused."""
        self._check_state(("waiting",), self.env._("resumed"))
        now = fields.Datetime.now()
        moved = {}
        for calendar, complaints in self.grouped(lambda c: c._calendar()).items():
            requests = []
            for complaint in complaints:
                moved[complaint] = {"state": "in_progress", "paused_at": False}
                if not calendar:
                    continue
                paused = calendar.get_work_hours_count(
                    complaint.paused_at, now, compute_leaves=True
                )
                if not paused:
                    continue
                requests.extend(
                    (complaint, name, complaint[name], paused)
                    for target in SLA_TARGETS
                    if not complaint[target.met]
                    for name in target.planned
                    if complaint[name]
                )
            instants = self._plan_work_hours(
                calendar, [(start, [paused]) for _c, _n, start, paused in requests]
            )
            for (complaint, name, _start, _paused), (instant,) in zip(
                requests, instants, strict=True
            ):
                moved[complaint][name] = instant
        self._write_grouped(moved)
        return True

    def action_resolve(self):
        self._check_state(("acknowledged", "in_progress"), self.env._("resolved"))
        now = fields.Datetime.now()
        for complaint in self:
            if not complaint.user_id:
                raise UserError(self.env._("A complaint is resolved by its handler: assign one."))
        self.filtered(lambda c: not c.responded_at)._cs_action_write({"responded_at": now})
        self._cs_action_write({"state": "resolved", "resolved_at": now})
        self._update_breaches(now)
        return True

    def action_refer(self):
        """Issues outside the company are referred, with the body and contact recorded."""
        for complaint in self:
            if not (complaint.referral_body and complaint.referral_contact):
                raise UserError(
                    self.env._(
                        "Record the organisation and the contact the customer is referred to."
                    )
                )
            complaint.message_post(
                body=self.env._(
                    "Referred to %(body)s (contact: %(contact)s).",
                    body=complaint.referral_body,
                    contact=complaint.referral_contact,
                )
            )
        self._cs_action_write({"referred": True})
        return True

    def action_close(self):
        """Closed once the customer is satisfied, or by a manager with a reason."""
        self._check_state(("resolved", "callback_done"), self.env._("closed"))
        is_manager = self.env.user.has_group("cs_center.group_cs_manager")
        for complaint in self:
            if complaint.customer_confirmed:
                continue
            if not complaint.close_override_reason:
                raise UserError(
                    self.env._(
                        "%s cannot be closed: the customer has not confirmed being satisfied "
                        "(首问责任制). A manager may close it with a reason.",
                        complaint.name,
                    )
                )
            if not is_manager:
                raise UserError(
                    self.env._(
                        "Only a CS manager may close a complaint without the customer's "
                        "confirmation."
                    )
                )
        self._cs_action_write({"state": "closed"})
        return True

    def action_reopen(self):
        """Back to work; a complaint reopened too often goes to the manager."""
        self._check_state(("resolved", "callback_done", "closed"), self.env._("reopened"))
        self._write_grouped(
            {
                complaint: {
                    "state": "in_progress",
                    "resolved_at": False,
                    "customer_confirmed": False,
                    "reopen_count": complaint.reopen_count + 1,
                }
                for complaint in self
            }
        )
        self._escalate_reopenings()
        return True

    def _transfer(self, team=None, user=None, department=None, reason=None):
        """Hand the complaint to another team, handler or department; the first
        owner stays accountable and keeps following it."""
        for complaint in self:
            vals = {"transfer_count": complaint.transfer_count + 1}
            if team:
                vals["team_id"] = team.id
            if user:
                vals["user_id"] = user.id
            if department:
                vals["department_id"] = department.id
            complaint._cs_action_write(vals)
            complaint.message_subscribe(
                partner_ids=(complaint.first_owner_id.partner_id | user.partner_id).ids
                if user
                else complaint.first_owner_id.partner_id.ids
            )
            complaint.message_post(
                body=self.env._(
                    "Transferred (%(reason)s); first owner %(owner)s stays accountable.",
                    reason=reason or "-",
                    owner=complaint.first_owner_id.name,
                )
            )
        return True

    def action_open_transfer(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "cs.complaint.transfer",
            "view_mode": "form",
            "target": "new",
            "context": {"default_complaint_id": self.id},
        }

    def action_send_survey(self):
        """Callback by online survey: the customer rates the handling by email."""
        self._check_state(("resolved", "callback_done"), self.env._("surveyed"))
        template = self.env.ref("cs_center.mail_template_complaint_survey")
        for complaint in self:
            if not complaint.partner_id:
                raise UserError(self.env._("Only a complaint with a customer can be surveyed."))
            complaint.rating_send_request(template, force_send=False)
        return True

    def rating_apply(
        self,
        rate,
        token=None,
        rating=None,
        feedback=None,
        subtype_xmlid=None,
        notify_delay_send=False,
    ):
        """The survey answer is a callback: it confirms, or reopens and escalates."""
        result = super().rating_apply(
            rate,
            token=token,
            rating=rating,
            feedback=feedback,
            subtype_xmlid=subtype_xmlid,
            notify_delay_send=notify_delay_send,
        )
        self.env["cs.complaint.callback"].sudo().create(
            {
                "complaint_id": self.id,
                "method": "survey",
                "score": min(max(round(rate), 1), 5),
                "comments": feedback,
                "user_id": False,
            }
        )
        return result

    def _register_callback(self, callback):
        """A callback arrived (回访): the customer's satisfaction confirms the
        resolution; a low score reopens the complaint and escalates it to the
        manager. The complaint changes its own state; the callback only records
        what the customer said."""
        self.ensure_one()
        methods = dict(callback._fields["method"]._description_selection(self.env))
        if callback.satisfied:
            line = self.env._(
                "Callback by %(method)s: score %(score)s, the customer is satisfied.",
                method=methods[callback.method],
                score=callback.score,
            )
        else:
            line = self.env._(
                "Callback by %(method)s: score %(score)s, below the satisfaction threshold.",
                method=methods[callback.method],
                score=callback.score,
            )
        self._message_log(body=line)
        if callback.satisfied:
            if self.state in CALLBACK_STATES:
                vals = {"customer_confirmed": True}
                if self.state == "resolved":
                    vals["state"] = "callback_done"
                self._cs_action_write(vals)
            return
        if self.state in CALLBACK_STATES:
            self.action_reopen()
        manager = self._ladder_recipients()[self][sla_rules.MANAGER]
        self._notify_escalations(
            [
                (
                    self,
                    manager,
                    self.env._(
                        "Low callback score %(score)s on %(name)s",
                        score=callback.score,
                        name=self.name,
                    ),
                    self.env._("Escalated to %(user)s.", user=manager.name),
                )
            ]
        )

    def action_new_callback(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "cs.complaint.callback",
            "view_mode": "form",
            "target": "new",
            "context": {"default_complaint_id": self.id},
        }
