"""The API reference at /docs renders with every request off the server blocked."""

from __future__ import annotations

from urllib.parse import urlparse


def test_swagger_ui_renders_without_the_internet(page, server_url, screenshots):  # type: ignore[no-untyped-def]
    ours = urlparse(server_url).netloc
    outside: list[str] = []

    def only_ours(route):  # type: ignore[no-untyped-def]
        if urlparse(route.request.url).netloc == ours:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_ours)
    page.goto(f"{server_url}/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15_000)
    assert page.locator(".swagger-ui .opblock").count() >= 5
    assert "/api/v1/shifts" in page.content()
    page.screenshot(path=str(screenshots / "docs-offline.png"))
    assert outside == [] and page.errors == []
