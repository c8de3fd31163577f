"""Re-read everything findable into the search index, a batch at a time.

    manage.py rebuild_search_index [--only articles headlines authors topics]
                                   [--batch-size 1000] [--fresh]

Needed after writes that send no signals (`generate_large_site`, raw SQL); otherwise every
change keeps the index current by itself. Memory holds one batch. `--fresh` empties each
table first and, on PostgreSQL, builds its GIN index once at the end instead of row by row
(several times faster for a first build; searches find nothing of that kind meanwhile).
"""

import time

from django.core.management import BaseCommand, CommandError
from django.db import connection, reset_queries, transaction

from search.documents import INDEXERS, in_batches
from search.models import GIN_INDEXES

DOCUMENT_MODELS = {
    "articles": "ArticleDocument",
    "headlines": "HeadlineDocument",
    "authors": "AuthorDocument",
    "topics": "TopicDocument",
}


class Command(BaseCommand):
    help = "Rebuild the public search index (articles, headlines, authors, topics)."

    def add_arguments(self, parser):
        parser.add_argument("--only", nargs="+", choices=list(INDEXERS), default=list(INDEXERS))
        parser.add_argument("--batch-size", type=int, default=1000)
        parser.add_argument("--fresh", action="store_true", help="Empty the tables first.")

    def handle(self, *args, only, batch_size, fresh, **options):
        if not 1 <= batch_size <= 10_000:
            raise CommandError("--batch-size must be between 1 and 10000.")
        from django.apps import apps

        for kind in only:
            source, index = INDEXERS[kind]
            documents = apps.get_model("search", DOCUMENT_MODELS[kind])
            table = documents._meta.db_table
            started = time.monotonic()
            postgres = connection.vendor == "postgresql"
            if fresh:
                documents.objects.all().delete()
                if postgres:
                    with connection.cursor() as cursor:
                        cursor.execute(f'DROP INDEX IF EXISTS "{GIN_INDEXES[table]}"')

            def index_batch(pks, index=index):
                with transaction.atomic():
                    index(pks)
                reset_queries()  # under DEBUG, Django would keep every statement

            read = in_batches(
                source.objects.order_by("pk").values_list("pk", flat=True), index_batch, batch_size
            )
            if postgres:
                with connection.cursor() as cursor:
                    if fresh:
                        # Inside an outer transaction (tests), deferred foreign-key checks
                        # would forbid the index: run them now.
                        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                        cursor.execute(
                            f'CREATE INDEX IF NOT EXISTS "{GIN_INDEXES[table]}" '
                            f'ON "{table}" USING gin (stems)'
                        )
                    # Fresh statistics for search.plans, and (outside a transaction) the
                    # visibility map that lets counts skip the table's pages.
                    vacuum = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
                    cursor.execute(f'{vacuum} "{table}"')
            self.stdout.write(
                f"{kind}: {read} read, {documents.objects.count()} findable, "
                f"{time.monotonic() - started:.0f} s"
            )
