{
    "name": "Customer Service Base",
    "summary": "What the customer-service addons share: records written only by their "
    "actions, numbering, the plaza's staff for the demo",
    "version": "19.0.1.0.0",
    "category": "Customer Service",
    "author": "cs-suite",
    "maintainers": ["cs-suite"],
    "website": "https://example.com/cs-suite",
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["mail", "hr"],
    # Abstract models only: no access rules of its own.
    "data": ["security/ir.model.access.csv"],
    "demo": ["demo/cs_org_demo.xml"],
    "assets": {
        "web.assets_tests": ["cs_base/static/tests/tours/*.js"],
    },
    "installable": True,
}
