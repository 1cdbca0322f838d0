from odoo import fields, models
from odoo.tools import SQL

KINDS = [
    ("lead", "Reported Lead"),
    ("day", "Reported Day"),
    ("reception", "Reception"),
    ("sample_visit", "Sample-Room Visit"),
    ("followup", "Follow-up"),
    ("signed", "Signed"),
]


class CsPresaleAnalysis(models.Model):
    """Weekly and monthly statistics of the pre-sale flow per salesperson and
    designer group (seed 002 第三章 一 8-9): leads reported and valid, days
    short of the target, customers received and dispatched, sample-room
    visits, follow-ups and leads signed. Group the day by week or month."""

    _name = "cs.presale.analysis"
    _description = "Pre-sale Statistics"
    _auto = False
    _order = "date desc, id desc"
    _depends = {
        "cs.presale.report": ["date", "company_id", "user_id", "state", "shortfall"],
        "cs.presale.report.line": ["report_id", "lead_id", "validity"],
        "cs.presale.reception": [
            "company_id",
            "lead_id",
            "salesperson_id",
            "designer_id",
            "designer_group_id",
            "expected_at",
            "arrived_at",
            "dispatched_at",
            "state",
        ],
        "cs.presale.sample.visit": ["company_id", "lead_id", "salesperson_id", "visit_at", "state"],
        "cs.presale.followup": ["company_id", "lead_id", "user_id", "date"],
        "crm.lead": ["user_id", "won_status", "date_closed"],
    }

    kind = fields.Selection(selection=KINDS, readonly=True)
    date = fields.Date(readonly=True)
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    salesperson_id = fields.Many2one(comodel_name="res.users", string="Salesperson", readonly=True)
    designer_id = fields.Many2one(comodel_name="res.users", string="Designer", readonly=True)
    designer_group_id = fields.Many2one(
        comodel_name="cs.designer.group", string="Designer Group", readonly=True
    )
    lead_id = fields.Many2one(comodel_name="crm.lead", string="Lead", readonly=True)
    lead_count = fields.Integer(string="Leads Reported", readonly=True)
    valid_count = fields.Integer(string="Valid Leads", readonly=True)
    short_day_count = fields.Integer(
        string="Days Short", readonly=True, help="Confirmed days with fewer valid leads than asked."
    )
    reception_count = fields.Integer(string="Customers Received", readonly=True)
    dispatched_count = fields.Integer(string="Dispatched to Designers", readonly=True)
    sample_visit_count = fields.Integer(string="Sample-Room Visits", readonly=True)
    followup_count = fields.Integer(string="Follow-ups", readonly=True)
    signed_count = fields.Integer(string="Signed", readonly=True)

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT l.id * 10 + 1 AS id, 'lead' AS kind, r.date, r.company_id,
                   r.user_id AS salesperson_id, NULL::int AS designer_id,
                   NULL::int AS designer_group_id, l.lead_id,
                   1 AS lead_count, (l.validity = 'valid')::int AS valid_count,
                   0 AS short_day_count, 0 AS reception_count, 0 AS dispatched_count,
                   0 AS sample_visit_count, 0 AS followup_count, 0 AS signed_count
              FROM cs_presale_report_line l
              JOIN cs_presale_report r ON r.id = l.report_id
             WHERE r.state != 'draft'
            UNION ALL
            SELECT r.id * 10 + 2, 'day', r.date, r.company_id, r.user_id, NULL, NULL, NULL,
                   0, 0, r.shortfall::int, 0, 0, 0, 0, 0
              FROM cs_presale_report r
             WHERE r.state = 'confirmed'
            UNION ALL
            SELECT c.id * 10 + 3, 'reception',
                   COALESCE(c.arrived_at, c.expected_at)::date, c.company_id, c.salesperson_id,
                   c.designer_id, c.designer_group_id, c.lead_id,
                   0, 0, 0, 1, (c.state = 'dispatched')::int, 0, 0, 0
              FROM cs_presale_reception c
             WHERE c.state IN ('received', 'dispatched')
            UNION ALL
            SELECT v.id * 10 + 4, 'sample_visit', v.visit_at::date, v.company_id,
                   v.salesperson_id, NULL, NULL, v.lead_id, 0, 0, 0, 0, 0, 1, 0, 0
              FROM cs_presale_sample_visit v
             WHERE v.state IN ('confirmed', 'done')
            UNION ALL
            SELECT f.id * 10 + 5, 'followup', f.date::date, f.company_id, f.user_id,
                   NULL, NULL, f.lead_id, 0, 0, 0, 0, 0, 0, 1, 0
              FROM cs_presale_followup f
            UNION ALL
            SELECT lead.id * 10 + 6, 'signed', lead.date_closed::date, last.company_id,
                   lead.user_id, last.designer_id, last.designer_group_id, lead.id,
                   0, 0, 0, 0, 0, 0, 0, 1
              FROM crm_lead lead
              JOIN LATERAL (
                   SELECT c.company_id, c.designer_id, c.designer_group_id
                     FROM cs_presale_reception c
                    WHERE c.lead_id = lead.id AND c.state = 'dispatched'
                    ORDER BY c.dispatched_at DESC, c.id DESC LIMIT 1
              ) last ON TRUE
             WHERE lead.won_status = 'won' AND lead.date_closed IS NOT NULL
            """
        )
