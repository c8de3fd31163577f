"""The Content-Security-Policy in a real Chromium: readers, a guest and an editor go about
their work, and the browser reports no violation of the policy anywhere."""

import pytest
from django.core.management import call_command

from articles.models import ArticlePage
from authors.models import Author
from headlines.models import Headline

PASSWORD = "Steppe-and-sky-2025"

# Runs in every page and frame before the page's own scripts: each violation is handed to
# the test through an exposed function (which survives navigation, unlike page state).
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation({
    page: location.pathname,
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    where: `${event.sourceFile}:${event.lineNumber}`,
  });
}, true);
"""


@pytest.fixture
def violations(browser_page):
    """Every CSP violation the browser reports in this test's tab and its frames, and every
    console message that speaks of the policy (framing refusals are reported only there)."""
    found = []
    context = browser_page.context
    context.expose_function("reportCspViolation", lambda violation: found.append(violation))
    context.add_init_script(REPORT_VIOLATIONS)
    browser_page.on(
        "console",
        lambda message: (
            found.append({"console": message.text})
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return found


def visit(tab, url):
    response = tab.goto(url)
    tab.wait_for_load_state("networkidle")
    return response.status


@pytest.mark.django_db
def test_public_pages_forbid_inline_script_and_the_admin_alone_allows_it(client, home_page):
    public = client.get("/en/")
    admin = client.get("/admin/login/")

    policy = public["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert "script-src 'self' 'unsafe-inline'" in admin["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in admin["Content-Security-Policy"]
    for response in (public, admin):
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_readers_and_guests_pages_break_no_rule(live_server, browser_page, violations, make_guest):
    call_command("load_demo", verbosity=0)
    make_guest("saruul@uni.example", password=PASSWORD, name_en="Saruul Bat")
    tab = browser_page
    # An article with a lead image, an author box and schema.org data (JSON-LD).
    article = ArticlePage.objects.live().exclude(lead_image=None).first()
    author = Author.objects.exclude(slug="").first()

    for path in (
        "/en/",
        "/mn/",
        article.url,
        article.url.replace("/en/", "/mn/", 1),
        "/en/news/",
        "/mn/search/?q=зуд",
        "/en/headlines/en/",
        f"/en/authors/{author.slug}/",
    ):
        assert visit(tab, f"{live_server.url}{path}") == 200, path
    assert visit(tab, f"{live_server.url}/en/no-such-page/") == 404

    visit(tab, f"{live_server.url}/en/contribute/login/")
    tab.fill("#id_username", "saruul@uni.example")
    tab.fill("#id_password", PASSWORD)
    tab.locator("main [type=submit]").first.click()
    tab.get_by_text("Signed in as Saruul Bat.").wait_for()
    for path in ("/en/contribute/new/", "/en/contribute/profile/", "/mn/contribute/"):
        assert visit(tab, f"{live_server.url}{path}") == 200, path

    assert violations == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_editors_admin_breaks_no_rule(live_server, browser_page, violations, make_user):
    call_command("load_demo", verbosity=0)
    call_command("setup_editorial", verbosity=0)
    make_user("chief", password=PASSWORD, is_superuser=True)
    tab = browser_page
    article = ArticlePage.objects.live().exclude(lead_image=None).first()
    section = article.get_parent()

    visit(tab, f"{live_server.url}/admin/login/")
    tab.fill("#id_username", "chief")
    tab.fill("#id_password", PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url(f"{live_server.url}/admin/")
    tab.wait_for_load_state("networkidle")

    # The article editor: StreamField, rich text, inline authors, dates, the image chooser.
    visit(tab, f"{live_server.url}/admin/pages/{article.pk}/edit/")
    body = tab.locator("[data-contentpath='body_en']")
    body.get_by_role("button", name="Insert a block").first.click()
    tab.get_by_role("option", name="Paragraph").first.click()
    body.locator("[contenteditable='true']").first.click()
    tab.keyboard.type("A new paragraph.")
    tab.locator("[data-contentpath='lead_image'] [data-w-dropdown-target='toggle']").click()
    tab.get_by_role("button", name="Change image").click()
    tab.locator(".modal-content a", has_text="livestock-census").first.click()
    tab.locator(".modal-content").wait_for(state="detached")
    # The preview panel frames the public page, rendered under the public policy.
    tab.locator("[data-side-panel-toggle='preview']").click()
    tab.frame_locator("#w-preview-iframe").locator("h1", has_text=article.title).wait_for()
    tab.wait_for_load_state("networkidle")

    for path in (
        f"/admin/pages/{section.pk}/",
        f"/admin/pages/add/articles/articlepage/{section.pk}/",
        f"/admin/pages/{article.pk}/history/",
        f"/admin/snippets/headlines/headline/edit/{Headline.objects.first().pk}/",
        f"/admin/snippets/authors/author/edit/{Author.objects.first().pk}/",
        "/admin/images/",
        "/admin/images/multiple/add/",
        "/admin/headlines/import/",
        "/admin/translation-desk/",
        "/admin/guest_submissions/",
        "/admin/guest_invitations/",
        "/admin/users/",
        "/admin/account/",
    ):
        assert visit(tab, f"{live_server.url}{path}") == 200, path

    assert violations == []
