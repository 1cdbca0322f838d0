from . import cs_deposit_report
