"""What the translation desk lists: articles and headlines missing a language or behind.

The database does the filtering and the paging. "Missing" is a filter on the current text
of the translated fields (`bilingual.translated_content.lacking_text`). "Out of date" can
only be read from revision history, so it is computed for a bounded set of candidates
(items revised more than once, newest first) and cached per latest revision; the page's
own rows then get their exact status. The query count does not grow with the rows.
"""

from dataclasses import dataclass
from functools import cached_property
from types import SimpleNamespace

from django.contrib.admin.utils import quote
from django.db.models import CharField, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Revision

from articles.models import ArticlePage
from bilingual.languages import get_language_info, language_codes, localized, localized_names
from bilingual.translated_content import lacking_text, translated_field_label
from bilingual.translation_status import (
    Item,
    TranslationStatus,
    base_content_type,
    statuses_for,
)
from headlines.models import Headline

# How many items revised more than once, newest first, are checked for an out-of-date
# language on each visit (one batch of revisions; results are cached per revision).
OUT_OF_DATE_CANDIDATES = 500

MISSING = "missing"
OUT_OF_DATE = "out_of_date"
ARTICLE = "article"
HEADLINE = "headline"


@dataclass(frozen=True)
class DeskFilters:
    """What the desk was asked for; empty strings mean "any"."""

    language: str = ""
    status: str = ""  # MISSING, OUT_OF_DATE, or either
    kind: str = ""  # ARTICLE, HEADLINE, or both
    section: object = None  # an ArticleIndexPage, or every section

    @property
    def languages(self) -> list[str]:
        return [self.language] if self.language else language_codes()


@dataclass(frozen=True)
class DeskRow:
    """One line of the desk's table."""

    kind: str
    title: str
    place: str  # the article's section or the headline's source
    cells: list  # per language: its name, state and missing fields
    edit_url: str
    live: bool


@dataclass(frozen=True)
class DeskKind:
    """One kind of item on the desk: its translated fields and how its rows are shown."""

    model: type
    fields: tuple[str, ...]
    original_language_field: str | None = None

    def needing_work(self, queryset, filters: DeskFilters) -> tuple[QuerySet, bool]:
        """`queryset` narrowed in the database to items missing or behind in the languages,
        and whether the out-of-date check had to leave older candidates unchecked."""
        missing = lacking_text(self.model, self.fields, filters.languages)
        if filters.status == MISSING:
            return queryset.filter(missing), False
        candidates = queryset.filter(revised_more_than_once(self.model))
        if filters.status != OUT_OF_DATE:
            candidates = candidates.exclude(missing)  # listed anyway
        behind, capped = self.out_of_date(candidates, filters.languages)
        if filters.status == OUT_OF_DATE:
            return queryset.filter(pk__in=behind), capped
        return queryset.filter(missing | Q(pk__in=behind)), capped

    def out_of_date(self, candidates, languages) -> tuple[list, bool]:
        """The pks among the newest candidates that lag in one of `languages`, and whether
        there were more candidates than one visit checks."""
        rows = candidates.order_by("-latest_revision_id").values(*self.status_columns())
        rows = list(rows[: OUT_OF_DATE_CANDIDATES + 1])
        statuses = self.statuses(rows[:OUT_OF_DATE_CANDIDATES])
        behind = [
            pk
            for pk, status in statuses.items()
            if any(status[code].state == OUT_OF_DATE for code in languages)
        ]
        return behind, len(rows) > OUT_OF_DATE_CANDIDATES

    def status_columns(self, with_text=False) -> list[str]:
        """What `statuses` reads of a row; with the text, no query for rows without revisions."""
        columns = ["pk", "latest_revision_id"]
        if self.original_language_field:
            columns.append(self.original_language_field)
        return columns + (localized_names(self.fields) if with_text else [])

    def statuses(self, rows) -> dict:
        """TranslationStatus by pk for rows read with `status_columns`."""
        text = set(localized_names(self.fields))
        items = [
            Item(
                row["pk"],
                row["latest_revision_id"],
                row.get(self.original_language_field) if self.original_language_field else None,
                values=row if text <= row.keys() else None,
            )
            for row in rows
        ]
        return statuses_for(self.model, items, self.fields)

    def cells(self, status: TranslationStatus) -> list[dict]:
        """Per language, what the desk's table shows."""
        return [
            {
                "language": get_language_info(s.language).name,
                "state": s.state,
                "missing": ", ".join(
                    translated_field_label(self.model, name) for name in s.missing
                ),
            }
            for s in status.languages
        ]


ARTICLES = DeskKind(ArticlePage, ArticlePage.translated_fields)
HEADLINES = DeskKind(Headline, Headline.translated_fields, Headline.original_language_field)


def revised_more_than_once(model) -> Q:
    """Only an item with an earlier revision than its latest can have fallen behind. Asking
    first for a latest revision lets the database start from the few items that have one."""
    return Q(latest_revision__isnull=False) & Exists(
        Revision.objects.filter(
            base_content_type=base_content_type(model),
            object_id=Cast(OuterRef("pk"), CharField()),
        ).exclude(pk=OuterRef("latest_revision_id"))
    )


