"""How long an article takes to read: the words of the body in the language shown, at that
language's reading rate (`bilingual.languages.LANGUAGE_TABLE`).

Counted once per published revision and language (warmed at publication, see
`articles.signals`), never in every reader's request; a preview counts its draft afresh.
"""

import re

from django.core.cache import cache

from bilingual.languages import get_language_info, has_content, language_codes, localized

# A word: letters and digits (any script), joined by inner hyphens or apostrophes.
WORD = re.compile(r"\w+(?:[-'’]\w+)*")
CACHE_SECONDS = 30 * 24 * 60 * 60


def count_words(stream_value) -> int:
    """The words a reader reads in a body: paragraphs, headings, quotes, captions."""
    if not stream_value:
        return 0
    texts = stream_value.stream_block.get_searchable_content(stream_value)
    return sum(len(WORD.findall(text)) for text in texts)


def minutes_for(words: int, language: str) -> int:
    """Whole minutes, never fewer than one."""
    return max(1, round(words / get_language_info(language).reading_rate))


def reading_minutes(page, language: str | None = None, *, draft=False) -> tuple[int, str]:
    """Minutes to read `page`'s body as shown in `language` (the reader's, by default), and
    the language of that body (an untranslated story is read, and counted, in English).
    A `draft` (a preview) or a page never published is counted afresh, not kept."""
    body = localized(page, "body", language)
    if draft or not page.live_revision_id:
        return minutes_for(count_words(body.value), body.language), body.language
    key = cache_key(page, body.language)
    minutes = cache.get(key)
    if minutes is None:
        minutes = minutes_for(count_words(body.value), body.language)
        cache.set(key, minutes, CACHE_SECONDS)
    return minutes, body.language


def cache_key(page, language: str) -> str:
    published = page.last_published_at.timestamp() if page.last_published_at else ""
    return f"reading-minutes:{page.pk}:{page.live_revision_id}:{published}:{language}"


def count_at_publication(page) -> None:
    """Count every language the published body is written in, so no reader's request has to."""
    for code in language_codes():
        body = getattr(page, f"body_{code}", None)
        if has_content(body):
            cache.set(cache_key(page, code), minutes_for(count_words(body), code), CACHE_SECONDS)
