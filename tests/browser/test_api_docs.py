"""A developer opens the API docs: they load from this server alone, under the site's CSP."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize("host", ["dayun.localhost", "localhost"])
def test_api_docs_render_the_operations_from_local_assets_only(demo_site, browser, host):
    base = demo_site.format(host=host)
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base + "/api/v1/docs/")
    page.locator(".opblock").first.wait_for(timeout=30000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/v1/me/" in [path.strip() for path in paths]
    context.close()
    foreign = [url for url in requested if not url.startswith((base, "data:", "blob:"))]
    assert foreign == []
