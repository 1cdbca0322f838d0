"""Screenshots a browser tour asks for (README pictures): a tour step logs
``cs_tour_screenshot <name>`` and the test saves the page."""

import base64
import json
import os
import re
from pathlib import Path
from unittest.mock import patch

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
