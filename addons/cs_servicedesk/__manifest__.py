{
    "name": "Customer Service Front Desk",
    "summary": "Front-desk counter: loan ledgers with deposits, registers, lost and "
    "found, fee-based services invoiced and reconciled in Accounting",
    "version": "19.0.1.0.0",
    "category": "Customer Service",
    "author": "cs-suite",
    "maintainers": ["cs-suite"],
    "website": "https://example.com/cs-suite",
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["cs_center", "account"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/cs_servicedesk_security.xml",
        "security/ir.model.access.csv",
        "data/cs_servicedesk_data.xml",
        "report/cs_loan_report.xml",
        "views/cs_loan_views.xml",
        "views/cs_register_views.xml",
        "views/cs_deposit_report_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/cs_servicedesk_users_demo.xml",
    ],
    "application": True,
    "installable": True,
}
