"""A guest's piece from invitation to a published bilingual article, in a real Chromium.

Every step is taken in the browser as its person would: the editor and the translator in the
Wagtail admin, the guest in the public guest-author area.
"""

import re

import pytest
from django.core import mail

from articles.models import ArticlePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Steppe-and-sky-2025"


@pytest.fixture
def staff_contexts(browser_page):
    """Browser contexts of their own for the staff, closed after the test."""
    contexts = []

    def new_context():
        contexts.append(browser_page.context.browser.new_context(locale="en-GB"))
        return contexts[-1]

    yield new_context
    for context in contexts:
        context.close()


def staff_tab(new_context, live_server, user):
    tab = new_context().new_page()
    tab.set_default_timeout(15_000)
    tab.goto(f"{live_server.url}/admin/login/")
    tab.fill("#id_username", user.username)
    tab.fill("#id_password", PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url(f"{live_server.url}/admin/")
    return tab


def approve_in_editor(tab):
    """The edit page's action menu: open it and choose Approve (it saves, then approves)."""
    tab.locator("footer [data-w-dropdown-target='toggle']").first.click()
    tab.locator("button[data-workflow-action-name='approve']").first.click()


def test_guest_piece_to_published_article_in_the_browser(
    live_server, browser_page, staff_contexts, newsroom, make_user
):
    # Outside a class (and committed for the live server), the newsroom is built for this test.
    editor = staff_tab(
        staff_contexts, live_server, make_user("editor", password=PASSWORD, groups=["Editors"])
    )
    translator = staff_tab(
        staff_contexts,
        live_server,
        make_user("translator", password=PASSWORD, groups=["Translators"]),
    )
    guest = browser_page

    # The editor invites the guest.
    editor.goto(f"{live_server.url}/admin/guest_invitations/")
    editor.fill("#id_name_en", "Saruul Bat")
    editor.fill("#id_email", "saruul@uni.example")
    editor.get_by_role("button", name="Send the invitation").click()
    editor.get_by_text("saruul@uni.example was invited as a guest author.").wait_for()
    welcome = re.search(r"https?://\S+/contribute/welcome/\S+/", mail.outbox[-1].body).group(0)

    # The guest chooses a password and writes a piece.
    guest.goto(welcome)
    guest.fill("#id_new_password1", PASSWORD)
    guest.fill("#id_new_password2", PASSWORD)
    guest.get_by_role("button", name="Set my password").click()
    guest.get_by_text("Signed in as Saruul Bat.").wait_for()
    guest.get_by_role("link", name="Submit a piece").first.click()
    guest.fill("#id_title", "Herders and the winter dzud")
    guest.fill("#id_summary", "How herding families got through a hard winter.")
    guest.fill("#id_body", "The winter was cold.\n\nHerders moved their animals.")
    guest.check("#id_consent")
    guest.get_by_role("button", name="Submit to the editors").click()
    guest.get_by_text("Your piece was submitted to the editors.").wait_for()

    # The editor asks for changes from the inbox.
    editor.goto(f"{live_server.url}/admin/guest_submissions/")
    editor.get_by_role("link", name="Herders and the winter dzud").click()
    editor.fill("#id_request_changes-feedback", "Please name your sources.")
    editor.get_by_role("button", name="Send the request for changes").click()
    editor.get_by_text("The guest has been told.").wait_for()

    # The guest sees the feedback, edits and submits again.
    guest.goto(f"{live_server.url}/en/contribute/")
    assert "Please name your sources." in guest.locator(".feedback").inner_text()
    guest.get_by_role("link", name="Edit", exact=True).click()
    guest.fill(
        "#id_body", "The winter was cold.\n\nHerders moved their animals.\n\nSource: Montsame."
    )
    guest.get_by_role("button", name="Submit to the editors").click()
    guest.get_by_text("Your piece was submitted to the editors.").wait_for()

    # The editor accepts it into News and approves the editor review.
    editor.goto(f"{live_server.url}/admin/guest_submissions/?status=submitted")
    editor.get_by_role("link", name="Herders and the winter dzud").click()
    editor.select_option("#id_accept-section", label="News")
    editor.get_by_role("button", name="Accept and create the article draft").click()
    editor.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
    page = ArticlePage.objects.get()
    approve_in_editor(editor)
    editor.wait_for_url(f"{live_server.url}/admin/pages/{newsroom.pk}/")
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Translation"

    # The translator writes the Mongolian version and approves.
    translator.goto(f"{live_server.url}/admin/pages/{page.pk}/edit/")
    translator.locator(".locale-picker .locale-toggle", has_text="mn").click()
    translator.fill("#id_title_mn", "Малчид ба өвлийн зуд")
    translator.fill("#id_summary_mn", "Малчин өрхүүд хатуу өвлийг хэрхэн давсан бэ.")
    body_mn = translator.locator("[data-contentpath='body_mn']")
    body_mn.get_by_role("button", name="Insert a block").first.click()
    translator.get_by_role("option", name="Paragraph").first.click()
    # Draftail listens to key presses: type the text rather than setting it.
    body_mn.locator("[contenteditable='true']").first.click()
    translator.keyboard.type("Энэ өвөл хүйтэн байлаа.")
    # Draftail copies what was typed into the form a moment later: send the form after that.
    translator.wait_for_function(
        "() => [...document.querySelectorAll('input[name^=body_mn]')]"
        ".some(input => input.value.includes('хүйтэн'))"
    )
    approve_in_editor(translator)
    translator.wait_for_url(f"{live_server.url}/admin/pages/{newsroom.pk}/")
    page.refresh_from_db()

    # The text changed after the editor's approval: the editor approves the bilingual text,
    # the translator confirms it, and only then is it published.
    assert not page.live and page.current_workflow_task.name == "Editor review"
    for tab, step in ((editor, "Editor review"), (translator, "Translation")):
        page.refresh_from_db()
        assert page.current_workflow_task.name == step
        tab.goto(f"{live_server.url}/admin/pages/{page.pk}/edit/")
        approve_in_editor(tab)
        tab.wait_for_url(f"{live_server.url}/admin/pages/{newsroom.pk}/")
    page.refresh_from_db()
    assert page.live

    # Readers find it in both languages, and the guest's dashboard links to it.
    guest.goto(f"{live_server.url}/en/contribute/")
    guest.get_by_role("link", name="Read the published article").click()
    guest.wait_for_url(re.compile(r".*/en/news/herders-and-the-winter-dzud/$"))
    assert guest.locator("h1").inner_text() == "Herders and the winter dzud"
    assert guest.locator(".author-box__name").inner_text() == "Saruul Bat"
    guest.locator(".language-switcher a[hreflang=mn]").click()
    guest.wait_for_url(re.compile(r".*/mn/news/herders-and-the-winter-dzud/$"))
    assert guest.locator("h1").inner_text() == "Малчид ба өвлийн зуд"
    assert "Энэ өвөл хүйтэн байлаа." in guest.locator(".article__body").inner_text()
