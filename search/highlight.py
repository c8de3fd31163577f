"""Marking the words a reader looked for, safely: every piece of text is escaped, and the
only markup added is <mark>…</mark> around whole words whose stem was asked for."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .text import LONGEST_WORD, WORD, fold, stem_token

# Words of context in a snippet, and how many come before the first match.
SNIPPET_WORDS = 30
WORDS_BEFORE = 8
ELLIPSIS = "…"


def matching_spans(text: str, terms) -> list[tuple[int, int]]:
    wanted = set(terms)
    return [
        (match.start(), match.end())
        for match in WORD.finditer(text)
        if len(match.group()) <= LONGEST_WORD and stem_token(fold(match.group())) in wanted
    ]


def mark(text: str, terms) -> SafeString:
    """All of `text`, escaped, with the matching words marked."""
    parts, position = [], 0
    for start, end in matching_spans(text, terms):
        parts += [escape(text[position:start]), "<mark>", escape(text[start:end]), "</mark>"]
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # built from escaped pieces only


def has_match(text: str, terms) -> bool:
    return bool(matching_spans(text, terms))


def snippet(text: str, terms, words: int = SNIPPET_WORDS) -> SafeString:
    """A few dozen words of `text` around its first match (its start when none), marked."""
    text = " ".join(text.split())
    bounds = [(match.start(), match.end()) for match in WORD.finditer(text)]
    if not bounds:
        return mark_safe("")
    spans = matching_spans(text, terms)
    first = 0
    if spans:
        first = next(i for i, (start, _end) in enumerate(bounds) if start >= spans[0][0])
    begin = max(0, min(first - WORDS_BEFORE, len(bounds) - words))
    end = min(len(bounds), begin + words)
    start_char = bounds[begin][0]
    end_char = len(text) if end == len(bounds) else bounds[end - 1][1]
    body = mark(text[start_char:end_char], terms)
    before = ELLIPSIS + " " if begin > 0 else ""
    after = " " + ELLIPSIS if end_char < len(text) else ""
    return mark_safe(f"{before}{body}{after}")  # `body` is escaped
