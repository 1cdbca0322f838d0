from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.cs_center.rules import presale as presale_rules


class CsPresaleReport(models.Model):
    """业务员每日有效客户信息报备: a salesperson's leads of the day, confirmed one
    by one by the customer-service manager; fewer valid leads than the
    company's daily target (3 by the seed) flags the day short (seed 002 第三章
    细则 1-2)."""

    _name = "cs.presale.report"
    _description = "Daily Lead Report"
    _inherit = ["cs.guarded.mixin", "cs.filled.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, user_id, id desc"
    _check_company_auto = True
    _cs_action_fields = frozenset(
        {
            "state",
            "target",
            "submitted_at",
            "confirmed_at",
            "confirmed_by_id",
            "reported_count",
            "valid_count",
            "shortfall",
        }
    )

    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Salesperson",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        default=lambda self: self.env.user,
    )
    date = fields.Date(
        string="Day", required=True, index=True, tracking=True, default=fields.Date.context_today
    )
    line_ids = fields.One2many(
        comodel_name="cs.presale.report.line", inverse_name="report_id", string="Leads"
    )
    state = fields.Selection(
        selection=[("draft", "Draft"), ("submitted", "Submitted"), ("confirmed", "Confirmed")],
        string="Status",
        required=True,
        default="draft",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    target = fields.Integer(
        string="Daily Target",
        readonly=True,
        copy=False,
        help="Valid leads the company asked for that day.",
    )
    reported_count = fields.Integer(
        string="Leads Reported", compute="_compute_counts", store=True, aggregator="sum"
    )
    valid_count = fields.Integer(
        string="Valid Leads", compute="_compute_counts", store=True, aggregator="sum"
    )
    shortfall = fields.Boolean(
        string="Short of Target",
        compute="_compute_counts",
        store=True,
        index=True,
        help="Confirmed with fewer valid leads than the daily target.",
    )
    submitted_at = fields.Datetime(string="Submitted On", readonly=True, copy=False)
    confirmed_at = fields.Datetime(string="Confirmed On", readonly=True, copy=False)
    confirmed_by_id = fields.Many2one(
        comodel_name="res.users", string="Confirmed By", readonly=True, copy=False
    )

    _user_day_uniq = models.UniqueIndex(
        "(user_id, date, company_id)", "A salesperson reports once a day."
    )

    @api.depends("line_ids.validity", "state", "target")
    def _compute_counts(self):
        for report in self:
            report.reported_count = len(report.line_ids)
            report.valid_count = len(
                report.line_ids.filtered(lambda line: line.validity == "valid")
            )
            report.shortfall = report.state == "confirmed" and presale_rules.shortfall(
                report.valid_count, report.target
            )

    def _compute_display_name(self):
        for report in self:
            report.display_name = self.env._(
                "%(person)s, %(day)s", person=report.user_id.name or "", day=report.date or ""
            )

    @api.constrains("date")
    def _check_date(self):
        today = fields.Date.context_today(self)
        if any(report.date > today for report in self):
            raise ValidationError(self.env._("A day's leads are reported on the day or after."))

    def _cs_is_cs_manager(self):
        return self.env.su or self.env.user.has_group("cs_center.group_cs_manager_assistant")

    def _cs_refuse_second_report(self, user_id, day, company_id, exclude=0):
        if (
            user_id
            and day
            and self.sudo().search_count(
                [
                    ("user_id", "=", user_id),
                    ("date", "=", day),
                    ("company_id", "=", company_id),
                    ("id", "!=", exclude),
                ],
                limit=1,
            )
        ):
            raise ValidationError(
                self.env._("This salesperson already reported the leads of that day.")
            )

    def _cs_check_editable(self):
        manager = self._cs_is_cs_manager()
        for report in self:
            if report.state != "draft":
                raise UserError(
                    self.env._(
                        "%(report)s was submitted: its leads are being confirmed.",
                        report=report.display_name,
                    )
                )
            if not manager and report.user_id != self.env.user:
                raise UserError(
                    self.env._("A salesperson writes only their own daily lead report.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        in_action = self._cs_in_action()
        for vals in vals_list:
            self._cs_check_values(vals)
            user_id = vals.get("user_id", self.env.uid)
            if not in_action and not self._cs_is_cs_manager() and user_id != self.env.uid:
                raise UserError(
                    self.env._("A salesperson writes only their own daily lead report.")
                )
            self._cs_refuse_second_report(
                user_id,
                vals.get("date") or fields.Date.context_today(self),
                vals.get("company_id") or self.env.company.id,
            )
        reports = super().create(vals_list)
        for report in reports:
            report._cs_action_write({"target": report.company_id.cs_presale_daily_leads})
        return reports

    def write(self, vals):
        self._cs_check_values(vals)
        if not self._cs_in_action() and self._cs_user_field_names(vals):
            self._cs_check_editable()
            if {"user_id", "date", "company_id"} & set(vals):
                for report in self:
                    self._cs_refuse_second_report(
                        vals.get("user_id", report.user_id.id),
                        vals.get("date", report.date),
                        vals.get("company_id", report.company_id.id),
                        exclude=report.id,
                    )
        return super().write(vals)

    def unlink(self):
        if not self._cs_in_action():
            self._cs_check_editable()
        return super().unlink()

    def action_submit(self):
        """The salesperson hands the day's leads to customer service."""
        self._cs_check_editable()
        self._cs_action_write({"state": "submitted", "submitted_at": fields.Datetime.now()})
        return True

    def action_confirm(self):
        """Customer service has confirmed every lead: the day counts."""
        if not self._cs_is_cs_manager():
            raise UserError(self.env._("The customer-service manager confirms the leads."))
        for report in self:
            if report.state != "submitted":
                raise UserError(self.env._("Only a submitted report is confirmed."))
            if report.line_ids.filtered(lambda line: line.validity == "to_check"):
                raise UserError(
                    self.env._(
                        "Mark every lead of %(report)s valid or not.", report=report.display_name
                    )
                )
        self._cs_action_write(
            {
                "state": "confirmed",
                "confirmed_at": fields.Datetime.now(),
                "confirmed_by_id": self.env.uid,
            }
        )
        for report in self.filtered("shortfall"):
            report.message_post(
                body=self.env._(
                    "%(valid)s valid leads of the %(target)s asked for the day.",
                    valid=report.valid_count,
                    target=report.target,
                )
            )
        return True

    def action_reset(self):
        """Back to the salesperson, e.g. to add a lead before it is confirmed."""
        for report in self:
            if report.state != "submitted":
                raise UserError(self.env._("Only a submitted report goes back to draft."))
            if not self._cs_is_cs_manager() and report.user_id != self.env.user:
                raise UserError(
                    self.env._("A salesperson writes only their own daily lead report.")
                )
        self.line_ids._cs_action_write(
            {"validity": "to_check", "checked_by_id": False, "checked_at": False}
        )
        self._cs_action_write({"state": "draft", "submitted_at": False})
        return True
