"""Editing sources and headlines in the Wagtail admin: normalised domains, canonical links,
the source found from the link, the list's filters and search, bulk publish and unpublish."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from headlines.factories import HeadlineFactory, SourceFactory
from headlines.models import Headline, Source

pytestmark = pytest.mark.django_db

HEADLINES_URL = "/admin/snippets/headlines/headline/"
SOURCES_URL = "/admin/snippets/headlines/source/"


def headline_data(**overrides):
    data = {
        "title_en": "FUEL SUPPLY STRENGTHENED",
        "title_mn": "",
        "url": "https://WWW.MONTSAME.MN/en/read/7?utm_source=facebook&fbclid=IwAR&page=2#comments",
        "source": "",
        "published_on": "2025-12-04",
        "language": "en",
    }
    data.update(overrides)
    return data


def test_source_domain_is_stored_normalised_and_shown_upper_case(chief_client):
    response = chief_client.post(
        f"{SOURCES_URL}add/",
        {
            "name_en": "MONTSAME",
            "name_mn": "МОНЦАМЭ",
            "domain": "https://WWW.Montsame.mn/en/",
            "site_url": "https://www.montsame.mn/",
            "language": "en",
            "feed_url": "https://www.montsame.mn/rss",
            "active": "on",
        },
    )

    assert response.status_code == 302
    source = Source.objects.get()
    assert (source.domain, source.name_mn, source.feed_url) == (
        "www.montsame.mn",
        "МОНЦАМЭ",
        "https://www.montsame.mn/rss",
    )
    listing = BeautifulSoup(chief_client.get(SOURCES_URL).content, "html.parser")
    assert "WWW.MONTSAME.MN" in listing.select_one("table.listing tbody").get_text()


def test_a_second_source_for_the_same_site_is_refused(chief_client):
    SourceFactory(domain="www.montsame.mn")

    response = chief_client.post(
        f"{SOURCES_URL}add/",
        {
            "name_en": "Copy",
            "domain": "montsame.mn",
            "site_url": "https://montsame.mn/",
            "language": "en",
        },
    )

    assert (
        "This site is already a source: WWW.MONTSAME.MN."
        in response.context["form"].errors["domain"]
    )
    assert Source.objects.count() == 1


def test_a_feed_address_must_be_http(chief_client):
    response = chief_client.post(
        f"{SOURCES_URL}add/",
        {
            "name_en": "Eguur",
            "domain": "www.eguur.mn",
            "site_url": "https://www.eguur.mn/",
            "language": "mn",
            "feed_url": "file:///etc/passwd",
        },
    )

    assert response.context["form"].errors["feed_url"] == ["Enter a valid URL."]
    assert Source.objects.count() == 0


def test_headline_source_is_found_from_the_link_and_created_when_unknown(chief_client):
    response = chief_client.post(f"{HEADLINES_URL}add/", headline_data())

    assert response.status_code == 302
    headline = Headline.objects.get()
    assert headline.url == "https://www.montsame.mn/en/read/7?page=2"
    assert headline.source.domain == "www.montsame.mn"
    assert headline.source.site_url == "https://www.montsame.mn/"
    assert not headline.live  # saved as a draft, with a revision
    assert headline.revisions.count() == 1


def test_a_known_source_is_reused_even_without_www(chief_client):
    montsame = SourceFactory(domain="www.montsame.mn")

    chief_client.post(f"{HEADLINES_URL}add/", headline_data(url="https://montsame.mn/en/read/8"))

    assert Headline.objects.get().source == montsame
    assert Source.objects.count() == 1


def test_sources_are_found_by_domain_or_its_www_twin_in_one_query(django_assert_num_queries):
    montsame = SourceFactory(domain="www.montsame.mn")
    news = SourceFactory(domain="news.mn")

    with django_assert_num_queries(1):
        found = Source.objects.for_domains(
            ["montsame.mn", "www.montsame.mn", "www.news.mn", "www.unknown.mn"]
        )

    assert found == {"montsame.mn": montsame, "www.montsame.mn": montsame, "www.news.mn": news}
    assert Source.objects.for_domain("HTTPS://Montsame.mn/en/") == montsame


def test_a_site_link_on_the_www_less_twin_is_the_same_headline(chief_client):
    montsame = SourceFactory(domain="www.montsame.mn", site_url="https://www.montsame.mn/")
    HeadlineFactory(url="https://www.montsame.mn/", source=montsame, title_en="FUEL SUPPLY")

    response = chief_client.post(
        f"{HEADLINES_URL}add/",
        headline_data(
            url="https://montsame.mn/", title_en="FUEL  SUPPLY", published_on="2025-12-05"
        ),
    )

    assert response.context["form"].errors["url"] == [
        "This story is already a headline: “FUEL SUPPLY”."
    ]
    assert Headline.objects.count() == 1


def test_the_same_story_cannot_be_added_twice(chief_client):
    HeadlineFactory(url="https://www.montsame.mn/en/read/7?page=2", title_en="FIRST COPY")

    response = chief_client.post(f"{HEADLINES_URL}add/", headline_data())

    assert response.context["form"].errors["url"] == [
        "This story is already a headline: “FIRST COPY”."
    ]
    assert Headline.objects.count() == 1


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"url": "javascript:alert(1)"}, "url", "Enter a valid URL."),
        (
            {"url": "ftp://www.montsame.mn/f"},
            "url",
            "Enter a web address that starts with http:// or https://.",
        ),
        (
            {"published_on": "2999-01-01"},
            "published_on",
            "A headline cannot be dated in the future.",
        ),
        ({"title_en": ""}, "title_en", "Give the headline in its original language."),
        # The importer refuses HTML with the same words (headlines.validators); control and
        # invisible characters it tidies away (bilingual.plain_text).
        (
            {"title_en": "FUEL <b>SUPPLY</b>"},
            "title_en",
            "The headline contains HTML; give it as plain text.",
        ),
        (
            {"title_en": "FUEL\x07SUPPLY"},
            "title_en",
            "Remove the line breaks and invisible characters from this text (U+0007).",
        ),
    ],
)
def test_bad_headlines_are_refused(chief_client, overrides, field, message):
    response = chief_client.post(f"{HEADLINES_URL}add/", headline_data(**overrides))

    assert message in response.context["form"].errors[field]
    assert (Headline.objects.count(), Source.objects.count()) == (0, 0)


def test_control_characters_are_refused_in_headlines_and_sources():
    headline = HeadlineFactory.build(title_en="BAD\x0bTITLE", source=SourceFactory())
    source = SourceFactory.build(name_en="Name\x07")

    with pytest.raises(ValidationError) as headline_error:
        headline.full_clean()
    with pytest.raises(ValidationError) as source_error:
        source.full_clean()

    assert "title_en" in headline_error.value.message_dict
    assert "name_en" in source_error.value.message_dict


def test_publishing_with_a_pin_and_a_translation(chief_client):
    response = chief_client.post(
        f"{HEADLINES_URL}add/",
        headline_data(
            title_mn="ШАТАХУУНЫ НИЙЛҮҮЛЭЛТ", pinned="on", **{"action-publish": "publish"}
        ),
    )

    assert response.status_code == 302
    headline = Headline.objects.get()
    assert (headline.live, headline.pinned, headline.title_mn) == (
        True,
        True,
        "ШАТАХУУНЫ НИЙЛҮҮЛЭЛТ",
    )


def listing_titles(client, query=""):
    soup = BeautifulSoup(client.get(f"{HEADLINES_URL}?{query}").content, "html.parser")
    return sorted(
        cell.get_text(strip=True) for cell in soup.select("table.listing tbody .title-wrapper a")
    )


def test_the_listing_filters_and_searches(chief_client):
    montsame = SourceFactory(domain="www.montsame.mn")
    HeadlineFactory(
        title_en="ENGLISH LIVE", source=montsame, published_on=datetime.date(2025, 12, 5)
    )
    HeadlineFactory(title_en="ENGLISH DRAFT", live=False, published_on=datetime.date(2025, 12, 1))
    HeadlineFactory(
        title_mn="МОНГОЛ ГАРЧИГ",
        title_en="",
        language="mn",
        published_on=datetime.date(2025, 11, 20),
    )

    assert listing_titles(chief_client, "language=mn") == ["МОНГОЛ ГАРЧИГ"]
    assert listing_titles(chief_client, f"source={montsame.pk}") == ["ENGLISH LIVE"]
    assert listing_titles(chief_client, "live=false") == ["ENGLISH DRAFT"]
    assert listing_titles(
        chief_client, "published_on_from=2025-11-30&published_on_to=2025-12-31"
    ) == ["ENGLISH DRAFT", "ENGLISH LIVE"]
    assert listing_titles(chief_client, "q=draft") == ["ENGLISH DRAFT"]
    assert listing_titles(chief_client, "q=гарчиг") == ["МОНГОЛ ГАРЧИГ"]
    assert listing_titles(chief_client, "q=montsame") == ["ENGLISH LIVE"]


def test_bulk_publish_and_unpublish(chief_client):
    drafts = [HeadlineFactory(live=False), HeadlineFactory(live=False)]
    ids = "&".join(f"id={h.pk}" for h in drafts)
    url = "/admin/bulk/headlines/headline/{action}/?next=/admin/&" + ids

    confirm = chief_client.get(url.format(action="publish"))
    assert "Are you sure you want to publish these headlines?" in confirm.content.decode()
    chief_client.post(url.format(action="publish"))
    assert Headline.objects.filter(live=True).count() == 2
    assert all(h.revisions.count() == 1 for h in Headline.objects.all())

    confirm = chief_client.get(url.format(action="unpublish"))
    assert "Are you sure you want to unpublish these headlines?" in confirm.content.decode()
    assert "Yes, unpublish" in confirm.content.decode()
    chief_client.post(url.format(action="unpublish"))
    assert Headline.objects.filter(live=True).count() == 0


def test_bulk_publish_is_refused_without_the_publish_permission(client, make_headlines_staff):
    client.force_login(make_headlines_staff("writer", "add_headline", "change_headline"))
    drafts = [HeadlineFactory(live=False), HeadlineFactory(live=False)]
    url = "/admin/bulk/headlines/headline/publish/?next=/admin/&" + "&".join(
        f"id={h.pk}" for h in drafts
    )

    page = client.get(url).content.decode()
    client.post(url)

    assert "You do not have permission to publish these headlines" in page
    assert Headline.objects.filter(live=True).count() == 0


def test_bulk_delete(chief_client):
    keep, *gone = HeadlineFactory(), HeadlineFactory(), HeadlineFactory()
    ids = "&".join(f"id={h.pk}" for h in gone)

    chief_client.post(f"/admin/bulk/headlines/headline/delete/?next=/admin/&{ids}")

    assert list(Headline.objects.all()) == [keep]
