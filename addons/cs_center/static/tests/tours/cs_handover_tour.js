import { registry } from "@web/core/registry";

// The incoming agent acknowledges the handover's carried-over complaint, takes
// over the shift and opens the complaint.
registry.category("web_tour.tours").add("cs_handover_take_over", {
    url: "/odoo/action-cs_center.action_cs_handover",
    steps: () => [
        {
            trigger: ".o_data_row .o_data_cell:contains('Waiting for Relief')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:contains('Lift out of order') button[name='action_acknowledge']",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:contains('Lift out of order'):not(:has(button[name='action_acknowledge']))",
        },
        {
            trigger: "button[name='action_take_over']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Taken Over')",
        },
        {
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:contains('Lift out of order') button[name='action_open_item']",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='subject'] input:value('Lift out of order')",
        },
    ],
});
