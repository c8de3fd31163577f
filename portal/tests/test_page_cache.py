"""The full-page cache: readers are served from it, staff actions purge what they change in
both languages, and nothing personal is ever stored or served.

Each test primes the cache with anonymous reads of /en/ and /mn/ pages, acts as staff do (the
Wagtail admin's views, a revision's publication as the workflow does it, an import), and
reads again as a reader. `assert_cached` proves a page really comes from the cache (no query),
so a test whose purge were missing would fail.
"""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from articles.models import ArticleIndexPage, ArticlePage, Topic
from authors.models import Author, ProfileChange
from headlines.factories import HeadlineFactory
from headlines.models import Headline, Source

ARTICLE = "/{lang}/analysis/mongolia-hosts-7th-ulaanbaatar-dialogue-on-northeast-asian-security/"
CENSUS = "/{lang}/news/herders-get-ready-for-the-national-livestock-census/"
LANGS = ("en", "mn")


def both(address: str) -> list[str]:
    return [address.format(lang=lang) for lang in LANGS]


def page_text(reader, address: str) -> str:
    response = reader.get(address)
    assert response.status_code == 200, address
    return response.content.decode()


@pytest.fixture
def reader():
    return Client()


@pytest.fixture
def prime(reader, django_assert_num_queries):
    """Reads each address twice as a reader: the second answer must come from the cache."""

    def prime_addresses(*addresses):
        for address in addresses:
            page_text(reader, address)
            with django_assert_num_queries(0):
                page_text(reader, address)

    return prime_addresses


@pytest.fixture
def staff(make_user):
    staff = Client()
    staff.force_login(make_user("chief", is_superuser=True))
    return staff


def article(slug_start="mongolia-hosts"):
    return ArticlePage.objects.get(slug__startswith=slug_start)


@pytest.mark.django_db
class TestReadersAreServedFromTheCache:
    def test_each_language_has_its_own_copy(self, demo_site, reader, prime):
        prime("/en/", "/mn/")
        assert 'lang="en"' in page_text(reader, "/en/")
        assert 'lang="mn"' in page_text(reader, "/mn/")

    def test_every_reading_page_is_cached(self, demo_site, prime):
        prime(
            *both("/{lang}/"),
            *both("/{lang}/news/"),
            *both("/{lang}/news/?page=last"),
            *both(ARTICLE),
            *both("/{lang}/authors/bolor-lkhaajav/"),
            *both("/{lang}/topics/security/"),
            *both("/{lang}/headlines/en/"),
            *both("/{lang}/headlines/mn/feed/"),
            *both("/{lang}/feeds/rss/"),
            *both("/{lang}/feeds/sections/news/atom/"),
            *both("/{lang}/feeds/authors/bolor-lkhaajav/rss/"),
            *both("/{lang}/feeds/topics/security/atom/"),
            "/sitemap.xml",
            "/sitemap-pages.xml",
            "/sitemap-authors.xml",
        )

    def test_public_pages_may_be_kept_briefly_by_a_cdn_and_are_revalidated_by_browsers(
        self, demo_site, reader, settings
    ):
        settings.PAGE_CACHE_SHARED_SECONDS = 45
        cache_control = reader.get("/mn/news/")["Cache-Control"]
        assert set(cache_control.split(", ")) == {"public", "max-age=0", "s-maxage=45"}
        # A query string is never named by a purge: a CDN must not keep it.
        assert "s-maxage=0" in reader.get("/mn/news/?page=last")["Cache-Control"]

    def test_zero_seconds_turns_the_cache_off(self, demo_site, reader, settings):
        settings.PAGE_CACHE_SECONDS = 0
        page_text(reader, "/en/news/")
        # No signal, no purge (the section's introduction is in no fragment cache either).
        ArticleIndexPage.objects.filter(slug="news").update(introduction_en="Breaking")
        assert "Breaking" in page_text(reader, "/en/news/")


