"""ASCII slugs for pages, transliterating Mongolian Cyrillic after MNS 5217:2012."""

import re
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from .languages import localized_names

MONGOLIAN_CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "ye", "ё": "yo",
    "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ү": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "sh", "ъ": "i", "ы": "y", "ь": "i", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip


def transliterate(text: str) -> str:
    return "".join(MONGOLIAN_CYRILLIC_TO_LATIN.get(char, char) for char in text.lower())


def ascii_slug(text: str) -> str:
    return slugify(transliterate(text))[:255].strip("-")


def free_slug(
    text: str, is_taken: Callable[[str], bool], *, max_length: int, fallback: str = "item"
) -> str:
    """The ASCII slug of `text`, numbered (`-2`, `-3`…) past the ones `is_taken` refuses.

    Never longer than `max_length` (the slug column's): a Mongolian name grows in Latin
    letters (ш -> sh), so the base is cut to leave room for the number.
    """
    base = ascii_slug(text)[:max_length].strip("-") or fallback[:max_length]
    slug, number = base, 1
    while is_taken(slug):
        number += 1
        suffix = f"-{number}"
        slug = base[: max_length - len(suffix)].rstrip("-") + suffix
    return slug


def _first_segments(patterns) -> set[str]:
    segments = set()
    for pattern in patterns:
        first = str(pattern.pattern).split("/", 1)[0]
        if hasattr(pattern, "url_patterns") and not first:
            segments |= _first_segments(pattern.url_patterns)  # an include() without a prefix
        elif re.fullmatch(r"[a-z][a-z0-9-]*", first):
            segments.add(first)
    return segments


def reserved_top_level_slugs() -> set[str]:
    """Addresses the site's own views take under /en/ and /mn/ (search, authors, headlines…):
    a page of the same slug at the top of the site could never be reached."""
    segments = set()
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and isinstance(pattern.pattern, LocalePrefixPattern):
            segments |= _first_segments(pattern.url_patterns)
    return segments


class AsciiSlugPageForm(WagtailAdminPageForm):
    """Turns whatever slug the editor typed (Cyrillic included) into the one ASCII slug."""

    def clean_slug(self):
        slug = ascii_slug(self.cleaned_data.get("slug") or "")
        # Without a slug, the first title written, in the table's order.
        titles = (self.data.get(name) or "" for name in localized_names(("title",)))
        slug = slug or ascii_slug(next((title for title in titles if title.strip()), ""))
        parent = self.parent_page
        if parent is not None and parent.is_site_root() and slug in reserved_top_level_slugs():
            raise ValidationError(
                _("The address “%(slug)s” is used by the site itself; choose another.")
                % {"slug": slug}
            )
        return slug


class AsciiSlugMixin:
    """Keeps slugs ASCII for pages created in code as well as in the admin."""

    base_form_class = AsciiSlugPageForm

    def full_clean(self, *args, **kwargs):
        self.slug = ascii_slug(self.slug or self.title or "")
        super().full_clean(*args, **kwargs)
