import io
from datetime import timedelta

import xlsxwriter

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.cs_center.rules import bounds

# (measure of cs.dashboard.report, aggregate): the dashboard's own figures.
MEASURES = [
    ("complaint_count", "sum"),
    ("response_compliance", "avg"),
    ("resolution_hours", "avg"),
    ("resolution_work_hours", "avg"),
    ("satisfaction", "avg"),
    ("satisfied_rate", "avg"),
    ("call_count", "sum"),
    ("answered_in_time_rate", "avg"),
    ("quality_check_count", "sum"),
    ("quality_score", "avg"),
    ("handover_count", "sum"),
    ("handover_on_time_rate", "avg"),
]
# One sheet per dimension the manager compares.
DIMENSIONS = ["team_id", "user_id", "channel", "category_id"]


class CsDashboardExport(models.TransientModel):
    """The dashboard's figures for a period as one xlsx workbook: a sheet per
    team, agent, channel and category, averages left empty where nothing
    applies (an empty cell, never 0)."""

    _name = "cs.dashboard.export"
    _description = "Customer Service Dashboard Export"

    date_from = fields.Date(
        required=True, default=lambda self: fields.Date.context_today(self).replace(day=1)
    )
    date_to = fields.Date(required=True, default=fields.Date.context_today)
    team_id = fields.Many2one(comodel_name="cs.team", string="Team")

    @api.constrains("date_from", "date_to")
    def _check_range(self):
        first, last = self.env["cs.complaint"]._cs_year_range()
        for export in self:
            if not all(
                bounds.year_in_range(day, first, last) for day in (export.date_from, export.date_to)
            ):
                raise ValidationError(
                    self.env._(
                        "The export covers dates between the years %(first)s and %(last)s.",
                        first=first,
                        last=last,
                    )
                )
            if export.date_from > export.date_to:
                raise ValidationError(self.env._("The period ends after it starts."))

    def _domain(self):
        domain = [
            ("date", ">=", fields.Datetime.to_datetime(self.date_from)),
            ("date", "<", fields.Datetime.to_datetime(self.date_to) + timedelta(days=1)),
        ]
        if self.team_id:
            domain.append(("team_id", "=", self.team_id.id))
        return domain

    def _figures(self, dimension):
        """``[(label, [value per measure])]``: what the pivot shows for the period."""
        Report = self.env["cs.dashboard.report"]
        groups = Report._read_group(
            self._domain(),
            groupby=[dimension],
            aggregates=[f"{name}:{aggregate}" for name, aggregate in MEASURES],
            order=dimension,
        )
        field = Report._fields[dimension]
        labels = dict(field._description_selection(self.env)) if field.type == "selection" else None
        rows = []
        for key, *values in groups:
            if labels is not None:
                label = labels.get(key, "") if key else ""
            else:
                label = key.display_name if key else ""
            rows.append((label or self.env._("None"), values))
        return rows

    def _xlsx(self):
        output = io.BytesIO()
        # A name or label typed by a user stays text, never a formula or a link.
        workbook = xlsxwriter.Workbook(
            output, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
        )
        Report = self.env["cs.dashboard.report"]
        bold = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        number = workbook.add_format({"num_format": "0.00"})
        for dimension in DIMENSIONS:
            title = Report._fields[dimension]._description_string(self.env)
            sheet = workbook.add_worksheet(title[:31])
            headers = [title] + [
                Report._fields[name]._description_string(self.env) for name, _agg in MEASURES
            ]
            for col, header in enumerate(headers):
                sheet.set_column(col, col, 18 if col else 24)
                sheet.write(0, col, header, bold)
            for row, (label, values) in enumerate(self._figures(dimension), 1):
                sheet.write_string(row, 0, label)
                for col, value in enumerate(values, 1):
                    # An average of nothing comes back empty (None/False): no cell.
                    if value is not None and value is not False:
                        sheet.write_number(row, col, value, number)
        workbook.close()
        return output.getvalue()

    def action_export(self):
        self.ensure_one()
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"cs-dashboard-{self.date_from}-{self.date_to}.xlsx",
                "raw": self._xlsx(),
                "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }
        )
        return {"type": "ir.actions.act_url", "url": f"/web/content/{attachment.id}?download=true"}
