"""RSS 2.0 and Atom feeds of published articles, in the reader's language: the whole site, a
section, an author, a topic. One family: a `FeedSubject` says which articles a feed carries
and what it is called; `ArticleFeed` writes any subject in either format.

An item's text falls back to the other language when it is not translated, and says so: the
Atom entry carries `xml:lang`, the RSS item `dc:language`. Feeds hold the newest
`FEED_ITEMS` articles by first publication here, in a fixed number of queries.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from authors.models import Author
from bilingual.kept_responses import kept_response
from bilingual.languages import current_language, localized
from bilingual.plain_text import xml_text

from .listing_cache import ARTICLE_LISTINGS, ARTICLE_PARTS
from .models import ArticleIndexPage, ArticlePage, Topic
from .renditions import LEAD_IMAGE, existing_rendition, file_sizes, mime_type, prefetch_renditions

FEED_ITEMS = 30
# The lead image's largest rendition in a format every reader opens, made at publication.
ENCLOSURE_SPEC = LEAD_IMAGE.largest_fallback_spec
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"
FEED_FORMATS = ("rss", "atom")


# What a feed follows --------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedSubject:
    """The site, a section, an author or a topic, as its feeds name it in the reader's language."""

    kind: str  # "site", "section", "author", "topic": the feed's URL name is f"{kind}_feed"
    slug: str = ""
    name: str = ""
    page_url: str = ""  # the page listing the same articles
    articles: QuerySet | None = field(default=None, compare=False)
    thing: object = field(default=None, compare=False)  # the section, author or topic

    @property
    def title(self) -> str:
        label = self.name or _("Latest articles")
        return xml_text(f"{label} · {_('Mongolia News Portal')}")

    @property
    def description(self) -> str:
        descriptions = {
            "site": _("The newest articles from the Mongolia News Portal."),
            "section": _("The newest articles in %(name)s."),
            "author": _("The newest articles by %(name)s."),
            "topic": _("The newest articles on %(name)s."),
        }
        return xml_text(descriptions[self.kind] % {"name": self.name})

    def url(self, feed_format: str) -> str:
        kwargs = {"feed_format": feed_format}
        if self.slug:
            kwargs["slug"] = self.slug
        return reverse(f"{self.kind}_feed", kwargs=kwargs)


def site_subject() -> FeedSubject:
    return FeedSubject(
        "site",
        page_url=reverse("wagtail_serve", args=("",)),
        articles=ArticlePage.objects.all(),
    )


def section_subject(section: ArticleIndexPage) -> FeedSubject:
    return FeedSubject(
        "section",
        slug=section.slug,
        name=str(localized(section, "title")),
        page_url=section.get_url(),
        articles=ArticlePage.objects.child_of(section),
        thing=section,
    )


def author_subject(author: Author) -> FeedSubject:
    return FeedSubject(
        "author",
        slug=author.slug,
        name=str(localized(author, "name")),
        page_url=author.get_absolute_url(),
        articles=ArticlePage.objects.filter(article_authors__author=author),
        thing=author,
    )


def topic_subject(topic: Topic) -> FeedSubject:
    return FeedSubject(
        "topic",
        slug=topic.slug,
        name=str(localized(topic, "name")),
        page_url=reverse("topic_detail", kwargs={"slug": topic.slug}),
        articles=ArticlePage.objects.filter(topics=topic),
        thing=topic,
    )


def subject_of(thing) -> FeedSubject:
    """The feeds of what a page shows: a section page, an author, a topic, else the site."""
    if isinstance(thing, ArticleIndexPage):
        return section_subject(thing)
    if isinstance(thing, Author):
        return author_subject(thing)
    if isinstance(thing, Topic):
        return topic_subject(thing)
    return site_subject()


def find_subject(kind: str, slug: str | None) -> FeedSubject:
    """The subject a feed's address names; 404 for a slug nothing public answers to."""
    if kind == "site":
        return site_subject()
    if kind == "section":
        section = ArticleIndexPage.objects.live().public().filter(slug=slug).first()
        if section is None:
            raise Http404
        return section_subject(section)
    if kind == "author":
        return author_subject(get_object_or_404(Author, slug=slug))
    if kind == "topic":
        return topic_subject(get_object_or_404(Topic, slug=slug))
    raise Http404


# Its items ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedEntry:
    """One article as a feed item, every text ready to write."""

    pk: int
    language: str  # of its text: the reader's, or the one it fell back to
    title: str
    summary_html: str
    link: str
    published: datetime
    updated: datetime
    authors: list[tuple[str, str]]  # (name, absolute address of the author's page)
    categories: list[str]
    enclosure: Enclosure | None


def newest_articles(articles: QuerySet) -> list:
    """The newest live articles anyone may read, by first publication here (a republished
    story dated years back is still news to the feed), with everything an item shows."""
    return list(
        articles.live()
        .public()
        .filter(first_published_at__isnull=False)
        .select_related("lead_image")
        .prefetch_related(
            prefetch_renditions("lead_image", [ENCLOSURE_SPEC]), "article_authors__author", "topics"
        )
        .defer_streamfields()
        .order_by("-first_published_at", "-pk")[:FEED_ITEMS]
    )


