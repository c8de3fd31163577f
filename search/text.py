"""Text to search stems, the same way for what is indexed and for what a reader types.

A word is a run of letters and digits (an apostrophe inside it stays: herder's). It is
case-folded (Ө/Ү with the rest of Cyrillic), then stemmed by its alphabet: Cyrillic by
`mongolian_stemmer`, Latin by the Snowball English stemmer (snowballstemmer, pinned), any
other word kept as it is. A stem is letters and digits only, so it can never be read as
an operator by PostgreSQL's tsquery or as a wildcard by LIKE.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

from . import mongolian_stemmer

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[a-z]")
# Longer runs are not words (a pasted hash, a run of one letter): not indexed, not sought.
LONGEST_WORD = 60
# A query keeps its first this many different stems.
MOST_QUERY_TERMS = 10

_english = snowballstemmer.stemmer("english")


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def words(text: str):
    """(start, end, folded word) for each word of `text`, in order."""
    for match in WORD.finditer(text):
        word = match.group()
        if len(word) <= LONGEST_WORD:
            yield match.start(), match.end(), fold(word)


@lru_cache(maxsize=200_000)
def stem_token(word: str) -> str:
    """The stem of one folded word ("" for a word too short to look for)."""
    if CYRILLIC.search(word):
        stemmed = mongolian_stemmer.stem(word.replace("'", "").replace("’", ""))
    elif LATIN.search(word):
        stemmed = _english.stemWord(word.replace("’", "'"))
    else:
        stemmed = word
    stemmed = "".join(letter for letter in stemmed if letter.isalnum())
    # One letter says nothing (a, s of 's, the particles ч and л); a lone digit may.
    return stemmed if len(stemmed) > 1 or stemmed.isdigit() else ""


def stems(text: str) -> list[str]:
    """Each different stem of `text`, in order of first appearance."""
    found = {}
    for _start, _end, word in words(text):
        if stemmed := stem_token(word):
            found.setdefault(stemmed, None)
    return list(found)


def query_terms(query: str) -> list[str]:
    """The stems a query asks for (all of them must be found), at most MOST_QUERY_TERMS."""
    return stems(query)[:MOST_QUERY_TERMS]
