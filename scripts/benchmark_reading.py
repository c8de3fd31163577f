"""Reading pages under load of content: queries and time per request, small site vs large.

    .venv/bin/python scripts/benchmark_reading.py [--articles 1000] [--headlines 10000]

Builds a throwaway test database (SQLite by default, PostgreSQL with DATABASE_URL), fills it
twice, and prints one line per page and size: the number of SQL queries and the median of
20 requests in milliseconds. The query counts are what must not grow with the content.
"""

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
)
from django.utils import timezone, translation  # noqa: E402

PAGES = {
    "home /en/": "/en/",
    "home /mn/": "/mn/",
    "section /en/news/": "/en/news/",
    "section page 5 /mn/news/?page=5": "/mn/news/?page=5",
    "article /mn/news/story-1/": "/mn/news/story-1/",
    "author /en/authors/bench/": "/en/authors/bench/",
    "headline archive /en/headlines/mn/": "/en/headlines/mn/",
    "headline archive page 3 /mn/headlines/en/?page=3": "/mn/headlines/en/?page=3",
    "headline feed /en/headlines/en/feed/": "/en/headlines/en/feed/",
}


def build_site(articles: int, headlines: int):
    from articles.factories import ArticleIndexPageFactory, ArticlePageFactory
    from articles.models import ArticleAuthor
    from authors.factories import AuthorFactory
    from headlines.factories import SourceFactory
    from headlines.models import Headline
    from portal.factories import make_site_home

    home = make_site_home()
    section = ArticleIndexPageFactory(parent=home, title_en="News", slug="news")
    author = AuthorFactory(slug="bench")
    for number in range(articles):
        page = ArticlePageFactory(
            parent=section,
            slug=f"story-{number}",
            title_mn=f"Нийтлэл {number}",
            summary_mn="Товч.",
            body_mn=[("paragraph", "<p>Бичвэр.</p>")],
        )
        ArticleAuthor.objects.create(page=page, author=author)
    sources = [SourceFactory(domain=f"www.bench{n}.mn") for n in range(20)]
    start = datetime.date(2025, 12, 5)
    rows = [
        Headline(
            title_en=f"HEADLINE {n}" if n % 2 else "",
            title_mn="" if n % 2 else f"ГАРЧИГ {n}",
            language="en" if n % 2 else "mn",
            url=f"https://www.bench.mn/{n}",
            source=sources[n % 20],
            published_on=start - datetime.timedelta(days=n // 50),
            live=True,
        )
        for n in range(headlines)
    ]
    for row in rows:  # bulk_create skips save(), which sets the de-duplication key
        row.dedup_key = row.compute_dedup_key()
    Headline.objects.bulk_create(rows, batch_size=1000)


def measure(client, path):
    client.get(path)  # warm caches that a running site keeps warm
    connection.queries_log.clear()  # the log is capped: a full one would count nothing
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    query_count = len(queries)  # read now: later requests reset the query log
    assert response.status_code == 200, (path, response.status_code)
    timings = []
    for _ in range(20):
        started = time.perf_counter()
        client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
    return query_count, statistics.median(timings)


def run(sizes):
    setup_test_environment()
    if connection.vendor == "sqlite":
        # A file, not shared memory, so that each size really starts from an empty database.
        connection.settings_dict["TEST"]["NAME"] = str(Path(tempfile.mkdtemp()) / "bench.sqlite3")
    results = {}
    for articles, headlines in sizes:
        # A fresh database per size: Wagtail's root page comes from its migrations.
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            with translation.override("en"):
                build_site(articles, headlines)
            client = Client()
            for label, path in PAGES.items():
                results[(label, articles, headlines)] = measure(client, path)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--headlines", type=int, default=10000)
    options = parser.parse_args()
    small, large = (60, 200), (options.articles, options.headlines)
    started = timezone.now()
    results = run([small, large])
    print(
        f"database: {connection.vendor}; sizes: small={small}, large={large} (articles, headlines)"
    )
    print(
        f"{'page':40} {'queries small':>13} {'queries large':>13} {'ms small':>9} {'ms large':>9}"
    )
    for label in PAGES:
        q_small, ms_small = results[(label, *small)]
        q_large, ms_large = results[(label, *large)]
        print(f"{label:40} {q_small:>13} {q_large:>13} {ms_small:>9.1f} {ms_large:>9.1f}")
    print(f"took {(timezone.now() - started).total_seconds():.0f} s")


if __name__ == "__main__":
    main()
