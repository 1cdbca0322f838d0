from . import (
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
