"""The bar as readers get it: the setting read once into the shared cache (no query on a
reading page), shown in the reader's language until it expires.

The cache is forgotten when the setting is saved, and when the article it links to is
published again (its address may have changed), unpublished, moved or deleted; the last
cases also send `bulletin_changed`, on which every cached page is purged (portal.page_purge),
since every page shows the bar.
"""

import datetime

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import Signal
from django.utils import timezone
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from bilingual.languages import LocalizedValue, language_codes, localized

from .models import BreakingNews

CACHE_KEY = "breaking-news:bulletin"
NO_BULLETIN = "none"  # remembered too: cache.get's None is a miss
# A kept bulletin that a missed change left wrong: an hour at most.
CACHE_SECONDS = 60 * 60

bulletin_changed = Signal()


class Bulletin:
    """What the bar shows: the message per language, where it leads, and until when."""

    def __init__(self, setting: BreakingNews, link_url_path: str):
        for code in language_codes():
            setattr(self, f"message_{code}", getattr(setting, f"message_{code}", "") or "")
        self.link_url = setting.link_url
        self.link_url_path = link_url_path
        self.link_page_id = setting.link_page_id
        self.expires_at: datetime.datetime = setting.expires_at

    def is_visible(self, now: datetime.datetime) -> bool:
        return self.expires_at is not None and now < self.expires_at

    @property
    def message(self) -> LocalizedValue:
        return localized(self, "message")

    def link(self, request) -> str:
        """The linked article in the reader's language, or the address given, or ""."""
        if self.link_url_path:
            return Page(url_path=self.link_url_path).get_url(request) or ""
        return self.link_url


def read_bulletin() -> Bulletin | None:
    """The bulletin from the database: None when the bar is switched off."""
    setting = BreakingNews.objects.first()
    if setting is None or not setting.is_active:
        return None
    url_path = ""
    if setting.link_page_id:
        url_path = (
            Page.objects.filter(pk=setting.link_page_id, live=True)
            .values_list("url_path", flat=True)
            .first()
        ) or ""
    return Bulletin(setting, url_path)


def current_bulletin() -> Bulletin | None:
    """The bulletin switched on, from the cache (expired or not: readers check the time)."""
    found = cache.get(CACHE_KEY)
    if found is None:
        found = read_bulletin() or NO_BULLETIN
        cache.set(CACHE_KEY, found, CACHE_SECONDS)
    return None if found == NO_BULLETIN else found


def visible_bulletin() -> Bulletin | None:
    bulletin = current_bulletin()
    return bulletin if bulletin and bulletin.is_visible(timezone.now()) else None


def forget(**_signal_arguments) -> None:
    """Now, and again at the commit: a reader who read the old row meanwhile may have kept it."""
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


def on_page_changed(sender, instance, **kwargs):
    """The linked article's address or availability changed: every page's bar is stale."""
    if BreakingNews.objects.filter(link_page=instance.pk).exists():
        forget()
        bulletin_changed.send(sender=BreakingNews)


def connect():
    post_save.connect(forget, sender=BreakingNews, dispatch_uid="breaking-news")
    post_delete.connect(forget, sender=BreakingNews, dispatch_uid="breaking-news")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(on_page_changed, dispatch_uid="breaking-news-link")
    # Before the deletion empties the link (on_delete=SET_NULL sends no signal of its own).
    pre_delete.connect(on_page_changed, sender=Page, dispatch_uid="breaking-news-link")
