"""How PostgreSQL reads a search's matches, chosen here rather than left to the planner.

There are two good ways to find the newest documents holding some stems, and a bad
choice between them costs seconds:

- rare words: the GIN index gives the few matching rows, which are then sorted by date;
- common words: walking the date index newest first finds the page's rows within a few
  hundred, while the GIN index would hand over hundreds of thousands of rows to sort.

PostgreSQL estimates how many rows hold a word from its statistics of the column (the most
common lexemes and their frequencies); for a word missing from that list it guesses half
the lowest frequency listed, which on a newsroom's narrow vocabulary means thousands of
rows. It then walks the date index for a word that matches nothing, reading a million
headlines (0.9 s). Here a word missing from the list counts as rare, which is what its
absence means, and the plan is set for the query (SET LOCAL). Counting is bounded the same
way: a common word is counted along the date index up to COUNT_CAP, never in full.
"""

import time
from contextlib import contextmanager

from django.db import connection, transaction

# Above this many estimated matches, a search walks the date index.
RARE_ROWS = 2_000
# Results are counted up to this many ("1,000+"), on every database.
COUNT_CAP = 1_000
STATISTICS_SECONDS = 600

_statistics: dict[str, tuple[float, float, dict[str, float]]] = {}


def column_statistics(table: str) -> tuple[float, dict[str, float]]:
    """(rows, frequency by lexeme) of a search table, from PostgreSQL's own statistics,
    read at most once every STATISTICS_SECONDS per process."""
    now = time.monotonic()
    kept = _statistics.get(table)
    if kept and now - kept[0] < STATISTICS_SECONDS:
        return kept[1], kept[2]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.reltuples, s.most_common_elems::text[], s.most_common_elem_freqs "
            "FROM pg_class c LEFT JOIN pg_stats s "
            "ON s.tablename = c.relname AND s.attname = 'stems' AND s.schemaname = "
            "current_schema() WHERE c.relname = %s AND c.relnamespace = "
            "current_schema()::regnamespace",
            [table],
        )
        row = cursor.fetchone()
    rows, lexemes, frequencies = row if row else (0, None, None)
    known = dict(zip(lexemes or [], frequencies or [], strict=False))
    _statistics[table] = (now, max(rows or 0, 0), known)
    return max(rows or 0, 0), known


def estimated_matches(table: str, terms) -> float:
    """Rows holding every term, if the terms were independent. A term missing from the
    statistics is rarer than every listed one: taken as none."""
    rows, known = column_statistics(table)
    estimate = rows
    for term in terms:
        estimate *= known.get(term, 0.0)
    return estimate


def is_common(table: str, terms) -> bool:
    return connection.vendor == "postgresql" and estimated_matches(table, terms) > RARE_ROWS


@contextmanager
def planned(common: bool):
    """Queries inside read rare words from the GIN index and common ones along the date
    index (PostgreSQL; elsewhere it changes nothing)."""
    if connection.vendor != "postgresql":
        yield
        return
    switched = (
        ("enable_seqscan", "enable_bitmapscan")
        if common
        else ("enable_seqscan", "enable_indexscan")
    )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("; ".join(f"SET LOCAL {name} = off" for name in switched))
        try:
            yield
        finally:
            # Inside an outer transaction SET LOCAL would outlast this block.
            cursor.execute("; ".join(f"RESET {name}" for name in switched))


class PlannedResults:
    """A search's matching ids for ListingPaginator: counted up to COUNT_CAP, each page read
    with the plan that suits the words (no reversed reading: the count may be capped)."""

    def __init__(self, ids_queryset, table: str, terms):
        self.ids = ids_queryset
        self.common = is_common(table, terms)

    def count(self) -> int:
        with planned(self.common):
            return self.ids[: COUNT_CAP + 1].count()

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        if not isinstance(window, slice):
            raise TypeError("PlannedResults is read a page (a slice) at a time")
        with planned(self.common):
            return list(self.ids[window])
