"""What a reader asked for, and the groups of results it finds, in a bounded number of queries.

Every group is listed newest first (articles by publication, headlines by date; authors and
topics by name): the order is the same on PostgreSQL and SQLite, and on PostgreSQL a
common word's first page is read from the start of a date index while a rare word's few
rows come from the GIN index, so neither reads the whole table.
"""

import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from articles.models import ARTICLES_PER_PAGE, ArticleIndexPage, ArticlePage, Topic, article_cards
from authors.models import Author
from bilingual.languages import current_language, language_codes, localized
from bilingual.pagination import ListingPaginator
from headlines.models import Headline

from . import plans
from .documents import columns, stream_text
from .highlight import has_match, mark, snippet
from .models import ArticleDocument, AuthorDocument, HeadlineDocument, TopicDocument
from .plans import PlannedResults, plan_scope
from .text import query_terms

SEARCH_QUERY_MAX_LENGTH = 200
# Results of the other groups shown beside the articles, each with a link to all of them.
PREVIEW_SIZE = 5
RESULTS_PER_PAGE = ARTICLES_PER_PAGE


@dataclass(frozen=True)
class Kind:
    code: str
    label: object  # lazy, in the reader's language


KINDS = (
    Kind("articles", _("Articles")),
    Kind("authors", _("Authors")),
    Kind("topics", _("Topics")),
    Kind("headlines", _("Headlines")),
)
KIND_CODES = tuple(kind.code for kind in KINDS)


def clean_query(raw: str) -> str:
    """The words typed, without control or invisible characters, at most the maximum length."""
    raw = raw[: SEARCH_QUERY_MAX_LENGTH * 4]  # bound the work before looking at it
    visible = "".join(
        " " if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") else char for char in raw
    )
    return " ".join(visible.split())[:SEARCH_QUERY_MAX_LENGTH].strip()


@dataclass(frozen=True)
class SearchRequest:
    query: str
    terms: tuple[str, ...]
    section: ArticleIndexPage | None = None
    language: str | None = None
    kind: str | None = None

    @classmethod
    def from_params(cls, params) -> "SearchRequest":
        query = clean_query(params.get("q", ""))
        language = params.get("language", "")
        kind = params.get("type", "")
        return cls(
            query=query,
            terms=tuple(query_terms(query)),
            section=find_section(params.get("section", "")),
            language=language if language in language_codes() else None,
            kind=kind if kind in KIND_CODES else None,
        )

    def wants(self, kind: str) -> bool:
        if self.section is not None:  # a section holds articles only
            return kind == "articles"
        return self.kind in (None, kind)


def find_section(slug: str) -> ArticleIndexPage | None:
    if not slug or len(slug) > 255:
        return None
    return ArticleIndexPage.objects.live().public().filter(slug=slug).first()


def sections():
    """The sections a reader may filter by."""
    return list(ArticleIndexPage.objects.live().public().order_by("path").only("slug", "title"))


@dataclass
class Result:
    """One thing found, with what the results page shows of it (marked, escaped)."""

    item: object
    title: object
    title_lang: str = ""
    text: object = ""
    text_lang: str = ""
    extra: dict = field(default_factory=dict)


@dataclass
class Group:
    kind: Kind
    count: int
    results: list
    page: object = None  # the page object when this group is the one being paged

    @property
    def more(self) -> bool:
        return self.page is None and self.count > len(self.results)

    @property
    def capped(self) -> bool:
        """Counting stopped at plans.COUNT_CAP: there are more."""
        return self.count > plans.COUNT_CAP

    @property
    def shown_count(self) -> str:
        return f"{plans.COUNT_CAP}+" if self.capped else str(self.count)


def in_order(rows, pks) -> list:
    by_pk = {row.pk: row for row in rows}
    return [by_pk[pk] for pk in pks if pk in by_pk]


def matching(model, search: SearchRequest):
    documents = model.objects.filter(stems__has_stems=list(search.terms))
    if search.language:
        documents = documents.filter(languages__contains=f" {search.language} ")
    return documents


# --- groups -----------------------------------------------------------------------------


def paged_or_preview(ids, search, kind, page_number):
    """(count, ids shown, page or None): the group being paged (the one asked for, or the
    articles when everything is) gets its page, any other its first few."""
    paged = search.kind == kind or (search.kind is None and kind == "articles")
    if paged:
        page = ListingPaginator(ids, RESULTS_PER_PAGE).get_page(page_number)
        return page.paginator.count, list(page.object_list), page
    return ids.count(), list(ids[:PREVIEW_SIZE]), None


