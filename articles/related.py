"""Stories to read next under an article: those sharing the most of its topics, then the
newest of its section, then the newest of the site; only live articles every reader may
open, never the article itself.

The block is a fragment cached under the article listings' version
(`articles.listing_cache.ARTICLE_LISTINGS`), which moves whenever an article is published,
unpublished, moved or deleted (its topics are saved with it), a topic is deleted, an author
renamed or a page's privacy changed; it is read in a fixed number of queries however many
articles there are.
"""

from django.db.models import Count
from django.db.models.functions import Length, Substr

from .models import ArticlePage, article_cards

RELATED_LIMIT = 4
# Publishing, unpublishing or moving a story changes the block on the pages of the stories
# that share its topics or its section: the full-page cache of the newest of them is purged
# (portal.page_purge, `neighbours`), older ones renew within PAGE_CACHE_SECONDS.
NEIGHBOURS_PURGED = 100


def related_articles(page, topic_ids=None, limit: int = RELATED_LIMIT) -> list[ArticlePage]:
    """Up to `limit` cards: most shared topics first, then the section's, then any; newest
    first within each."""
    if topic_ids is None:
        topic_ids = list(page.topics.values_list("pk", flat=True))
    readable = ArticlePage.objects.live().public().exclude(pk=page.pk)
    chosen = []
    if topic_ids:
        # Filtering before annotating makes the count the number of topics shared.
        chosen = list(
            readable.filter(topics__in=topic_ids)
            .annotate(shared=Count("topics"))
            .order_by("-shared", "-published_at", "-pk")
            .values_list("pk", flat=True)[:limit]
        )
    # Then the newest of its section, then (a small site, a lone story) the newest anywhere.
    for newest in (readable.child_of(page.get_parent()), readable):
        if len(chosen) >= limit:
            break
        chosen += list(
            newest.exclude(pk__in=chosen)
            .order_by("-published_at", "-pk")
            .values_list("pk", flat=True)[: limit - len(chosen)]
        )
    if not chosen:
        return []
    cards = {card.pk: card for card in article_cards(ArticlePage.objects.filter(pk__in=chosen))}
    return [cards[pk] for pk in chosen if pk in cards]


def neighbours(page, topic_ids=None) -> set[str]:
    """The `url_path`s of the live articles whose related block may show `page`: the newest
    NEIGHBOURS_PURGED sharing one of its topics, and of its section; and every article of a
    section too small to fill its block from its own section (those reach the newest of the
    site, see `related_articles`)."""
    if topic_ids is None:
        topic_ids = list(page.topics.values_list("pk", flat=True))
    live = ArticlePage.objects.live().exclude(pk=page.pk).order_by("-published_at", "-pk")
    found = set()
    if topic_ids:
        sharing = live.filter(topics__in=topic_ids).distinct()
        found.update(sharing.values_list("url_path", flat=True)[:NEIGHBOURS_PURGED])
    section_path = page.path[: -page.steplen]
    siblings = live.filter(path__startswith=section_path, depth=page.depth)
    found.update(siblings.values_list("url_path", flat=True)[:NEIGHBOURS_PURGED])
    small_sections = (
        ArticlePage.objects.live()
        .annotate(section=Substr("path", 1, Length("path") - page.steplen))
        .values("section")
        .annotate(articles=Count("pk"))
        .filter(articles__lte=RELATED_LIMIT)
        .values("section")
    )
    in_small_sections = ArticlePage.objects.live().annotate(
        section=Substr("path", 1, Length("path") - page.steplen)
    )
    found.update(
        in_small_sections.filter(section__in=small_sections)
        .exclude(pk=page.pk)
        .values_list("url_path", flat=True)
    )
    return found
