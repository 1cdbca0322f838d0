import { registry } from "@web/core/registry";

// The team's manager opens the last attendance period (考勤月报), sees the employee
// who came in late and confirms her month.
registry.category("web_tour.tours").add("cs_settlement_confirm", {
    steps: () => [
        {
            trigger: "button.o_cs_open_month_button",
            run: "click",
        },
        {
            trigger: ".modal button.o_cs_open_month",
            run: "click",
        },
        {
            trigger: ".o_data_row:contains('李娜') td[name='late_minutes']:contains('35')",
        },
        {
            trigger: ".o_data_row:contains('李娜') td[name='late_minutes']",
            run: "click",
        },
        {
            trigger: ".o_form_view button.o_cs_settlement_confirm",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Confirmed by the Manager')",
        },
    ],
});