def rows_between(queryset, start: int, stop: int, count: int) -> list:
    """Rows `start` to `stop` of an ordered queryset of `count` rows; past the middle they are
    read from the far end (as `ListingPaginator` does), so the last page costs the first's."""
    if start > count // 2:
        return list(queryset.reverse()[count - stop : count - start])[::-1]
    return list(queryset[start:stop])


def _title(row: dict) -> str:
    """The title in the admin user's language, else another one."""
    return str(localized(SimpleNamespace(**row), "title"))


class ArticleListing:
    """The articles needing work, newest revision first; rows are built one page at a time.

    Finding them reads every body, so it is done once: one query lists the matching pks in
    order (tens of thousands of integers at most), which gives both the count and the page."""

    kind = ARTICLES

    def __init__(self, filters: DeskFilters, sections):
        queryset = ArticlePage.objects.all()
        if filters.section is not None:
            queryset = queryset.child_of(filters.section)
        queryset, self.out_of_date_capped = self.kind.needing_work(queryset, filters)
        self.queryset = queryset.order_by("-latest_revision_created_at", "-pk")
        self.section_titles = {s.path: str(localized(s, "title")) for s in sections}

    @cached_property
    def pks(self) -> list[int]:
        return list(self.queryset.values_list("pk", flat=True))

    def count(self) -> int:
        return len(self.pks)

    def rows(self, start: int, stop: int, count: int) -> list[DeskRow]:
        columns = self.kind.status_columns(with_text=True)
        page = self.pks[start:stop]
        found = ArticlePage.objects.filter(pk__in=page).values("path", "live", *columns)
        by_pk = {row["pk"]: row for row in found}
        values = [by_pk[pk] for pk in page if pk in by_pk]
        statuses = self.kind.statuses(values)
        step = ArticlePage.steplen
        return [
            DeskRow(
                kind=_("Article"),
                title=_title(row),
                place=self.section_titles.get(row["path"][:-step], ""),
                cells=self.kind.cells(statuses[row["pk"]]),
                edit_url=reverse("wagtailadmin_pages:edit", args=[row["pk"]]),
                live=row["live"],
            )
            for row in values
        ]


class HeadlineListing:
    """The headlines needing work, newest first."""

    kind = HEADLINES

    def __init__(self, filters: DeskFilters):
        queryset, self.out_of_date_capped = self.kind.needing_work(Headline.objects.all(), filters)
        self.queryset = queryset.order_by("-published_on", "-pk")
        self.filters = filters

    def count(self) -> int:
        """Counted in two parts: the few headlines with a revision by the desk's own filter,
        the million without one by their columns alone (their current text), which spares
        those the join to revisions. Only a revised headline can be out of date."""
        revised = self.queryset.filter(latest_revision__isnull=False).count()
        if self.filters.status == OUT_OF_DATE:
            return revised
        own_text_lacking = lacking_text(
            Headline, self.kind.fields, self.filters.languages, published=True
        )
        unrevised = Headline.objects.filter(latest_revision__isnull=True).filter(own_text_lacking)
        return revised + unrevised.count()

    def rows(self, start: int, stop: int, count: int) -> list[DeskRow]:
        columns = self.kind.status_columns(with_text=True)
        values = rows_between(
            self.queryset.values("live", "source__domain", *columns), start, stop, count
        )
        statuses = self.kind.statuses(values)
        edit_url_name = Headline.snippet_viewset.get_url_name("edit")
        return [
            DeskRow(
                kind=_("Headline"),
                title=_title(row),
                place=row["source__domain"],
                cells=self.kind.cells(statuses[row["pk"]]),
                edit_url=reverse(edit_url_name, args=[quote(row["pk"])]),
                live=row["live"],
            )
            for row in values
        ]


class DeskListing:
    """Articles then headlines as one sequence Django's Paginator can page: counting and
    slicing run in the database, and only the requested page's rows are built."""

    def __init__(self, filters: DeskFilters, sections):
        self.listings = []
        if filters.kind in ("", ARTICLE):
            self.listings.append(ArticleListing(filters, sections))
        if filters.kind in ("", HEADLINE) and filters.section is None:
            self.listings.append(HeadlineListing(filters))

    @property
    def out_of_date_checked(self) -> int | None:
        """How many items of each kind the out-of-date check read, when it could not read all."""
        if any(listing.out_of_date_capped for listing in self.listings):
            return OUT_OF_DATE_CANDIDATES
        return None

    @cached_property
    def counts(self) -> list[int]:
        return [listing.count() for listing in self.listings]

    def count(self) -> int:
        return sum(self.counts)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("The desk listing is read a page at a time.")
        start, stop = index.start or 0, index.stop
        rows, offset = [], 0
        for listing, count in zip(self.listings, self.counts, strict=True):
            if stop > offset and start < offset + count:
                rows += listing.rows(
                    max(start - offset, 0), min(stop, offset + count) - offset, count
                )
            offset += count
        return rows
