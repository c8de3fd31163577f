"""The admin's paste-preview-confirm import, through the same pipeline as the command."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Site

from headlines.models import Headline, HeadlineListSettings, Source

from .seed_lines import SEED_LINES

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/headlines/import/"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def confirm_data(preview):
    """What the preview page's confirmation form posts, as a browser would send it."""
    form = soup(preview).select_one("form[action$='/import/']")
    return {field["name"]: field.get("value", "") for field in form.select("input[name]")}


def messages_shown(response) -> list[str]:
    """The admin's messages, without the "Go to the first error" button Wagtail adds."""
    shown = soup(response).select(".messages li")
    for message in shown:
        for button in message.select("button"):
            button.decompose()
    return [message.get_text(" ", strip=True) for message in shown]


def test_paste_preview_then_confirm(chief_client):
    pasted = "\n".join(SEED_LINES[:3] + ["NOT A HEADLINE AT ALL"] + SEED_LINES[10:12])

    preview = chief_client.post(IMPORT_URL, {"text": pasted, "publish": "on"})

    page = soup(preview)
    assert page.select_one(".import-summary").get_text(strip=True) == (
        "Dry run, nothing saved: 5 created, 0 updated, 0 duplicates skipped, 1 rejected."
    )
    rejected = [
        [cell.get_text(strip=True) for cell in row.select("td")]
        for row in page.select("table.import-rejected tbody tr")
    ]
    assert rejected[0][:2] == [
        "4",
        "The line does not follow the house format “headline SOURCE.DOMAIN PUBLISHED:YYYY/MM/DD”.",
    ]
    rows = page.select("table.import-rows tbody tr")
    assert len(rows) == 5
    assert rows[0].select("td")[1].get_text(strip=True) == (
        "D. DALAIJARGAL: URANIUM MINING PROJECT ADVANCES FAST WITH FRENCH FUNDING"
    )
    assert (Headline.objects.count(), Source.objects.count()) == (0, 0)  # nothing saved yet

    done = chief_client.post(IMPORT_URL, confirm_data(preview))

    assert "5 created, 0 updated, 0 duplicates skipped, 1 rejected." in done.content.decode()
    assert Headline.objects.filter(live=True).count() == 5
    assert set(Source.objects.values_list("domain", flat=True)) == {
        "www.mongolianminingjournal.com",
        "www.montsame.mn",
        "www.vaticannews.va",
        "www.news.mn",
    }

    again = chief_client.post(IMPORT_URL, confirm_data(preview), follow=True)

    # One preview, one import: the second confirmation finds nothing waiting.
    assert messages_shown(again) == [
        "There is no import waiting for this confirmation: it was imported already, "
        "or replaced by newer previews. Start again."
    ]
    assert Headline.objects.count() == 5


def test_uploaded_csv_keeps_its_bytes_through_the_preview(chief_client):
    data = (
        b"title,url,published,language\nGOOD,https://www.montsame.mn/a,2025-12-05,en\n"
        + b"BAD \xff,https://www.montsame.mn/b,2025-12-05,en\n"
    )

    preview = chief_client.post(IMPORT_URL, {"file": SimpleUploadedFile("day.csv", data)})
    chief_client.post(IMPORT_URL, confirm_data(preview))

    assert list(Headline.objects.values_list("title_en", "live")) == [("GOOD", False)]


def test_the_import_is_in_the_headlines_menu(chief_client):
    assert "Import headlines" in chief_client.get("/admin/").content.decode()


def test_nothing_to_import_is_a_form_error(chief_client):
    response = chief_client.post(IMPORT_URL, {"text": "   "})

    assert "Paste some lines or choose a file." in response.content.decode()
    assert Headline.objects.count() == 0


def test_a_broken_feed_is_refused_with_its_reason(chief_client):
    response = chief_client.post(
        IMPORT_URL,
        {"file": SimpleUploadedFile("feed.xml", b"<?xml version='1.0'?><rss><channel><item>")},
    )

    assert "The feed is not well-formed XML" in response.content.decode()
    assert Headline.objects.count() == 0


@pytest.mark.parametrize("import_id", ["not an id !!!", "6d2c0a4e-8a43-4c86-9b0f-8f3e1d7a2b11"])
def test_a_damaged_or_unknown_confirmation_saves_nothing(chief_client, import_id):
    response = chief_client.post(IMPORT_URL, {"import_id": import_id}, follow=True)

    assert response.redirect_chain == [(IMPORT_URL, 302)]
    assert messages_shown(response)[0].startswith("There is no import waiting")
    assert Headline.objects.count() == 0


def test_users_who_may_not_add_headlines_are_refused(client, make_headlines_staff):
    client.force_login(make_headlines_staff("reader", "change_headline"))

    shown = client.get(IMPORT_URL)
    posted = client.post(IMPORT_URL, {"text": SEED_LINES[0]})

    assert shown.status_code == 302 and posted.status_code == 302
    assert shown["Location"] == "/admin/"
    assert Headline.objects.count() == 0
    menu = client.get("/admin/").content.decode()
    assert "Import headlines" not in menu


def test_writers_without_publish_permission_import_drafts_only(client, make_headlines_staff):
    client.force_login(make_headlines_staff("writer", "add_headline", "change_headline"))

    form_page = client.get(IMPORT_URL)
    preview = client.post(IMPORT_URL, {"text": SEED_LINES[0], "publish": "on"})
    client.post(IMPORT_URL, {**confirm_data(preview), "publish": "True"})

    assert soup(form_page).select("input[name=publish]") == []
    assert list(Headline.objects.values_list("live", flat=True)) == [False]
    assert "Import headlines" in client.get("/admin/").content.decode()  # the policy's menu item


def test_an_imported_headline_shows_where_it_came_from_in_its_history(chief_client, importer):
    importer(SEED_LINES[0], publish=True, origin="morning-lists.txt")
    headline = Headline.objects.get()

    edit = chief_client.get(f"/admin/snippets/headlines/headline/edit/{headline.pk}/")
    history = chief_client.get(f"/admin/snippets/headlines/headline/history/{headline.pk}/")

    assert edit.status_code == 200
    assert "Imported and published from morning-lists.txt" in history.content.decode()


def test_the_site_setting_is_edited_in_the_admin(chief_client, home_page):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/headlines/headlinelistsettings/{site.pk}/"
    form = soup(chief_client.get(url))
    # A checkbox per list, from the language table.
    assert [box["value"] for box in form.select("input[name=lists_showing_translations]")] == [
        "en",
        "mn",
    ]

    response = chief_client.post(
        f"/admin/settings/headlines/headlinelistsettings/{site.pk}/",
        {"lists_showing_translations": ["en"]},
    )

    assert response.status_code == 302
    assert HeadlineListSettings.for_site(site).lists_showing_translations == ["en"]