@pytest.mark.django_db
class TestWhatAStoredPageIsServedTo:
    def test_readers_taking_gzip_and_readers_not_taking_it_each_get_their_own_copy(
        self, demo_site, reader, prime
    ):
        prime("/en/news/")
        plain = reader.get("/en/news/")
        packed = reader.get("/en/news/", HTTP_ACCEPT_ENCODING="gzip, deflate")
        packed_again = reader.get("/en/news/", HTTP_ACCEPT_ENCODING="br, gzip")

        assert "Content-Encoding" not in plain
        assert packed["Content-Encoding"] == packed_again["Content-Encoding"] == "gzip"
        assert packed_again.content == packed.content

    def test_a_page_varying_on_the_readers_language_is_served_only_for_that_language(
        self, demo_site, reader, django_assert_num_queries
    ):
        # /sitemap.xml has no language in its address: Django marks it Vary: Accept-Language.
        english = reader.get("/sitemap.xml", HTTP_ACCEPT_LANGUAGE="en")
        assert "Accept-Language" in english["Vary"]
        with django_assert_num_queries(0):
            reader.get("/sitemap.xml", HTTP_ACCEPT_LANGUAGE="en")

        with CaptureQueriesContext(connection) as made:
            mongolian = reader.get("/sitemap.xml", HTTP_ACCEPT_LANGUAGE="mn")
        # Not the English reader's copy: the sitemap was made again for this reader.
        assert mongolian.status_code == 200 and len(made) > 0
        with django_assert_num_queries(0):
            reader.get("/sitemap.xml", HTTP_ACCEPT_LANGUAGE="mn")

    def test_a_host_not_allowed_is_refused_with_the_400_page(self, demo_site, reader, prime):
        prime("/en/")  # a stored copy exists for the allowed host
        response = reader.get("/en/", HTTP_HOST="evil.example")
        assert response.status_code == 400
        assert "evil.example" not in response.content.decode()

    def test_head_is_answered_from_the_copy_a_get_stored(
        self, demo_site, reader, prime, django_assert_num_queries
    ):
        prime("/en/news/")
        with django_assert_num_queries(0):
            response = reader.head("/en/news/")
        assert response.status_code == 200

    def test_a_hit_is_one_round_trip_to_the_cache(self, demo_site, reader, prime, monkeypatch):
        from django.core.cache import cache

        prime("/en/news/")
        calls, depth = [], []

        def counted(name, original):
            def call(*args, **kwargs):
                if not depth:  # the local-memory cache's get_many calls its own get
                    calls.append(name)
                depth.append(name)
                try:
                    return original(*args, **kwargs)
                finally:
                    depth.pop()

            return call

        for name in ("get", "get_many", "set", "add", "incr"):
            monkeypatch.setattr(cache, name, counted(name, getattr(cache, name)))
        assert reader.get("/en/news/").status_code == 200
        assert calls == ["get_many"]


def related_titles(reader, address: str) -> str:
    from bs4 import BeautifulSoup

    block = BeautifulSoup(page_text(reader, address), "html.parser").select_one(".related")
    return block.get_text(" ", strip=True) if block else ""


@pytest.mark.django_db
class TestRelatedStoriesEverywhere:
    """Any story's "Related articles" may show another's card: what changes a card renews
    every stored page."""

    def test_an_unpublished_story_leaves_every_related_block(
        self, demo_site, reader, prime, committed
    ):
        prime(*both(CENSUS))
        assert "Ulaanbaatar Dialogue" in related_titles(reader, CENSUS.format(lang="en"))
        with committed():
            article().unpublish()
        for address in both(CENSUS):
            assert "Ulaanbaatar Dialogue" not in related_titles(reader, address), address

    def test_a_retitled_story_is_retitled_in_every_related_block(
        self, demo_site, reader, prime, committed, make_user
    ):
        prime(*both(CENSUS))
        page = article()
        page.title_en, page.title_mn = "Dialogue renamed", "Яриа шинэ нэртэй"
        with committed():
            page.save_revision(user=make_user("editor")).publish()
        assert "Dialogue renamed" in related_titles(reader, CENSUS.format(lang="en"))
        assert "Яриа шинэ нэртэй" in related_titles(reader, CENSUS.format(lang="mn"))

    def test_an_author_renamed_is_renamed_on_every_related_card(
        self, demo_site, reader, prime, committed
    ):
        prime(*both(CENSUS))
        author = Author.objects.get(slug="bolor-lkhaajav")
        author.name_en, author.name_mn = "Bolor L. Renamed", "Болор Шинэ"
        with committed():
            author.save()
        assert "Bolor L. Renamed" in related_titles(reader, CENSUS.format(lang="en"))
        assert "Болор Шинэ" in related_titles(reader, CENSUS.format(lang="mn"))


