"""Where the time of a reading request goes: cProfile over repeated requests to one address.

    DJANGO_SETTINGS_MODULE=portal.settings.production SECRET_KEY=... \\
    DATABASE_URL=postgres://... REDIS_URL=redis://... ALLOWED_HOSTS=testserver \\
    SECURE_SSL_REDIRECT=false SECURE_COOKIES=false SECURE_HSTS_SECONDS=0 \\
    .venv/bin/python scripts/profile_reading.py /en/news/some-article/ [--requests 200]

Runs against the configured database (load_demo first), through Django's test client, after
a few warm-up requests. Prints the queries and Redis calls of one request, the median time,
then the functions with the largest cumulative share of the run, grouped by where they live
(project code, Wagtail, Django's template engine, SQL, Redis).
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

# Functions whose cumulative time says something about where a request goes.
WATCHED = {
    "SQL (execute)": ("django/db/backends/utils.py", "_execute"),
    "SQL compilation": ("django/db/models/sql/compiler.py", "as_sql"),
    "Redis calls": ("redis/client.py", "execute_command"),
    "Redis client creation": ("django/core/cache/backends/redis.py", "get_client"),
    "Wagtail routing (serve)": ("wagtail/views.py", "serve"),
    "Wagtail site lookup": ("wagtail/models/sites.py", "find_for_request"),
    "Wagtail .specific": ("wagtail/models/specific.py", "specific"),
    "page.get_context": ("wagtail/models/pages.py", "get_context"),
    "template rendering": ("django/template/backends/django.py", "render"),
    "section navigation tag": ("portal/templatetags/navigation.py", "site_sections"),
    "hreflang links tag": ("bilingual/templatetags/bilingual.py", "hreflang_links"),
    "structured data tag": ("articles/templatetags/article_tags.py", "article_structured_data"),
    "lead/card images": ("wagtail/images/templatetags/wagtailimages_tags.py", "render"),
    "article body (include_block)": ("wagtail/templatetags/wagtailcore_tags.py", "render"),
    "headline lists": ("headlines/lists.py", "front_page_lists"),
    "fragment caches": ("portal/fragment_cache.py", "cached"),
    "middleware chain": ("django/core/handlers/base.py", "get_response"),
}


def queries_of(client, path):
    """The SQL statements one request runs."""
    statements = []

    def record(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        client.get(path)
    if os.environ.get("SHOW_QUERIES"):
        print("\n".join(sql[:300] for sql in statements))
    return statements


def redis_calls(client, path):
    """How many Redis commands one request sends (0 when the cache is not Redis)."""
    try:
        from redis.client import Redis
    except ImportError:
        return 0
    calls = []
    original = Redis.execute_command

    def counting(self, *args, **kwargs):
        calls.append(args[0])
        return original(self, *args, **kwargs)

    Redis.execute_command = counting
    try:
        client.get(path)
    finally:
        Redis.execute_command = original
    return len(calls)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    client = Client()
    for path in args.paths:
        for _ in range(5):
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        captured = queries_of(client, path)
        timings = []
        profiler = cProfile.Profile()
        for _ in range(args.requests):
            start = time.perf_counter()
            profiler.enable()
            client.get(path)
            profiler.disable()
            timings.append((time.perf_counter() - start) * 1000)
        stats = pstats.Stats(profiler)
        total = sum(timings) / 1000
        print(
            f"\n== {path}: {len(captured)} queries, {redis_calls(client, path)} Redis calls, "
            f"median {statistics.median(timings):.1f} ms over {args.requests} requests"
        )
        shares = []
        for (filename, _line, name), (_cc, _nc, _tt, cumulative, _callers) in stats.stats.items():
            for label, (suffix, function) in WATCHED.items():
                if filename.endswith(suffix) and name == function:
                    shares.append((cumulative, label))
        merged = {}
        for cumulative, label in shares:
            merged[label] = merged.get(label, 0) + cumulative
        for label, cumulative in sorted(merged.items(), key=lambda item: -item[1]):
            print(f"  {100 * cumulative / total:5.1f} %  {label}")
        if args.top:
            stats.sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
