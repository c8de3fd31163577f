"""Corrections: editors add a dated note to a published article in the admin (nobody else
may), without a new revision or review; readers see it on the article, on the corrections
log and in its feed, in their language or marked as the other; the cached pages follow."""

import datetime

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction, Revision, WorkflowState

from articles.corrections import CORRECTIONS_PER_PAGE
from articles.factories import ArticlePageFactory
from articles.models import ArticlePage, Correction
from editorial.roles import EDITORS

pytestmark = pytest.mark.django_db

ADMIN = "/admin/snippets/articles/correction/"
LANGS = ("en", "mn")


def published(section, **fields):
    """A live article published through Wagtail (so it has a live revision), as editors do."""
    fields.setdefault("title_mn", "Монгол гарчиг")
    fields.setdefault("summary_mn", "Хураангуй.")
    fields.setdefault("body_mn", [("paragraph", "<p>Үндсэн текст.</p>")])
    article = ArticlePageFactory(parent=section, live=False, **fields)
    article.save_revision().publish()
    article.refresh_from_db()
    return article


def correct(article, on=datetime.date(2025, 12, 5), text_en="", text_mn="", **fields):
    return Correction.objects.create(
        article=article, corrected_on=on, text_en=text_en, text_mn=text_mn, **fields
    )


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def form(target, **overrides):
    data = {
        "article": str(target.pk),
        "corrected_on": "2025-12-05",
        "text_en": "An earlier version gave the wrong year.",
        "text_mn": "Өмнөх хувилбарт оныг буруу бичсэн байв.",
    }
    data.update(overrides)
    return data


# The admin: who may -----------------------------------------------------------------------


REFUSED = ("anonymous", "guest", "writer", "translator")
ALLOWED = ("editor", "superuser")


@pytest.mark.parametrize("role", REFUSED + ALLOWED)
def test_only_editors_and_superusers_add_a_correction(newsroom, client_as, role):
    article = published(newsroom)
    client = client_as(role)

    response = client.post(f"{ADMIN}add/", form(article))

    if role in ALLOWED:
        assert response.status_code == 302
        assert Correction.objects.get().text_en == "An earlier version gave the wrong year."
    else:
        assert response.status_code in (302, 403)
        assert not Correction.objects.exists()
        if response.status_code == 302:
            assert "/admin/login/" in response["Location"] or response["Location"] == "/admin/"


@pytest.mark.parametrize("role", REFUSED + ALLOWED)
def test_only_editors_and_superusers_change_or_delete_a_correction(newsroom, client_as, role):
    article = published(newsroom)
    correction = correct(article, text_en="Original note.")
    client = client_as(role)

    changed = client.post(f"{ADMIN}edit/{correction.pk}/", form(article, text_en="Changed."))
    listing = client.get(ADMIN)

    if role in ALLOWED:
        assert changed.status_code == 302
        assert Correction.objects.get().text_en == "Changed."
        assert listing.status_code == 200
        client.post(f"{ADMIN}delete/{correction.pk}/")
        assert not Correction.objects.exists()
    else:
        assert changed.status_code in (302, 403)
        assert listing.status_code in (302, 403)
        client.post(f"{ADMIN}delete/{correction.pk}/")
        assert list(Correction.objects.values_list("text_en", flat=True)) == ["Original note."]


def test_a_correction_neither_revises_nor_sends_the_article_to_review(newsroom, make_user):
    article = published(newsroom)
    before = (
        article.live_revision_id,
        article.last_published_at,
        Revision.page_revisions.filter(object_id=str(article.pk)).count(),
    )
    editor = Client()
    editor.force_login(make_user("editor", groups=[EDITORS]))

    assert editor.post(f"{ADMIN}add/", form(article)).status_code == 302

    article = ArticlePage.objects.get(pk=article.pk)
    assert (
        article.live_revision_id,
        article.last_published_at,
        Revision.page_revisions.filter(object_id=str(article.pk)).count(),
    ) == before
    assert article.live and not article.has_unpublished_changes
    assert not WorkflowState.objects.filter(object_id=str(article.pk)).exists()


