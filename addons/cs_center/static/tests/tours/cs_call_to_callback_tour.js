import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

import { screenshotSteps } from "@cs_base/../tests/tours/cs_tour_screenshot";

// An agent takes a call, turns it into a complaint with the call form's button,
// acknowledges and resolves it, then records the callback (回访) with the customer's
// score. Selectors hold to field and button names: the labels may move.
registry.category("web_tour.tours").add("cs_call_to_callback", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open Customer Service",
            trigger: ".o_app[data-menu-xmlid='cs_center.menu_cs_root']",
            run: "click",
        },
        {
            trigger: ".o_list_view th[data-name='subject']",
        },
        {
            content: "Open the operations menu",
            trigger: ".o-dropdown[data-menu-xmlid='cs_center.menu_cs_operations']",
            run: "click",
        },
        {
            content: "Open the call records",
            trigger: ".o-dropdown-item[data-menu-xmlid='cs_center.menu_cs_calls']",
            run: "click",
        },
        {
            trigger: ".o_list_view th[data-name='call_type']",
        },
        {
            content: "Record a new call",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "The caller is a known customer",
            trigger: ".o_field_widget[name='partner_id'] input",
            run: "edit Zhang Wei",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Zhang Wei (tour)')",
            run: "click",
        },
        {
            content: "The number the customer called from",
            trigger: ".o_field_widget[name='phone'] input",
            run: "edit 138 0013 8000",
        },
        {
            content: "The call is a complaint",
            trigger: ".o_field_widget[name='call_type'] .o_select_menu_toggler",
            run: "click",
        },
        {
            trigger: ".o_select_menu_item:contains('Complaint')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='call_type'] input:value('Complaint')",
        },
        {
            content: "What the caller said",
            trigger: ".o_field_widget[name='content'] textarea",
            run: "edit Lift B stopped between floors two and three with the caller inside.",
        },
        {
            content: "Turn the call into a complaint",
            trigger: "button[name='action_to_complaint']",
            run: "click",
        },
        {
            content: "The complaint opens, linked to the call",
            trigger: ".o_form_view .o_field_widget[name='call_id']",
        },
        {
            content: "Acknowledge the complaint",
            trigger: "button[name='action_acknowledge']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value='acknowledged']",
        },
        {
            content: "Open the resolution page",
            trigger: ".o_notebook a[name='resolution']",
            run: "click",
        },
        {
            content: "Write the resolution",
            trigger: ".o_field_html[name='resolution'] .odoo-editor-editable .o-paragraph",
            run: "editor Lift B was repaired the same day; the customer received an apology.",
        },
        {
            content: "Resolve the complaint",
            trigger: "button[name='action_resolve']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value='resolved']",
        },
        {
            content: "Call the customer back",
            trigger: "button[name='action_new_callback']",
            run: "click",
        },
        {
            content: "The customer's score",
            trigger: ".modal .o_field_widget[name='score'] input",
            run: "edit 4",
        },
        {
            content: "What the customer said",
            trigger: ".modal .o_field_widget[name='comments'] textarea",
            run: "edit Satisfied with the repair, would like a faster first answer.",
        },
        {
            content: "Record the callback",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            content: "A satisfied customer: the callback is done",
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value='callback_done']",
        },
        {
            content: "Open the callbacks page",
            trigger: ".o_notebook a[name='callbacks']",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='callback_ids'] .o_data_row .o_data_cell[name='score']:contains('4')",
        },
        ...screenshotSteps("cs_call_to_callback"),
    ],
});
