from odoo import fields, models
from odoo.tools import SQL

from .cs_complaint import CHANNELS


def _agent_team(alias, user_column):
    """The agent's first active team of the row's company."""
    return SQL(
        """(SELECT team.id FROM cs_team team
             JOIN cs_team_res_users_rel member ON member.cs_team_id = team.id
            WHERE member.res_users_id = %s AND team.company_id = %s AND team.active
            ORDER BY team.sequence, team.id LIMIT 1)""",
        SQL.identifier(alias, user_column),
        SQL.identifier(alias, "company_id"),
    )


KINDS = [
    ("complaint", "Complaint"),
    ("call", "Call"),
    ("quality", "Quality Check"),
    ("handover", "Handover"),
]


class CsDashboardReport(models.Model):
    """The CS manager's figures (REQUIREMENTS C12; seed 001 绩效考核, 004 11.1):
    one row per complaint, call, scored quality check and closed handover.

    A measure that does not apply to a row is NULL there, never 0, and every
    rate and time is averaged (``avg`` skips NULL): an unrated complaint does
    not count in the satisfaction, an unresolved one not in the resolution
    time, a complaint whose response is not due yet not in the compliance.
    """

    _name = "cs.dashboard.report"
    _description = "Customer Service Dashboard"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "name"
    _depends = {
        "cs.complaint": [
            "name",
            "received_at",
            "company_id",
            "team_id",
            "user_id",
            "first_owner_id",
            "category_id",
            "channel",
            "response_deadline",
            "responded_at",
            "response_breached",
            "resolved_at",
            "resolution_work_hours",
        ],
        "cs.complaint.callback": ["complaint_id", "score"],
        "cs.call.record": ["name", "call_at", "company_id", "user_id", "answered_in_time"],
        "cs.quality.check": ["name", "contact_at", "company_id", "agent_id", "state", "score"],
        "cs.handover": [
            "name",
            "shift_end",
            "company_id",
            "incoming_user_id",
            "state",
            "late",
            "late_minutes",
        ],
        "cs.team": ["company_id", "member_ids", "sequence"],
        "res.company": ["cs_low_score_threshold"],
    }

    name = fields.Char(string="Record", readonly=True)
    kind = fields.Selection(selection=KINDS, readonly=True)
    date = fields.Datetime(readonly=True)
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    team_id = fields.Many2one(
        comodel_name="cs.team",
        string="Team",
        readonly=True,
        help="The complaint's team; for calls, checks and handovers the agent's first team.",
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Agent",
        readonly=True,
        help="The complaint's handler (else its first owner), who answered the call, the "
        "checked agent, the incoming person of a handover.",
    )
    category_id = fields.Many2one(
        comodel_name="cs.complaint.category", string="Category", readonly=True
    )
    channel = fields.Selection(selection=CHANNELS, readonly=True)
    res_model = fields.Char(string="Source Model", readonly=True)
    res_id = fields.Many2oneReference(string="Source", model_field="res_model", readonly=True)
    complaint_count = fields.Integer(string="Complaints", readonly=True)
    response_compliance = fields.Float(
        string="Response on Time (%)",
        readonly=True,
        aggregator="avg",
        help="100 for a complaint responded to by its response deadline, 0 for one responded "
        "late or breached; left out while not due, or without a response deadline.",
    )
    resolution_hours = fields.Float(
        string="Resolution (h)",
        readonly=True,
        aggregator="avg",
        help="Hours from receipt to resolution; unresolved complaints are left out.",
    )
    resolution_work_hours = fields.Float(
        string="Resolution (working h)",
        readonly=True,
        aggregator="avg",
        help="Working hours of the team's calendar from receipt to resolution; unresolved "
        "complaints are left out.",
    )
    satisfaction = fields.Float(
        string="Satisfaction (1-5)",
        readonly=True,
        aggregator="avg",
        help="Last callback score; complaints nobody rated are left out.",
    )
    satisfied_rate = fields.Float(
        string="Satisfied (%)",
        readonly=True,
        aggregator="avg",
        help="100 when the last callback score reaches the company's satisfied score; unrated "
        "complaints are left out.",
    )
    call_count = fields.Integer(string="Calls", readonly=True)
    answered_in_time_rate = fields.Float(
        string="Answered Within the Rings (%)", readonly=True, aggregator="avg"
    )
    quality_check_count = fields.Integer(string="Quality Checks", readonly=True)
    quality_score = fields.Float(
        string="Quality Score", readonly=True, aggregator="avg", help="Scored checks only."
    )
    handover_count = fields.Integer(string="Handovers", readonly=True)
    handover_on_time_rate = fields.Float(
        string="Relieved on Time (%)",
        readonly=True,
        aggregator="avg",
        help="100 for a shift taken over on time, 0 for a late relief or none; handovers still "
        "open are left out.",
    )
    late_minutes = fields.Integer(string="Minutes Late", readonly=True, aggregator="sum")

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT c.id * 10 + 1 AS id, c.name, 'complaint' AS kind, c.received_at AS date,
                   c.company_id, c.team_id, COALESCE(c.user_id, c.first_owner_id) AS user_id,
                   c.category_id, c.channel, 'cs.complaint' AS res_model, c.id AS res_id,
                   1 AS complaint_count,
                   CASE WHEN c.response_deadline IS NULL THEN NULL
                        WHEN c.responded_at IS NOT NULL
                             THEN CASE WHEN c.responded_at <= c.response_deadline
                                       THEN 100.0 ELSE 0.0 END
                        WHEN c.response_breached THEN 0.0
                   END AS response_compliance,
                   CASE WHEN c.resolved_at IS NOT NULL
                        THEN EXTRACT(EPOCH FROM c.resolved_at - c.received_at) / 3600.0
                   END AS resolution_hours,
                   CASE WHEN c.resolved_at IS NOT NULL THEN c.resolution_work_hours
                   END AS resolution_work_hours,
                   last_cb.score::float AS satisfaction,
                   CASE WHEN last_cb.score IS NULL THEN NULL
                        WHEN last_cb.score >= co.cs_low_score_threshold THEN 100.0 ELSE 0.0
                   END AS satisfied_rate,
                   0 AS call_count, NULL::float AS answered_in_time_rate,
                   0 AS quality_check_count, NULL::float AS quality_score,
                   0 AS handover_count, NULL::float AS handover_on_time_rate,
                   0 AS late_minutes
              FROM cs_complaint c
              JOIN res_company co ON co.id = c.company_id
              LEFT JOIN LATERAL (
                   SELECT cb.score FROM cs_complaint_callback cb
                    WHERE cb.complaint_id = c.id ORDER BY cb.id DESC LIMIT 1
              ) last_cb ON TRUE
            UNION ALL
            SELECT r.id * 10 + 2, r.name, 'call', r.call_at, r.company_id,
                   %(call_team)s, r.user_id, NULL, 'phone', 'cs.call.record', r.id,
                   0, NULL, NULL, NULL, NULL, NULL,
                   1, CASE WHEN r.answered_in_time THEN 100.0 ELSE 0.0 END,
                   0, NULL, 0, NULL, 0
              FROM cs_call_record r
            UNION ALL
            SELECT q.id * 10 + 3, q.name, 'quality', q.contact_at, q.company_id,
                   %(check_team)s, q.agent_id, NULL, NULL, 'cs.quality.check', q.id,
                   0, NULL, NULL, NULL, NULL, NULL, 0, NULL,
                   1, q.score, 0, NULL, 0
              FROM cs_quality_check q
             WHERE q.state = 'done'
            UNION ALL
            SELECT h.id * 10 + 4, h.name, 'handover', h.shift_end, h.company_id,
                   %(handover_team)s, h.incoming_user_id, NULL, NULL, 'cs.handover', h.id,
                   0, NULL, NULL, NULL, NULL, NULL, 0, NULL, 0, NULL,
                   1, CASE WHEN h.state = 'taken_over' AND NOT COALESCE(h.late, FALSE)
                           THEN 100.0 ELSE 0.0 END,
                   COALESCE(h.late_minutes, 0)
              FROM cs_handover h
             WHERE h.state IN ('taken_over', 'no_relief')
            """,
            call_team=_agent_team("r", "user_id"),
            check_team=_agent_team("q", "agent_id"),
            handover_team=_agent_team("h", "incoming_user_id"),
        )

    def action_open_source(self):
        """Open the complaint, call, check or handover of the row."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