@pytest.mark.django_db
class TestPublishingPurges:
    def test_a_published_change_shows_on_every_page_listing_the_article(
        self, demo_site, reader, prime, committed, make_user
    ):
        listing = [*both(ARTICLE), *both("/{lang}/"), *both("/{lang}/analysis/")]
        listing += [*both("/{lang}/authors/bolor-lkhaajav/"), *both("/{lang}/topics/security/")]
        prime(*listing)
        page = article()
        page.title_en, page.title_mn = "Dialogue renamed", "Яриа шинэ нэртэй"
        with committed():
            page.save_revision(user=make_user("editor")).publish()  # as the workflow's last step
        for address in listing:
            text = page_text(reader, address)
            assert "Dialogue renamed" in text or "Яриа шинэ нэртэй" in text, address

    def test_a_changed_slug_frees_the_old_address(
        self, demo_site, reader, prime, committed, make_user
    ):
        prime(*both(ARTICLE))
        page = article()
        page.slug = "ulaanbaatar-dialogue"
        with committed():
            page.save_revision(user=make_user("editor")).publish()
        for lang in LANGS:
            # Not the cached page: a redirect Wagtail made, or nothing.
            assert reader.get(ARTICLE.format(lang=lang)).status_code in (301, 404)
            assert page_text(reader, f"/{lang}/analysis/ulaanbaatar-dialogue/")

    def test_unpublishing_in_the_admin(self, demo_site, reader, prime, staff, committed):
        prime(*both(ARTICLE), *both("/{lang}/"), *both("/{lang}/analysis/"))
        prime(*both("/{lang}/authors/bolor-lkhaajav/"), *both("/{lang}/topics/security/"))
        with committed():
            response = staff.post(f"/admin/pages/{article().pk}/unpublish/")
        assert response.status_code == 302
        for lang in LANGS:
            assert reader.get(ARTICLE.format(lang=lang)).status_code == 404
            for listing in ("/{lang}/", "/{lang}/analysis/", "/{lang}/topics/security/"):
                assert "mongolia-hosts" not in page_text(reader, listing.format(lang=lang))
            # The guest's only public piece is gone: so is their page.
            assert reader.get(f"/{lang}/authors/bolor-lkhaajav/").status_code == 404

    def test_deleting_in_the_admin(self, demo_site, reader, prime, staff, committed):
        prime(*both(CENSUS), *both("/{lang}/"), *both("/{lang}/news/"))
        with committed():
            response = staff.post(f"/admin/pages/{article('herders').pk}/delete/")
        assert response.status_code == 302
        assert not ArticlePage.objects.filter(slug__startswith="herders").exists()
        for lang in LANGS:
            assert reader.get(CENSUS.format(lang=lang)).status_code == 404
            assert "herders-get-ready" not in page_text(reader, f"/{lang}/")
            assert "herders-get-ready" not in page_text(reader, f"/{lang}/news/")

    def test_moving_in_the_admin(self, demo_site, reader, prime, staff, committed):
        prime(*both(CENSUS), *both("/{lang}/news/"), *both("/{lang}/opinion/"))
        opinion = demo_site.section("opinion")
        with committed():
            response = staff.post(
                f"/admin/pages/{article('herders').pk}/move/{opinion.pk}/confirm/"
            )
        assert response.status_code == 302
        assert article("herders").get_parent().pk == opinion.pk
        for lang in LANGS:
            assert reader.get(CENSUS.format(lang=lang)).status_code in (301, 404)
            assert "herders-get-ready" not in page_text(reader, f"/{lang}/news/")
            assert "herders-get-ready" in page_text(reader, f"/{lang}/opinion/")

    def test_a_section_renamed_shows_in_every_pages_navigation(
        self, demo_site, reader, prime, committed, make_user
    ):
        prime(*both(ARTICLE), *both("/{lang}/topics/security/"), *both("/{lang}/headlines/en/"))
        section = demo_site.section("news")
        section.title_en, section.title_mn = "Latest news", "Шинэ мэдээ"
        with committed():
            section.save_revision(user=make_user("editor")).publish()
        for address, name in [
            (ARTICLE.format(lang="en"), "Latest news"),
            (ARTICLE.format(lang="mn"), "Шинэ мэдээ"),
            ("/en/topics/security/", "Latest news"),
            ("/mn/headlines/en/", "Шинэ мэдээ"),
        ]:
            assert name in page_text(reader, address), address

    def test_scheduled_publication(self, demo_site, reader, prime, committed, make_user):
        import datetime

        from django.utils import timezone

        prime(*both("/{lang}/"), *both("/{lang}/news/"))
        page = article("herders")
        page.title_en, page.title_mn = "Census postponed", "Тооллого хойшлов"
        page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
        revision = page.save_revision(user=make_user("editor"))
        revision.publish()  # scheduled for later: nothing changes for readers yet
        assert "Census postponed" not in page_text(reader, "/en/news/")
        # The hour has passed:
        past = timezone.now() - datetime.timedelta(minutes=1)
        revision.content["go_live_at"] = past.isoformat()
        revision.approved_go_live_at = past
        revision.save(update_fields=["content", "approved_go_live_at"])
        with committed():
            call_command("publish_scheduled", verbosity=0)
        assert "Census postponed" in page_text(reader, "/en/news/")
        assert "Тооллого хойшлов" in page_text(reader, "/mn/")

    def test_a_page_made_private_is_no_longer_served_from_the_cache(
        self, demo_site, reader, prime, committed
    ):
        prime(*both(CENSUS))
        with committed():
            PageViewRestriction.objects.create(
                page=article("herders"), restriction_type="password", password="s3cret"
            )
        for lang in LANGS:
            text = page_text(reader, CENSUS.format(lang=lang))
            assert "Counting starts on Sunday" not in text
            assert 'name="password"' in text


