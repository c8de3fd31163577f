"""Which pages show a thing, and purging them (both languages) when the thing changes.

Read from the templates: every page shows the section navigation; the home page shows the
lead and latest article cards (title, summary, byline names) and one headline list per
language; a section lists its articles' cards; an article shows its author boxes, topic
names, corrections and related stories' cards (those sharing its topics or section); author
and topic pages list their articles' cards; the headline archive, its dated pages and the
feeds show headlines and their sources' domains; the corrections log and its feed list
corrections with their articles' titles; the sitemaps list the pages (the news sitemaps, the
articles of the last two days: purged with the index, see `page_cache.purge_group`); every
page shows the breaking-news bar.
The article feeds (articles/feeds.py: the site's, and each section's, author's and topic's,
RSS and Atom) show their articles' titles, summaries, bylines, section and topic names: they
are purged with the page that lists the same articles.

Purges are sent once the transaction commits (before that, a reader could still read the old
rows and store them again), through Wagtail's frontend cache (`purge_urls_from_cache`), so a
configured CDN is purged with the same addresses as the local page cache. Paths are computed
when the signal arrives, while a deleted or moved page is still where readers found it.
"""

from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from articles.feeds import FEED_FORMATS
from articles.models import ArticleAuthor, ArticleIndexPage, ArticlePage, Correction, Topic
from articles.related import neighbours
from authors.models import Author
from bilingual.languages import site_languages
from breaking_news.bulletin import bulletin_changed
from headlines.models import Headline, Source
from headlines.signals import headlines_imported

from . import page_cache

LOCAL_BACKEND = "local"


def reader_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


# Addresses -----------------------------------------------------------------------------------


def page_paths(page) -> set[str]:
    """A page's address in each language (works for a page object holding only `url_path`)."""
    paths = set()
    for code in reader_languages():
        with translation.override(code):
            url = page.get_url()
        if url:
            paths.add(urlsplit(url).path)
    return paths


def url_path_paths(url_path: str) -> set[str]:
    return page_paths(Page(url_path=url_path))


def named_paths(name: str, **kwargs) -> set[str]:
    paths = set()
    for code in reader_languages():
        with translation.override(code):
            try:
                paths.add(reverse(name, kwargs=kwargs))
            except NoReverseMatch:
                pass
    return paths


def home_paths() -> set[str]:
    paths = set()
    for code in reader_languages():
        with translation.override(code):
            paths.add(reverse("wagtail_serve", args=("",)))
    return paths


def feed_paths(kind: str, slug: str = "") -> set[str]:
    """An article feed (`kind`: site, section, author, topic) in every format and language."""
    paths = set()
    for feed_format in FEED_FORMATS:
        kwargs = {"feed_format": feed_format, **({"slug": slug} if slug else {})}
        paths |= named_paths(f"{kind}_feed", **kwargs)
    return paths


def site_feed_paths() -> set[str]:
    return feed_paths("site")


def section_paths(url_path: str) -> set[str]:
    """A section page (by its `url_path`) and its feeds."""
    slug = url_path.rstrip("/").rsplit("/", 1)[-1]
    return url_path_paths(url_path) | feed_paths("section", slug)


def parent_url_path(url_path: str) -> str:
    return url_path.rstrip("/").rsplit("/", 1)[0] + "/"


def author_page_paths(*slugs) -> set[str]:
    """The author pages and their feeds, and the sitemap that lists the pages."""
    paths = set()
    for slug in filter(None, slugs):
        paths |= named_paths("author_detail", slug=slug) | feed_paths("author", slug)
    return paths | {page_cache.SITEMAP_GROUP} if paths else paths


def topic_page_paths(*slugs) -> set[str]:
    """The topic pages and their feeds, and the sitemap that lists the pages."""
    paths = set()
    for slug in filter(None, slugs):
        paths |= named_paths("topic_detail", slug=slug) | feed_paths("topic", slug)
    return paths | {page_cache.SITEMAP_GROUP} if paths else paths


