import os

import pytest
from django.core.cache import cache
from django.utils import translation

from articles.factories import ArticleIndexPageFactory
from portal.factories import make_site_home


@pytest.fixture(autouse=True)
def _clean_state():
    """Site root paths are cached per language: never let one test see another's site."""
    cache.clear()
    with translation.override("en"):
        yield
    cache.clear()


@pytest.fixture
def home_page(db):
    return make_site_home()


@pytest.fixture
def section(home_page):
    return ArticleIndexPageFactory(parent=home_page, title_en="News", title_mn="Мэдээ", slug="news")


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright; skipped without it unless CI requires it."""
    if not os.path.exists(CHROMIUM):
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {CHROMIUM} is missing")
        pytest.skip(f"no browser at {CHROMIUM}")
    # Playwright runs an event loop in this thread; Django's ORM calls from the test stay synchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium):
    """A fresh browser tab with its own cookies; use with the `live_server` fixture."""
    context = chromium.new_context(locale="en-GB")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()