@pytest.mark.django_db
class TestHeadlinesPurge:
    pages = [*both("/{lang}/"), *both("/{lang}/headlines/en/"), *both("/{lang}/headlines/en/feed/")]

    def test_a_headline_added_and_published_in_the_admin(
        self, demo_site, reader, prime, staff, committed
    ):
        prime(*self.pages, *both("/{lang}/headlines/en/2025-12-05/"))
        source = Source.objects.first()
        with committed():
            staff.post(
                "/admin/snippets/headlines/headline/add/",
                {
                    "title_en": "CASHMERE PRICES RISE",
                    "title_mn": "",
                    "url": "https://www.montsame.mn/en/read/999",
                    "source": source.pk,
                    "published_on": "2025-12-05",
                    "language": "en",
                    "action-publish": "action-publish",
                },
            )
        assert Headline.objects.get(title_en="CASHMERE PRICES RISE").live
        for address in [*self.pages, *both("/{lang}/headlines/en/2025-12-05/")]:
            assert "CASHMERE PRICES RISE" in page_text(reader, address), address

    def test_a_headline_deleted_in_the_admin(self, demo_site, reader, prime, staff, committed):
        headline = HeadlineFactory(title_en="SOON GONE", language="en", live=True)
        prime(*self.pages)
        with committed():
            staff.post(f"/admin/snippets/headlines/headline/delete/{headline.pk}/")
        assert not Headline.objects.filter(pk=headline.pk).exists()
        for address in self.pages:
            assert "SOON GONE" not in page_text(reader, address), address

    def test_an_import(self, demo_site, reader, prime, committed, tmp_path):
        prime(*self.pages)
        lines = tmp_path / "day.csv"
        lines.write_text(
            "title,url,published,language\nRAIL LINK OPENS,https://www.ikon.mn/n/77,2025-12-06,en\n"
        )
        with committed():
            call_command("import_headlines", str(lines), "--publish", verbosity=0)
        for address in self.pages:
            assert "RAIL LINK OPENS" in page_text(reader, address), address

    def test_a_source_renamed_in_the_admin(self, demo_site, reader, prime, staff, committed):
        source = Headline.objects.for_list("en").pinned_first().first().source  # on the home page
        prime(*self.pages)
        with committed():
            staff.post(
                f"/admin/snippets/headlines/source/edit/{source.pk}/",
                {
                    "name_en": source.name_en,
                    "name_mn": "",
                    "domain": "renamed.example.mn",
                    "site_url": "https://renamed.example.mn/",
                    "language": "en",
                    "feed_url": "",
                    "active": "on",
                },
            )
        assert Source.objects.get(pk=source.pk).domain == "renamed.example.mn"
        for address in self.pages:
            assert "renamed.example.mn" in page_text(reader, address).lower(), address

    def test_a_site_setting_changed_in_the_admin(self, demo_site, reader, prime, committed):
        from headlines.models import HeadlineListSettings

        prime(*self.pages)
        site_setting = HeadlineListSettings.for_site(demo_site.home.get_site())
        HeadlineFactory(title_en="", title_mn="ТОГТОЛЦОО", language="mn", live=True)
        Headline.objects.filter(title_mn="ТОГТОЛЦОО").update(title_en="SYSTEM")  # not purged
        site_setting.lists_showing_translations = ["en"]
        with committed():
            site_setting.save()
        for address in self.pages:
            assert "SYSTEM" in page_text(reader, address), address


