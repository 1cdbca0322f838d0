"""19.0.1.1.0: companies created after install had no service levels (issue #15),
so their complaints got no deadlines. Give them the shipped rows."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.company"]._cs_seed_all_companies()
