import { formatDate } from "@web/core/l10n/dates";
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

import { screenshotSteps } from "@cs_base/../tests/tours/cs_tour_screenshot";
import { login, logout } from "@cs_base/../tests/tours/cs_tour_session";

// In 简体中文, in a company in China: an employee requests two days of personal leave
// (事假) in Time Off's form, then logs out; her direct supervisor approves the first
// level and the department manager the second, each in their own session. The leave
// is approved only once the last level has approved. Selectors hold to menu ids,
// field and button names; the chatter's words are the approval's own.

function openTimeOffApp() {
    return [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open Time Off",
            trigger: ".o_app[data-menu-xmlid='hr_holidays.menu_hr_holidays_root']",
            run: "click",
        },
    ];
}

function approveMyLevel(level) {
    return [
        ...openTimeOffApp(),
        {
            content: "Management",
            trigger: ".o-dropdown[data-menu-xmlid='hr_holidays.menu_hr_holidays_management']",
            run: "click",
        },
        {
            content: "The time off waiting for me",
            trigger:
                ".o-dropdown-item[data-menu-xmlid='hr_holidays.menu_open_department_leave_approve']",
            run: "click",
        },
        {
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "Open Li Na's request",
            trigger:
                ".o_data_row:has(.o_data_cell[name='employee_id']:contains('李娜')) .o_data_cell[name='holiday_status_id']",
            run: "click",
        },
        {
            content: "The request shows its approval steps",
            trigger: ".o_form_view .alert-info:contains('1. 直接主管: 刘组长'):contains('2. 部门经理: 陈经理')",
        },
        {
            content: "Approve my level",
            trigger: "button.o_cs_approve_level",
            run: "click",
        },
        {
            trigger: `.o-mail-Message:contains('第 ${level} 级')`,
        },
        {
            trigger: ".o_form_view:not(:has(button.o_cs_approve_level))",
        },
    ];
}

registry.category("web_tour.tours").add("cs_leave_request_tiers", {
    url: "/odoo",
    steps: () => {
        // Tuesday and Wednesday of next week: two working days ahead.
        const monday = luxon.DateTime.now().startOf("week").plus({ weeks: 1 });
        const from = formatDate(monday.plus({ days: 1 }));
        const to = formatDate(monday.plus({ days: 2 }));
        return [
            // The employee requests two days of personal leave.
            ...openTimeOffApp(),
            {
                content: "New time off",
                trigger: "button.btn-time-off",
                run: "click",
            },
            {
                content: "Personal leave",
                trigger: ".modal .o_field_widget[name='holiday_status_id'] input",
                run: "edit 事假",
            },
            {
                trigger: ".o-autocomplete--dropdown-item:contains('事假')",
                run: "click",
            },
            {
                trigger: ".modal .o_field_widget[name='request_date_from'] [data-field='request_date_from']",
                run: "click",
            },
            {
                content: "From Tuesday",
                trigger: ".modal .o_field_widget[name='request_date_from'] input[data-field='request_date_from']",
                run: `edit ${from} && click .modal-title`,
            },
            {
                trigger: ".modal .o_field_widget[name='request_date_from'] [data-field='request_date_to']",
                run: "click",
            },
            {
                content: "To Wednesday",
                trigger: ".modal .o_field_widget[name='request_date_from'] input[data-field='request_date_to']",
                run: `edit ${to} && click .modal-title`,
            },
            {
                content: "Two days",
                trigger: ".modal .o_field_widget[name='duration_display']:contains('2')",
            },
            {
                content: "Why",
                trigger: ".modal .o_field_widget[name='name'] textarea",
                run: "edit 家中有事，需要处理两天。",
            },
            {
                content: "Submit the request",
                trigger: ".modal .o_form_button_save",
                run: "click",
            },
            {
                trigger: "body:not(:has(.modal))",
            },
            ...logout(),
            // The direct supervisor approves the first level: the leave still waits.
            ...login("t_super", "t_superx"),
            ...approveMyLevel(1),
            {
                content: "Still to approve: the department manager has yet to",
                trigger: ".o_statusbar_status .o_arrow_button_current[data-value='confirm']",
            },
            ...logout(),
            // The department manager approves the second and last level.
            ...login("t_manager", "t_manager", { chooseOtherUser: true }),
            ...approveMyLevel(2),
            {
                content: "Approved once the last level approved",
                trigger: ".o_statusbar_status .o_arrow_button_current[data-value='validate']",
            },
            {
                trigger: ".o_form_view .alert-info:contains('✓ 1. 直接主管'):contains('✓ 2. 部门经理')",
            },
            ...screenshotSteps("cs_leave_request_tiers"),
        ];
    },
});