@pytest.fixture
def editor_client(newsroom, make_user):
    client = Client()
    client.force_login(make_user("editor", groups=[EDITORS]))
    return client


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("text_en", "x" * 10_000, "Ensure this value has at most 1000 characters"),
        ("text_mn", "Мөр\r\nтасарсан.", "Remove the line breaks and invisible characters"),
        ("corrected_on", "2025-13-45", "Enter a valid date."),
        ("corrected_on", "9999-12-31", "A correction cannot be dated in the future."),
        ("article", "99999999", "Select a valid choice"),
        ("article", "abc", "Select a valid choice"),
        ("article", "99999999999999999999", "Select a valid choice"),
    ],
)
def test_hostile_input_gets_a_clear_message_and_saves_nothing(
    newsroom, editor_client, field, value, message
):
    article = published(newsroom)

    response = editor_client.post(f"{ADMIN}add/", form(article, **{field: value}))

    assert response.status_code == 200
    assert message in str(response.context["form"].errors)
    assert not Correction.objects.exists()


@pytest.mark.parametrize("field", ["text_en", "text_mn", "corrected_on", "article"])
def test_a_nul_character_anywhere_is_refused_with_the_bad_request_page(
    newsroom, editor_client, field
):
    article = published(newsroom)

    response = editor_client.post(f"{ADMIN}add/", form(article, **{field: "Wrong\x00year"}))

    assert response.status_code == 400
    assert "We could not accept this request" in response.content.decode()
    assert not Correction.objects.exists()


def test_a_correction_needs_text_in_one_language_and_a_published_article(newsroom, editor_client):
    live = published(newsroom)
    draft = ArticlePageFactory(parent=newsroom, live=False)

    empty = editor_client.post(f"{ADMIN}add/", form(live, text_en="  ", text_mn=""))
    unpublished = editor_client.post(f"{ADMIN}add/", form(draft))

    assert "Write the correction in at least one language." in str(empty.context["form"].errors)
    assert "Corrections are for published articles; this one is not." in str(
        unpublished.context["form"].errors
    )
    assert not Correction.objects.exists()


def test_the_admin_list_filters_by_article_and_offers_only_corrected_articles(
    newsroom, editor_client
):
    first = published(newsroom, title_en="Mining licence story")
    second = published(newsroom, title_en="Herders census story")
    published(newsroom, title_en="Never corrected")
    correct(first, text_en="Licence note.")
    correct(second, text_en="Census note.")

    page = soup(editor_client.get(ADMIN, {"article": first.pk}))

    rows = page.select("table.listing tbody tr")
    assert [row.select_one("td a").get_text(strip=True) for row in rows] == ["Licence note."]
    choices = {option.get_text(strip=True) for option in page.select("#id_article option")}
    assert choices == {"Any", "Mining licence story", "Herders census story"}


# Readers ------------------------------------------------------------------------------------


def test_the_article_shows_its_corrections_near_the_top_in_each_language(client, section):
    article = published(section)
    correct(article, on=datetime.date(2025, 12, 5), text_en="Wrong year.", text_mn="Он буруу.")
    correct(article, on=datetime.date(2025, 4, 2), text_en="Only in English.")

    for lang, heading, first_date, texts in (
        ("en", "Corrections", "2025-12-05", ["Wrong year.", "Only in English."]),
        ("mn", "Залруулга", "2025 оны 12 дугаар сарын 5", ["Он буруу.", "Only in English."]),
    ):
        page = soup(client.get(f"/{lang}{article.url_path.removeprefix('/home')}"))
        box = page.select_one("article .corrections")
        assert box.find_previous_sibling("header")  # before the lead image and the body
        assert box.select_one(".article__body") is None
        assert box.h2.get_text(strip=True) == heading
        items = box.select(".corrections__item")
        assert items[0].time.get_text() == first_date
        assert items[0].time["datetime"] == "2025-12-05"
        assert [item.span.get_text() for item in items] == texts
        assert items[1].span.get("lang") == ("en" if lang == "mn" else None)
        assert box.select_one(".corrections__all a")["href"] == f"/{lang}/corrections/"


