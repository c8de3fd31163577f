"""One-line text that people read: titles, names, headlines.

Control characters break e-mail headers and feeds (a line break in a title makes Wagtail's
moderation e-mail fail); invisible formatting characters (right-to-left overrides, zero-width
spaces and joiners) make one name look like another. Forms refuse them with a message;
importers, which take text nobody on staff typed, tidy them away instead.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Cc: control characters (CR, LF, NUL…); Cf: invisible formatting (bidi overrides, zero-width
# characters, soft hyphens); Zl/Zp: Unicode line and paragraph separators.
BREAKING_CATEGORIES = {"Cc", "Zl", "Zp"}
INVISIBLE_CATEGORIES = {"Cf"}


def invisible_characters_in(value: str) -> list[str]:
    """The offending characters in `value`, each once, in the order they first appear."""
    found = []
    for char in value:
        category = unicodedata.category(char)
        if category in BREAKING_CATEGORIES | INVISIBLE_CATEGORIES and char not in found:
            found.append(char)
    return found


def refuse_invisible_characters(value: str) -> None:
    """Validator for one-line text: no line breaks, control or invisible formatting characters."""
    found = invisible_characters_in(value or "")
    if found:
        names = ", ".join(f"U+{ord(char):04X}" for char in found)
        raise ValidationError(
            _("Remove the line breaks and invisible characters from this text (%(characters)s)."),
            code="invisible_characters",
            params={"characters": names},
        )


def tidy_one_line(value: str) -> str:
    """`value` as one line: breaks and controls become spaces, invisible formatting goes,
    runs of spaces shrink to one."""
    kept = []
    for char in value:
        category = unicodedata.category(char)
        if category in INVISIBLE_CATEGORIES:
            continue
        kept.append(" " if category in BREAKING_CATEGORIES else char)
    return " ".join("".join(kept).split())


# What XML 1.0 cannot hold at all: C0 controls but tab and line breaks, lone surrogates and
# the two non-characters. Django's feed writer refuses the controls with an exception (a 500)
# and a reader's parser refuses the rest.
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value) -> str:
    """`value` as text an XML document (a feed) can carry: rows saved before such characters
    were refused must not break the whole document."""
    return XML_ILLEGAL.sub("", "" if value is None else str(value))
