from . import cs_holiday_load
from . import cs_punch_import
from . import cs_proxy_punch
