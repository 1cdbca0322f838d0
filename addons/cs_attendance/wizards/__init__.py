from . import cs_holiday_load
from . import cs_punch_import
from . import cs_proxy_punch
from . import cs_annual_leave_year_end
from . import cs_annual_leave_year_end_line
