"""Browser tours of the main flows (issue #16), each saving a screenshot of its main
form for the README."""

import base64
import json
import os
import re
from pathlib import Path
from unittest.mock import patch

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import ChromeBrowser, save_test_file

#: A tour asks for a screenshot with ``console.log("cs_tour_screenshot <name>")``
#: (static/tests/tours/cs_tour_screenshot.js), as no tour step can write a file.
SCREENSHOT_SIGNAL = "cs_tour_screenshot"
#: When set, the folder the screenshots are saved to as ``<name>.png`` (docs/screenshots
#: for the README); unset, they go to Odoo's screenshots folder, so that a test run
#: never writes into the repository.
SCREENSHOTS_ENV = "CS_SCREENSHOTS"


class TourScreenshotMixin:
    """Takes the screenshots a tour asks for while its browser is open.

    ``start_tour`` closes the browser before it returns, so the screenshot is taken
    during the tour: the browser's console message is caught on its way to the test,
    Chrome captures the page, and the page's body is marked so that the tour goes on
    only once the file is written. List the mixin before ``HttpCase``.
    """

    # Tall enough for a whole form and the start of its chatter in one screenshot.
    browser_size = "1366x1300"
    #: The browser's time zone (an Olson name) when the people of the test live in
    #: another than the machine's: the web client shows times in the browser's.
    browser_timezone = None

    def start_tour(self, url_path, tour_name, step_delay=None, **kwargs):
        handle_console = ChromeBrowser._handle_console
        navigate_to = ChromeBrowser.navigate_to
        self.cs_screenshots = set()

        def handle_console_and_screenshots(browser, **params):
            args = params.get("args")
            if params.get("type") == "log" and args:
                message = str(browser._from_remoteobject(args[0]))
                name = message.removeprefix(f"{SCREENSHOT_SIGNAL} ")
                if name != message and re.fullmatch(r"\w+", name):
                    self._cs_take_screenshot(browser, name)
            return handle_console(browser, **params)

        def navigate_in_timezone(browser, url, wait_stop=False):
            if self.browser_timezone:
                browser._websocket_request(
                    "Emulation.setTimezoneOverride", params={"timezoneId": self.browser_timezone}
                )
            return navigate_to(browser, url, wait_stop=wait_stop)

        with (
            patch.object(ChromeBrowser, "_handle_console", handle_console_and_screenshots),
            patch.object(ChromeBrowser, "navigate_to", navigate_in_timezone),
        ):
            return super().start_tour(url_path, tour_name, step_delay=step_delay, **kwargs)

    def _cs_take_screenshot(self, browser, name):
        def save(capture):
            png = base64.b64decode(capture.result()["data"])
            folder = os.environ.get(SCREENSHOTS_ENV)
            if folder:
                path = Path(folder) / f"{name}.png"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(png)
                self._logger.info("Screenshot %s saved in %s", name, path)
            else:
                save_test_file(type(self).__name__, png, f"{name}_", logger=self._logger)
            self.cs_screenshots.add(name)
            browser._websocket_send(
                "Runtime.evaluate",
                params={"expression": f"document.body.dataset.csScreenshot = {json.dumps(name)}"},
            )

        browser._websocket_send("Page.captureScreenshot", with_future=True).add_done_callback(save)


@tagged("post_install", "-at_install")
class TestCallToCallbackTour(TourScreenshotMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = new_test_user(
            cls.env, "t_flow_agent", groups="cs_center.group_cs_agent", name="Agent Wang"
        )
        cls.customer = cls.env["res.partner"].create({"name": "Zhang Wei (tour)"})

    def test_agent_takes_a_call_to_a_complaint_resolved_and_called_back(self):
        """Issue #16 tours: an agent records a complaint call, turns it into a complaint
        with the call form's button, acknowledges and resolves it, and records the
        customer's score in the callback (回访)."""
        self.start_tour("/odoo", "cs_call_to_callback", login="t_flow_agent")

        call = self.env["cs.call.record"].search([("partner_id", "=", self.customer.id)])
        self.assertEqual(len(call), 1)
        self.assertEqual(call.call_type, "complaint")
        self.assertEqual(call.user_id, self.agent)
        complaint = call.complaint_id
        self.assertTrue(complaint, "the call is linked to the complaint it became")
        self.assertEqual(complaint.call_id, call)
        self.assertEqual(complaint.partner_id, self.customer)
        self.assertEqual(complaint.channel, "phone")
        self.assertEqual(complaint.first_owner_id, self.agent, "首问责任制: the agent owns it")
        self.assertIn("Lift B was repaired", complaint.resolution)
        self.assertTrue(complaint.resolved_at)
        self.assertEqual(complaint.state, "callback_done")
        self.assertTrue(complaint.customer_confirmed)
        callback = complaint.callback_ids
        self.assertEqual(len(callback), 1)
        self.assertEqual(callback.score, 4)
        self.assertEqual(callback.method, "phone")
        self.assertEqual(callback.user_id, self.agent)
        self.assertEqual(callback.agent_id, self.agent)
        self.assertTrue(callback.satisfied)
        self.assertIn("cs_call_to_callback", self.cs_screenshots)
