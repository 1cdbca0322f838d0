import { registry } from "@web/core/registry";

import { screenshotSteps } from "@cs_base/../tests/tours/cs_tour_screenshot";

import { chooseRecord, login, logout, openDeskMenu } from "./cs_desk_tour_utils";

// A clerk sells 20 copies (a counter service, 0.50 each) and confirms the receipt when
// the customer has paid; the shift lead closes the session with a blind count, entering
// the pieces of each note, and sees the expected cash only once it is closed; finance
// hands the cash to the bank and reconciles it with the bank's statement line.

function countPieces(row, pieces) {
    // The count lines are ordered by denomination, from 100 down to 0.10.
    const line = `.o_field_widget[name='count_line_ids'] .o_data_row:nth-child(${row})`;
    return [
        {
            trigger: `${line} .o_data_cell[name='pieces']`,
            run: "click",
        },
        {
            trigger: `${line}.o_selected_row .o_field_widget[name='pieces'] input`,
            run: `edit ${pieces} && click .o_form_view .oe_title`,
        },
    ];
}

registry.category("web_tour.tours").add("cs_desk_sale_close_reconcile", {
    url: "/odoo",
    steps: () => [
        // The clerk sells copying.
        ...openDeskMenu("menu_desk_operations", "menu_desk_sales"),
        {
            trigger: ".o_list_view th[data-name='payment_method']",
        },
        {
            content: "A new paid service",
            trigger: ".o_list_button_add",
            run: "click",
        },
        ...chooseRecord("counter_id", "Counter 1"),
        {
            content: "Add a service",
            trigger: ".o_field_widget[name='line_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        ...chooseRecord("product_id", "Copying A4", ".o_field_widget[name='line_ids'] .o_selected_row"),
        {
            content: "Twenty copies",
            trigger: ".o_field_widget[name='line_ids'] .o_selected_row .o_field_widget[name='quantity'] input",
            run: "edit 20 && click .o_form_view .oe_title",
        },
        {
            content: "Tell the customer the price",
            trigger: ".alert-info .o_field_widget[name='amount_total']:contains('10.00')",
        },
        {
            content: "The customer paid in cash",
            trigger: "button[name='action_confirm']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value='paid']",
        },
        {
            content: "The receipt is numbered",
            trigger: ".o_form_view .oe_title .o_field_widget[name='name']:not(:contains('Draft'))",
        },
        ...logout(),
        // The shift lead closes the session with a blind count.
        ...login("t_lead", "t_leadxx"),
        ...openDeskMenu("menu_desk_operations", "menu_desk_sessions"),
        {
            content: "The open session of Counter 1",
            trigger: ".o_kanban_record:contains('Counter 1')",
            run: "click",
        },
        {
            content: "Blind count: the expected cash is not shown while the session is open",
            trigger:
                ".o_form_view:has(.o_field_widget[name='count_line_ids']):not(:has(.o_field_widget[name='expected_cash'])):not(:has(.o_field_widget[name='difference']))",
        },
        ...countPieces(1, 1), // 1 × 100
        ...countPieces(4, 1), // 1 × 10
        {
            content: "Counted 110",
            trigger: ".o_field_widget[name='count_line_ids'] tfoot:contains('110.00')",
        },
        {
            content: "Close with the cash count",
            trigger: "button[name='action_close']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value='closed']",
        },
        {
            content: "Only now the expected cash shows: the float and the copying",
            trigger: ".o_field_widget[name='expected_cash']:contains('110.00')",
        },
        {
            trigger: ".o_field_widget[name='difference']:contains('0.00')",
        },
        ...logout(),
        // Finance hands the cash to the bank and reconciles it with the bank's line.
        ...login("t_finance", "t_finance", { chooseOtherUser: true }),
        ...openDeskMenu("menu_desk_finance", "menu_desk_session_reconciliation"),
        {
            content: "The closed session, not reconciled yet",
            trigger: ".o_data_row:has(.o_data_cell[name='counter_id']:contains('Counter 1')) .o_data_cell[name='name']",
            run: "click",
        },
        {
            content: "Hand the cash to the bank",
            trigger: "button[name='action_hand_to_bank']",
            run: "click",
        },
        {
            content: "Reconcile with the bank's statement line",
            trigger: "button[name='action_find_statement_line']",
            run: "click",
        },
        {
            trigger: ".o_form_view:not(:has(button[name='action_find_statement_line']))",
        },
        {
            content: "The finance page",
            trigger: ".o_notebook a[name='finance']",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='reconciliation_state']:contains('Reconciled')",
        },
        {
            trigger: ".o_field_widget[name='handover_amount']:contains('10.00')",
        },
        ...screenshotSteps("cs_desk_sale_close_reconcile"),
    ],
});