def test_an_article_without_corrections_shows_no_box(client, section):
    article = published(section)

    page = soup(client.get(f"/en{article.url_path.removeprefix('/home')}"))

    assert page.select_one(".corrections") is None


def test_structured_data_corrections_follow_the_readers_language(section):
    from django.utils import translation

    article = published(section)
    correct(article, on=datetime.date(2025, 12, 5), text_en="Wrong year.", text_mn="Он буруу.")
    correct(article, on=datetime.date(2025, 4, 2), text_mn="Зөвхөн монголоор.")

    with translation.override("mn"):
        mongolian = article.corrections_for_structured_data()
    english = article.corrections_for_structured_data()

    assert mongolian == [
        {
            "@type": "CorrectionComment",
            "text": "Он буруу.",
            "inLanguage": "mn",
            "datePublished": "2025-12-05",
        },
        {
            "@type": "CorrectionComment",
            "text": "Зөвхөн монголоор.",
            "inLanguage": "mn",
            "datePublished": "2025-04-02",
        },
    ]
    assert [(c["text"], c["inLanguage"]) for c in english] == [
        ("Wrong year.", "en"),
        ("Зөвхөн монголоор.", "mn"),
    ]
    assert published(section).corrections_for_structured_data() == []


def test_the_log_lists_public_corrections_newest_first_each_linking_to_its_article(client, section):
    older = published(section, title_en="Older story", title_mn="Хуучин мэдээ")
    newer = published(section, title_en="Newer story", title_mn="")
    hidden = published(section, title_en="Private story")
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    gone = published(section, title_en="Withdrawn story")
    correct(older, on=datetime.date(2025, 3, 1), text_en="Old note.", text_mn="Хуучин тэмдэглэл.")
    newest = correct(newer, on=datetime.date(2025, 6, 1), text_en="New note.")
    correct(hidden, text_en="Secret note.")
    correct(gone, text_en="Withdrawn note.")
    gone.unpublish()

    english = soup(client.get("/en/corrections/"))
    mongolian = soup(client.get("/mn/corrections/"))

    items = english.select(".correction-log__item")
    assert [item.p.get_text(strip=True) for item in mongolian.select(".correction-log__item")] == [
        "2025 оны 6 дугаар сарын 1",
        "2025 оны 3 дугаар сарын 1",
    ]
    assert [item.select("p")[-1].get_text() for item in items] == ["New note.", "Old note."]
    newer_path = newer.url_path.removeprefix("/home")
    assert items[0].h2.a["href"] == f"/en{newer_path}#correction-{newest.pk}"
    mongolian_items = mongolian.select(".correction-log__item")
    assert mongolian_items[0].h2.a.get_text() == "Newer story"
    assert mongolian_items[0].h2.a["lang"] == "en"  # no Mongolian title: the English, marked
    assert mongolian_items[0].select("p")[-1]["lang"] == "en"
    assert mongolian_items[1].h2.a.get_text() == "Хуучин мэдээ"
    assert "Secret note." not in str(english) and "Withdrawn note." not in str(english)
    feed_link = english.select_one('head link[rel="alternate"][type="application/rss+xml"]')
    assert feed_link["href"] == "/en/corrections/feed/"


