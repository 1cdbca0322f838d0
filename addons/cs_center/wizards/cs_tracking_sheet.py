import os
import tempfile
from datetime import timedelta

import xlsxwriter

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import split_every

from odoo.addons.cs_center.rules import bounds

# Complaints read at a time for the sheet.
READ_BATCH = 2000

# 客户投诉及处理跟踪表 (seed 000 第六章): one row per complaint.
COLUMNS = [
    ("No. 序号", 6),
    ("Number 投诉编号", 16),
    ("Received 投诉日期", 18),
    ("Customer 客户名称", 24),
    ("Phone 联系电话", 16),
    ("Channel 投诉渠道", 12),
    ("Category 投诉类别", 18),
    ("Subject 投诉内容", 36),
    ("Urgency 紧急程度", 10),
    ("First Owner 首问责任人", 14),
    ("Handler 处理人", 14),
    ("Department 处理部门", 18),
    ("Resolved 处理完成时间", 18),
    ("SLA Breached 超时", 10),
    ("Callback Score 回访评分", 10),
    ("Status 状态", 14),
]


class CsTrackingSheet(models.TransientModel):
    _name = "cs.tracking.sheet"
    _description = "Complaint Tracking Sheet"

    date_from = fields.Date(
        required=True, default=lambda self: fields.Date.context_today(self).replace(day=1)
    )
    date_to = fields.Date(required=True, default=fields.Date.context_today)
    team_id = fields.Many2one(comodel_name="cs.team")

    @api.constrains("date_from", "date_to")
    def _check_range(self):
        first, last = self.env["cs.complaint"]._cs_year_range()
        for sheet in self:
            if not all(
                bounds.year_in_range(day, first, last) for day in (sheet.date_from, sheet.date_to)
            ):
                raise ValidationError(
                    self.env._(
                        "The sheet covers dates between the years %(first)s and %(last)s.",
                        first=first,
                        last=last,
                    )
                )
            if sheet.date_from > sheet.date_to:
                raise ValidationError(self.env._("The sheet ends after it starts."))

    def _complaints(self):
        domain = [
            ("received_at", ">=", fields.Datetime.to_datetime(self.date_from)),
            ("received_at", "<", fields.Datetime.to_datetime(self.date_to) + timedelta(days=1)),
        ]
        if self.team_id:
            domain.append(("team_id", "=", self.team_id.id))
        return self.env["cs.complaint"].search(domain, order="received_at, id")

    def _rows(self, complaints):
        """The sheet's rows, read a batch at a time (a few queries per batch, never
        one per complaint), the cache emptied after each so that memory stays flat."""
        labels = {
            name: dict(complaints._fields[name]._description_selection(self.env))
            for name in ("channel", "urgency", "state")
        }
        index = 0
        for batch in split_every(READ_BATCH, complaints.ids):
            records = self._read_batch(complaints.browse(batch))
            self.env.invalidate_all()
            for rec in records:
                index += 1
                yield self._row(index, rec, labels)

    def _read_batch(self, complaints):
        return complaints.read(
            [
                "name",
                "received_at",
                "partner_id",
                "phone",
                "channel",
                "category_id",
                "subject",
                "urgency",
                "first_owner_id",
                "user_id",
                "department_id",
                "resolved_at",
                "sla_breached",
                "satisfaction_score",
                "state",
            ]
        )

    def _row(self, index, rec, labels):
        return [
            index,
            rec["name"],
            fields.Datetime.to_string(rec["received_at"]) if rec["received_at"] else "",
            rec["partner_id"] and rec["partner_id"][1] or "",
            rec["phone"] or "",
            labels["channel"].get(rec["channel"], ""),
            rec["category_id"] and rec["category_id"][1] or "",
            rec["subject"] or "",
            labels["urgency"].get(rec["urgency"], ""),
            rec["first_owner_id"] and rec["first_owner_id"][1] or "",
            rec["user_id"] and rec["user_id"][1] or "",
            rec["department_id"] and rec["department_id"][1] or "",
            fields.Datetime.to_string(rec["resolved_at"]) if rec["resolved_at"] else "",
            self.env._("Yes") if rec["sla_breached"] else "",
            rec["satisfaction_score"] or "",
            labels["state"].get(rec["state"], ""),
        ]

    def _xlsx(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "tracking.xlsx")
            self._write_xlsx(path)
            with open(path, "rb") as fh:
                return fh.read()

    def _write_xlsx(self, path):
        # constant_memory writes each row to disk as it comes (it does not work
        # in memory), so a year of complaints costs the memory of one row.
        # What customers typed is text: "=..." stays text, not a formula (CSV/xlsx injection).
        workbook = xlsxwriter.Workbook(
            path,
            {
                "constant_memory": True,
                "tmpdir": os.path.dirname(path),
                "strings_to_formulas": False,
                "strings_to_urls": False,
            },
        )
        sheet = workbook.add_worksheet(self.env._("Tracking"))
        bold = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        for col, (title, width) in enumerate(COLUMNS):
            sheet.set_column(col, col, width)
            sheet.write(0, col, title, bold)
        # Typed writes, empty cells skipped: write() guesses each cell's type.
        for row, values in enumerate(self._rows(self._complaints()), 1):
            for col, value in enumerate(values):
                if isinstance(value, str):
                    if value:
                        sheet.write_string(row, col, value)
                elif value is not None:
                    sheet.write_number(row, col, value)
        workbook.close()

    def action_export(self):
        self.ensure_one()
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"complaint-tracking-{self.date_from}-{self.date_to}.xlsx",
                "raw": self._xlsx(),
                "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }
        )
        return {"type": "ir.actions.act_url", "url": f"/web/content/{attachment.id}?download=true"}
