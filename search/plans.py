"""How PostgreSQL reads a search's matches: chosen here, not left to the planner's guess.

There are two ways to find the newest documents holding some stems, and a bad choice
between them costs seconds on a million headlines:

- rare words: the GIN index hands over the few matching rows, which are sorted by date;
  the cost grows with the matches (a heap page read for each).
- common words: walking the date index newest first meets a match every few rows; the cost
  grows with the rows walked, about COUNT_CAP / frequency to count up to the cap.

PostgreSQL estimates a word's frequency from its statistics of the column (the most common
lexemes); for a word missing from that list it guesses half the lowest listed frequency,
which on a newsroom's narrow vocabulary is thousands of rows, so it walks the date index
for a word that matches nothing and reads every row (0.9 s). Here a word missing from the
list counts as rare, which is what its absence means; words searched together count as
frequent as the rarest of them. Common words walk only as far back as the matches they
should need (twice that, by their frequency); when fewer turn up there (words that seldom
meet), the GIN index takes over. The plan is set for the query with SET LOCAL.

Counting stops at COUNT_CAP ("200+"), on every database: counting all 583,000 headlines
holding a word would cost more than the whole page may.
"""

import math
import time
from contextlib import contextmanager

from django.db import connection, transaction

COUNT_CAP = 200
# A match read through the GIN index (a heap page each) costs about this many rows walked
# along the date index (measured on the generated site: 30,000 matches 230 ms, 33,000 rows
# walked 28 ms).
GIN_MATCH_COST = 8
STATISTICS_SECONDS = 600

_statistics: dict[str, tuple[float, float, dict[str, float]]] = {}


def column_statistics(table: str) -> tuple[float, dict[str, float]]:
    """(rows, frequency by lexeme) of a search table, from PostgreSQL's statistics, read at
    most once every STATISTICS_SECONDS per process."""
    now = time.monotonic()
    kept = _statistics.get(table)
    if kept and now - kept[0] < STATISTICS_SECONDS:
        return kept[1], kept[2]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.reltuples, s.most_common_elems::text::text[], s.most_common_elem_freqs "
            "FROM pg_class c LEFT JOIN pg_stats s "
            "ON s.tablename = c.relname AND s.attname = 'stems' "
            "AND s.schemaname = current_schema() "
            "WHERE c.relname = %s AND c.relnamespace = current_schema()::regnamespace",
            [table],
        )
        row = cursor.fetchone()
    rows, lexemes, frequencies = row if row else (0, None, None)
    known = dict(zip(lexemes or [], frequencies or [], strict=False))
    _statistics[table] = (now, max(rows or 0, 0), known)
    return max(rows or 0, 0), known


def frequency(table: str, terms) -> tuple[float, float]:
    """(rows in the table, share of them holding every term, at most)."""
    rows, known = column_statistics(table)
    return rows, min((known.get(term, 0.0) for term in terms), default=0.0)


def walks(rows: float, share: float) -> bool:
    """Whether walking the date index is cheaper than reading the matches from GIN."""
    matches = rows * share
    return matches > 0 and COUNT_CAP / share < matches * GIN_MATCH_COST


@contextmanager
def plan_scope():
    """One transaction for a group's queries, so that SET LOCAL holds for them only."""
    if connection.vendor != "postgresql":
        yield
        return
    nested = connection.in_atomic_block
    with transaction.atomic():
        yield
        if nested:  # SET LOCAL would outlast this block inside an outer transaction
            with connection.cursor() as cursor:
                cursor.execute(
                    "RESET enable_seqscan; RESET enable_indexscan; RESET enable_bitmapscan"
                )


def use_plan(walk: bool) -> None:
    if connection.vendor != "postgresql":
        return
    off, on = (
        ("enable_bitmapscan", "enable_indexscan")
        if walk
        else ("enable_indexscan", "enable_bitmapscan")
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SET LOCAL enable_seqscan = off; SET LOCAL {off} = off; SET LOCAL {on} = on"
        )


class PlannedResults:
    """A search's matching ids for ListingPaginator, counted up to COUNT_CAP, read with the
    plan that suits the words. Use it inside `plan_scope()`. (Not a QuerySet: the
    paginator's reading from the far end would need the full count.)"""

    def __init__(self, ids_queryset, table: str, terms, date_field: str):
        self.ids = self.unbounded = ids_queryset
        self.walk = False
        self.plan = None
        self._count = None
        if connection.vendor == "postgresql":
            rows, share = frequency(table, terms)
            if walks(rows, share):
                self.walk = True
                self.needed_rows = math.ceil(2 * (COUNT_CAP + 1) / share)
                self.date_field = date_field

    def count(self) -> int:
        if self._count is None:
            if self.walk:
                self._count = self._count_recent()
            if not self.walk:
                self.use_plan(walk=False)
                self._count = self.ids[: COUNT_CAP + 1].count()
        return self._count

    def _count_recent(self):
        """Count along the date index, no further back than the newest `needed_rows`
        documents; None (and the GIN index from now on) when too few match there."""
        documents = self.ids.model.objects.order_by(f"-{self.date_field}")
        self.use_plan(walk=True)
        oldest = documents.values_list(self.date_field, flat=True)[
            self.needed_rows : self.needed_rows + 1
        ]
        oldest = next(iter(oldest), None)
        if oldest is not None:
            self.ids = self.ids.filter(**{f"{self.date_field}__gte": oldest})
        found = self.ids[: COUNT_CAP + 1].count()
        if found > COUNT_CAP or oldest is None:
            return found
        self.ids, self.walk = self.unbounded, False
        return None

    def use_plan(self, walk: bool):
        if self.plan != walk:
            use_plan(walk)
            self.plan = walk

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        if not isinstance(window, slice):
            raise TypeError("PlannedResults is read a page (a slice) at a time")
        if self.count() == 0:
            return []
        self.use_plan(walk=self.walk)
        return list(self.ids[window])
