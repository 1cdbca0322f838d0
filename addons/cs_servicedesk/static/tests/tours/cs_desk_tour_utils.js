import { stepUtils } from "@web_tour/tour_utils";

export { login, logout } from "@cs_base/../tests/tours/cs_tour_session";

// Steps the front desk's tours share: several people work one flow, each logged in
// on their own, as at the counter. Selectors hold to menu ids, field and button
// names: the labels are translated.

/** Open a menu of the Front Desk app: ``parent`` and ``menu`` are xml ids in cs_servicedesk. */
export function openDeskMenu(parent, menu) {
    return [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Front Desk",
            trigger: ".o_app[data-menu-xmlid='cs_servicedesk.menu_desk_root']",
            run: "click",
        },
        {
            trigger: ".o_main_navbar .o-dropdown[data-menu-xmlid='cs_servicedesk.menu_desk_operations']",
        },
        {
            trigger: `.o_main_navbar .o-dropdown[data-menu-xmlid='cs_servicedesk.${parent}']`,
            run: "click",
        },
        {
            trigger: `.o-dropdown-item[data-menu-xmlid='cs_servicedesk.${menu}']`,
            run: "click",
        },
    ];
}

/** Choose ``name`` in the many2one ``field`` of the form (or of ``scope``). */
export function chooseRecord(field, name, scope = ".o_form_view") {
    return [
        {
            trigger: `${scope} .o_field_widget[name='${field}'] input`,
            run: `edit ${name}`,
        },
        {
            trigger: `.o-autocomplete--dropdown-item:contains('${name}')`,
            run: "click",
        },
        {
            trigger: `${scope} .o_field_widget[name='${field}'] input:value('${name}')`,
        },
    ];
}
