"""CSV files: the header, translations, bad rows beside good ones, nothing imported twice."""

import datetime

import pytest
from wagtail.models import ModelLogEntry

from headlines.models import Headline, HeadlineQuerySet, Source

pytestmark = pytest.mark.django_db

HEADER = "title,url,published,language,source,title_en,title_mn\n"


def test_rows_with_translations_and_canonical_links(importer):
    report = importer(
        HEADER
        + "MONGOLIA AND INDIA SIGN,https://WWW.Montsame.mn/en/read/1?utm_source=x&id=7&fbclid=abc#top,"
        "2025-12-05,en,,,МОНГОЛ ЭНЭТХЭГ ГЭРЭЭ БАЙГУУЛАВ\n"
        '"МАЛ ТООЛЛОГО, НЯМ ГАРАГТ",https://news.mn/r/2,2025/12/04,mn,www.news.mn,LIVESTOCK CENSUS,\n',
        name="day.csv",
    )

    assert report.format == "csv"
    assert (report.created, report.rejected) == (2, [])
    english = Headline.objects.get(language="en")
    assert english.url == "https://www.montsame.mn/en/read/1?id=7"
    assert english.title_mn == "МОНГОЛ ЭНЭТХЭГ ГЭРЭЭ БАЙГУУЛАВ"
    assert english.source.domain == "www.montsame.mn"
    mongolian = Headline.objects.get(language="mn")
    assert (mongolian.title_mn, mongolian.title_en) == (
        "МАЛ ТООЛЛОГО, НЯМ ГАРАГТ",
        "LIVESTOCK CENSUS",
    )
    assert mongolian.source.domain == "www.news.mn"
    assert mongolian.published_on == datetime.date(2025, 12, 4)


def test_missing_columns_reject_the_file_and_save_nothing(importer):
    report = importer("title,language\nA STORY,en\n", format="csv")

    assert report.failure.reason.startswith("The CSV file lacks the columns: url, published.")
    assert (report.created, Headline.objects.count(), Source.objects.count()) == (0, 0, 0)


def test_bad_rows_are_reported_with_line_numbers_and_good_rows_imported(importer):
    report = importer(
        "title,url,published,language\n"
        "GOOD STORY,https://www.montsame.mn/a,2025-12-05,en\n"
        "SCRIPTED,javascript:alert(1),2025-12-05,en\n"
        ",https://www.montsame.mn/b,2025-12-05,en\n"
        "<i>TAGGED</i>,https://www.montsame.mn/c,2025-12-05,en\n"
        "BELL\x07RINGS,https://www.montsame.mn/c2,2025-12-05,en\n"
        "LEAP,https://www.montsame.mn/d,2025-02-29,en\n"
        "FUTURE,https://www.montsame.mn/e,2999-01-01,en\n"
        "FRENCH,https://www.montsame.mn/f,2025-12-05,fr\n"
        "TOO MANY,https://www.montsame.mn/g,2025-12-05,en,extra\n"
        "NO LINK NO SOURCE,,2025-12-05,en\n"
        "ANOTHER GOOD,https://www.montsame.mn/h,2025-12-05,en\n"
    )

    assert [(r.line, r.reason) for r in report.rejected_rows] == [
        (3, "Only http:// and https:// links are accepted, not “javascript:alert(1)”."),
        (4, "The headline is empty."),
        (5, "The headline contains HTML; give it as plain text."),
        (7, "“2025-02-29” is not a real date."),
        (8, "The date 2999-01-01 is in the future."),
        (9, "Unknown language “fr”: use en or mn."),
        (10, "The row has more values (5) than the header has columns (4)."),
        (11, "The row has neither a link nor a source domain."),
    ]
    assert sorted(Headline.objects.values_list("title_en", flat=True)) == [
        "ANOTHER GOOD",
        "BELL RINGS",  # the bell is tidied into a space (bilingual.plain_text.tidy_one_line)
        "GOOD STORY",
    ]


def test_invalid_utf8_in_one_row(importer):
    data = (
        b"title,url,published,language\n"
        b"FINE,https://www.montsame.mn/a,2025-12-05,en\n"
        b"BROKEN \xc3\x28,https://www.montsame.mn/b,2025-12-05,en\n"
    )

    report = importer(data)

    assert [(r.line, r.reason) for r in report.rejected_rows] == [
        (3, "The row is not valid UTF-8 text.")
    ]
    assert list(Headline.objects.values_list("title_en", flat=True)) == ["FINE"]