def test_the_log_pages_like_every_listing(client, section):
    article = published(section)
    for day in range(CORRECTIONS_PER_PAGE + 3):
        correct(
            article, on=datetime.date(2025, 1, 1) + datetime.timedelta(days=day), text_en=f"N{day}"
        )

    first = soup(client.get("/en/corrections/"))
    last = soup(client.get("/mn/corrections/?page=last"))

    assert len(first.select(".correction-log__item")) == CORRECTIONS_PER_PAGE
    assert "Page 1 of 2" in first.select_one(".pagination").get_text()
    assert [p.get_text() for p in last.select(".correction-log__item > p:last-child")] == [
        "N2",
        "N1",
        "N0",
    ]


def test_an_empty_log_says_so(client, section):
    assert "No corrections yet." in soup(client.get("/en/corrections/")).main.get_text()


def test_the_feed_is_valid_rss_in_the_readers_language(client, section):
    article = published(section, title_en="Dialogue story", title_mn="Яриа хэлэлцээ")
    first = correct(
        article, on=datetime.date(2025, 12, 5), text_en="Wrong year.", text_mn="Он буруу."
    )
    correct(article, on=datetime.date(2025, 12, 1), text_en="Only English.")
    # A row written past the form's checks must not break the feed.
    Correction.objects.filter(pk=first.pk).update(text_mn="Он\x0b буруу.")

    for lang in LANGS:
        response = client.get(f"/{lang}/corrections/feed/")
        feed = feedparser.parse(response.content)
        assert feed.bozo == 0, feed.get("bozo_exception")
        assert feed.feed.language == lang
        assert feed.feed.link.endswith(f"/{lang}/corrections/")
        assert len(feed.entries) == 2
        assert feed.entries[0].link.endswith(
            f"/{lang}{article.url_path.removeprefix('/home')}#correction-{first.pk}"
        )
        assert feed.entries[0].published == "Fri, 05 Dec 2025 00:00:00 +0800"
    mongolian = feedparser.parse(client.get("/mn/corrections/feed/").content)
    assert mongolian.entries[0].title == "Залруулга: Яриа хэлэлцээ"
    assert mongolian.entries[0].summary == "Он буруу."
    assert mongolian.entries[1].summary == "Only English."


# Costs ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 12])
def test_reading_costs_a_bounded_number_of_queries(
    client, section, settings, django_assert_max_num_queries, count
):
    settings.PAGE_CACHE_SECONDS = 0  # the page cache would answer with none at all
    articles = [published(section) for _ in range(count)]
    for article in articles:
        correct(article, text_en="A note.")
        correct(article, text_en="Another note.")
    address = f"/mn{articles[0].url_path.removeprefix('/home')}"
    for warm in (address, "/mn/corrections/", "/mn/corrections/feed/"):
        client.get(warm)

    with django_assert_max_num_queries(8):
        assert len(soup(client.get(address)).select(".corrections__item")) == 2
    with django_assert_max_num_queries(3):
        page = soup(client.get("/mn/corrections/"))
    assert len(page.select(".correction-log__item")) == min(2 * count, CORRECTIONS_PER_PAGE)
    with django_assert_max_num_queries(2):
        client.get("/mn/corrections/feed/")


def test_a_kept_article_reads_its_corrections_without_a_query(
    client, section, settings, django_assert_num_queries
):
    article = ArticlePage.objects.get(pk=published(section).pk)
    correct(article, text_en="A note.")
    article.published_corrections()

    with django_assert_num_queries(0):
        assert [c.text_en for c in article.published_corrections()] == ["A note."]


# The page cache -----------------------------------------------------------------------------


@pytest.fixture(scope="class")
def site(demo_site):
    """The demo site with the newsroom's groups."""
    call_command("setup_editorial", verbosity=0)
    return demo_site