def headline_paths() -> set[str]:
    """Where headlines and sources show: the home page, every list's archive (with its dated
    pages, see page_cache.purge_group) and feed."""
    paths = home_paths()
    for language in site_languages():
        paths |= named_paths("headlines:archive", list_language=language.code)
        paths |= named_paths("headlines:feed", list_language=language.code)
    return paths


def corrections_log_paths() -> set[str]:
    """The corrections log (every page of it) and its feed, in each language."""
    return named_paths("corrections") | named_paths("corrections_feed")


def articles_paths(articles) -> set[str]:
    """Each live article's page, the sections and the topic and author pages listing their
    cards, the home page, and the feeds of all these: everything showing their cards or bylines."""
    rows = list(articles.live().values_list("pk", "url_path"))
    if not rows:
        return set()
    paths = home_paths() | article_feed_paths(rows)
    for _pk, url_path in rows:
        paths |= url_path_paths(url_path)
    return paths


def article_feed_paths(rows) -> set[str]:
    """For articles given as `(pk, url_path)` rows: the site's feeds, and the sections', the
    authors' and the topics' pages and feeds that carry them."""
    pks = [pk for pk, _url_path in rows]
    paths = site_feed_paths()
    for url_path in {parent_url_path(url_path) for _pk, url_path in rows}:
        paths |= section_paths(url_path)
    paths |= author_page_paths(
        *Author.objects.filter(article_bylines__page__in=pks).values_list("slug", flat=True)
    )
    paths |= topic_page_paths(
        *Topic.objects.filter(articlepage__in=pks).values_list("slug", flat=True)
    )
    return paths


def related_paths(article, topic_ids=None) -> set[str]:
    """The stories whose "Related articles" may show this one (see articles.related)."""
    paths = set()
    for url_path in neighbours(article, topic_ids):
        paths |= url_path_paths(url_path)
    return paths


def page_context_paths(page) -> set[str]:
    """A page, and the pages that list it or link to it, for the page types that have them."""
    paths = page_paths(page) | {page_cache.SITEMAP_GROUP}
    if isinstance(page, ArticlePage):
        paths |= home_paths() | article_feed_paths([(page.pk, page.url_path)])
        paths |= related_paths(page)
        if Correction.objects.filter(article=page.pk).exists():
            paths |= corrections_log_paths()  # it lists the article's title and address
    return paths


def shows_everywhere(page) -> bool:
    """Sections are in every page's navigation; any other page type but articles and the
    home page is unknown here, so purging everything is the safe answer."""
    return not isinstance(page.specific_deferred, ArticlePage | page_home_model())


def page_home_model():
    return apps.get_model("portal", "HomePage")


# Sending ---------------------------------------------------------------------------------------


def site_root_url() -> str:
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return site.root_url if site else "http://localhost"


def cdn_backends() -> list[str]:
    return [name for name in getattr(settings, "WAGTAILFRONTENDCACHE", {}) if name != LOCAL_BACKEND]


def purge(paths) -> None:
    """Purge these paths, every cache, once the transaction commits."""
    paths = set(paths)
    if paths and settings.PAGE_CACHE_SECONDS:
        transaction.on_commit(lambda: send(paths))


def send(paths) -> None:
    root = site_root_url()
    purge_urls_from_cache([root + path for path in sorted(paths)])


def purge_everything() -> None:
    """The local cache by its generation; a CDN is told the pages every reader starts from."""
    if settings.PAGE_CACHE_SECONDS:
        transaction.on_commit(send_everything)


def send_everything() -> None:
    page_cache.purge_everything()
    if backends := cdn_backends():
        paths = headline_paths() | site_feed_paths() | {page_cache.SITEMAP_GROUP}
        for section in ArticleIndexPage.objects.live().only("url_path"):
            paths |= section_paths(section.url_path)
        root = site_root_url()
        purge_urls_from_cache([root + path for path in sorted(paths)], backends=backends)


