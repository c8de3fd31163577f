"""When the article listings change: an article published, unpublished, moved or deleted, or
a page's privacy changed. Listings keep their counts under this version (bilingual.pagination),
and each article its related stories (articles.related), whose cards also change when a
topic is deleted or an author renamed."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from bilingual.cache_versions import CacheVersion

ARTICLE_LISTINGS = CacheVersion("article-listings")


def count_key(kind: str, pk) -> str:
    """The cache key of a listing's count: `kind` (section, author, topic) and its id."""
    return f"listing-count:{ARTICLE_LISTINGS.current()}:{kind}:{pk}"


def connect():
    from authors.models import Author

    from .models import ArticlePage, Topic

    for signal in (page_published, page_unpublished, post_delete):
        signal.connect(ARTICLE_LISTINGS.bump, sender=ArticlePage, dispatch_uid="listings")
    post_page_move.connect(ARTICLE_LISTINGS.bump, dispatch_uid="listings-move")
    for signal in (post_save, post_delete):
        signal.connect(ARTICLE_LISTINGS.bump, sender=PageViewRestriction, dispatch_uid="listings")
        signal.connect(ARTICLE_LISTINGS.bump, sender=Author, dispatch_uid="listings")
    post_delete.connect(ARTICLE_LISTINGS.bump, sender=Topic, dispatch_uid="listings")
