"""How fast the reading pages are, on a real database, under production settings.

    DATABASE_URL=postgres://… .venv/bin/python scripts/benchmark.py throughput [--rounds 3]
    DATABASE_URL=postgres://… .venv/bin/python scripts/benchmark.py single [--requests 20]
    DATABASE_URL=postgres://… .venv/bin/python scripts/benchmark.py cold

throughput: gunicorn runs the trivial view (scripts/benchmark_floor.py) and the site twice,
    with the full-page cache (PAGE_CACHE_SECONDS default) and without (PAGE_CACHE_SECONDS=0);
    wrk measures every page on each, round by round, interleaved with the trivial view, and
    the table gives each page's median ratio to the trivial view's requests per second.
single: one client in this process (the page cache off): median and p95 milliseconds and
    the SQL queries of each page, the sitemap index and each of its pages, and the translation
    desk. Use it on the site of `manage.py generate_large_site`.
cold: a fresh gunicorn with an empty cache; the first request to home and to an article,
    and how many image renditions those requests had to make (none, if publishing made them).
load: 32 readers at once for 60 s on home and on an article, with the page cache: requests/s,
    p50 and p99 milliseconds, errors and timeouts.

The database must hold a site (load_demo, or generate_large_site). Redis is REDIS_URL
(redis://127.0.0.1:6379/7 unless set); the servers listen on --port and the next two ports.
gunicorn takes gunicorn.conf.py when the repository has one, else the flags below.
"""

import argparse
import os
import re
import secrets
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Production settings on a private machine: plain HTTP, no HSTS, email to the console.
LOCAL_PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(40),
    "SECURE_COOKIES": "false",
    "SECURE_SSL_REDIRECT": "false",
    "SECURE_HSTS_SECONDS": "0",
    "ALLOWED_HOSTS": "localhost,127.0.0.1,testserver",
    "ALLOW_CONSOLE_EMAIL": "true",
    "REDIS_URL": "redis://127.0.0.1:6379/7",
    "CONN_MAX_AGE": "600",
}
for name, value in LOCAL_PRODUCTION.items():
    os.environ.setdefault(name, value)