def test_re_importing_changes_nothing_and_a_changed_title_updates(importer):
    rows = "title,url,published,language\nFIRST TITLE,https://www.montsame.mn/a?utm_medium=x,2025-12-05,en\n"
    importer(rows)

    again = importer(rows)
    assert (again.created, again.updated, again.duplicates) == (0, 0, 1)

    changed = importer(rows.replace("FIRST TITLE", "CORRECTED TITLE"))
    assert (changed.created, changed.updated) == (0, 1)
    assert Headline.objects.get().title_en == "CORRECTED TITLE"


def test_an_import_never_overwrites_an_editors_work_but_adds_a_missing_translation(importer):
    importer("title,url,published,language\nFEED TITLE,https://www.montsame.mn/a,2025-12-05,en\n")
    headline = Headline.objects.get()
    headline.title_en = "EDITOR'S TITLE"
    headline.save_revision().publish()

    report = importer(
        "title,url,published,language,title_mn\n"
        "FEED TITLE,https://www.montsame.mn/a,2025-12-06,en,МОНГОЛ ГАРЧИГ\n"
    )

    headline.refresh_from_db()
    assert report.updated == 1
    assert headline.title_en == "EDITOR'S TITLE"
    assert headline.published_on == datetime.date(2025, 12, 5)
    assert headline.title_mn == "МОНГОЛ ГАРЧИГ"


def test_the_same_story_twice_in_one_file_is_one_headline(importer):
    report = importer(
        "title,url,published,language\n"
        "ONE,https://www.montsame.mn/a?utm_source=one,2025-12-05,en\n"
        "ONE AGAIN,https://www.montsame.mn/a?fbclid=two,2025-12-05,en\n"
    )

    assert (report.created, report.duplicates) == (1, 1)
    assert Headline.objects.get().title_en == "ONE"


def test_dry_run_reports_but_saves_nothing(importer):
    report = importer(
        "title,url,published,language\nSTORY,https://www.new-site.mn/a,2025-12-05,mn\n",
        dry_run=True,
    )

    assert (report.created, report.sources_created) == (1, ["www.new-site.mn"])
    assert report.summary().startswith("Dry run, nothing saved:")
    assert (Headline.objects.count(), Source.objects.count()) == (0, 0)


def test_a_batch_that_hits_a_concurrent_copy_is_saved_row_by_row(importer, monkeypatch):
    """Another import saved one story between our check and our write: only that row is skipped."""
    importer(
        "title,url,published,language\nSAVED ELSEWHERE,https://www.montsame.mn/a,2025-12-05,en\n"
    )
    monkeypatch.setattr(HeadlineQuerySet, "by_dedup_keys", lambda self, keys: {})  # the race

    report = importer(
        "title,url,published,language\n"
        "FIRST NEW,https://www.montsame.mn/b,2025-12-05,en\n"
        "SAVED ELSEWHERE,https://www.montsame.mn/a,2025-12-05,en\n"
        "SECOND NEW,https://www.montsame.mn/c,2025-12-05,en\n"
    )

    assert (report.created, report.duplicates, report.rejected) == (2, 1, [])
    assert sorted(Headline.objects.values_list("title_en", flat=True)) == [
        "FIRST NEW",
        "SAVED ELSEWHERE",
        "SECOND NEW",
    ]
    assert ModelLogEntry.objects.filter(action="headlines.import").count() == 3


def test_one_new_site_written_with_and_without_www_becomes_one_source(importer):
    report = importer(
        "title,url,published,language\n"
        "FIRST,https://www.ikon.mn/n/1,2025-12-05,mn\n"
        "SECOND,https://ikon.mn/n/2,2025-12-05,mn\n"
    )

    assert (report.created, report.sources_created) == (2, ["www.ikon.mn"])
    assert set(Headline.objects.values_list("source__domain", flat=True)) == {"www.ikon.mn"}


def test_invisible_characters_and_line_breaks_are_tidied_out_of_csv_titles(importer):
    """Issue 10, finding 11: every title column, the translations too, comes out one plain line."""
    report = importer(
        "title,url,published,language,title_mn\n"
        '"TWO\r\nLINES\u2028AND\u202eA TRICK",https://www.montsame.mn/a,2025-12-05,en,'
        "ГАР\u200bЧИГ\u00ad\n"
    )

    assert (report.created, report.rejected) == (1, [])
    headline = Headline.objects.get()
    assert (headline.title_en, headline.title_mn) == ("TWO LINES ANDA TRICK", "ГАРЧИГ")