# Receivers ---------------------------------------------------------------------------------------

# What a page looked like before a save that may change its address or its navigation entry,
# by page id, for the page_published / page_unpublished / post_page_move that follows.
_before_save: dict[int, dict] = {}
FIELDS_THAT_MOVE_OR_RENAME = {"slug", "url_path", "title", "live"}


def remember_page_before_save(sender, instance, update_fields=None, **kwargs):
    if not instance.pk:
        return
    titles = [f"title_{code}" for code in reader_languages()]
    if update_fields is not None and not (FIELDS_THAT_MOVE_OR_RENAME | set(titles)).intersection(
        update_fields
    ):
        return
    if len(_before_save) > 1000:  # saves whose publication never came (a rolled-back one)
        _before_save.clear()
    _before_save[instance.pk] = (
        Page.objects.filter(pk=instance.pk).values("url_path", "live", *titles).first()
    )


def navigation_entry(page) -> dict:
    titles = [f"title_{code}" for code in reader_languages()]
    row = Page.objects.filter(pk=page.pk).values("url_path", "live", *titles).first()
    return row or {}


def purge_page(instance, *, before=None):
    paths = page_context_paths(instance)
    if before and before.get("live"):
        paths |= url_path_paths(before["url_path"])
    if shows_everywhere(instance):
        if before is None or before != navigation_entry(instance) or not instance.live:
            purge_everything()
    elif isinstance(instance, ArticlePage):
        purge_related_everywhere()
    purge(paths)


def purge_related_everywhere() -> None:
    """Any older story's "Related articles" may show a story's card (articles.related): the
    pages that do cannot be listed in bounded time, so every page this site keeps is renewed
    (a counter moves; uncached, an article costs a few milliseconds). A CDN is sent the
    newest neighbours (`related_paths`) and keeps the rest for PAGE_CACHE_SHARED_SECONDS."""
    if settings.PAGE_CACHE_SECONDS:
        transaction.on_commit(page_cache.purge_everything)


def on_page_published(sender, instance, **kwargs):
    purge_page(instance, before=_before_save.pop(instance.pk, None))


def on_page_unpublished(sender, instance, **kwargs):
    _before_save.pop(instance.pk, None)
    purge_page(instance)


def on_pre_page_move(sender, instance, **kwargs):
    if instance.live:
        purge(page_context_paths(instance))  # where it was, and what listed it there


def on_post_page_move(sender, instance, **kwargs):
    _before_save.pop(instance.pk, None)
    if not instance.live:
        return
    moved = Page.objects.get(pk=instance.pk).specific
    purge(page_context_paths(moved))
    if shows_everywhere(moved):
        purge_everything()
    elif isinstance(moved, ArticlePage):
        purge_related_everywhere()


def on_byline_changed(sender, instance, **kwargs):
    purge(
        author_page_paths(
            Author.objects.filter(pk=instance.author_id).values_list("slug", flat=True).first()
        )
    )


def on_topics_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if reverse:  # a topic's articles changed
        if action in ("post_add", "post_remove", "pre_clear"):
            purge(topic_page_paths(instance.slug))
        return
    if action == "pre_clear":
        pk_set = set(
            instance.topics.through.objects.filter(articlepage=instance.pk).values_list(
                "topic_id", flat=True
            )
        )
    if action in ("post_add", "post_remove", "pre_clear") and pk_set:
        purge(topic_page_paths(*Topic.objects.filter(pk__in=pk_set).values_list("slug", flat=True)))
        if instance.live:  # the stories of a topic it joined or left may list it as related
            purge(related_paths(instance, list(pk_set)))


def on_headlines_changed(sender, **kwargs):
    purge(headline_paths())


def remember_slug_before_save(sender, instance, **kwargs):
    instance._slug_before_save = (
        sender.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
        if instance.pk
        else None
    )