def article_group(search, page_number) -> Group:
    documents = matching(ArticleDocument, search)
    if search.section:
        documents = documents.filter(section=search.section)
    ids = documents.order_by("-published_at", "-article_id").values_list("article_id", flat=True)
    with plan_scope():
        results = PlannedResults(ids, "search_articledocument", search.terms, "published_at")
        count, shown, page = paged_or_preview(results, search, "articles", page_number)
    cards = in_order(article_cards(ArticlePage.objects.filter(pk__in=shown)), shown)
    bodies = {
        row["pk"]: row
        for row in ArticlePage.objects.filter(pk__in=shown).values(
            "pk", *columns(ArticlePage, ("body",))
        )
    }
    results = [article_result(card, bodies.get(card.pk, {}), search.terms) for card in cards]
    if page is not None:
        page.object_list = results
    return Group(KINDS[0], count, results, page)


def found_text(item, candidates, terms) -> tuple[str, str]:
    """(text, language) of the first of `candidates` (field names, or callables of a
    language) holding a word asked for, in the reader's language first; else the first
    candidate's text, as the reader would see it."""
    reader = current_language()
    for code in [reader, *[other for other in language_codes() if other != reader]]:
        for candidate in candidates:
            text = (
                candidate(code) if callable(candidate) else getattr(item, f"{candidate}_{code}", "")
            )
            if text and has_match(str(text), terms):
                return str(text), code
    first = candidates[0]
    if callable(first):
        return first(reader), reader
    value = localized(item, first)
    return str(value), value.language


def article_result(card, bodies: dict, terms) -> Result:
    title = localized(card, "title")
    text, text_lang = found_text(
        card, ["summary", lambda code: stream_text(bodies.get(f"body_{code}"))], terms
    )
    return Result(
        item=card,
        title=mark(str(title), terms),
        title_lang=title.language if title.is_fallback else "",
        text=snippet(text, terms),
        text_lang=text_lang if text_lang != current_language() else "",
    )


def headline_group(search, page_number) -> Group:
    ids = (
        matching(HeadlineDocument, search)
        .order_by("-published_on", "-headline_id")
        .values_list("headline_id", flat=True)
    )
    with plan_scope():
        results = PlannedResults(ids, "search_headlinedocument", search.terms, "published_on")
        count, shown, page = paged_or_preview(results, search, "headlines", page_number)
    headlines = in_order(Headline.objects.filter(pk__in=shown).select_related("source"), shown)
    results = []
    for headline in headlines:
        title = localized(headline, "title")
        results.append(
            Result(
                item=headline,
                title=mark(str(title), search.terms),
                title_lang=title.language if title.is_fallback else "",
            )
        )
    if page is not None:
        page.object_list = results
    return Group(KINDS[3], count, results, page)


def named_group(model, document_model, key, search, page_number, kind: Kind, text_fields=()):
    """Authors or topics: few rows, listed by name."""
    found = model.objects.filter(pk__in=matching(document_model, search).values(key)).order_by(
        f"name_{language_codes()[0]}", "pk"
    )
    ids = found.values_list("pk", flat=True)
    count, shown, page = paged_or_preview(ids, search, kind.code, page_number)
    results = []
    for row in in_order(model.objects.filter(pk__in=shown), shown):
        name = localized(row, "name")
        text, text_lang = found_text(row, text_fields, search.terms) if text_fields else ("", "")
        results.append(
            Result(
                item=row,
                title=mark(str(name), search.terms),
                title_lang=name.language if name.is_fallback else "",
                text=snippet(text, search.terms) if text else "",
                text_lang=text_lang if text and text_lang != current_language() else "",
            )
        )
    if page is not None:
        page.object_list = results
    return Group(kind, count, results, page)


def run(search: SearchRequest, page_number) -> list[Group]:
    """The groups the reader asked for, articles first."""
    if not search.terms:
        return []
    groups = []
    if search.wants("articles"):
        groups.append(article_group(search, page_number))
    if search.wants("authors"):
        groups.append(
            named_group(
                Author,
                AuthorDocument,
                "author_id",
                search,
                page_number,
                KINDS[1],
                ("credentials", "bio"),
            )
        )
    if search.wants("topics"):
        groups.append(named_group(Topic, TopicDocument, "topic_id", search, page_number, KINDS[2]))
    if search.wants("headlines"):
        groups.append(headline_group(search, page_number))
    return groups
