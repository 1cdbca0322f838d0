"""The desk's accounts are set up once per company (no longer by a getter on the
first posting), and counters left without a drawer by the pre-migration get one
of their own."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.company"].search([("chart_template", "!=", False)])._cs_setup_desk_accounting()
    counters = env["cs.desk.counter"].with_context(active_test=False).search([])
    counters.filtered(lambda counter: not counter.cash_journal_id)._setup_journals()
    counters._cs_prepare_drawer()
