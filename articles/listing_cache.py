"""The versions of what articles and their cards show, for the fragments cached under them.

ARTICLE_LISTINGS moves when the article listings change: an article published, unpublished,
moved or deleted, or a page's privacy changed; also when a topic is deleted or an author
saved (cards show their names). Listings keep their counts under it (bilingual.pagination),
the front page its cards, each article its related stories (articles.related).

ARTICLE_PARTS moves when what an article shows besides its own revision changes: an author
(name, photo, credentials, biography, links), a topic, an image (its file, focal point or
deleted renditions), a byline, an article's topics or corrections, a section (its title is the
article's kicker and breadcrumb). Article pages and the front page's cards are cached under it.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from bilingual.cache_versions import CacheVersion

ARTICLE_LISTINGS = CacheVersion("article-listings")
ARTICLE_PARTS = CacheVersion("article-parts")


def count_key(kind: str, pk) -> str:
    """The cache key of a listing's count: `kind` (section, author, topic) and its id."""
    return f"listing-count:{ARTICLE_LISTINGS.current()}:{kind}:{pk}"


def connect():
    from authors.models import Author, AuthorLink

    from .models import ArticleAuthor, ArticleIndexPage, ArticlePage, Correction, Topic

    image_model = get_image_model()
    # Bylines and topics are published with the article's revision, but code may also
    # change them on a live article (attribution, accepting a guest's piece).
    for model in (Author, AuthorLink, Topic, image_model, ArticleAuthor, Correction):
        for signal in (post_save, post_delete):
            signal.connect(ARTICLE_PARTS.bump, sender=model, dispatch_uid="article-parts")
    m2m_changed.connect(
        ARTICLE_PARTS.bump, sender=ArticlePage.topics.through, dispatch_uid="article-parts"
    )
    page_published.connect(
        ARTICLE_PARTS.bump, sender=ArticleIndexPage, dispatch_uid="article-parts"
    )
    # A new rendition changes nothing shown (the admin makes thumbnails all day); a deleted
    # one may be in a cached page.
    post_delete.connect(
        ARTICLE_PARTS.bump, sender=image_model.get_rendition_model(), dispatch_uid="article-parts"
    )

    for signal in (page_published, page_unpublished, post_delete):
        signal.connect(ARTICLE_LISTINGS.bump, sender=ArticlePage, dispatch_uid="listings")
    post_page_move.connect(ARTICLE_LISTINGS.bump, dispatch_uid="listings-move")
    for signal in (post_save, post_delete):
        signal.connect(ARTICLE_LISTINGS.bump, sender=PageViewRestriction, dispatch_uid="listings")
        signal.connect(ARTICLE_LISTINGS.bump, sender=Author, dispatch_uid="listings")
    post_delete.connect(ARTICLE_LISTINGS.bump, sender=Topic, dispatch_uid="listings")
