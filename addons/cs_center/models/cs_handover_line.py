from odoo import api, fields, models
from odoo.exceptions import UserError

LINE_KINDS = [
    ("note", "Note"),
    ("complaint", "Open Complaint"),
    ("call", "Call Follow-up"),
    ("pending", "Pending Item"),
]
# What a user may still write on a line of a draft log: its text and order.
USER_FIELDS = frozenset({"name", "sequence"})


class CsHandoverLine(models.Model):
    """One item of a handover the incoming person acknowledges: a note of the
    outgoing person, or an item carried over by the system (an open complaint,
    a call awaiting its follow-up, a pending item of another addon, a line of an
    earlier handover nobody acknowledged)."""

    _name = "cs.handover.line"
    _description = "Shift Handover Line"
    _inherit = ["cs.guarded.mixin", "cs.filled.mixin"]
    _order = "handover_id, sequence, id"
    _check_company_auto = True
    _cs_action_fields = frozenset(
        {
            "kind",
            "automatic",
            "complaint_id",
            "call_id",
            "res_model",
            "res_id",
            "carried_from_line_id",
            "acknowledged_at",
            "acknowledged_by_id",
        }
    )

    handover_id = fields.Many2one(
        comodel_name="cs.handover", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="handover_id.company_id", store=True, index=True, string="Company"
    )
    handover_state = fields.Selection(related="handover_id.state", string="Handover Status")
    sequence = fields.Integer(default=10)
    kind = fields.Selection(selection=LINE_KINDS, required=True, default="note", readonly=True)
    name = fields.Char(string="Item", required=True)
    automatic = fields.Boolean(
        string="Carried Over", readonly=True, help="Added by the system, not typed."
    )
    complaint_id = fields.Many2one(
        comodel_name="cs.complaint", readonly=True, index="btree_not_null", check_company=True
    )
    call_id = fields.Many2one(
        comodel_name="cs.call.record",
        string="Call",
        readonly=True,
        index="btree_not_null",
        check_company=True,
    )
    res_model = fields.Char(string="Item Model", readonly=True)
    res_id = fields.Many2oneReference(string="Item Record", model_field="res_model", readonly=True)
    carried_from_line_id = fields.Many2one(
        comodel_name="cs.handover.line",
        string="Carried From",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        help="The line of an earlier handover nobody acknowledged.",
    )
    acknowledged_at = fields.Datetime(string="Acknowledged On", readonly=True, copy=False)
    acknowledged_by_id = fields.Many2one(
        comodel_name="res.users", string="Acknowledged By", readonly=True, copy=False
    )

    # ------------------------------------------------------------------
    # Items
    # ------------------------------------------------------------------
    @api.model
    def _cs_item_key(self, vals):
        """The record a line is about, to list each item once."""
        if vals.get("complaint_id"):
            return ("cs.complaint", vals["complaint_id"])
        if vals.get("call_id"):
            return ("cs.call.record", vals["call_id"])
        if vals.get("res_model") and vals.get("res_id"):
            return (vals["res_model"], vals["res_id"])
        return (self._name, vals.get("carried_from_line_id"))

    def _cs_key_values(self):
        return {
            "complaint_id": self.complaint_id.id,
            "call_id": self.call_id.id,
            "res_model": self.res_model,
            "res_id": self.res_id,
            "carried_from_line_id": self.carried_from_line_id.id,
        }

    def _cs_carried_values(self):
        """This unacknowledged line, carried onto a later handover."""
        self.ensure_one()
        return {
            "kind": self.kind,
            "name": self.name,
            "complaint_id": self.complaint_id.id,
            "call_id": self.call_id.id,
            "res_model": self.res_model,
            "res_id": self.res_id,
            "carried_from_line_id": self.id,
        }

    # ------------------------------------------------------------------
    # A draft log's lines are written by its outgoing person
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._cs_check_values(vals)
        if not self._cs_in_action():
            handovers = self.env["cs.handover"].browse(
                {vals["handover_id"] for vals in vals_list if vals.get("handover_id")}
            )
            handovers.exists()._cs_check_editable()
        return super().create(vals_list)

    def write(self, vals):
        if not self._cs_in_action():
            if set(vals) - USER_FIELDS:
                raise UserError(
                    self.env._("A handover line stays on its handover; write a new line instead.")
                )
            self.handover_id._cs_check_editable()
            if "name" in vals and self.filtered("automatic"):
                raise UserError(
                    self.env._("A carried-over line shows its item as the system found it.")
                )
        return super().write(vals)

    def unlink(self):
        if not self._cs_in_action():
            self.handover_id._cs_check_editable()
            if self.filtered("automatic"):
                raise UserError(
                    self.env._(
                        "A carried-over item stays on the handover until it is dealt with: "
                        "close the complaint or the follow-up instead."
                    )
                )
        return super().unlink()

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_acknowledge(self):
        """The incoming person has read the line and follows it up."""
        for line in self:
            handover = line.handover_id
            if handover.state != "handed_over":
                raise UserError(
                    self.env._(
                        "Lines are acknowledged once the shift is handed over and before it "
                        "is taken over."
                    )
                )
            handover._cs_check_incoming()
        now = fields.Datetime.now()
        self.filtered(lambda line: not line.acknowledged_at)._cs_action_write(
            {"acknowledged_at": now, "acknowledged_by_id": self.env.uid}
        )
        self.handover_id.filtered(lambda h: not h.relief_arrived_at)._cs_action_write(
            {"relief_arrived_at": now}
        )
        return True

    def action_open_item(self):
        """Open the complaint, call or other record the line is about."""
        self.ensure_one()
        if self.complaint_id:
            model, res_id = "cs.complaint", self.complaint_id.id
        elif self.call_id:
            model, res_id = "cs.call.record", self.call_id.id
        elif self.res_model and self.res_id and self.res_model in self.env:
            model, res_id = self.res_model, self.res_id
        else:
            raise UserError(self.env._("This line is a note: it names no record."))
        return {
            "type": "ir.actions.act_window",
            "res_model": model,
            "res_id": res_id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
