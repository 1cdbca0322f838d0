{
    "name": "Customer Service Front Desk",
    "summary": "Front-desk counter: loan ledgers with deposits, registers, lost and "
    "found, fee-based services invoiced and reconciled in Accounting",
    "version": "19.0.1.1.0",
    "category": "Customer Service",
    "author": "cs-suite",
    "maintainers": ["cs-suite"],
    "website": "https://example.com/cs-suite",
    "license": "LGPL-3",
    "development_status": "Alpha",
    # l10n_cn: the chart a Chinese company books on, and the demo plaza's; the desk
    # itself works on any chart (it finds its accounts in the chart in use).
    "depends": ["cs_center", "account", "l10n_cn"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/cs_servicedesk_security.xml",
        "security/ir.model.access.csv",
        "security/cs_servicedesk_registers_security.xml",
        "data/cs_servicedesk_data.xml",
        "data/cs_counter_data.xml",
        "report/cs_loan_report.xml",
        "report/cs_counter_report.xml",
        "views/cs_loan_views.xml",
        "views/cs_register_views.xml",
        "views/cs_deposit_report_views.xml",
        "views/cs_counter_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/cs_servicedesk_company_demo.xml",
        "demo/cs_servicedesk_users_demo.xml",
        "demo/cs_servicedesk_demo.xml",
    ],
    "assets": {
        "web.assets_tests": ["cs_servicedesk/static/tests/tours/*.js"],
    },
    "post_init_hook": "_cs_post_init",
    "application": True,
    "installable": True,
}
