"""19.0.1.2.0: the shipped leave types serve every company, and every company has
a leave jurisdiction.

Odoo 19 gives a new leave type the installing company's country, and its record
rule hides such a type from companies of another country (or of none): their
life events could not grant leave, nor their employees request sick leave. The
types are ``noupdate``: free them here, as the data file now does at install.
Companies created since install had no jurisdiction; they get the national floors,
as new companies now do.
"""

from odoo import SUPERUSER_ID, api

LEAVE_TYPES = (
    "annual",
    "sick",
    "personal",
    "marriage",
    "prenatal",
    "maternity",
    "miscarriage",
    "nursing",
    "paternity",
    "childcare",
    "bereavement",
    "public_duty",
)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    refs = [
        env.ref(f"cs_attendance.leave_type_{kind}", raise_if_not_found=False)
        for kind in LEAVE_TYPES
    ]
    shipped = env["hr.leave.type"].browse([ref.id for ref in refs if ref])
    shipped.filtered(lambda leave_type: not leave_type.company_id).country_id = False
    national = env.ref("cs_attendance.jurisdiction_national", raise_if_not_found=False)
    if national:
        companies = env["res.company"].with_context(active_test=False)
        companies.search([("cs_jurisdiction_id", "=", False)]).cs_jurisdiction_id = national
