"""fetch_headlines against a local HTTP server: 200, 304, timeouts, 500s, one failure among many,
the cap on items taken from one feed."""

import time

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from pytest_httpserver import HTTPServer
from werkzeug import Response

from headlines.factories import SourceFactory
from headlines.ingest.polling import poll_source
from headlines.models import Headline, Source

from .feeds_samples import ATOM, RSS

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def make_httpserver():
    """Feeds are fetched at the same time: a server that answers one request at a time would
    make a fast feed wait behind a slow one."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture(autouse=True)
def local_feeds_allowed(settings):
    """The test servers listen on this machine, which the fetcher otherwise refuses to reach."""
    settings.HEADLINE_FEED_ALLOWED_PRIVATE_NETWORKS = ["127.0.0.0/8", "::1/128"]


def fetch(*args):
    call_command("fetch_headlines", "--timeout", "0.5", *args)


def test_a_feed_is_fetched_and_its_validators_remembered(httpserver):
    httpserver.expect_request("/rss").respond_with_data(
        RSS,
        content_type="application/rss+xml",
        headers={"ETag": '"v1"', "Last-Modified": "Fri, 05 Dec 2025 03:00:00 GMT"},
    )
    source = SourceFactory(domain="www.montsame.mn", feed_url=httpserver.url_for("/rss"))

    fetch()

    source.refresh_from_db()
    assert (source.feed_etag, source.feed_last_modified) == (
        '"v1"',
        "Fri, 05 Dec 2025 03:00:00 GMT",
    )
    assert source.feed_error == ""
    assert source.feed_checked_at is not None
    assert set(Headline.objects.values_list("source__domain", "live")) == {
        ("www.montsame.mn", False)
    }
    assert Headline.objects.count() == 2  # two of the four items are valid


def test_an_unchanged_feed_answers_304_and_nothing_is_imported(httpserver):
    httpserver.expect_request(
        "/rss",
        headers={"If-None-Match": '"v1"', "If-Modified-Since": "Fri, 05 Dec 2025 03:00:00 GMT"},
    ).respond_with_data("", status=304)
    SourceFactory(
        domain="www.montsame.mn",
        feed_url=httpserver.url_for("/rss"),
        feed_etag='"v1"',
        feed_last_modified="Fri, 05 Dec 2025 03:00:00 GMT",
    )

    fetch()

    assert Headline.objects.count() == 0
    assert len(httpserver.log) == 1
    source = Source.objects.get()
    assert (source.feed_etag, source.feed_error) == ('"v1"', "")


def test_fetching_twice_changes_nothing(httpserver):
    httpserver.expect_request("/atom").respond_with_data(ATOM, content_type="application/atom+xml")
    SourceFactory(domain="www.eguur.mn", language="mn", feed_url=httpserver.url_for("/atom"))

    fetch("--publish")
    fetch("--publish")

    assert Headline.objects.filter(live=True).count() == 2


def test_one_failing_source_never_stops_the_others(httpserver):
    def slow(request):
        time.sleep(1.5)
        return Response(RSS, content_type="application/rss+xml")

    httpserver.expect_request("/broken").respond_with_data("oops", status=500)
    httpserver.expect_request("/slow").respond_with_handler(slow)
    httpserver.expect_request("/atom").respond_with_data(ATOM, content_type="application/atom+xml")
    broken = SourceFactory(domain="www.broken.mn", feed_url=httpserver.url_for("/broken"))
    slow_source = SourceFactory(domain="www.slow.mn", feed_url=httpserver.url_for("/slow"))
    SourceFactory(domain="www.eguur.mn", language="mn", feed_url=httpserver.url_for("/atom"))
    SourceFactory(domain="www.quiet.mn", feed_url=httpserver.url_for("/never"), active=False)

    with pytest.raises(CommandError, match="2 of 3 feeds failed"):
        fetch()

    broken.refresh_from_db()
    slow_source.refresh_from_db()
    assert broken.feed_error == "The server answered 500 INTERNAL SERVER ERROR."
    assert slow_source.feed_error == "No answer within 0.5 seconds."
    assert set(Headline.objects.values_list("source__domain", flat=True)) == {"www.eguur.mn"}
    assert "/never" not in [request.path for request, _response in httpserver.log]


def test_import_headlines_reads_a_feed_from_a_url(httpserver):
    httpserver.expect_request("/atom").respond_with_data(ATOM, content_type="application/atom+xml")

    call_command("import_headlines", httpserver.url_for("/atom"), "--language", "mn", "--publish")

    assert Headline.objects.filter(live=True, language="mn").count() == 2


def many_items(count):
    items = "".join(
        f"<item><title>STORY NUMBER {n}</title>"
        f"<link>https://www.montsame.mn/en/read/{n}</link>"
        "<pubDate>Fri, 05 Dec 2025 02:30:00 GMT</pubDate></item>"
        for n in range(1, count + 1)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>M</title>{items}</channel></rss>'
    )


def test_items_over_the_limit_are_skipped_and_the_source_says_how_many(httpserver, capsys):
    httpserver.expect_request("/rss").respond_with_data(
        many_items(7), content_type="application/rss+xml"
    )
    source = SourceFactory(domain="www.montsame.mn", feed_url=httpserver.url_for("/rss"))

    fetch("--max-items", "5")

    source.refresh_from_db()
    skipped = "A feed gives at most 5 items at a time: 2 more were skipped."
    assert source.feed_error == skipped
    assert skipped in capsys.readouterr().out
    assert sorted(Headline.objects.values_list("title_en", flat=True)) == [
        f"STORY NUMBER {n}" for n in range(1, 6)
    ]


def test_the_skipped_items_are_reported_in_mongolian(httpserver):
    httpserver.expect_request("/rss").respond_with_data(
        many_items(3), content_type="application/rss+xml"
    )
    source = SourceFactory(domain="www.montsame.mn", feed_url=httpserver.url_for("/rss"))

    with translation.override("mn"):
        poll_source(source, timeout=1, max_items=2)

    source.refresh_from_db()
    assert source.feed_error == (
        "Нэг сувгаас нэг удаад хамгийн ихдээ 2 мэдээ авна: үлдсэн 1 мэдээг алгаслаа."
    )
    assert Headline.objects.count() == 2
