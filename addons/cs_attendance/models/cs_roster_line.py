from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.cs_base.models.cs_guarded_mixin import INT_MAX


def _record_id(value):
    """``value`` if it can be a record id (else the mixin refuses it later)."""
    return (
        value
        if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= INT_MAX
        else None
    )


class CsRosterLine(models.Model):
    """One employee's shift on one day of a roster."""

    _name = "cs.roster.line"
    _description = "Roster Shift"
    _inherit = ["cs.guarded.mixin"]
    _order = "date, shift_id, employee_id"
    _check_company_auto = True

    roster_id = fields.Many2one(
        comodel_name="cs.roster", required=True, index=True, ondelete="cascade"
    )
    employee_id = fields.Many2one(
        comodel_name="hr.employee", required=True, index=True, check_company=True
    )
    date = fields.Date(required=True, index=True)
    shift_id = fields.Many2one(comodel_name="cs.shift", required=True, check_company=True)
    company_id = fields.Many2one(
        related="roster_id.company_id", store=True, index=True, precompute=True
    )
    department_id = fields.Many2one(
        related="roster_id.department_id", store=True, index=True, string="Team"
    )
    state = fields.Selection(related="roster_id.state", string="Roster Status")
    color = fields.Integer(related="shift_id.color")

    # One shift a day per employee, whatever the roster: the day's schedule.
    _employee_date_uniq = models.UniqueIndex(
        "(employee_id, date)", "This employee already has a shift on that day."
    )

    @api.depends("employee_id", "shift_id", "date")
    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.employee_id.name or ''} · {line.shift_id.name or ''}"

    @api.constrains("employee_id", "date", "shift_id")
    def _check_night_work_protection(self):
        """女职工劳动保护特别规定 arts. 6 and 9: no night shift from the 7th month of
        pregnancy, nor while nursing a child under one."""
        for line in self.filtered("shift_id.is_night"):
            reason = line.employee_id._cs_protection(line.date)
            if reason:
                raise ValidationError(line.employee_id._cs_protection_message(reason, line.date))

    def _refuse_on_published(self, rosters):
        if not self._cs_in_action() and any(r.state == "published" for r in rosters):
            raise UserError(
                self.env._(
                    "The roster is published: its shifts change by a swap request the "
                    "supervisor approves, or after resetting the roster to draft."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        ids = {_record_id(vals.get("roster_id")) for vals in vals_list} - {None}
        self._refuse_on_published(self.env["cs.roster"].browse(ids).exists())
        lines = super().create(vals_list)
        lines.roster_id._check_period()
        return lines

    def write(self, vals):
        self._refuse_on_published(self.roster_id)
        if _record_id(vals.get("roster_id")):
            self._refuse_on_published(self.env["cs.roster"].browse(vals["roster_id"]).exists())
        result = super().write(vals)
        if {"date", "roster_id"} & set(vals):
            self.roster_id._check_period()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        self._refuse_on_published(self.roster_id)

    def _window(self):
        """Start and end (naive local) of this shift."""
        self.ensure_one()
        return self.shift_id._window(self.date)