def on_author_changed(sender, instance, **kwargs):
    paths = author_page_paths(instance.slug, getattr(instance, "_slug_before_save", None))
    purge(paths | articles_paths(ArticlePage.objects.filter(article_authors__author=instance.pk)))
    purge_related_everywhere()  # the cards of the author's stories carry the name


def on_image_changed(sender, instance, created=False, **kwargs):
    """A picture replaced, refocused or deleted may be on any card or article; a new one is
    on none yet."""
    if not created:
        purge_related_everywhere()


def on_topic_changed(sender, instance, **kwargs):
    """Its page, its articles' pages, and every feed naming it among their categories."""
    paths = topic_page_paths(instance.slug, getattr(instance, "_slug_before_save", None))
    rows = list(ArticlePage.objects.filter(topics=instance.pk).live().values_list("pk", "url_path"))
    for _pk, url_path in rows:
        paths |= url_path_paths(url_path)
    if rows:
        paths |= article_feed_paths(rows)
    purge(paths)


def on_correction_changed(sender, instance, **kwargs):
    """The article (where the correction shows, and its old article when it moved) and the
    corrections log with its feed."""
    paths = corrections_log_paths()
    article_pks = {instance.article_id, getattr(instance, "_article_before_save", None)} - {None}
    for url_path in (
        ArticlePage.objects.filter(pk__in=article_pks).live().values_list("url_path", flat=True)
    ):
        paths |= url_path_paths(url_path)
    purge(paths)


def on_site_wide_change(sender, **kwargs):
    purge_everything()


def connect():
    page_models = [model for model in apps.get_models() if issubclass(model, Page)]
    for model in page_models:
        pre_save.connect(remember_page_before_save, sender=model, dispatch_uid="page_purge")
        page_published.connect(on_page_published, sender=model, dispatch_uid="page_purge")
        page_unpublished.connect(on_page_unpublished, sender=model, dispatch_uid="page_purge")
    pre_page_move.connect(on_pre_page_move, dispatch_uid="page_purge")
    post_page_move.connect(on_post_page_move, dispatch_uid="page_purge")

    post_save.connect(on_byline_changed, sender=ArticleAuthor, dispatch_uid="page_purge")
    post_delete.connect(on_byline_changed, sender=ArticleAuthor, dispatch_uid="page_purge")
    m2m_changed.connect(
        on_topics_changed, sender=ArticlePage.topics.through, dispatch_uid="page_purge"
    )

    for model in (Headline, Source):
        post_save.connect(on_headlines_changed, sender=model, dispatch_uid="page_purge")
        post_delete.connect(on_headlines_changed, sender=model, dispatch_uid="page_purge")
    headlines_imported.connect(on_headlines_changed, dispatch_uid="page_purge")

    post_save.connect(on_correction_changed, sender=Correction, dispatch_uid="page_purge")
    post_delete.connect(on_correction_changed, sender=Correction, dispatch_uid="page_purge")

    for model, receiver in ((Author, on_author_changed), (Topic, on_topic_changed)):
        pre_save.connect(remember_slug_before_save, sender=model, dispatch_uid="page_purge")
        post_save.connect(receiver, sender=model, dispatch_uid="page_purge")
        pre_delete.connect(receiver, sender=model, dispatch_uid="page_purge")

    image_model = get_image_model()
    post_save.connect(on_image_changed, sender=image_model, dispatch_uid="page_purge")
    post_delete.connect(on_image_changed, sender=image_model, dispatch_uid="page_purge")
    # The breaking-news bar is on every page: its setting (below) or its article changed.
    bulletin_changed.connect(on_site_wide_change, dispatch_uid="page_purge")

    site_wide = [Site, PageViewRestriction] + [
        model
        for model in apps.get_models()
        if issubclass(model, BaseSiteSetting | BaseGenericSetting)
    ]
    for model in site_wide:
        post_save.connect(on_site_wide_change, sender=model, dispatch_uid="page_purge")
        post_delete.connect(on_site_wide_change, sender=model, dispatch_uid="page_purge")
