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
    "depends": ["mail", "portal", "resource", "hr", "crm"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/cs_center_security.xml",
        "security/ir.model.access.csv",
        "views/menus.xml",
    ],
    "demo": [
        "demo/cs_org_demo.xml",
    ],
    "application": True,
    "installable": True,
}
