from odoo import api, models
from odoo.exceptions import ValidationError

# Fields mail.thread and mail.activity.mixin write on the record they follow.
MAIL_FIELD_PREFIXES = ("message_", "activity_", "website_message", "rating_")


class CsFilledMixin(models.AbstractModel):
    """Refuses, with a sentence, what PostgreSQL would refuse with an error in
    the log: a required field left empty or a link to a record that does not
    exist. Listed after ``cs.guarded.mixin`` in ``_inherit``."""

    _name = "cs.filled.mixin"
    _description = "Customer Service Record With Its Required Values"

    @api.model
    def _cs_user_field_names(self, vals):
        """The fields of ``vals`` a user means to change (not the chatter's)."""
        return {name for name in vals if not name.startswith(MAIL_FIELD_PREFIXES)}

    def _cs_refuse_empty(self, vals, defaults=None):
        """``defaults``: when creating, the defaults of the required fields that
        ``vals`` leaves out and nothing computes; when writing, None."""
        for name, field in self._fields.items():
            if not (field.required and field.store):
                continue
            if name in vals:
                value = vals[name]
            elif defaults is not None and not (field.compute or field.related):
                value = defaults.get(name)
            else:
                continue
            if value is None or value is False:
                raise ValidationError(
                    self.env._(
                        "%(field)s of a %(model)s is required.",
                        field=field._description_string(self.env),
                        model=self._description,
                    )
                )
        for name, value in vals.items():
            field = self._fields.get(name)
            if (
                field is not None
                and field.type == "many2one"
                and isinstance(value, int)
                and not isinstance(value, bool)
                and value > 0
                and not self.env[field.comodel_name].sudo().browse(value).exists()
            ):
                raise ValidationError(
                    self.env._(
                        "%(field)s names a record that does not exist.",
                        field=field._description_string(self.env),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        missing = {
            name
            for name, field in self._fields.items()
            if field.required and field.store and not (field.compute or field.related)
        }
        for vals in vals_list:
            left_out = [name for name in missing if name not in vals]
            self._cs_refuse_empty(vals, self.default_get(left_out) if left_out else {})
        return super().create(vals_list)

    def write(self, vals):
        self._cs_refuse_empty(vals)
        return super().write(vals)
