"""An RSS feed per list: the headlines a list shows, each linking to the original story."""

import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bilingual.dates import short_date
from bilingual.kept_responses import kept_response
from bilingual.languages import Language, current_language
from bilingual.plain_text import xml_text

from .list_cache import HEADLINE_LISTS
from .lists import public_headlines

ITEMS_IN_FEED = 50


@dataclass
class ListFeed:
    language: Language
    headlines: list


class HeadlineFeed(Feed):
    """`/<reader>/headlines/<list>/feed/`: titles in the list's language, texts in the reader's.

    The document is kept until the lists change (HEADLINE_LISTS), per list, reader language
    and site address (its links are absolute)."""

    def __call__(self, request, *args, **kwargs):
        key = ["headline-feed", HEADLINE_LISTS.current(), kwargs["list_language"].code]
        key.append(current_language())
        return kept_response(
            request, key, lambda: super(HeadlineFeed, self).__call__(request, *args, **kwargs)
        )

    def get_object(self, request, list_language: Language):
        headlines = public_headlines(request, list_language.code)[:ITEMS_IN_FEED]
        return ListFeed(list_language, list(headlines))

    def title(self, obj):
        return f"{obj.language.list_title} · {_('Mongolia News Portal')}"

    def link(self, obj):
        return reverse("headlines:archive", kwargs={"list_language": obj.language})

    def description(self, obj):
        return _("The day's headlines from other news sites, newest first.")

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = obj.language.code  # the headlines' language, not the reader's
        return feed

    def items(self, obj):
        return [(headline, obj.language.code) for headline in obj.headlines]

    def item_title(self, item):
        headline, language = item
        title, is_translation = headline.title_for_list(language)
        # Rows saved before control characters were refused must not break the whole feed.
        title = xml_text(title)
        if not is_translation:
            return title
        with translation.override(language):  # the mark follows the list, like PUBLISHED
            label = str(headline.original_language.translated_from)
        return f"{title} ({label})"

    def item_link(self, item):
        return item[0].url

    def item_guid(self, item):
        headline, language = item
        return f"urn:mongolia-news-portal:headline:{headline.pk}"

    item_guid_is_permalink = False

    def item_description(self, item):
        headline, _language = item
        return f"{headline.source.display_domain} {short_date(headline.published_on)}"

    def item_pubdate(self, item):
        day = item[0].published_on
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))

    def item_categories(self, item):
        return [item[0].source.display_domain]