@pytest.mark.django_db
class TestAuthorsAndTopicsPurge:
    def test_an_approved_profile_change(self, demo_site, reader, prime, committed):
        pages = [*both(ARTICLE), *both("/{lang}/authors/bolor-lkhaajav/"), *both("/{lang}/")]
        prime(*pages)
        guest = Author.objects.get(slug="bolor-lkhaajav")
        change = ProfileChange.propose(
            guest, {"credentials_en": "PhD, Tokyo", "credentials_mn": "Доктор, Токио"}
        )
        with committed():
            change.approve()
        for address in [*both(ARTICLE), *both("/{lang}/authors/bolor-lkhaajav/")]:
            text = page_text(reader, address)
            assert "PhD, Tokyo" in text or "Доктор, Токио" in text, address

    def test_an_author_renamed(self, demo_site, reader, prime, committed):
        pages = [
            *both(CENSUS),
            *both("/{lang}/news/"),
            *both("/{lang}/"),
            *both("/{lang}/authors/newsroom/"),
        ]
        prime(*pages)
        author = Author.objects.get(slug="newsroom")
        author.name_en, author.name_mn = "City desk", "Хотын алба"
        with committed():
            author.save()
        for address in pages:
            text = page_text(reader, address)
            assert "City desk" in text or "Хотын алба" in text, address

    def test_a_topic_renamed_in_the_admin(self, demo_site, reader, prime, staff, committed):
        pages = [*both(ARTICLE), *both("/{lang}/topics/security/")]
        prime(*pages)
        topic = Topic.objects.get(slug="security")
        with committed():
            staff.post(
                f"/admin/snippets/articles/topic/edit/{topic.pk}/",
                {"name_en": "Defence", "name_mn": "Батлан хамгаалах", "slug": "security"},
            )
        assert Topic.objects.get(pk=topic.pk).name_en == "Defence"
        for address in pages:
            text = page_text(reader, address)
            assert "Defence" in text or "Батлан хамгаалах" in text, address

    def test_a_topic_given_a_new_address_is_listed_there_by_the_sitemap(
        self, demo_site, reader, prime, committed
    ):
        prime("/sitemap.xml", "/sitemap-topics.xml")
        topic = Topic.objects.get(slug="security")
        topic.slug = "defence"
        with committed():
            topic.save()
        sitemap = page_text(reader, "/sitemap-topics.xml")
        assert "/en/topics/defence/" in sitemap and "/mn/topics/defence/" in sitemap
        assert "/topics/security/" not in sitemap


