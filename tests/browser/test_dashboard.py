"""The dashboard in a real headless Chromium against the real server (every page at two widths
is tests/browser/test_every_page.py): the dyad picker redraws the timeline, the network slider redraws the graph, and an
event row leads to its sentence highlighted in the document."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.browser


def plotted_traces(page, selector: str) -> int:  # type: ignore[no-untyped-def]
    return page.evaluate(f"() => (document.querySelector('{selector}').data || []).length")


def test_overview_shows_summary_and_links_to_dyads(page, server_url):  # type: ignore[no-untyped-def]
    page.goto(server_url + "/")
    assert page.locator("#stat-events").inner_text() == "111"
    page.locator("#top-dyads a", has_text="JPN – RUS").click()
    page.wait_for_url("**/dyad?a=JPN&b=RUS*")
    page.wait_for_function("() => (document.getElementById('dyad-chart').data || []).length > 0")


def test_dyad_picker_draws_the_timeline(page, server_url, screenshots):  # type: ignore[no-untyped-def]
    page.goto(server_url + "/dyad?a=JPN&b=RUS")
    page.wait_for_function("() => (document.getElementById('dyad-chart').data || []).length > 0")
    shift_lines = page.evaluate("() => document.getElementById('dyad-chart').layout.shapes.length")
    assert shift_lines >= 1
    # eight years of history: the page picks quarters by itself and names them so
    assert page.locator("#pick-period").input_value() == "quarter"
    assert page.locator("#shifts h3").first.inner_text().startswith("1. 2022 Q1 · toward conflict")
    labels = page.evaluate("() => document.getElementById('dyad-chart').layout.annotations")
    assert [a["text"] for a in labels] == [str(i + 1) for i in range(shift_lines)]
    assert all("toward" in a["hovertext"] for a in labels)  # the words are on hover, not piled up
    page.screenshot(path=str(screenshots / "dyad-jpn-rus-1280.png"), full_page=True)

    page.select_option("#pick-a", "CHN")
    page.wait_for_url("**/dyad?a=CHN&b=RUS*")
    page.wait_for_function("() => (document.getElementById('dyad-chart').data || []).length > 0")
    assert page.locator("h1").inner_text() == "CHN – RUS"
    goldstein = page.evaluate("() => document.getElementById('dyad-chart').data[0].y")
    assert all(value >= 0 for value in goldstein), "China and Russia never clash in the sample"
    assert plotted_traces(page, "#dyad-chart") == 5  # the Goldstein line and four QuadClasses
    page.screenshot(path=str(screenshots / "dyad-chn-rus.png"), full_page=True)


def test_network_slider_redraws_the_graph(page, server_url, screenshots):  # type: ignore[no-untyped-def]
    page.goto(server_url + "/network")
    page.wait_for_function("() => (document.getElementById('network-chart').data || []).length > 0")
    chart = page.locator("#network-chart")
    first_until = chart.get_attribute("data-until")
    before = page.evaluate("() => JSON.stringify(document.getElementById('network-chart').data)")

    slider = page.locator("#month-slider")
    months = json.loads(page.locator("#network-stops").text_content())
    target = next(i for i, stop in enumerate(months) if stop["label"] == "2019-06")
    slider.evaluate(
        "(el, value) => { el.value = value; el.dispatchEvent(new Event('input')); }", target
    )
    page.wait_for_function(
        "until => document.getElementById('network-chart').dataset.until !== until", arg=first_until
    )
    assert chart.get_attribute("data-until") == "2019-06-30"
    assert page.locator("#month-label").inner_text() == "2019-06"
    after = page.evaluate("() => JSON.stringify(document.getElementById('network-chart').data)")
    assert after != before
    # in mid-2019 Japan and Russia still cooperate: their edge is drawn green
    colours = page.evaluate(
        "() => document.getElementById('network-chart').data"
        ".filter(t => t.mode === 'lines').map(t => t.line.color)"
    )
    assert colours and "#b8322a" not in colours
    assert "2019-06-30" in page.url
    assert page.errors == []
    page.screenshot(path=str(screenshots / "network-2019-06.png"), full_page=True)


def test_event_row_leads_to_the_highlighted_sentence(page, server_url, screenshots):  # type: ignore[no-untyped-def]
    page.goto(server_url + "/events?a=JPN&b=RUS&root=16")
    row = page.locator("tr.event-row").first
    sentence = row.locator("td.sentence").inner_text()
    row.locator("td").first.click()
    page.wait_for_url("**/documents/**#s*")
    anchor = page.url.split("#", 1)[1]
    mark = page.locator(f"mark#{anchor}")
    assert mark.is_visible()
    assert mark.inner_text() == sentence
    assert mark.evaluate("el => el.matches(':target')")
    page.screenshot(path=str(screenshots / "document-highlight.png"), full_page=True)


def test_event_filters_and_next_page(page, server_url):  # type: ignore[no-untyped-def]
    page.goto(server_url + "/events")
    page.fill("input[name=actor]", "USA")
    page.click("#event-filters button[type=submit]")
    page.wait_for_url("**/events?**actor=USA**")
    rows = page.locator("tr.event-row")
    assert rows.count() == 8
    page.goto(server_url + "/events")
    page.click("#next-page")
    page.wait_for_url("**cursor=**")
    assert page.locator("tr.event-row").count() == 50


def test_map_draws_outlines_and_points_offline(page, server_url, screenshots):  # type: ignore[no-untyped-def]
    """The map page with every request off this machine refused: the outlines come from our
    server, the points are the sample's places, and a click shows the evidence."""
    outside: list[str] = []

    def only_local(route):  # type: ignore[no-untyped-def]
        if route.request.url.startswith(server_url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    page.goto(server_url + "/map?a=JPN&b=RUS")
    page.wait_for_function("() => document.getElementById('map-chart').dataset.ready === '1'")
    assert outside == [] and page.errors == []
    countries = page.locator("#map-chart .layer.countries path")
    assert countries.count() == 1 and len(countries.get_attribute("d") or "") > 10_000
    assert plotted_traces(page, "#map-chart") == 4  # one per QuadClass
    names = page.evaluate(
        "() => JSON.parse(document.getElementById('map-data').textContent).map(p => p.name)"
    )
    assert {"Tokyo", "Moscow", "Kuril Islands"} <= set(names)
    assert "Beijing" not in names  # a Japan–Russia map holds no China events
    page.locator("#map-chart .scattergeo path.point").first.click(force=True)
    page.wait_for_function("() => document.querySelectorAll('#map-evidence-list li').length > 0")
    first = page.locator("#map-evidence-list li").first
    assert "Japan" in first.inner_text() or "Russia" in first.inner_text()
    assert first.locator("a").get_attribute("href").startswith("/documents/")
    page.screenshot(path=str(screenshots / "map-jpn-rus.png"), full_page=True)
