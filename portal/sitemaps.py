"""The sitemap: an index (/sitemap.xml) of sections, each paged under 50,000 addresses, and
a Google News sitemap per language (/sitemap-news-en.xml), listed in the index.

Every public address is listed once per language it exists in, with hreflang alternates
between them. Which languages a page exists in is worked out by the database from the
translated fields (`translated_fields` through `lacking_text`), so a page of the sitemap
reads its rows and never a body; each page of a section is one slice of one query.
"""

import datetime
from xml.sax.saxutils import escape

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import index, x_robots_tag
from django.contrib.sites.shortcuts import get_current_site
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import BooleanField, Case, Exists, Max, OuterRef, Q, Value, When
from django.http import Http404, HttpResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.timezone import localtime
from django.utils.translation import gettext
from wagtail.models import Page, Site, get_page_models

from articles.models import ArticlePage, Topic
from authors.models import Author
from bilingual.languages import language_codes
from bilingual.translated_content import TranslatedContent, lacking_text
from headlines.models import Headline, HeadlineListSettings

# Each item gives one address per language it exists in (two today), each with its
# alternates: 5,000 items make at most 10,000 addresses, far under the protocol's 50,000,
# and a page of them is read and written in well under a second.
ITEMS_PER_SITEMAP_PAGE = 5_000


class BilingualSitemap(Sitemap):
    """A section of the index: its items, paged in the database, each written once per
    language it exists in. Django's index view reads `paginator` and `get_latest_lastmod`;
    the section's pages are written by `sitemap_section`."""

    limit = ITEMS_PER_SITEMAP_PAGE

    @property
    def paginator(self):
        return Paginator(self.items(), self.limit)

    def get_languages_for_item(self, item):
        return language_codes()

    def get_latest_lastmod(self):
        return None

    def lastmod(self, item):
        return None

    def entries(self, number):
        """(address path per language, lastmod) of each item on page `number`."""
        prefixes = {}
        for code in language_codes():
            with translation.override(code):
                prefixes[code] = self.prefixes()
        for item in self.complete(self.paginator.page(number).object_list):
            paths = {
                code: self.location_with(prefixes[code], item)
                for code in self.get_languages_for_item(item)
            }
            yield paths, self.lastmod(item)

    def complete(self, items):
        """The page's items with what their entries need that is costly to read for rows
        the page skips over."""
        return items

    def prefixes(self) -> dict:
        """What `location_with` needs that depends on the language, reversed once a page."""
        return {}

    def location_with(self, prefixes, item) -> str:
        raise NotImplementedError


def _written_in(code: str) -> Case:
    """True where a page really exists in `code`: every translated field of its own type
    written, as the hreflang links in the page itself say."""
    whens = []
    for model in get_page_models():
        if issubclass(model, TranslatedContent) and not model._meta.abstract:
            lacking = lacking_text(
                model,
                model.translated_fields,
                [code],
                published=True,
                through=f"{model._meta.model_name}__",
            )
            whens.append(
                When(
                    content_type=ContentType.objects.get_for_model(model),
                    then=Case(When(lacking, then=Value(False)), default=Value(True)),
                )
            )
    return Case(*whens, default=Value(True), output_field=BooleanField())


def site_root() -> Page | None:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page if site else None


class PageSitemap(BilingualSitemap):
    """Every live public page of the site: home, sections, articles."""

    def pages(self):
        root = site_root()
        if root is None:
            return Page.objects.none()
        self.root_url_path = root.url_path
        return Page.objects.live().public().descendant_of(root, inclusive=True)

    def items(self):
        return self.pages().only("pk").order_by("path")

    def complete(self, pages):
        """The page's rows and their languages, for these rows alone: worked out in the
        paged query, the languages of every row before the page would be too."""
        return (
            Page.objects.filter(pk__in=[page.pk for page in pages])
            .only("url_path", "last_published_at")
            .annotate(**{f"written_in_{code}": _written_in(code) for code in language_codes()})
            .order_by("path")
        )

    def get_languages_for_item(self, page):
        return [code for code in language_codes() if getattr(page, f"written_in_{code}")]

    def prefixes(self):
        return {"site": reverse("wagtail_serve", args=[""])}

    def location_with(self, prefixes, page):
        return prefixes["site"] + page.url_path[len(self.root_url_path) :]

    def lastmod(self, page):
        return page.last_published_at

    def get_latest_lastmod(self):
        """For the index, from the database (Django's default reads every item)."""
        return self.pages().aggregate(latest=Max("last_published_at"))["latest"]


class AuthorSitemap(BilingualSitemap):
    """Public author pages: staff always, guests once a piece of theirs is out for everyone."""

    def items(self):
        public_pieces = (
            ArticlePage.objects.live().public().filter(article_authors__author=OuterRef("pk"))
        )
        return (
            Author.objects.filter(Q(kind=Author.Kind.STAFF) | Exists(public_pieces))
            .only("slug")
            .order_by("pk")
        )

    def prefixes(self):
        return {"authors": reverse("author_detail", kwargs={"slug": "-"})[:-2]}

    def location_with(self, prefixes, author):
        return f"{prefixes['authors']}{author.slug}/"


class TopicSitemap(BilingualSitemap):
    def items(self):
        return Topic.objects.only("slug").order_by("pk")

    def prefixes(self):
        return {"topics": reverse("topic_detail", kwargs={"slug": "-"})[:-2]}

    def location_with(self, prefixes, topic):
        return f"{prefixes['topics']}{topic.slug}/"