@pytest.mark.django_db
class TestNothingPersonal:
    def test_staff_pages_are_never_stored_nor_served_from_the_cache(self, demo_site, reader, staff):
        page_text(staff, "/en/news/")  # a logged-in editor's answer is not stored
        ArticleIndexPage.objects.filter(slug="news").update(introduction_en="Fresh words")
        assert "Fresh words" in page_text(reader, "/en/news/")
        ArticleIndexPage.objects.filter(slug="news").update(introduction_en="Newer words")
        # The reader's copy is now cached, but the editor always gets the page made afresh.
        assert "Newer words" in page_text(staff, "/en/news/")
        assert "private" in staff.get("/en/news/")["Cache-Control"]

    def test_a_guest_dashboard_is_never_stored(self, demo_site, make_guest):
        guest = make_guest("saruul@uni.example", name_en="Saruul")
        visitor = Client()
        visitor.force_login(guest.user)
        assert "Saruul" in page_text(visitor, "/en/contribute/")
        # Logged out, the same address asks for a login: nothing of the guest's was kept.
        assert Client().get("/en/contribute/").status_code == 302

    def test_a_form_with_a_csrf_token_is_never_stored(self, demo_site, reader):
        first = page_text(reader, "/en/contribute/login/")
        second = page_text(reader, "/en/contribute/login/")
        assert 'name="csrfmiddlewaretoken"' in first
        assert first != second  # each answer masks the token afresh: made every time

    def test_a_password_form_with_a_csrf_cookie_already_set_is_never_stored(
        self, demo_site, reader
    ):
        PageViewRestriction.objects.create(
            page=article("herders"), restriction_type="password", password="s3cret"
        )
        reader.get("/en/contribute/login/")  # the reader now holds a CSRF cookie
        first = page_text(reader, CENSUS.format(lang="en"))
        assert 'name="password"' in first
        assert page_text(reader, CENSUS.format(lang="en")) != first

    def test_search_is_never_stored(self, demo_site, reader):
        assert "Census" not in page_text(reader, "/en/search/?q=census+postponed")
        page_text(reader, "/en/search/?q=census")
        article = ArticlePage.objects.get(slug__startswith="herders")
        article.title_en = "Census postponed"
        article.save_revision().publish()
        found = BeautifulSoup(page_text(reader, "/en/search/?q=census"), "html.parser")
        assert "Census postponed" in found.select_one("main").get_text()

    def test_the_language_redirect_is_never_stored(self, demo_site, reader):
        assert reader.get("/", HTTP_ACCEPT_LANGUAGE="mn").headers["Location"] == "/mn/"
        assert reader.get("/", HTTP_ACCEPT_LANGUAGE="en").headers["Location"] == "/en/"

    def test_a_missing_page_is_not_stored(self, demo_site, reader, committed, make_user):
        assert reader.get("/en/news/not-yet/").status_code == 404
        page = article("herders")
        page.slug = "not-yet"
        with committed():
            page.save_revision(user=make_user("editor")).publish()
        assert reader.get("/en/news/not-yet/").status_code == 200


def feed_titles(reader, address: str) -> list[str]:
    import feedparser

    feed = feedparser.parse(page_text(reader, address))
    assert feed.bozo == 0, address
    return [entry.title for entry in feed.entries]


def feed_text(reader, address: str) -> str:
    """What a feed reader shows of a feed: titles, bylines and categories."""
    import feedparser

    feed = feedparser.parse(page_text(reader, address))
    return " ".join(
        " ".join([entry.title, *(a.name for a in entry.authors), *(t.term for t in entry.tags)])
        for entry in feed.entries
    )


