"""Article feeds: RSS 2.0 and Atom in each reader language, for the whole site, a section, an
author and a topic; valid for a feed reader whatever the text, public stories only, bounded in
items and queries, and linked from the head of the pages they follow."""

import datetime

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from articles.factories import ArticleIndexPageFactory, ArticlePageFactory, TopicFactory
from articles.feeds import FEED_ITEMS
from articles.models import ArticleAuthor, ArticlePage, Topic
from articles.renditions import LEAD_IMAGE, make_article_renditions
from authors.factories import AuthorFactory
from authors.models import Author
from portal.tests.test_reading_speed import get_test_image_file

pytestmark = pytest.mark.django_db

FORMATS = ("rss", "atom")
LANGS = ("en", "mn")
# The subject's row, the view restrictions (twice for a section), the articles, their lead
# images' renditions, bylines, authors, topics, and the sections named as categories.
MAX_QUERIES = 9


def parse(client, address):
    response = client.get(address)
    assert response.status_code == 200, address
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, (address, feed.get("bozo_exception"))
    return feed


def entry_titled(feed, title):
    found = [entry for entry in feed.entries if entry.title == title]
    assert len(found) == 1, [entry.title for entry in feed.entries]
    return found[0]


def entry_language(feed, entry):
    """The language a reader is told an item is in: Atom's xml:lang, RSS's dc:language."""
    return entry.get("language") or entry.title_detail.language


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture(scope="class")
def desk(section, home_page):
    """A bilingual story by a staff writer and a guest, with a lead image and two topics; an
    English-only opinion piece; a protected story; a draft."""
    opinion = ArticleIndexPageFactory(
        parent=home_page, title_en="Opinion", title_mn="Үзэл бодол", slug="opinion"
    )
    staff = AuthorFactory(
        name_en="Tuya Bat", name_mn="Батын Туяа", slug="tuya-bat", kind=Author.Kind.STAFF
    )
    guest = AuthorFactory(name_en="Saruul Dorj", name_mn="Доржийн Саруул", slug="saruul-dorj")
    mining = TopicFactory(name_en="Mining", name_mn="Уул уурхай", slug="mining")
    energy = TopicFactory(name_en="Energy", name_mn="Эрчим хүч", slug="energy")
    image = get_image_model().objects.create(
        title="Mine", file=get_test_image_file(size=(1600, 900))
    )
    bilingual = ArticlePageFactory(
        parent=section,
        live=False,
        slug="copper-deal",
        title_en="Copper deal signed",
        title_mn="Зэсийн гэрээнд гарын үсэг зурлаа",
        summary_en="The government and the investor agree on new terms. " * 8,
        summary_mn="Засгийн газар хөрөнгө оруулагчтай шинэ нөхцөлөөр тохиролцов.",
        body_mn=[("paragraph", "<p>Бичвэр.</p>")],
        lead_image=image,
        published_at=timezone.make_aware(datetime.datetime(2020, 3, 1)),  # republished
    )
    ArticleAuthor.objects.create(page=bilingual, author=staff, sort_order=0)
    ArticleAuthor.objects.create(page=bilingual, author=guest, sort_order=1)
    bilingual.topics.add(mining, energy)
    publish(bilingual)
    english_only = ArticlePageFactory(
        parent=opinion,
        live=False,
        slug="why-rail-matters",
        title_en="Why rail matters",
        summary_en="An untranslated column.",
    )
    english_only.topics.add(mining)
    publish(english_only)
    protected = ArticlePageFactory(parent=section, live=False, title_en="Secret copper story")
    protected.topics.add(mining)
    ArticleAuthor.objects.create(page=protected, author=guest)
    publish(protected)
    PageViewRestriction.objects.create(
        page=protected, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    ArticlePageFactory(parent=section, live=False, title_en="Draft copper story")
    return {"bilingual": bilingual, "english_only": english_only, "guest": guest}


FEEDS = [
    "/{lang}/feeds/{format}/",
    "/{lang}/feeds/sections/news/{format}/",
    "/{lang}/feeds/authors/saruul-dorj/{format}/",
    "/{lang}/feeds/topics/mining/{format}/",
]


@pytest.mark.usefixtures("desk")
class TestWhatAReaderGets:
    @pytest.mark.parametrize("feed_format", FORMATS)
    @pytest.mark.parametrize("lang", LANGS)
    @pytest.mark.parametrize("address", FEEDS)
    def test_every_feed_is_valid_and_holds_only_public_stories(
        self, client, address, lang, feed_format
    ):
        feed = parse(client, address.format(lang=lang, format=feed_format))

        assert feed.version == {"rss": "rss20", "atom": "atom10"}[feed_format]
        assert feed.feed.language == lang
        titles = " ".join(entry.title for entry in feed.entries)
        assert "Copper deal signed" in titles or "Зэсийн гэрээнд" in titles
        assert "Secret copper story" not in titles
        assert "Draft copper story" not in titles

    @pytest.mark.parametrize("feed_format", FORMATS)
    def test_a_mongolian_reader_gets_mongolian_text_and_links(self, client, desk, feed_format):
        feed = parse(client, f"/mn/feeds/{feed_format}/")
        story = entry_titled(feed, "Зэсийн гэрээнд гарын үсэг зурлаа")
        bilingual = desk["bilingual"]

        assert feed.feed.title == "Шинэ нийтлэлүүд · Монголын мэдээний портал"
        assert feed.feed.link == "http://testserver/mn/"
        assert story.summary == "Засгийн газар хөрөнгө оруулагчтай шинэ нөхцөлөөр тохиролцов."
        assert entry_language(feed, story) == "mn"
        assert story.link == "http://testserver/mn/news/copper-deal/"
        assert [author.name for author in story.authors] == ["Батын Туяа", "Доржийн Саруул"]
        assert {tag.term for tag in story.tags} == {"Мэдээ", "Уул уурхай", "Эрчим хүч"}
        # The date it appeared here, not the original site's (2020): it is news to the feed.
        assert story.published_parsed[:6] == bilingual.first_published_at.utctimetuple()[:6]
        if feed_format == "atom":  # RSS has no such date
            assert story.updated_parsed[:6] == bilingual.last_published_at.utctimetuple()[:6]

    @pytest.mark.parametrize("feed_format", FORMATS)
    def test_an_untranslated_story_falls_back_and_says_its_language(self, client, feed_format):
        feed = parse(client, f"/mn/feeds/{feed_format}/")
        column = entry_titled(feed, "Why rail matters")

        assert column.summary == "An untranslated column."
        assert entry_language(feed, column) == "en"
        assert column.link == "http://testserver/mn/opinion/why-rail-matters/"  # the reader's side
        assert {tag.term for tag in column.tags} == {"Үзэл бодол", "Уул уурхай"}

    @pytest.mark.parametrize("feed_format", FORMATS)
    def test_an_english_reader_gets_the_full_summary_and_guest_byline(
        self, client, desk, feed_format
    ):
        feed = parse(client, f"/en/feeds/sections/news/{feed_format}/")
        story = entry_titled(feed, "Copper deal signed")

        assert feed.feed.title == "News · Mongolia News Portal"
        assert feed.feed.link == "http://testserver/en/news/"
        assert [entry.title for entry in feed.entries] == ["Copper deal signed"]
        assert story.summary == desk["bilingual"].summary_en.strip()  # all of it
        assert entry_language(feed, story) == "en"
        assert [author.name for author in story.authors] == ["Tuya Bat", "Saruul Dorj"]

    @pytest.mark.parametrize("feed_format", FORMATS)
    def test_the_lead_image_is_an_enclosure_made_at_publication(self, client, desk, feed_format):
        image = desk["bilingual"].lead_image
        rendition = image.get_rendition(LEAD_IMAGE.largest_fallback_spec)
        renditions = get_image_model().get_rendition_model().objects.count()

        feed = parse(client, f"/en/feeds/topics/mining/{feed_format}/")

        (enclosure,) = entry_titled(feed, "Copper deal signed").enclosures
        assert enclosure.href == f"http://testserver{rendition.url}"
        assert enclosure.type == "image/png"
        assert int(enclosure.length) == rendition.file.size > 0
        assert not entry_titled(feed, "Why rail matters").enclosures
        assert get_image_model().get_rendition_model().objects.count() == renditions

    @pytest.mark.parametrize("lang", LANGS)
    def test_each_subject_is_named_in_the_readers_language(self, client, lang):
        titles = {
            address: parse(client, address.format(lang=lang, format="atom")).feed.title
            for address in FEEDS
        }

        site = {"en": "Mongolia News Portal", "mn": "Монголын мэдээний портал"}[lang]
        assert list(titles.values()) == [
            {"en": f"Latest articles · {site}", "mn": f"Шинэ нийтлэлүүд · {site}"}[lang],
            {"en": f"News · {site}", "mn": f"Мэдээ · {site}"}[lang],
            {"en": f"Saruul Dorj · {site}", "mn": f"Доржийн Саруул · {site}"}[lang],
            {"en": f"Mining · {site}", "mn": f"Уул уурхай · {site}"}[lang],
        ]

    def test_a_feed_ignores_its_query_string(self, client):
        plain = client.get("/en/feeds/rss/").content
        assert client.get("/en/feeds/rss/?page=abc&utm_source=x").content == plain

    @pytest.mark.parametrize(
        "address",
        [
            "/en/feeds/sections/nowhere/rss/",
            "/en/feeds/authors/nobody/atom/",
            "/mn/feeds/topics/nothing/rss/",
            "/en/feeds/xml/",
            "/en/feeds/sections/news/json/",
            "/en/feeds/sections/why-rail-matters/rss/",  # an article is not a section
        ],
    )
    def test_an_unknown_feed_is_not_found(self, client, address):
        response = client.get(address)
        assert response.status_code == 404
        assert "<rss" not in response.content.decode()


def test_a_guest_with_nothing_public_has_no_feed(client, section):
    guest = AuthorFactory(slug="invited-guest")
    protected = publish(ArticlePageFactory(parent=section, live=False))
    ArticleAuthor.objects.create(page=protected, author=guest)
    PageViewRestriction.objects.create(page=protected, restriction_type=PageViewRestriction.LOGIN)
    staff = AuthorFactory(slug="new-staff", kind=Author.Kind.STAFF)

    assert client.get("/en/feeds/authors/invited-guest/rss/").status_code == 404
    assert parse(client, f"/en/feeds/authors/{staff.slug}/rss/").entries == []


def test_a_story_in_a_protected_section_stays_out_and_the_section_has_no_feed(
    client, home_page, section
):
    members = ArticleIndexPageFactory(parent=home_page, title_en="Members", slug="members")
    publish(ArticlePageFactory(parent=members, live=False, title_en="Members only story"))
    publish(ArticlePageFactory(parent=section, live=False, title_en="Open story"))
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)

    titles = [entry.title for entry in parse(client, "/en/feeds/atom/").entries]

    assert titles == ["Open story"]
    assert client.get("/en/feeds/sections/members/atom/").status_code == 404


