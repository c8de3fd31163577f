from dataclasses import dataclass

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from bilingual.languages import site_languages

register = template.Library()


@dataclass(frozen=True)
class ListedTitle:
    """A headline's title as one list shows it: its own words, or a translation into the list's."""

    value: str
    language: str
    list_language: str
    is_translation: bool

    def __str__(self):
        return self.value

    @property
    def lang_attr(self) -> SafeString:
        """` lang="xx"` when the title is not in the list's language, else nothing."""
        if self.language != self.list_language:
            return format_html(' lang="{}"', self.language)
        return SafeString("")


@register.simple_tag
def headline_title(headline, list_language):
    """`{% headline_title headline language as shown %}`: shown.value, .is_translation, .lang_attr."""
    title, is_translation = headline.title_for_list(list_language)
    return ListedTitle(str(title), title.language, list_language, is_translation)


@register.simple_tag
def headline_feed_links():
    """`<link rel="alternate">` to each headline list's feed, for a page showing the lists."""
    return format_html_join(
        "\n  ",
        '<link rel="alternate" type="application/rss+xml" href="{}" title="{}">',
        (
            (reverse("headlines:feed", kwargs={"list_language": language}), language.list_title)
            for language in site_languages()
        ),
    )
