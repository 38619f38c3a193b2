"""Every dashboard page at a laptop width (1366 px) and a phone width (390 px): it renders a
heading or a chart, logs no console error, does not scroll sideways on the phone, and leaves a
screenshot in test-artifacts/screenshots for a person to look at."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGES = [
    ("/", "overview"),
    ("/dyad?a=JPN&b=RUS", "dyad"),
    ("/network", "network"),
    ("/events", "events"),
    ("/events?a=JPN&b=RUS&root=16", "events-filtered"),
    ("/documents/jpn-rus-2022-02", "document"),
    ("/actors/JPN", "actor"),
    ("/actors/NOSUCH", "actor-unknown"),
    ("/map", "map"),
    ("/brief?a=JPN&b=RUS", "brief"),
    ("/docs", "docs"),
]
WIDTHS = [1366, 390]
SLACK = 4  # px: sub-pixel rounding, not a layout that scrolls sideways
# Pages that are not dashboard pages and so carry no site navigation (error pages do).
WITHOUT_NAV = {"brief", "docs"}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("path", "name"), PAGES)
def test_page_renders_at_width(browser, server_url, screenshots, path, name, width):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 800)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        response = tab.goto(server_url + path)
        assert response is not None
        expected = 404 if name == "actor-unknown" else 200
        assert response.status == expected, f"{path} answered {response.status}"
        tab.wait_for_load_state("networkidle")
        rendered = tab.locator("h1, h2, .js-plotly-plot, svg, canvas, .swagger-ui .info")
        assert rendered.count() > 0, f"{path} shows no heading and no chart"
        if expected == 200:
            assert errors == [], f"{path} logged {errors}"
        if name not in WITHOUT_NAV:
            assert tab.locator("header.site nav").is_visible(), f"{path} has no site navigation"
        if name == "brief":  # the chart keeps readable labels on a phone: its card scrolls
            chart = tab.locator("svg.trajectory").bounding_box()
            assert chart is not None and chart["width"] >= 560, f"brief chart is {chart}"
        tab.screenshot(path=str(screenshots / f"w{width}-{name}.png"), full_page=True)
        scroll = tab.evaluate("() => document.documentElement.scrollWidth")
        assert scroll <= width + SLACK, f"{path} is {scroll}px wide at {width}px"
    finally:
        context.close()
