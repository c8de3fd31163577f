"""A language added to the table gets its list, archive, feed and import label, with no other change.

The third language has no `title_kk` column (that takes a migration), so its list holds the
headlines written in it, titled in whatever language they have.
"""

import datetime
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from headlines.factories import HeadlineFactory, SourceFactory
from headlines.ingest.parse_lines import parse_lines
from headlines.ingest.validate import RowValidator

pytestmark = pytest.mark.django_db


@pytest.fixture
def kazakh_headline(home_page, third_language):
    return HeadlineFactory(
        title_en="STEPPE RAILWAY OPENS",
        language="kk",
        source=SourceFactory(domain="www.kazinform.kz", language="kk"),
        published_on=datetime.date(2025, 12, 5),
    )


def test_the_home_page_shows_a_list_for_the_new_language(client, kazakh_headline):
    page = BeautifulSoup(client.get("/en/").content, "html.parser")

    assert [h2.get_text(strip=True) for h2 in page.select(".headline-list h2")] == [
        "Headlines in English",
        "Headlines in Mongolian",
        "Headlines in Kazakh",
    ]
    assert [" ".join(li.get_text().split()) for li in page.select("ol[lang=kk] > li")] == [
        "STEPPE RAILWAY OPENS WWW.KAZINFORM.KZ ЖАРИЯЛАНДЫ:2025/12/05"
    ]


def test_the_new_list_has_an_archive_linked_from_the_others_and_a_feed(client, kazakh_headline):
    archive = BeautifulSoup(client.get("/en/headlines/kk/").content, "html.parser")
    english = BeautifulSoup(client.get("/en/headlines/en/").content, "html.parser")
    channel = ElementTree.fromstring(client.get("/en/headlines/kk/feed/").content).find("channel")

    assert archive.select_one("h1").get_text(strip=True) == "Headlines in Kazakh"
    assert [a["href"] for a in english.select(".headline-archive__lists a:not([type])")] == [
        "/en/headlines/mn/",
        "/en/headlines/kk/",
    ]
    assert channel.findtext("language") == "kk"
    assert [item.findtext("title") for item in channel.iter("item")] == ["STEPPE RAILWAY OPENS"]


def test_the_import_reads_the_new_language_and_its_label(third_language):
    validator = RowValidator()

    [row] = [
        validator.validate(row)
        for row in parse_lines("STEPPE RAILWAY OPENS WWW.KAZINFORM.KZ ЖАРИЯЛАНДЫ:2025/12/05")
    ]

    assert (row.title, row.language, row.domain) == (
        "STEPPE RAILWAY OPENS",
        "kk",
        "www.kazinform.kz",
    )


def test_a_list_the_table_lacks_is_not_found(client, home_page):
    assert client.get("/en/headlines/kk/").status_code == 404
    assert client.get("/en/headlines/kk/feed/").status_code == 404
