"""Headless Chromium (Debian's package) driven by Playwright, against a real gunicorn."""

import os
import shutil

import pytest

# Playwright's sync API keeps an event loop running in this thread; the Django calls made here
# (seeding, assertions on the database) are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PHONE = {"width": 390, "height": 844}


def pytest_collection_modifyitems(config, items):
    if os.path.exists(CHROMIUM) or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason="Debian's chromium is not installed (and CI is unset)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


# Every page of every browser test reports the Content-Security-Policy violations it meets: the
# DOM event (with the blocked directive and address) through a binding, and Chromium's console
# line ("Refused to ...") for what has no event.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__ppCspViolation(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} on ${document.URL}`
  );
});
"""


@pytest.fixture(autouse=True)
def csp_violations(request, monkeypatch):
    """Fails the test at teardown if any page it opened broke the Content-Security-Policy."""
    if "browser" not in request.fixturenames:
        yield []
        return
    browser = request.getfixturevalue("browser")
    found: list[str] = []

    def watch(context):
        context.expose_binding("__ppCspViolation", lambda _source, text: found.append(text))
        context.add_init_script(CSP_LISTENER)
        context.on("console", lambda message: _console_violation(message, found))
        return context

    new_context = browser.new_context
    monkeypatch.setattr(browser, "new_context", lambda **kwargs: watch(new_context(**kwargs)))
    monkeypatch.setattr(
        browser, "new_page", lambda **kwargs: browser.new_context(**kwargs).new_page()
    )
    yield found
    assert found == [], "Content-Security-Policy violations:\n" + "\n".join(found)


def _console_violation(message, found: list[str]) -> None:
    if "Content Security Policy" in message.text:
        found.append(f"console: {message.text}")


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="zh-CN")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def demo_site(web_server, django_db_blocker):
    """The demo parks of `seed_demo`, committed to the test database, behind the web server
    (20 appeals a park rather than 72: every scenario, in a third of the time)."""
    from demo.seed import seed

    with django_db_blocker.unblock():
        seed(progress=lambda step: None, appeals_per_park=20)
    return web_server


def assert_accessible(page) -> None:
    """axe-core finds no serious or critical violation on the current page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    bad = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert bad == [], bad
