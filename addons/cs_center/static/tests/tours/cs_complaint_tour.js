import { registry } from "@web/core/registry";

// An agent records a complaint in the web client and acknowledges it.
registry.category("web_tour.tours").add("cs_complaint_intake", {
    url: "/odoo/action-cs_center.action_cs_complaint",
    steps: () => [
        {
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='subject'] input",
            run: "edit Lift out of order on floor three",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_readonly, .o_form_saved",
        },
        {
            trigger: "button[name='action_acknowledge']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Acknowledged')",
        },
    ],
});
