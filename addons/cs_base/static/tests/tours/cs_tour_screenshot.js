// A tour cannot write files: it asks the test for a screenshot of what the user sees
// with a console message, and waits until the test has taken it (TourScreenshotMixin
// in cs_base/tests/tour_screenshots.py marks the page's body when it is saved).
export const SCREENSHOT_SIGNAL = "cs_tour_screenshot";

export function screenshotSteps(name) {
    return [
        {
            content: `Ask the test for the screenshot "${name}"`,
            trigger: "body",
            run() {
                console.log(`${SCREENSHOT_SIGNAL} ${name}`);
            },
        },
        {
            content: `Wait until the screenshot "${name}" is saved`,
            trigger: `body[data-cs-screenshot='${name}']`,
        },
    ];
}
