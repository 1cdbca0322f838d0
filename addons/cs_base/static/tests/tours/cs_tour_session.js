import { WORKER_STATE } from "@bus/workers/websocket_worker";
import { whenReady } from "@odoo/owl";

// Logging out and in within one tour, for flows that several people work in turn
// (the front desk's counters, a leave's approval levels).

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
