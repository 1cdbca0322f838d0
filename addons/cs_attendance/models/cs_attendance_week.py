from odoo import fields, models, tools


class CsAttendanceWeek(models.Model):
    """The weekly review (seed 003 第二篇 4(2)): each employee's week from the
    evaluated days, to find who worked fewer hours than the company's review
    threshold (40) and the missed punches that have neither an exception form
    nor a leave. Read-only: a view over ``cs.attendance.day``."""

    _name = "cs.attendance.week"
    _description = "Weekly Attendance Review"
    _auto = False
    _order = "week_start desc, employee_id"

    employee_id = fields.Many2one(comodel_name="hr.employee", readonly=True)
    department_id = fields.Many2one(comodel_name="hr.department", readonly=True)
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    week_start = fields.Date(string="Week of", readonly=True)
    scheduled_hours = fields.Float(readonly=True)
    worked_hours = fields.Float(readonly=True)
    review_hours = fields.Float(
        string="Review Below", readonly=True, aggregator=None, help="The company's threshold."
    )
    under_hours = fields.Boolean(string="Under the Hours", readonly=True)
    unexplained_missed_punches = fields.Integer(
        string="Missed Punches Unexplained",
        readonly=True,
        help="Days with a missed punch and neither an exception form nor a leave.",
    )
    needs_review = fields.Boolean(readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE VIEW {self._table} AS (
                SELECT min(d.id) AS id,
                       d.employee_id,
                       min(d.department_id) AS department_id,
                       d.company_id,
                       date_trunc('week', d.date)::date AS week_start,
                       sum(d.scheduled_hours) AS scheduled_hours,
                       sum(d.worked_hours) AS worked_hours,
                       min(c.cs_att_week_review_hours) AS review_hours,
                       sum(d.worked_hours) < min(c.cs_att_week_review_hours) AS under_hours,
                       count(*) FILTER (
                           WHERE d.missing_punch AND d.exception_id IS NULL
                             AND d.leave_id IS NULL
                       ) AS unexplained_missed_punches,
                       sum(d.worked_hours) < min(c.cs_att_week_review_hours)
                         OR count(*) FILTER (
                             WHERE d.missing_punch AND d.exception_id IS NULL
                               AND d.leave_id IS NULL
                         ) > 0 AS needs_review
                  FROM cs_attendance_day d
                  JOIN res_company c ON c.id = d.company_id
                 GROUP BY d.employee_id, d.company_id, date_trunc('week', d.date)
            )"""
        )
