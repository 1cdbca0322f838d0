from . import cs_holiday_load