# Production settings read the static files' manifest, once, when first asked for a file.
subprocess.run(
    [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, check=True
)

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402


def reading_pages() -> dict[str, str]:
    """label -> path of each page measured, found in the database."""
    from django.db.models import Count

    from articles.models import ArticleIndexPage, ArticlePage
    from authors.models import Author

    # The last pages are asked for as `?page=last`: a listing counts only the articles every
    # reader may open, and a page number past its end is a 404.
    section = ArticleIndexPage.objects.live().order_by("path").first()
    both = ArticlePage.objects.live().exclude(title_mn__isnull=True).exclude(title_mn="")
    article = both.exclude(title_en__isnull=True).exclude(title_en="").order_by("-pk").first()
    author = (
        Author.objects.filter(kind=Author.Kind.STAFF)
        .annotate(pieces=Count("article_bylines"))
        .order_by("-pieces")
        .first()
    )
    relative = article.url_path.split("/", 2)[2]  # without the site root's slug
    section_path = section.url_path.split("/", 2)[2]
    return {
        "home": "/en/",
        "section": f"/en/{section_path}",
        "section last": f"/en/{section_path}?page=last",
        "article en": f"/en/{relative}",
        "article mn": f"/mn/{relative}",
        "author": f"/en/authors/{author.slug}/",
        "author last": f"/en/authors/{author.slug}/?page=last",
        "archive": "/en/headlines/en/",
        "archive last": "/en/headlines/en/?page=last",
        "feed": "/en/headlines/en/feed/",
        "article feed": "/en/feeds/rss/",
        "section feed": f"/en/feeds/sections/{section.slug}/atom/",
        "sitemap": "/sitemap.xml",
        "search": "/en/search/?q=copper",
    }


# --- servers ---------------------------------------------------------------------------------


def gunicorn(app: str, port: int, **env) -> subprocess.Popen:
    config = ROOT / "gunicorn.conf.py"
    command = [str(ROOT / ".venv/bin/gunicorn"), app, "--bind", f"127.0.0.1:{port}"]
    if config.exists():
        command[1:1] = ["--config", str(config)]
    else:  # the deploy's gunicorn.conf.py is not here yet: its settings, spelled out
        command += ["--workers", "2", "--timeout", "60", "--access-logfile", "/dev/null"]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": f"{ROOT}:{ROOT / 'scripts'}", **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit(f"gunicorn on port {port} did not start")


def flush_cache():
    from django.core.cache import cache

    cache.clear()


def wrk(url: str, seconds: int, connections: int, threads: int = 1) -> dict:
    """Requests per second, p50 and p99 milliseconds, errors (refused, broken or non-2xx
    answers) and timeouts (over 2 s)."""
    result = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "2s"]
        + ["--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    socket = re.search(r"connect (\d+), read (\d+), write (\d+), timeout (\d+)", result)
    connect, read, write, timeouts = map(int, socket.groups()) if socket else (0,) * 4
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", result)
    return {
        "rate": float(re.search(r"Requests/sec:\s+([\d.]+)", result).group(1)),
        "p50": latency(result, "50%"),
        "p99": latency(result, "99%"),
        "errors": connect + read + write + (int(non_2xx.group(1)) if non_2xx else 0),
        "timeouts": timeouts,
    }


def latency(wrk_output: str, percentile: str) -> float:
    """A percentile of wrk's latency distribution, in milliseconds."""
    number, unit = re.search(rf"^\s+{percentile}\s+([\d.]+)(us|ms|s)", wrk_output, re.M).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def check(url: str):
    with urllib.request.urlopen(url, timeout=60) as response:
        if response.status != 200:
            raise SystemExit(f"{url} answered {response.status}")


def throughput(options):
    pages = reading_pages()
    flush_cache()
    floor_port, cached_port, uncached_port = options.port, options.port + 1, options.port + 2
    servers = [
        gunicorn("benchmark_floor:application", floor_port),
        gunicorn("portal.wsgi:application", cached_port),
        gunicorn("portal.wsgi:application", uncached_port, PAGE_CACHE_SECONDS="0"),
    ]
    try:
        for port in (cached_port, uncached_port):
            for path in pages.values():
                check(f"http://127.0.0.1:{port}{path}")
        ratios = {(label, kind): [] for label in pages for kind in ("cached", "uncached")}
        floors, errors = [], {}
        for round_number in range(1, options.rounds + 1):
            for label, path in pages.items():
                for kind, port in (("cached", cached_port), ("uncached", uncached_port)):
                    floor = wrk(f"http://127.0.0.1:{floor_port}/", options.seconds, 8)["rate"]
                    measured = wrk(f"http://127.0.0.1:{port}{path}", options.seconds, 8)
                    rate, bad = measured["rate"], measured["errors"] + measured["timeouts"]
                    floors.append(floor)
                    ratios[(label, kind)].append((rate, rate / floor))
                    errors[(label, kind)] = errors.get((label, kind), 0) + bad
            print(f"round {round_number} of {options.rounds} done", file=sys.stderr)
        print(f"trivial view: median {statistics.median(floors):.0f} requests/s")
        print(
            f"{'page':14} {'cached r/s':>10} {'ratio':>6} {'uncached r/s':>12} {'ratio':>6}  path"
        )
        for label, path in pages.items():
            cells = []
            for kind in ("cached", "uncached"):
                rates = ratios[(label, kind)]
                cells.append(statistics.median(r for r, _ in rates))
                cells.append(statistics.median(q for _, q in rates))
            flag = " (errors)" if errors[(label, "cached")] + errors[(label, "uncached")] else ""
            print(
                f"{label:14} {cells[0]:>10.0f} {cells[1]:>6.3f} {cells[2]:>12.0f} "
                f"{cells[3]:>6.3f}  {path}{flag}"
            )
    finally:
        for server in servers:
            server.terminate()
            server.wait()


# --- one client ------------------------------------------------------------------------------


def single(options):
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    os.environ["PAGE_CACHE_SECONDS"] = "0"
    from django.conf import settings

    settings.PAGE_CACHE_SECONDS = 0
    pages = reading_pages()
    pages["archive by source"] = "/en/headlines/en/?source=" + source_domain()
    pages.pop("search")
    client = Client()
    if "sitemap" not in options.skip:
        sitemap = client.get("/sitemap.xml").content.decode()
        for location in re.findall(r"<loc>http://testserver([^<]+)</loc>", sitemap):
            if "sitemap" in location:
                pages[f"sitemap {location.removeprefix('/sitemap-')}"] = location
    pages = {label: path for label, path in pages.items() if label not in options.skip}
    desk = Client()
    desk.force_login(desk_user())
    print(f"{'page':26} {'median ms':>9} {'p95 ms':>7} {'queries':>7}  path")
    for label, path in [*pages.items(), ("translation desk", "/admin/translation-desk/")]:
        reader = desk if label == "translation desk" else client
        reader.get(path)
        connection.queries_log.clear()  # each request clears it: count from empty
        with CaptureQueriesContext(connection) as queries:
            response = reader.get(path)
        query_count = len(queries)  # now: the next request empties Django's query log
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        timings = []
        for _ in range(options.requests):
            started = time.perf_counter()
            reader.get(path)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        p95 = timings[max(0, round(len(timings) * 0.95) - 1)]
        print(f"{label:26} {statistics.median(timings):>9.0f} {p95:>7.0f} {query_count:>7}  {path}")


def source_domain() -> str:
    from headlines.models import Source

    return Source.objects.filter(language="en").order_by("pk").first().domain


def desk_user():
    from django.contrib.auth import get_user_model

    user, _created = get_user_model().objects.get_or_create(
        username="benchmark-desk", defaults={"is_superuser": True, "is_staff": True}
    )
    return user


# --- cold start ------------------------------------------------------------------------------


def cold(options):
    from wagtail.images import get_image_model

    renditions = get_image_model().get_rendition_model().objects
    pages = reading_pages()
    flush_cache()
    server = gunicorn("portal.wsgi:application", options.port)
    try:
        for label in ("home", "article en"):
            made_before = renditions.count()
            started = time.perf_counter()
            check(f"http://127.0.0.1:{options.port}{pages[label]}")
            elapsed = (time.perf_counter() - started) * 1000
            made = renditions.count() - made_before
            print(f"first {label}: {elapsed:.0f} ms, {made} renditions made in the request")
    finally:
        server.terminate()
        server.wait()


# --- many readers at once --------------------------------------------------------------------


def load(options):
    pages = reading_pages()
    flush_cache()
    server = gunicorn("portal.wsgi:application", options.port)
    try:
        print(f"{options.connections} readers for {options.load_seconds} s, page cache on")
        print(f"{'page':10} {'r/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'errors':>6} {'timeouts':>8}")
        for label in ("home", "article en"):
            url = f"http://127.0.0.1:{options.port}{pages[label]}"
            check(url)
            measured = wrk(url, options.load_seconds, options.connections, threads=2)
            print(
                f"{label:10} {measured['rate']:>8.0f} {measured['p50']:>7.1f} "
                f"{measured['p99']:>7.1f} {measured['errors']:>6} {measured['timeouts']:>8}"
            )
    finally:
        server.terminate()
        server.wait()


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("mode", choices=["throughput", "single", "cold", "load"])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5, help="each wrk run")
    parser.add_argument("--requests", type=int, default=20, help="per page, single mode")
    parser.add_argument("--port", type=int, default=8330)
    parser.add_argument("--skip", nargs="*", default=[], help="pages to leave out, by label")
    parser.add_argument("--connections", type=int, default=32, help="readers, load mode")
    parser.add_argument("--load-seconds", type=int, default=60, help="load mode")
    options = parser.parse_args()
    if connection.vendor != "postgresql":
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database holding a site.")
    modes = {"throughput": throughput, "single": single, "cold": cold, "load": load}
    modes[options.mode](options)


if __name__ == "__main__":
    main()
