from odoo import models
from odoo.exceptions import UserError


class CsDeskStateMixin(models.AbstractModel):
    """The desk's records with a workflow refuse a transition one way, in one
    sentence (as cs_center's complaint does): "Loan JY2026-00007 cannot be
    returned while it is Returned." An action names the states it starts from;
    the record's own ``state`` selection gives the words."""

    _name = "cs.desk.state.mixin"
    _description = "Front Desk Record with a Workflow"

    def _check_state(self, allowed, action, advice=None):
        """Refuse ``action`` (a past participle: "returned", "voided") on any of
        these records whose state is not in ``allowed``; ``advice`` says what to
        do instead."""
        labels = dict(self._fields["state"]._description_selection(self.env))
        model = self.env["ir.model"].sudo()._get(self._name).name
        for record in self:
            if record.state in allowed:
                continue
            message = self.env._(
                "%(model)s %(record)s cannot be %(action)s while it is %(state)s.",
                model=model,
                record=record.display_name,
                action=action,
                state=labels[record.state],
            )
            raise UserError(f"{message} {advice}" if advice else message)
