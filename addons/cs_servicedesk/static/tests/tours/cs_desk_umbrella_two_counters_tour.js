import { registry } from "@web/core/registry";

import { screenshotSteps } from "@cs_base/../tests/tours/cs_tour_screenshot";

import { chooseRecord, login, logout, openDeskMenu } from "./cs_desk_tour_utils";

// In 简体中文, in a company in China: a clerk at counter 一号柜台 lends an umbrella and
// takes its deposit, recording the deposit card's number; the borrower brings it back
// to 二号柜台, where another clerk takes it and refunds the deposit from her own
// drawer (the return defaults to the clerk's own open session).
registry.category("web_tour.tours").add("cs_desk_umbrella_two_counters", {
    url: "/odoo",
    steps: () => [
        ...openDeskMenu("menu_desk_operations", "menu_desk_loans"),
        {
            trigger: ".o_list_view th[data-name='item_type_id']",
        },
        {
            content: "A new line of the loan ledger",
            trigger: ".o_list_button_add",
            run: "click",
        },
        ...chooseRecord("item_type_id", "雨伞"),
        ...chooseRecord("partner_id", "欧阳晓明"),
        {
            content: "The number of the deposit card given to the borrower",
            trigger: ".o_field_widget[name='deposit_card'] input",
            run: "edit YS-0816",
        },
        {
            content: "The deposit goes into the drawer of my counter",
            trigger: ".o_field_widget[name='counter_id'] input:value('一号柜台')",
        },
        {
            content: "Lend the umbrella",
            trigger: "button[name='action_lend']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value='lent']",
        },
        {
            content: "The deposit of 50 yuan is held",
            trigger: ".o_field_widget[name='deposit_amount']:contains('50.00')",
        },
        {
            trigger: ".o_field_widget[name='lend_session_id']",
        },
        ...logout(),
        // The borrower brings the umbrella back to the other counter.
        ...login("t_clerk2", "t_clerk2"),
        ...openDeskMenu("menu_desk_operations", "menu_desk_loans"),
        {
            content: "The umbrella lent to 欧阳晓明",
            trigger:
                ".o_data_row:has(.o_data_cell[name='partner_id']:contains('欧阳晓明')) .o_data_cell[name='item_type_id']",
            run: "click",
        },
        {
            content: "The deposit card the borrower hands back",
            trigger: ".o_form_view .o_field_widget[name='deposit_card']:contains('YS-0816')",
        },
        {
            content: "Returned in good condition",
            trigger: "button[name='action_return']",
            run: "click",
        },
        {
            content: "Refund the deposit",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value='returned']",
        },
        {
            content: "Refunded from the drawer of my counter",
            trigger: ".o_field_widget[name='return_counter_id']:contains('二号柜台')",
        },
        {
            trigger: ".o_field_widget[name='refund_amount']:contains('50.00')",
        },
        ...screenshotSteps("cs_desk_umbrella_two_counters"),
    ],
});
