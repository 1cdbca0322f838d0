from . import cs_complaint_transfer
from . import cs_tracking_sheet
from . import cs_dashboard_export
