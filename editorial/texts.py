"""Which translated fields make an item "written" in a language, and how to name them to people."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from articles.models import ArticlePage

ARTICLE_FIELDS = ("title", "summary", "body")
HEADLINE_FIELDS = ("title",)
PAGE_FIELDS = ("title",)

FIELD_LABELS = {"title": _("title"), "summary": _("summary"), "body": _("body")}
LANGUAGE_LABELS = {"en": _("English"), "mn": _("Mongolian")}


def fields_for(model) -> tuple[str, ...]:
    return ARTICLE_FIELDS if issubclass(model, ArticlePage) else PAGE_FIELDS


def describe_missing(missing: dict[str, tuple[str, ...]]) -> str:
    """`{"mn": ("summary", "body")}` -> "Mongolian: summary, body"."""
    return "; ".join(
        str(
            format_lazy(
                "{}: {}",
                LANGUAGE_LABELS.get(code, code),
                ", ".join(str(FIELD_LABELS.get(name, name)) for name in names),
            )
        )
        for code, names in missing.items()
    )
