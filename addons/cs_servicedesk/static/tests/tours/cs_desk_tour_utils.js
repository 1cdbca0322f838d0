import { WORKER_STATE } from "@bus/workers/websocket_worker";
import { whenReady } from "@odoo/owl";
import { stepUtils } from "@web_tour/tour_utils";

// Steps the front desk's tours share: several people work one flow, each logged in
// on their own, as at the counter. Selectors hold to menu ids, field and button
// names: the labels are translated.

export function logout() {
    // As web's user_switch tour: leave only once the bus is connected, so that the
    // page unloads with no request in flight.
    return [
        {
            trigger: ".o_web_client .o_navbar",
            async run() {
                await whenReady();
                await new Promise((resolve) => requestAnimationFrame(resolve));
                await new Promise((resolve) => {
                    const bus = odoo.__WOWL_DEBUG__.root.env.services.bus_service;
                    bus.addEventListener("BUS:CONNECT", resolve, { once: true });
                    if (bus.workerState === WORKER_STATE.CONNECTED) {
                        resolve();
                    }
                });
            },
        },
        {
            trigger: ".o_user_menu .dropdown-toggle",
            run: "click",
        },
        {
            content: "Log out",
            trigger: ".dropdown-item[data-menu=logout]",
            run: "click",
            expectUnloadPage: true,
        },
    ];
}

export function login(user, password, { chooseOtherUser = false } = {}) {
    // Once two people have worked in this browser, the login page lists them first.
    const otherUser = {
        content: "Use another user",
        trigger: ".o_user_switch button:has(.fa-user-circle-o)",
        run: "click",
    };
    return [
        ...(chooseOtherUser ? [otherUser] : []),
        {
            content: `Log in as ${user}`,
            trigger: ".oe_login_form input#login",
            run: `edit ${user}`,
        },
        {
            trigger: ".oe_login_form input#password",
            run: `edit ${password}`,
        },
        {
            trigger: ".oe_login_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
    ];
}

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
