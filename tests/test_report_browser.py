"""The brief as a reader opens it: a local file in headless Chromium, offline, no errors."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from seismo.report import build_brief, render_brief
from seismo.store import Store
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS
from tests.test_report import corpus_db  # noqa: F401  (the coded sample corpus fixture)

pytestmark = pytest.mark.browser


def test_brief_file_opens_offline_and_shows_the_shift(corpus_db: str, tmp_path: Path) -> None:  # noqa: F811
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    with Store(corpus_db, read_only=True) as store:
        html = render_brief(build_brief(store.con, "JPN", "RUS"))
    page_file = tmp_path / "brief-jpn-rus.html"
    page_file.write_text(html, encoding="utf-8")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # Playwright's sync API refuses to run where an asyncio loop is running; other tests in
    # the session (ASGI clients, schemathesis) may leave one on this thread, so use a fresh one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        errors, shifts_text = pool.submit(_open_in_chromium, page_file).result()
    assert "froze the assets" in shifts_text
    assert errors == []


def _open_in_chromium(page_file: Path) -> tuple[list[str], str]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1100, "height": 1400}, offline=True)
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("requestfailed", lambda r: errors.append(f"failed: {r.url}"))
        page.goto(page_file.as_uri())
        chart = page.locator("svg.trajectory")
        assert chart.is_visible()
        assert chart.bounding_box()["height"] > 200
        assert page.locator("svg .shift-marker").count() >= 1
        assert page.locator("#shifts .shift.down").count() >= 1
        shifts_text = page.locator("#shifts").inner_text()
        page.screenshot(path=str(SCREENSHOTS / "brief-jpn-rus.png"), full_page=False)
        context.close()
        browser.close()
    return errors, shifts_text