class HeadlineArchiveSitemap(BilingualSitemap):
    """Each list's archive, and its page of every day with headlines, newest first."""

    def items(self):
        site = Site.objects.filter(is_default_site=True).first()
        settings = HeadlineListSettings.for_site(site) if site else HeadlineListSettings()
        items = []
        for code in language_codes():
            shown = Headline.objects.for_list(
                code, with_translations=settings.shows_translations(code)
            )
            days = shown.order_by("-published_on").values_list("published_on", flat=True)
            items += [(code, None), *((code, day) for day in days.distinct())]
        return items

    def prefixes(self):
        return {
            code: reverse("headlines:archive", kwargs={"list_language": code})
            for code in language_codes()
        }

    def location_with(self, prefixes, item):
        code, day = item
        return prefixes[code] if day is None else f"{prefixes[code]}{day.isoformat()}/"


SITEMAPS = {
    "pages": PageSitemap,
    "authors": AuthorSitemap,
    "topics": TopicSitemap,
    "headlines": HeadlineArchiveSitemap,
}


# Google News reads articles of the last two days, at most 1,000 a sitemap.
NEWS_WINDOW = datetime.timedelta(hours=48)
NEWS_LIMIT = 1_000
NEWS_NAMESPACE = "http://www.google.com/schemas/sitemap-news/0.9"


class NewsSitemap(Sitemap):
    """The articles first published in the last 48 hours that exist in `code`, newest first:
    one query, whatever the number of articles (`first_published_at` is indexed)."""

    def __init__(self, code: str):
        self.code = code

    @property
    def paginator(self):
        return Paginator([None], 1)  # one document, whatever it holds

    def articles(self):
        root = site_root()
        if root is None:
            return ArticlePage.objects.none()
        self.root_url_path = root.url_path
        since = timezone.now() - NEWS_WINDOW
        return (
            ArticlePage.objects.live()
            .public()
            .descendant_of(root)
            .filter(first_published_at__gte=since)
            .exclude(
                lacking_text(
                    ArticlePage, ArticlePage.translated_fields, [self.code], published=True
                )
            )
            .order_by("-first_published_at", "-pk")
            .only("url_path", "first_published_at", f"title_{self.code}")
        )

    def get_latest_lastmod(self):
        return None

    def entries(self):
        """(address path, title, first publication) of each article, in this language."""
        with translation.override(self.code):
            prefix = reverse("wagtail_serve", args=[""])
        for article in self.articles()[:NEWS_LIMIT]:
            path = prefix + article.url_path[len(self.root_url_path) :]
            yield path, getattr(article, f"title_{self.code}"), article.first_published_at


def news_sitemaps() -> dict:
    return {f"news-{code}": NewsSitemap(code) for code in language_codes()}


@x_robots_tag
def news_sitemap(request, code):
    """A Google News sitemap: each recent article in `code` with its publication (the site's
    name in that language), its first publication time (W3C) and its title."""
    if code not in language_codes():
        raise Http404
    site = f"{request.scheme}://{get_current_site(request).domain}"
    with translation.override(code):
        publication = escape(gettext("Mongolia News Portal"))
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="{NEWS_NAMESPACE}">'
    ]
    for address, title, published in NewsSitemap(code).entries():
        lines.append(
            f"<url><loc>{escape(site + address, QUOTE)}</loc><news:news>"
            f"<news:publication><news:name>{publication}</news:name>"
            f"<news:language>{code}</news:language></news:publication>"
            f"<news:publication_date>{published.isoformat(timespec='seconds')}"
            "</news:publication_date>"
            f"<news:title>{escape(title)}</news:title></news:news></url>"
        )
    lines.append("</urlset>\n")
    return HttpResponse("\n".join(lines), content_type="application/xml")


def sitemap_index(request):
    """The index of every section's pages and of each language's news sitemap."""
    return index(request, sitemaps=SITEMAPS | news_sitemaps(), sitemap_url_name="sitemap_section")


@x_robots_tag
def sitemap_section(request, section):
    """One page of a section: every item once per language it exists in, with hreflang
    alternates and the x-default, written directly (Django's template takes seconds for
    20,000 addresses)."""
    if section not in SITEMAPS:
        raise Http404
    try:
        entries = list(SITEMAPS[section]().entries(request.GET.get("p", 1)))
    except (EmptyPage, PageNotAnInteger):
        raise Http404 from None
    site = f"{request.scheme}://{get_current_site(request).domain}"
    default = settings.LANGUAGE_CODE
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">'
    ]
    for paths, lastmod in entries:
        links = {code: escape(site + path, QUOTE) for code, path in paths.items()}
        alternates = "".join(
            f'<xhtml:link rel="alternate" hreflang="{code}" href="{link}"/>'
            for code, link in links.items()
        )
        if default in paths:
            x_default = paths[default].replace(f"/{default}/", "/", 1)
            alternates += (
                '<xhtml:link rel="alternate" hreflang="x-default" '
                f'href="{escape(site + x_default, QUOTE)}"/>'
            )
        modified = f"<lastmod>{localtime(lastmod).date().isoformat()}</lastmod>" if lastmod else ""
        lines += [f"<url><loc>{link}</loc>{modified}{alternates}</url>" for link in links.values()]
    lines.append("</urlset>\n")
    return HttpResponse("\n".join(lines), content_type="application/xml")


QUOTE = {'"': "&quot;"}

urlpatterns = [
    path("sitemap.xml", sitemap_index, name="sitemap"),
    # Before the sections' pattern, which the index reverses for "news-en" to this address.
    path("sitemap-news-<str:code>.xml", news_sitemap, name="news_sitemap"),
    path("sitemap-<section>.xml", sitemap_section, name="sitemap_section"),
]
