{
    "name": "Customer Service Attendance and Leave",
    "summary": "Chinese statutory leave types, tiered approvals, attendance rules "
    "and the make-up working days calendar on Odoo HR",
    "version": "19.0.1.1.0",
    "category": "Human Resources/Time Off",
    "author": "cs-suite",
    "maintainers": ["cs-suite"],
    "website": "https://example.com/cs-suite",
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["cs_center", "hr_holidays", "hr_attendance"],
    "external_dependencies": {"python": ["chinese_calendar"]},
    "data": [
        "security/ir.model.access.csv",
        "security/cs_attendance_security.xml",
        "data/cs_attendance_data.xml",
        "views/cs_attendance_views.xml",
    ],
    "demo": [
        "demo/cs_attendance_demo.xml",
    ],
    "assets": {
        "web.assets_tests": ["cs_attendance/static/tests/tours/*.js"],
    },
    "installable": True,
}