@pytest.mark.parametrize("feed_format", FORMATS)
@pytest.mark.parametrize("lang", LANGS)
def test_hostile_text_cannot_break_a_feed(client, section, lang, feed_format):
    """Rows saved before control characters were refused, and markup typed as text."""
    author = AuthorFactory(slug="hostile", kind=Author.Kind.STAFF)
    topic = TopicFactory(slug="hostile")
    story = ArticlePageFactory(parent=section, live=False, slug="hostile-story")
    ArticleAuthor.objects.create(page=story, author=author)
    story.topics.add(topic)
    publish(story)
    control = "\x01\x08\x0b\x0c\x1b\x1f\ufffe"  # (PostgreSQL itself refuses NUL)
    Author.objects.filter(pk=author.pk).update(name_en=f"Bold{control} Writer")
    Topic.objects.filter(pk=topic.pk).update(name_en=f"Coal{control}")
    ArticlePage.objects.filter(pk=story.pk).update(
        title_en=f"Tea{control} & <b>biscuits</b>",
        title_mn=None,
        summary_en=f'A "quoted" <script>alert(1)</script>{control} summary & more',
    )

    for address in [
        f"/{lang}/feeds/{feed_format}/",
        f"/{lang}/feeds/authors/hostile/{feed_format}/",
        f"/{lang}/feeds/topics/hostile/{feed_format}/",
    ]:
        feed = parse(client, address)
        entry = feed.entries[0]
        assert entry.title in ("Tea & <b>biscuits</b>", "Tea & biscuits")
        # Shown as the text that was typed, never run as markup.
        assert "<script" not in entry.summary
        shown = BeautifulSoup(entry.summary, "html.parser").get_text()
        assert shown == 'A "quoted" <script>alert(1)</script> summary & more'
        assert [author.name for author in entry.authors] == ["Bold Writer"]
        assert "Coal" in {tag.term for tag in entry.tags}


