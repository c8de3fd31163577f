"""Corrections as readers find them: the log page per language, its RSS feed, and the
kept per-article lists (ArticlePage.published_corrections) forgotten when a correction
changes. Which cached pages show a correction is portal.page_purge's business."""

import datetime

from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bilingual.languages import current_language, localized, localized_names
from bilingual.pagination import ListingPaginator
from bilingual.plain_text import tidy_one_line

from .listing_cache import ARTICLE_LISTINGS, count_key
from .models import Correction

CORRECTIONS_PER_PAGE = 20
CORRECTIONS_IN_FEED = 50


def public_corrections():
    """Corrections of articles every reader may open, newest first, each with its article's
    title and address (never its body) in the same query."""
    return (
        Correction.objects.public()
        .select_related("article")
        .defer(*[f"article__{name}" for name in ("body", *localized_names(("body",)))])
        .order_by("-corrected_on", "-pk")
    )


def corrections_log(request):
    """`/<lang>/corrections/`: every correction, newest first, each linking to its article."""
    corrections = ListingPaginator(
        public_corrections(), CORRECTIONS_PER_PAGE, count_cache_key=count_key("corrections", 0)
    ).get_page(request.GET.get("page"))
    return render(request, "articles/corrections.html", {"corrections": corrections})


class CorrectionFeed(Feed):
    """`/<lang>/corrections/feed/`: the newest corrections, in the reader's language."""

    def title(self):
        return f"{_('Corrections')} · {_('Mongolia News Portal')}"

    def link(self):
        return reverse("corrections")

    def description(self):
        return _("Corrections to our published articles, newest first.")

    def get_object(self, request):
        return request  # the articles' addresses depend on the request's site and language

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = current_language()
        return feed

    def items(self, request):
        return [
            (correction, correction.article.get_url(request))
            for correction in public_corrections()[:CORRECTIONS_IN_FEED]
        ]

    def item_title(self, item):
        correction, _url = item
        title = tidy_one_line(str(localized(correction.article, "title")))
        return _("Correction: %(title)s") % {"title": title}

    def item_description(self, item):
        # Rows written past the form (a shell, an import) must not break the whole feed.
        return tidy_one_line(str(localized(item[0], "text")))

    def item_link(self, item):
        correction, url = item
        return f"{url}#correction-{correction.pk}"

    def item_pubdate(self, item):
        day = item[0].corrected_on
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))

    def item_updateddate(self, item):
        return item[0].updated_at


# Keeping the per-article lists right -------------------------------------------------------


def forget(*article_pks) -> None:
    """Now, and again at the commit: a reader who read the old rows meanwhile may have kept them."""
    keys = [Correction.cache_key(pk) for pk in article_pks if pk]
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def remember_article_before_save(sender, instance, **kwargs):
    instance._article_before_save = (
        Correction.objects.filter(pk=instance.pk).values_list("article", flat=True).first()
        if instance.pk
        else None
    )


def on_correction_changed(sender, instance, **kwargs):
    forget(instance.article_id, getattr(instance, "_article_before_save", None))
    ARTICLE_LISTINGS.bump()  # the log's count


def connect():
    pre_save.connect(remember_article_before_save, sender=Correction, dispatch_uid="corrections")
    post_save.connect(on_correction_changed, sender=Correction, dispatch_uid="corrections")
    post_delete.connect(on_correction_changed, sender=Correction, dispatch_uid="corrections")