@pytest.mark.django_db
class TestArticleFeedsPurge:
    site_feeds = [*both("/{lang}/feeds/rss/"), *both("/{lang}/feeds/atom/")]

    def test_a_new_article_shows_in_the_site_and_section_feeds(
        self, demo_site, reader, prime, committed
    ):
        from articles.factories import ArticlePageFactory

        feeds = [*self.site_feeds, *both("/{lang}/feeds/sections/news/rss/")]
        feeds += both("/{lang}/feeds/sections/news/atom/")
        prime(*feeds)
        story = ArticlePageFactory(
            parent=demo_site.section("news"),
            live=False,
            title_en="Rail link opens",
            title_mn="Төмөр зам нээгдлээ",
            summary_mn="Товч.",
        )
        with committed():
            story.save_revision().publish()
        for address in feeds:
            newest = feed_titles(reader, address)[0]
            assert newest == ("Төмөр зам нээгдлээ" if "/mn/" in address else "Rail link opens")

    def test_unpublishing_in_the_admin(self, demo_site, reader, prime, staff, committed):
        feeds = [*self.site_feeds, *both("/{lang}/feeds/sections/analysis/rss/")]
        feeds += both("/{lang}/feeds/topics/security/atom/")
        prime(*feeds, *both("/{lang}/feeds/authors/bolor-lkhaajav/atom/"))
        with committed():
            staff.post(f"/admin/pages/{article().pk}/unpublish/")
        for address in feeds:
            assert "Ulaanbaatar" not in " ".join(feed_titles(reader, address)), address
        for lang in LANGS:
            # The guest's only public piece is gone: so is their feed.
            assert reader.get(f"/{lang}/feeds/authors/bolor-lkhaajav/atom/").status_code == 404

    def test_moving_and_deleting_in_the_admin(self, demo_site, reader, prime, staff, committed):
        news, opinion = (
            both("/{lang}/feeds/sections/news/rss/"),
            both("/{lang}/feeds/sections/opinion/rss/"),
        )
        prime(*news, *opinion, *self.site_feeds)
        herders = article("herders")
        titles = {herders.title_en, herders.title_mn}
        with committed():
            staff.post(f"/admin/pages/{herders.pk}/move/{demo_site.section('opinion').pk}/confirm/")
        for address in news:
            assert not titles & set(feed_titles(reader, address)), address
        for address in opinion:
            assert titles & set(feed_titles(reader, address)), address
        with committed():
            staff.post(f"/admin/pages/{herders.pk}/delete/")
        for address in [*opinion, *self.site_feeds]:
            assert not titles & set(feed_titles(reader, address)), address

    def test_an_author_renamed(self, demo_site, reader, prime, committed):
        feeds = [*self.site_feeds, *both("/{lang}/feeds/sections/news/atom/")]
        feeds += both("/{lang}/feeds/authors/newsroom/rss/")
        prime(*feeds)
        author = Author.objects.get(slug="newsroom")
        author.name_en, author.name_mn = "City desk", "Хотын алба"
        with committed():
            author.save()
        for address in feeds:
            text = feed_text(reader, address)
            assert "City desk" in text or "Хотын алба" in text, address

    def test_a_byline_changed(self, demo_site, reader, prime, committed, make_user):
        import feedparser

        from articles.models import ArticleAuthor

        feeds = [*self.site_feeds, *both("/{lang}/feeds/authors/newsroom/atom/")]
        feeds += both("/{lang}/feeds/sections/analysis/rss/")
        prime(*feeds)
        page = article()
        page.article_authors.add(ArticleAuthor(author=Author.objects.get(slug="newsroom")))
        with committed():
            page.save_revision(user=make_user("editor")).publish()
        for address in feeds:
            entries = feedparser.parse(page_text(reader, address)).entries
            (dialogue,) = [e for e in entries if "laanbaatar" in e.title or "лаанбаатар" in e.title]
            assert len(dialogue.authors) == 2, address

    def test_a_topic_renamed_in_the_admin(self, demo_site, reader, prime, staff, committed):
        feeds = [*self.site_feeds, *both("/{lang}/feeds/sections/analysis/atom/")]
        feeds += both("/{lang}/feeds/topics/security/rss/")
        feeds += both("/{lang}/feeds/topics/foreign-policy/rss/")  # shares the article
        feeds += both("/{lang}/feeds/authors/bolor-lkhaajav/atom/")
        prime(*feeds)
        topic = Topic.objects.get(slug="security")
        with committed():
            staff.post(
                f"/admin/snippets/articles/topic/edit/{topic.pk}/",
                {"name_en": "Defence", "name_mn": "Батлан хамгаалах", "slug": "security"},
            )
        for address in feeds:
            text = feed_text(reader, address)
            assert "Defence" in text or "Батлан хамгаалах" in text, address
