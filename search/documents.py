"""What each findable thing says, and writing its row of the search index.

Every `index_*` takes primary keys, reads those rows as readers may see them now, and
writes, replaces or deletes their documents in a fixed number of queries per call: the same
code serves a single save (signals) and a full rebuild in batches (rebuild_search_index).
Only published, public text is read: an article's live columns (a draft waits in its
revisions), a published headline, an author who has a public page.
"""

import html
import json

from django.db.models import Q
from django.utils.html import strip_tags
from wagtail.models import Page

from articles.models import ArticleAuthor, ArticleIndexPage, ArticlePage, Topic
from authors.models import Author
from bilingual.languages import has_content, language_codes
from headlines.models import Headline

from .models import ArticleDocument, AuthorDocument, HeadlineDocument, TopicDocument
from .text import stems

# Rows read and written at a time by the batched indexers (signals, rebuild_search_index).
BATCH = 1000
# Stream blocks whose strings are addresses or settings, not words a reader sees.
BLOCKS_WITHOUT_TEXT = {"embed"}


def markup_text(value: str) -> str:
    return html.unescape(strip_tags(value))


def stream_text(value) -> str:
    """The words of a StreamField (its stored JSON, or a StreamValue), no block rendered."""
    raw = getattr(value, "raw_data", value)
    if isinstance(raw, str):
        try:
            raw = json.loads(raw or "[]")
        except ValueError:
            return ""
    parts = []

    def collect(node):
        if isinstance(node, str):
            parts.append(markup_text(node))
        elif isinstance(node, dict):
            if node.get("type") in BLOCKS_WITHOUT_TEXT:
                return
            for key, item in node.items():
                if key not in ("id", "type"):
                    collect(item)
        elif isinstance(node, list | tuple) or hasattr(node, "__iter__"):
            for item in node:
                collect(item)

    collect(list(raw or []))
    return "\n".join(part for part in parts if part)


def article_text(row: dict, code: str) -> str:
    """An article's words in one language, as `article_rows` reads them."""
    return "\n".join(
        [
            row.get(f"title_{code}") or "",
            row.get(f"summary_{code}") or "",
            stream_text(row.get(f"body_{code}")),
            row.get(f"lead_image_caption_{code}") or "",
        ]
    )


def columns(model, fields) -> list[str]:
    """Each field's column per site language, among those the model has (a language added to
    the table gets its columns by a later migration)."""
    names = {field.attname for field in model._meta.concrete_fields}
    return [
        f"{field}_{code}"
        for field in fields
        for code in language_codes()
        if f"{field}_{code}" in names
    ]


def written_languages(row: dict, fields) -> list[str]:
    """The languages in which every one of `fields` has text (TranslatedContent's rule)."""
    return [
        code
        for code in language_codes()
        if all(has_content(row.get(f"{field}_{code}")) for field in fields)
    ]


# --- articles ---------------------------------------------------------------------------


def index_articles(pks) -> None:
    pks = list(pks)
    if not pks:
        return
    rows = list(
        ArticlePage.objects.filter(pk__in=pks)
        .live()
        .public()
        .values(
            "pk",
            "path",
            "published_at",
            "first_published_at",
            "original_source_name",
            *columns(ArticlePage, ("title", "summary", "body", "lead_image_caption")),
        )
    )
    parents = {row["path"][: -Page.steplen] for row in rows}
    sections = dict(ArticleIndexPage.objects.filter(path__in=parents).values_list("path", "pk"))
    documents = []
    for row in rows:
        section = sections.get(row["path"][: -Page.steplen])
        published = row["published_at"] or row["first_published_at"]
        if section is None or published is None:
            continue
        text = "\n".join(
            [*(article_text(row, code) for code in language_codes()), row["original_source_name"]]
        )
        languages = written_languages(row, ArticlePage.translated_fields) or written_languages(
            row, ("title",)
        )
        documents.append(
            ArticleDocument(
                article_id=row["pk"],
                section_id=section,
                published_at=published,
                stems=" ".join(stems(text)),
                languages=ArticleDocument.padded(languages),
            )
        )
    replace(ArticleDocument, "article_id", pks, documents, ["section", "published_at"])


# --- headlines --------------------------------------------------------------------------


def index_headlines(pks) -> None:
    pks = list(pks)
    if not pks:
        return
    titles = columns(Headline, ("title",))
    documents = []
    for row in Headline.objects.filter(pk__in=pks, live=True).values("pk", "published_on", *titles):
        documents.append(
            HeadlineDocument(
                headline_id=row["pk"],
                published_on=row["published_on"],
                stems=" ".join(stems("\n".join(row[title] or "" for title in titles))),
                languages=HeadlineDocument.padded(written_languages(row, ("title",))),
            )
        )
    replace(HeadlineDocument, "headline_id", pks, documents, ["published_on"])


# --- authors and topics ----------------------------------------------------------------


def authors_with_public_pages(pks) -> set[int]:
    """Staff always have a page; a guest only once a piece of theirs is out for everyone."""
    staff = Q(kind=Author.Kind.STAFF)
    published = ArticleAuthor.objects.filter(page__in=ArticlePage.objects.live().public()).values(
        "author_id"
    )
    return set(
        Author.objects.filter(pk__in=pks)
        .filter(staff | Q(pk__in=published))
        .values_list("pk", flat=True)
    )


def index_authors(pks) -> None:
    pks = list(pks)
    if not pks:
        return
    public = authors_with_public_pages(pks)
    texts = columns(Author, ("name", "credentials", "bio"))
    documents = [
        AuthorDocument(
            author_id=row["pk"],
            stems=" ".join(stems("\n".join(row[column] or "" for column in texts))),
            languages=AuthorDocument.padded(written_languages(row, ("name",))),
        )
        for row in Author.objects.filter(pk__in=public).values("pk", *texts)
    ]
    replace(AuthorDocument, "author_id", pks, documents, [])


def index_topics(pks) -> None:
    pks = list(pks)
    if not pks:
        return
    names = columns(Topic, ("name",))
    documents = [
        TopicDocument(
            topic_id=row["pk"],
            stems=" ".join(stems("\n".join(row[name] or "" for name in names))),
            languages=TopicDocument.padded(written_languages(row, ("name",))),
        )
        for row in Topic.objects.filter(pk__in=pks).values("pk", *names)
    ]
    replace(TopicDocument, "topic_id", pks, documents, [])


# --- writing ----------------------------------------------------------------------------


def replace(model, key: str, pks, documents, extra_fields) -> None:
    """Store `documents` (insert or update) and delete the rows of `pks` that have none."""
    kept = {getattr(document, key) for document in documents}
    gone = [pk for pk in pks if pk not in kept]
    if gone:
        model.objects.filter(**{f"{key}__in": gone}).delete()
    if documents:
        model.objects.bulk_create(
            documents,
            update_conflicts=True,
            unique_fields=[key.removesuffix("_id")],
            update_fields=["stems", "languages", *extra_fields],
        )


def in_batches(pks_queryset, index, batch_size: int = BATCH) -> int:
    """Index the rows of an ordered pk queryset a batch at a time, holding one batch in memory.
    Returns how many were read."""
    last, seen = None, 0
    while True:
        batch = pks_queryset if last is None else pks_queryset.filter(pk__gt=last)
        batch = list(batch[:batch_size])
        if not batch:
            return seen
        index(batch)
        seen += len(batch)
        last = batch[-1]


INDEXERS = {
    "articles": (ArticlePage, index_articles),
    "headlines": (Headline, index_headlines),
    "authors": (Author, index_authors),
    "topics": (Topic, index_topics),
}
