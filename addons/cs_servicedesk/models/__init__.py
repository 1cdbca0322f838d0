from . import (
    cs_desk_state_mixin,
    cs_free_service,
    cs_loan,
    cs_loan_item_type,
    cs_lost_item,
    cs_medicine,
    cs_medicine_move,
    cs_point_card,
    res_company,
    res_config_settings,
)
from . import account_chart_template
from . import product_template
from . import res_users
from . import cs_desk_counter
from . import cs_desk_session
from . import cs_desk_sale
from . import cs_fapiao_request
