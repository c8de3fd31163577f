"""How fast the public search answers on a real database: p50 and p95 for each word.

    DATABASE_URL=postgres://… .venv/bin/python scripts/benchmark_search.py \
        [--rounds 30] [--explain] [--words en:copper mn:малчдын …] [--wagtail-backend]

Each word is searched as a reader does: the whole results page (/en/search/?q=… or
/mn/search/?q=…: every group, snippets, template) through Django's test client under
production settings with the page cache off, once to warm up, then --rounds times; the
table gives the articles found, p50 and p95 in milliseconds and the SQL queries of one
page. --explain prints the plan of each word's articles query, as PostgreSQL alone
would choose it and as search.plans sets it.
--wagtail-backend times instead what the site did before (Wagtail's database backend:
search() then autocomplete(), 100 results each), for a comparison; it needs that backend's
index filled (wagtailsearch_indexentry).

The database must hold a site (generate_large_site) and its search index
(manage.py rebuild_search_index --fresh).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/5")
os.environ["PAGE_CACHE_SECONDS"] = "0"

import benchmark  # noqa: E402,F401  production settings, static manifest, django.setup()
from django.db import connection  # noqa: E402

# Rare words (a handful of articles, or none) and common ones (tens of thousands), in both
# languages, inflected as a reader might type them; on the generated site of
# generate_large_site (100,000 articles, 1,000,000 headlines).
WORDS = [
    ("en", "rare", "agreement"),
    ("en", "rare", "camels"),
    ("en", "rare", "diplomats"),
    ("en", "rare", "renegotiated"),
    ("en", "rare", "zeppelin"),
    ("mn", "rare", "хэлэлцээний"),
    ("mn", "rare", "Өвөлжөөнд"),
    ("mn", "rare", "ямааны"),
    ("mn", "rare", "хотод"),
    ("mn", "rare", "сарлагууд"),
    ("en", "common", "copper"),
    ("en", "common", "herders"),
    ("en", "common", "province"),
    ("en", "common", "ministries"),
    ("en", "common", "the"),
    ("en", "common", "copper exports"),
    ("mn", "common", "малчдын"),
    ("mn", "common", "Улаанбаатарт"),
    ("mn", "common", "аймагт"),
    ("mn", "common", "асуудлын"),
    ("mn", "common", "яамны"),
    ("mn", "common", "малчдын хоршоо"),
]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[max(0, round(len(ordered) * share) - 1)]


def site_pages(rounds, explain):
    from django.test import Client

    from search.models import ArticleDocument
    from search.text import query_terms

    client = Client()
    print(
        f"{'lang':4} {'kind':6} {'query':20} {'articles':>8} {'p50 ms':>7} {'p95 ms':>7} {'SQL':>4}"
    )
    every = []
    for language, kind, words in WORDS:
        path = f"/{language}/search/"
        client.get(path, {"q": words})
        queries = []
        with connection.execute_wrapper(
            lambda run, sql, *args, seen=queries: seen.append(sql) or run(sql, *args)
        ):
            response = client.get(path, {"q": words})
        if response.status_code != 200:
            raise SystemExit(f"{path}?q={words} answered {response.status_code}")
        timings = []
        for _ in range(rounds):
            started = time.perf_counter()
            client.get(path, {"q": words})
            timings.append((time.perf_counter() - started) * 1000)
        every += timings
        terms = query_terms(words)
        found = ArticleDocument.objects.filter(stems__has_stems=terms).count()
        print(
            f"{language:4} {kind:6} {words:20} {found:>8} {statistics.median(timings):>7.1f} "
            f"{percentile(timings, 0.95):>7.1f} {len(queries):>4}"
        )
        if explain and connection.vendor == "postgresql":
            plan(terms)
    print(f"all words: p50 {statistics.median(every):.1f} ms, p95 {percentile(every, 0.95):.1f} ms")


def plan(terms):
    """The articles query's plan as PostgreSQL alone would choose it, then as searched
    (search.plans)."""
    from search.models import ArticleDocument
    from search.plans import frequency, plan_scope, use_plan, walks

    query = (
        ArticleDocument.objects.filter(stems__has_stems=terms)
        .order_by("-published_at", "-article_id")
        .values_list("article_id", flat=True)[:10]
    )
    print("    planner alone:\n    " + query.explain(analyze=True).replace("\n", "\n    "))
    with plan_scope():
        use_plan(walks(*frequency("search_articledocument", terms)))
        print("    as searched:\n    " + query.explain(analyze=True).replace("\n", "\n    "))


def wagtail_backend(rounds):
    """The search view as it was: search(), then autocomplete(), 100 results each."""
    from articles.models import ArticlePage

    print(f"{'lang':4} {'kind':6} {'query':20} {'p50 ms':>7} {'p95 ms':>7}")
    for language, kind, words in WORDS:
        timings = []
        for _ in range(rounds):
            started = time.perf_counter()
            live = ArticlePage.objects.live()
            found = []
            for matches in (live.search(words), live.autocomplete(words)):
                found += [page.pk for page in matches[:100] if page.pk not in found]
            timings.append((time.perf_counter() - started) * 1000)
        print(
            f"{language:4} {kind:6} {words:20} {statistics.median(timings):>7.0f} "
            f"{percentile(timings, 0.95):>7.0f}"
        )


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--wagtail-backend", action="store_true")
    parser.add_argument(
        "--words", nargs="+", help="language:words pairs (en:copper mn:малчдын) instead of the list"
    )
    options = parser.parse_args()
    if options.words:
        WORDS[:] = [
            (pair.split(":", 1)[0], "given", pair.split(":", 1)[1]) for pair in options.words
        ]
    if options.wagtail_backend:
        wagtail_backend(options.rounds)
    else:
        site_pages(options.rounds, options.explain)


if __name__ == "__main__":
    main()
