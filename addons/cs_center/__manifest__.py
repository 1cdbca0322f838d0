{
    "name": "Customer Service Center",
    "summary": "Complaints with SLAs and first-contact ownership, call records, "
    "key-account groups, duty and handover",
    "version": "19.0.1.0.0",
    "category": "Customer Service",
    "author": "cs-suite",
    "maintainers": ["cs-suite"],
    "website": "https://example.com/cs-suite",
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["mail", "portal", "resource", "hr", "crm", "sales_team"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/cs_center_security.xml",
        "security/ir.model.access.csv",
        "data/cs_center_data.xml",
        "report/cs_center_reports.xml",
        "views/cs_complaint_views.xml",
        "views/cs_call_record_views.xml",
        "views/cs_config_views.xml",
        "views/cs_complaint_web_templates.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/cs_org_demo.xml",
        "demo/cs_center_demo.xml",
    ],
    "assets": {
        "web.assets_tests": ["cs_center/static/tests/tours/*.js"],
    },
    "application": True,
    "installable": True,
}