def feed_entries(request, articles: list) -> list[FeedEntry]:
    sections = ArticleIndexPage.objects.filter(
        path__in={article.path[: -article.steplen] for article in articles}
    )
    section_names = {section.path: str(localized(section, "title")) for section in sections}
    images = {
        article.pk: existing_rendition(article.lead_image, ENCLOSURE_SPEC) for article in articles
    }
    sizes = file_sizes(images.values())
    entries = []
    for article in articles:
        title = localized(article, "title")
        # The summary in the title's language when it has one: one item, one language.
        summary = localized(article, "summary", title.language)
        bylines = [link.author for link in article.article_authors.all()]
        categories = [section_names.get(article.path[: -article.steplen], "")]
        categories += [str(localized(topic, "name")) for topic in article.topics.all()]
        image = images[article.pk]
        enclosure = None
        if image is not None and image.file.name in sizes:
            enclosure = Enclosure(
                request.build_absolute_uri(image.url), str(sizes[image.file.name]), mime_type(image)
            )
        entries.append(
            FeedEntry(
                pk=article.pk,
                language=title.language,
                title=xml_text(title),
                summary_html=escape(xml_text(summary)),
                link=article.get_url(request),
                published=article.first_published_at,
                updated=article.last_published_at or article.first_published_at,
                authors=[
                    (
                        xml_text(localized(author, "name")),
                        request.build_absolute_uri(author.get_absolute_url()),
                    )
                    for author in bylines
                ],
                categories=[xml_text(name) for name in categories if name],
                enclosure=enclosure,
            )
        )
    return entries


@dataclass(frozen=True)
class FeedContent:
    subject: FeedSubject
    language: str
    entries: list[FeedEntry]


# Writing them --------------------------------------------------------------------------------


class ArticleRssFeed(Rss201rev2Feed):
    """RSS 2.0, with every byline name (`dc:creator`) and the item's language (`dc:language`)."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DUBLIN_CORE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, _link in item["authors"]:
            handler.addQuickElement("dc:creator", name)
        handler.addQuickElement("dc:language", item["text_language"])


class ArticleAtomFeed(Atom1Feed):
    """Atom, with one `author` per byline and the entry's language as `xml:lang`."""

    def item_attributes(self, item):
        return {**super().item_attributes(item), "xml:lang": item["text_language"]}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, link in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.addQuickElement("uri", link)
            handler.endElement("author")


class ArticleFeed(Feed):
    """Any subject's articles, in the format of `feed_type`, in the reader's language."""

    def __init__(self, feed_type):
        super().__init__()
        self.feed_type = feed_type

    def get_object(self, request, kind, slug=None):
        subject = find_subject(kind, slug)
        entries = feed_entries(request, newest_articles(subject.articles))
        if kind == "author" and subject.thing.is_guest and not entries:
            raise Http404  # as the author's page: a guest is public once a piece is
        return FeedContent(subject, current_language(), entries)

    def title(self, obj):
        return obj.subject.title

    def link(self, obj):
        return obj.subject.page_url

    def description(self, obj):
        return obj.subject.description

    def author_name(self, obj):
        return _("Mongolia News Portal")  # Atom: the newsroom writes what has no byline

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = obj.language
        return feed

    def items(self, obj):
        return obj.entries

    def item_title(self, entry):
        return entry.title

    def item_description(self, entry):
        return entry.summary_html

    def item_link(self, entry):
        return entry.link

    def item_guid(self, entry):
        return f"urn:mongolia-news-portal:article:{entry.pk}:{current_language()}"

    item_guid_is_permalink = False

    def item_pubdate(self, entry):
        return entry.published

    def item_updateddate(self, entry):
        return entry.updated

    def item_categories(self, entry):
        return entry.categories

    def item_enclosures(self, entry):
        return [entry.enclosure] if entry.enclosure else []

    def item_extra_kwargs(self, entry):
        return {"authors": entry.authors, "text_language": entry.language}


FEEDS = {"rss": ArticleFeed(ArticleRssFeed), "atom": ArticleFeed(ArticleAtomFeed)}


def article_feed(request, feed_format: str, kind: str, slug: str | None = None):
    """`/<lang>/feeds/<format>/`, `/<lang>/feeds/<kind>s/<slug>/<format>/`: query strings
    are ignored, and so the page cache may keep every variant under the one path. The
    document is kept until an article is published, unpublished or moved (ARTICLE_LISTINGS)
    or an author, topic, image or section changes (ARTICLE_PARTS)."""
    versions = [ARTICLE_LISTINGS.current(), ARTICLE_PARTS.current()]
    key = ["article-feed", *versions, kind, slug or "", feed_format, current_language()]
    return kept_response(request, key, lambda: FEEDS[feed_format](request, kind, slug))