def test_a_feed_holds_the_newest_stories_in_a_bounded_number_of_queries(
    client, section, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0  # the feeds are made afresh each time
    image = get_image_model().objects.create(
        title="Shared", file=get_test_image_file(size=(1300, 700))
    )
    author = AuthorFactory(slug="prolific")
    topic = TopicFactory(slug="busy")
    start = timezone.now() - datetime.timedelta(days=100)

    def write(count):
        for _ in range(count):
            write.n += 1
            story = ArticlePageFactory(
                parent=section,
                lead_image=image,
                title_en=f"Article {write.n}",
                title_mn=f"Нийтлэл {write.n}",
                first_published_at=start + datetime.timedelta(hours=write.n),
                last_published_at=start + datetime.timedelta(hours=write.n),
            )
            ArticleAuthor.objects.create(page=story, author=author)
            ArticleAuthor.objects.create(page=story, author=AuthorFactory())
            story.topics.add(topic, TopicFactory())
            story.save()
        make_article_renditions(story)  # the one shared image

    write.n = 0
    feeds = [
        f"/{lang}/feeds{path}{feed_format}/"
        for lang in LANGS
        for feed_format in FORMATS
        for path in ("/", "/sections/news/", "/authors/prolific/", "/topics/busy/")
    ]
    for size in (3, FEED_ITEMS + 10):
        write(size - write.n)
        for address in feeds:
            with django_assert_max_num_queries(MAX_QUERIES):
                feed = parse(client, address)
            assert len(feed.entries) == min(size, FEED_ITEMS), address
            assert all(len(entry.enclosures) == 1 for entry in feed.entries)
            newest = "Article" if "/en/" in address else "Нийтлэл"
            assert feed.entries[0].title.startswith(newest)
            assert feed.entries[0].title.endswith(str(write.n)), address


class TestFeedsAreFoundFromThePages:
    def links(self, client, address):
        response = client.get(address)
        assert response.status_code == 200, address
        page = BeautifulSoup(response.content, "html.parser")
        return [
            (link["type"], link["href"], link["title"])
            for link in page.select('head link[rel="alternate"][type$="+xml"]')
        ]

    def test_the_home_page_links_the_site_feeds_and_the_headline_lists(self, client, desk):
        assert self.links(client, "/mn/") == [
            (
                "application/rss+xml",
                "/mn/feeds/rss/",
                "Шинэ нийтлэлүүд · Монголын мэдээний портал (RSS)",
            ),
            (
                "application/atom+xml",
                "/mn/feeds/atom/",
                "Шинэ нийтлэлүүд · Монголын мэдээний портал (Atom)",
            ),
            ("application/rss+xml", "/mn/headlines/en/feed/", "Англи хэлээрх мэдээний тойм"),
            ("application/rss+xml", "/mn/headlines/mn/feed/", "Монгол хэлээрх мэдээний тойм"),
        ]

    @pytest.mark.parametrize(
        "page, feed, title",
        [
            ("/en/news/", "/en/feeds/sections/news/", "News · Mongolia News Portal"),
            (
                "/mn/authors/saruul-dorj/",
                "/mn/feeds/authors/saruul-dorj/",
                "Доржийн Саруул · Монголын мэдээний портал",
            ),
            ("/en/topics/mining/", "/en/feeds/topics/mining/", "Mining · Mongolia News Portal"),
        ],
    )
    def test_a_listing_links_its_own_feeds_then_the_sites(self, client, desk, page, feed, title):
        lang = page[1:3]
        site_title = parse(client, f"/{lang}/feeds/rss/").feed.title
        assert self.links(client, page) == [
            ("application/rss+xml", f"{feed}rss/", f"{title} (RSS)"),
            ("application/atom+xml", f"{feed}atom/", f"{title} (Atom)"),
            ("application/rss+xml", f"/{lang}/feeds/rss/", f"{site_title} (RSS)"),
            ("application/atom+xml", f"/{lang}/feeds/atom/", f"{site_title} (Atom)"),
        ]
        for _type, address, _title in self.links(client, page):
            parse(client, address)

    def test_the_headline_archive_keeps_its_lists_feed(self, client, desk):
        links = self.links(client, "/en/headlines/mn/")
        assert ("application/rss+xml", "/en/headlines/mn/feed/", "Headlines in Mongolian") in links
        assert (
            "application/atom+xml",
            "/en/feeds/atom/",
            "Latest articles · Mongolia News Portal (Atom)",
        ) in links


def test_a_lost_image_file_leaves_the_item_without_an_enclosure(client, section):
    from django.core.cache import cache

    image = get_image_model().objects.create(
        title="Lost", file=get_test_image_file(size=(1300, 700))
    )
    publish(ArticlePageFactory(parent=section, live=False, lead_image=image, title_en="Kept"))
    rendition = image.get_rendition(LEAD_IMAGE.largest_fallback_spec)
    rendition.file.storage.delete(rendition.file.name)  # a lost disk, an emptied bucket
    cache.clear()  # and no size remembered

    (entry,) = parse(client, "/en/feeds/atom/").entries

    assert entry.title == "Kept"
    assert not entry.enclosures
