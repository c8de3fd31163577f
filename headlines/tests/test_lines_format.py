"""The house `lines` format: every line of the seed page parses, bad lines say why."""

import datetime

import pytest

from headlines.ingest.parse_lines import parse_lines
from headlines.ingest.rows import Rejection
from headlines.ingest.validate import RowValidator
from headlines.models import Headline, Source

from .seed_lines import SEED_HEADLINES, SEED_LINES


def read(text):
    validator = RowValidator()
    results = []
    for row in parse_lines(text):
        results.append(row if isinstance(row, Rejection) else validator.validate(row))
    return results


def as_tuples(rows):
    return [(row.title, row.domain, row.published_on, row.language) for row in rows]


def test_every_seed_line_parses_verbatim():
    rows = read("\n".join(SEED_LINES))

    assert as_tuples(rows) == SEED_HEADLINES
    # The curly apostrophe and the tugrik sign are kept as written.
    assert rows[8].title == "MONGOLIA’S FOREIGN EXCHANGE RESERVES REACH USD 6 BILLION"
    assert "₮2.7" in rows[12].title


def test_a_figure_that_begins_a_headline_is_not_taken_for_a_list_number():
    rows = read("\n".join(SEED_LINES[10:]))  # the Mongolian list alone, unnumbered

    assert rows[6].title == "11575 АЙЛЫН ОРОН СУУЦ БАРИХ БОЛОМЖ БҮРДЭВ"
    assert as_tuples(rows) == SEED_HEADLINES[10:]


def test_the_page_copied_in_one_run_splits_into_its_twenty_items():
    text = "      ".join(SEED_LINES)  # as the seed page's text runs the items together

    assert as_tuples(read(text)) == SEED_HEADLINES


def test_lines_may_be_numbered_with_a_dot_and_link_to_the_story():
    rows = read(
        "1. FIRST STORY https://www.montsame.mn/en/read/1?utm_source=fb PUBLISHED:2025/12/05\n"
        "\n"
        "2) SECOND STORY www.news.mn Нийтэлсэн: 2025-12-04\n"
    )

    assert [row.title for row in rows] == ["FIRST STORY", "SECOND STORY"]
    assert rows[0].url == "https://www.montsame.mn/en/read/1"
    assert rows[0].domain == "www.montsame.mn"
    assert (rows[1].language, rows[1].published_on) == ("mn", datetime.date(2025, 12, 4))


@pytest.mark.parametrize(
    "line, reason",
    [
        ("A HEADLINE WITHOUT SOURCE OR DATE", "does not follow the house format"),
        ("WWW.MONTSAME.MN PUBLISHED:2025/12/05", "The headline is empty."),
        (
            "IMPOSSIBLE DATE WWW.MONTSAME.MN PUBLISHED:2025/02/30",
            "“2025/02/30” is not a real date.",
        ),
        ("NO MONTH 13 WWW.MONTSAME.MN PUBLISHED:2025/13/01", "is not a real date"),
        ("FROM THE FUTURE WWW.MONTSAME.MN PUBLISHED:2999/01/01", "is in the future"),
        ("NO DATE WWW.MONTSAME.MN PUBLISHED:", "The row has no date."),
        ("JUNK DATE WWW.MONTSAME.MN PUBLISHED:soon", "is not understood"),
        ("SCRIPT javascript:alert(1) PUBLISHED:2025/12/05", "Only http:// and https://"),
        ("FTP ftp://www.montsame.mn/x PUBLISHED:2025/12/05", "Only http:// and https://"),
        ("BOLD <b>NEWS</b> WWW.MONTSAME.MN PUBLISHED:2025/12/05", "contains HTML"),
        ("NOT A DOMAIN MONTSAME PUBLISHED:2025/12/05", "is not a domain"),
        (
            "X" * 600 + " WWW.MONTSAME.MN PUBLISHED:2025/12/05",
            "The headline is 600 characters long; the most is 500.",
        ),
        (
            "X" * 10_000 + " WWW.MONTSAME.MN PUBLISHED:2025/12/05",
            "The line is 10037 characters long; lines over 5000 characters are not read.",
        ),
    ],
)
def test_malformed_lines_are_rejected_with_their_reason(line, reason):
    [result] = read(line)

    assert isinstance(result, Rejection)
    assert result.line == 1
    assert reason in result.reason


def test_invalid_utf8_rejects_only_its_own_line(importer, db):
    data = (
        b"GOOD ONE WWW.MONTSAME.MN PUBLISHED:2025/12/05\n"
        + b"BAD \xff\xfe BYTES WWW.MONTSAME.MN PUBLISHED:2025/12/05\n"
        + b"GOOD TWO WWW.MONTSAME.MN PUBLISHED:2025/12/05\n"
    )

    report = importer(data, format="lines")

    assert [(r.line, r.reason) for r in report.rejected_rows] == [
        (2, "The line is not valid UTF-8 text.")
    ]
    assert sorted(Headline.objects.values_list("title_en", flat=True)) == ["GOOD ONE", "GOOD TWO"]


@pytest.mark.django_db
def test_seed_lines_import_once_and_re_import_creates_nothing(importer):
    first = importer("\n".join(SEED_LINES))

    assert (first.created, first.duplicates, first.rejected) == (20, 0, [])
    assert Source.objects.count() == 11
    montsame = Source.objects.get(domain="www.montsame.mn")
    assert montsame.site_url == "https://www.montsame.mn/"
    # Lines carry no story link: each headline links to its source's site.
    assert set(Headline.objects.filter(source=montsame).values_list("url", flat=True)) == {
        "https://www.montsame.mn/"
    }
    assert Headline.objects.filter(live=True).count() == 0  # drafts until published
    stored = {
        (h.original_title.value, h.source.domain, h.published_on, h.language)
        for h in Headline.objects.select_related("source")
    }
    assert stored == set(SEED_HEADLINES)

    again = importer("\n".join(SEED_LINES), publish=True)

    assert (again.created, again.updated, again.duplicates) == (0, 0, 20)
    assert Headline.objects.count() == 20
    assert Headline.objects.filter(live=True).count() == 0


@pytest.mark.django_db
def test_site_only_lines_match_regardless_of_apostrophe_and_spacing(importer):
    importer("MONGOLIA’S RESERVES  RISE WWW.MONTSAME.MN PUBLISHED:2025/12/04")

    report = importer("Mongolia's reserves rise montsame.mn PUBLISHED:2025/12/04")

    assert (report.created, report.updated, report.duplicates) == (0, 1, 0)
    assert Headline.objects.get().title_en == "Mongolia's reserves rise"
    assert Source.objects.count() == 1  # montsame.mn is the stored www.montsame.mn


@pytest.mark.django_db
def test_invisible_and_control_characters_are_tidied_out_of_imported_lines(importer):
    """Issue 10, finding 11: a pasted title cannot carry a right-to-left override or
    zero-width characters into the lists; the words stay, the tricks go."""
    report = importer(
        "EVIL\u202eNEWS\u200b TODAY\x07NOW WWW.MONTSAME.MN PUBLISHED:2025/12/05\n"
        "\u200bМАЛ\u200d ТООЛЛОГО WWW.NEWS.MN НИЙТЭЛСЭН:2025/12/04\n"
    )

    assert (report.created, report.rejected) == (2, [])
    assert set(Headline.objects.values_list("title_en", "title_mn")) == {
        ("EVILNEWS TODAY NOW", None),
        (None, "МАЛ ТООЛЛОГО"),
    }
