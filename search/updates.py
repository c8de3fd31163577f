"""Keeping the search index current: each change re-reads what it touched, in its transaction.

The index is written inside the change's own transaction, so a rolled-back publish leaves
no trace and a reader never finds what is not yet committed. Writes that send no signals
(`generate_large_site`, raw SQL) need `manage.py rebuild_search_index`.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from articles.models import ArticleAuthor, ArticlePage, Topic
from authors.models import Author
from headlines.models import Headline
from headlines.signals import headlines_imported

from .documents import (
    BATCH,
    in_batches,
    index_articles,
    index_authors,
    index_headlines,
    index_topics,
)


def byline_author_ids(page_pk) -> list[int]:
    return list(ArticleAuthor.objects.filter(page=page_pk).values_list("author_id", flat=True))


def on_article_saved(sender, instance, **kwargs):
    # A draft save writes only revision bookkeeping: re-reading the row finds the live text.
    index_articles([instance.pk])


def on_article_published_or_unpublished(sender, instance, **kwargs):
    """Its byline is stored after the page row: now its guests may gain or lose a page."""
    index_articles([instance.pk])
    index_authors(byline_author_ids(instance.pk))


def on_byline_changed(sender, instance, **kwargs):
    index_authors([instance.author_id])


def on_page_moved(sender, instance, **kwargs):
    if isinstance(instance.specific_deferred, ArticlePage):
        index_articles([instance.pk])


def on_view_restriction_changed(sender, instance, **kwargs):
    """A password or login on a page hides its articles from search, and lifting it shows
    them again: every article under it is re-read, a batch at a time."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:  # the page itself is being deleted, and its articles with it
        return
    articles = ArticlePage.objects.descendant_of(page, inclusive=True).live()
    in_batches(articles.values_list("pk", flat=True).order_by("pk"), index_articles)
    authors = ArticleAuthor.objects.filter(page__in=articles.values("pk")).values("author_id")
    in_batches(
        Author.objects.filter(pk__in=authors).values_list("pk", flat=True).order_by("pk"),
        index_authors,
    )


def on_headline_changed(sender, instance, **kwargs):
    index_headlines([instance.pk])


def on_headlines_imported(sender, headlines=(), **kwargs):
    headlines = list(headlines)
    for start in range(0, len(headlines), BATCH):
        index_headlines(headlines[start : start + BATCH])


def on_author_saved(sender, instance, **kwargs):
    index_authors([instance.pk])


def on_topic_saved(sender, instance, **kwargs):
    index_topics([instance.pk])


def connect():
    post_save.connect(on_article_saved, sender=ArticlePage, dispatch_uid="search")
    for signal in (page_published, page_unpublished):
        signal.connect(
            on_article_published_or_unpublished, sender=ArticlePage, dispatch_uid="search"
        )
    # A deleted article's document goes with it (CASCADE); its authors are re-read as its
    # byline rows are deleted (on_byline_changed).
    for signal in (post_save, post_delete):
        signal.connect(on_byline_changed, sender=ArticleAuthor, dispatch_uid="search")
        signal.connect(
            on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search"
        )
    post_page_move.connect(on_page_moved, dispatch_uid="search")
    post_save.connect(on_headline_changed, sender=Headline, dispatch_uid="search")
    headlines_imported.connect(on_headlines_imported, dispatch_uid="search")
    post_save.connect(on_author_saved, sender=Author, dispatch_uid="search")
    post_save.connect(on_topic_saved, sender=Topic, dispatch_uid="search")
