"""19.0.1.1.0: the sick-pay floor of a jurisdiction is split in two.

``sick_pay_floor_pct`` used to hold the national 80%, meant of the local minimum
wage; it is now a share of the employee's own wage, and the 80% lives in
``sick_pay_min_wage_pct``. The presets are ``noupdate``: fix them here. Shanghai
also gains its long-sickness bands.
"""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for code in ("national", "beijing", "guangdong", "hunan"):
        jurisdiction = env.ref(f"cs_attendance.jurisdiction_{code}", raise_if_not_found=False)
        if jurisdiction and jurisdiction.sick_pay_floor_pct == 80:
            jurisdiction.sick_pay_floor_pct = 0
    shanghai = env.ref("cs_attendance.jurisdiction_shanghai", raise_if_not_found=False)
    if shanghai and not shanghai.sick_pay_long_months:
        shanghai.write({"sick_pay_long_months": 6, "sick_pay_long_bands": "0:40,1:50,3:60"})
