import math
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# The key an action puts in the context to write its own fields. Its value is
# this object, which no JSON-RPC caller can send: a context arriving over the
# wire holds only strings, numbers, lists and dicts.
_ACTION = object()

# What PostgreSQL's columns and btree indexes hold: beyond these a value is
# refused with a message instead of a database error.
INT_MAX = 2**31 - 1
NUMBER_MAX = 1e15
CHAR_MAX = 1000
TEXT_MAX = 200_000
# Sane dates of a business record (system parameters, these are the defaults).
YEAR_MIN_PARAM, YEAR_MIN = "cs_center.date_year_min", 2000
YEAR_MAX_PARAM, YEAR_MAX = "cs_center.date_year_max", 2100


class CsGuardedMixin(models.AbstractModel):
    """The server enforces what the form shows (STYLE: "the server enforces,
    the view only helps"). ``readonly`` only shapes the web client: a JSON-RPC
    caller may write any field. Workflow states, amounts, numbers and links to
    posted entries therefore change only through the model's own actions,
    which write them with :meth:`_cs_action_write`; ``create``, ``write`` and
    ``copy`` refuse them otherwise (as ``account.move`` refuses edits once
    posted). Server code running as superuser (data files, crons) is trusted.
    """

    _name = "cs.guarded.mixin"
    _description = "Customer Service Record Written by Its Actions"

    #: Fields only the model's actions change.
    _cs_action_fields = frozenset()

    def _cs_in_action(self):
        return self.env.su or self.env.context.get("cs_action") is _ACTION

    def _cs_refuse_action_fields(self, field_names):
        forbidden = self._cs_action_fields & set(field_names)
        if forbidden and not self._cs_in_action():
            labels = sorted(self._fields[name]._description_string(self.env) for name in forbidden)
            raise UserError(
                self.env._(
                    "%(model)s: %(fields)s can only be changed through its buttons, "
                    "not by editing the record.",
                    fields=", ".join(labels),
                    model=self._description,
                )
            )

    def _cs_year_range(self):
        params = self.env["ir.config_parameter"].sudo()
        return (
            int(params.get_param(YEAR_MIN_PARAM, YEAR_MIN)),
            int(params.get_param(YEAR_MAX_PARAM, YEAR_MAX)),
        )

    def _cs_value_problem(self, field, value):
        """Why ``value`` cannot be stored in ``field``, or None."""
        kind = field.type
        if value is None or value is False:
            # PostgreSQL would refuse an empty required column (an error in the log).
            if (
                field.required
                and field.store
                and kind not in ("boolean", "integer", "float", "monetary")
            ):
                return self.env._("it is required")
            return None
        if kind in ("char", "text", "html", "selection"):
            if field.translate and isinstance(value, dict):
                return None
            if not isinstance(value, str):
                return self.env._("a text was expected")
            if "\x00" in value:
                return self.env._("it contains a NUL character")
            limit = getattr(field, "size", None) or (
                CHAR_MAX if kind in ("char", "selection") else TEXT_MAX
            )
            if len(value) > limit:
                return self.env._("it is longer than %(limit)s characters", limit=limit)
            if kind == "selection" and value not in field.get_values(self.env):
                return self.env._("it is not one of the choices")
        elif kind in ("integer", "many2one"):
            if isinstance(value, bool) or not isinstance(value, int):
                return self.env._("a whole number was expected")
            low = 1 if kind == "many2one" else -INT_MAX
            if not low <= value <= INT_MAX:
                return self.env._("the number is out of range")
        elif kind in ("float", "monetary"):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return self.env._("a number was expected")
            if not math.isfinite(value) or abs(value) > NUMBER_MAX:
                return self.env._("the number is out of range")
        elif kind in ("date", "datetime"):
            convert = fields.Date.to_date if kind == "date" else fields.Datetime.to_datetime
            try:
                day = convert(value)
            except (TypeError, ValueError):
                return self.env._("a date was expected")
            if not isinstance(day, date):
                return self.env._("a date was expected")
            first, last = self._cs_year_range()
            if not first <= day.year <= last:
                return self.env._(
                    "dates must lie between the years %(first)s and %(last)s",
                    first=first,
                    last=last,
                )
        elif kind in ("one2many", "many2many") and not (
            isinstance(value, (list, tuple))
            and all(
                isinstance(item, (int, list, tuple)) and not isinstance(item, bool)
                for item in value
            )
        ):
            return self.env._("a list of records was expected")
        return None

    def _cs_check_values(self, vals):
        """Refuse what the database would refuse with an error, or what makes
        no sense in any record (huge numbers, dates centuries away), before
        anything is written: a clear message instead of a traceback."""
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is None:
                raise ValidationError(
                    self.env._(
                        "%(model)s has no field %(field)s.", model=self._description, field=name
                    )
                )
            problem = self._cs_value_problem(field, value)
            if problem:
                raise ValidationError(
                    self.env._(
                        "%(field)s cannot be %(value)s: %(problem)s.",
                        field=field._description_string(self.env),
                        value=repr(value)[:40],
                        problem=problem,
                    )
                )

    def _cs_action_write(self, vals):
        """Write fields of :attr:`_cs_action_fields` from an action: the caller's
        access rights and record rules still apply."""
        return self.with_context(cs_action=_ACTION).write(vals)

    @api.model
    def _cs_action_create(self, vals_list):
        return self.with_context(cs_action=_ACTION).create(vals_list)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._cs_check_values(vals)
        if self._cs_in_action():
            return super().create(vals_list)
        # Defaults from the caller's context ("default_state") are values too.
        context = {
            key: value
            for key, value in self.env.context.items()
            if not (key.startswith("default_") and key[8:] in self._cs_action_fields)
        }
        records = self.with_context(context)
        # A form sends the fields it shows with their defaults (a new record's
        # status bar sends "draft"): a default is no forged value.
        given = {name for vals in vals_list for name in vals} & self._cs_action_fields
        defaults = records.default_get(list(given)) if given else {}
        vals_list = [
            {
                name: value
                for name, value in vals.items()
                if not (name in given and name in defaults and value == defaults[name])
            }
            for vals in vals_list
        ]
        records._cs_refuse_action_fields({name for vals in vals_list for name in vals})
        return super(CsGuardedMixin, records).create(vals_list)

    def write(self, vals):
        self._cs_check_values(vals)
        self._cs_refuse_action_fields(vals)
        return super().write(vals)

    def copy_data(self, default=None):
        # A copy starts its own workflow: the action fields take their defaults.
        default = dict(default or {})
        self._cs_refuse_action_fields(default)
        vals_list = super().copy_data(default=default)
        for vals in vals_list:
            for name in self._cs_action_fields - set(default):
                vals.pop(name, None)
        return vals_list
