import { registry } from "@web/core/registry";

// The direct supervisor, working in Chinese, opens a two-level leave request, reads
// its approval steps and its pay basis, and approves the first level.
registry.category("web_tour.tours").add("cs_leave_approve_level", {
    steps: () => [
        {
            trigger: ".o_form_view .alert-info:contains('1. 直接主管: 刘组长')",
        },
        {
            trigger: ".o_form_view .alert-info:contains('2. 部门经理: 陈经理')",
        },
        {
            trigger: ".o_form_view .alert-info:contains('公司标准 40%')",
        },
        {
            // Odoo's own Approve button gives way to the level's.
            trigger: ".o_form_statusbar:not(:has(button[name='action_approve']:not(.o_cs_approve_level)))",
        },
        {
            trigger: "button.o_cs_approve_level",
            run: "click",
        },
        {
            trigger: ".o_form_view .alert-info:contains('✓ 1. 直接主管')",
        },
        {
            trigger: ".o-mail-Message:contains('第 1 级（直接主管）由 刘组长 审批通过。')",
        },
        {
            trigger: ".o_form_view:not(:has(button.o_cs_approve_level))",
        },
    ],
});
