from . import cs_holiday_load
from . import cs_punch_import
from . import cs_proxy_punch
from . import cs_annual_leave_year_end
from . import cs_annual_leave_year_end_line
from . import cs_settlement_reopen
from . import cs_settlement_open
from . import cs_holiday_load_line