@pytest.mark.django_db
class TestCorrectionsPurgeCachedPages:
    @pytest.fixture
    def prime(self, django_assert_num_queries):
        def prime_addresses(reader, *addresses):
            for address in addresses:
                reader.get(address)
                with django_assert_num_queries(0):
                    assert reader.get(address).status_code == 200

        return prime_addresses

    def addresses(self, article):
        path = article.url_path.removeprefix("/home")
        return [
            *[f"/{lang}{path}" for lang in LANGS],
            *[f"/{lang}/corrections/" for lang in LANGS],
            *[f"/{lang}/corrections/feed/" for lang in LANGS],
        ]

    def test_adding_changing_and_deleting_shows_on_the_next_anonymous_read(
        self, site, prime, committed, make_user
    ):
        article = ArticlePage.objects.live().first()
        reader = Client()
        editor = Client()
        editor.force_login(make_user("editor", groups=[EDITORS]))
        prime(reader, *self.addresses(article))

        with committed():
            editor.post(f"{ADMIN}add/", form(article, text_en="Added note.", text_mn="Нэмсэн."))
        for address in self.addresses(article):
            text = reader.get(address).content.decode()
            assert ("Нэмсэн." if "/mn/" in address else "Added note.") in text, address

        correction = Correction.objects.get()
        prime(reader, *self.addresses(article))
        with committed():
            editor.post(f"{ADMIN}edit/{correction.pk}/", form(article, text_en="Changed note."))
        english = [a for a in self.addresses(article) if a.startswith("/en/")]
        for address in english:
            assert "Changed note." in reader.get(address).content.decode(), address

        prime(reader, *self.addresses(article))
        with committed():
            editor.post(f"{ADMIN}delete/{correction.pk}/")
        assert not Correction.objects.exists()
        for address in self.addresses(article):
            assert "Changed note." not in reader.get(address).content.decode(), address

    def test_a_correction_moved_to_another_article_leaves_the_first(
        self, site, prime, committed, make_user
    ):
        first, second = ArticlePage.objects.live()[:2]
        correction = correct(first, text_en="Moving note.", on=timezone.localdate())
        reader = Client()
        prime(reader, *self.addresses(first))

        correction.article = second
        with committed():
            correction.save()

        for address in self.addresses(first)[:2]:
            assert "Moving note." not in reader.get(address).content.decode(), address
        assert "Moving note." in reader.get(self.addresses(second)[0]).content.decode()

    def test_unpublishing_a_corrected_article_takes_it_off_the_log(self, site, prime, committed):
        article = ArticlePage.objects.live().first()
        correct(article, text_en="Soon gone.")
        reader = Client()
        prime(reader, "/en/corrections/", "/mn/corrections/feed/")

        with committed():
            article.unpublish()

        assert "Soon gone." not in reader.get("/en/corrections/").content.decode()
        assert "Soon gone." not in reader.get("/mn/corrections/feed/").content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"article": "abc"},
        {"article": "99999999999999999999"},
        {"corrected_on_after": "2025-99-99"},
        {"q": "x" * 10_000},
        {"q": "Мөр\r\nтасарсан"},
    ],
)
def test_the_admin_list_survives_hostile_filters(newsroom, editor_client, query):
    correct(published(newsroom), text_en="A kept note.")

    response = editor_client.get(ADMIN, query)

    assert response.status_code == 200


def test_a_correction_reaches_the_articles_structured_data_at_once(section, client, settings):
    import json

    settings.PAGE_CACHE_SECONDS = 0  # the article's own cached fragments are under test
    article = published(section)
    address = f"/mn{article.url_path.removeprefix('/home')}"

    def news_article():
        for script in soup(client.get(address)).select('script[type="application/ld+json"]'):
            data = json.loads(script.string)
            if data.get("@type") == "NewsArticle":
                return data
        raise AssertionError("no NewsArticle")

    assert "correction" not in news_article()
    correct(article, on=datetime.date(2025, 12, 5), text_en="Wrong year.", text_mn="Он буруу.")
    assert news_article()["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "Он буруу.",
            "inLanguage": "mn",
            "datePublished": "2025-12-05",
        }
    ]
    assert "Он буруу." in soup(client.get(address)).select_one(".article").get_text()
