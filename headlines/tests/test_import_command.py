"""python manage.py import_headlines: formats guessed, options honoured, a report at the end."""

import io

import pytest
from django.core.management import CommandError, call_command

from headlines.models import Headline, Source

from .seed_lines import SEED_LINES

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("import_headlines", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_importing_the_seed_file_twice(tmp_path):
    path = tmp_path / "lists.txt"
    path.write_text("\n".join(SEED_LINES) + "\nNOT A HEADLINE\n", encoding="utf-8")

    first = run(str(path), "--publish")
    second = run(str(path), "--publish")

    assert "line 21: rejected: The line does not follow the house format" in first
    assert first.strip().endswith("lines: 20 created, 0 updated, 0 duplicates skipped, 1 rejected.")
    assert second.strip().endswith(
        "lines: 0 created, 0 updated, 20 duplicates skipped, 1 rejected."
    )
    assert Headline.objects.filter(live=True).count() == 20


def test_dry_run_saves_nothing(tmp_path):
    path = tmp_path / "day.csv"
    path.write_text("title,url,published,language\nSTORY,https://www.ikon.mn/n/1,2025-12-05,mn\n")

    output = run(str(path), "--dry-run")

    assert "New sources would be created: www.ikon.mn" in output
    assert "Dry run, nothing saved: 1 created" in output
    assert (Headline.objects.count(), Source.objects.count()) == (0, 0)


def test_source_and_language_options(tmp_path):
    path = tmp_path / "day.csv"
    path.write_text(
        "title,url,published,language\nSTORY,https://mirror.example.com/a,2025-12-05,\n"
    )

    run(str(path), "--source", "WWW.MONTSAME.MN", "--language", "en", "--format", "csv")

    headline = Headline.objects.get()
    assert (headline.source.domain, headline.language, headline.title_en) == (
        "www.montsame.mn",
        "en",
        "STORY",
    )


def test_a_missing_file_is_a_clear_error():
    with pytest.raises(CommandError, match="Cannot read /no/such/file.csv: No such file"):
        run("/no/such/file.csv")


def test_a_csv_without_its_columns_is_a_clear_error_and_saves_nothing(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("headline,link\nA,https://www.montsame.mn/a\n")

    with pytest.raises(CommandError, match="lacks the columns: title, url, published, language"):
        run(str(path))
    assert Headline.objects.count() == 0


def test_a_large_file_imports_in_bounded_queries(tmp_path, django_assert_max_num_queries):
    rows_in_file = 3_000
    path = tmp_path / "big.csv"
    rows = [
        f"HEADLINE NUMBER {n},https://www.site{n % 20}.mn/story/{n}?utm_source=x,2025-12-05,en"
        for n in range(rows_in_file)
    ]
    path.write_text("title,url,published,language\n" + "\n".join(rows) + "\n")

    # Bulk writes (on SQLite about 50 rows an INSERT): a query per row would be 3,000 or more.
    with django_assert_max_num_queries(rows_in_file // 3):
        run(str(path), "--publish")

    assert Headline.objects.filter(live=True).count() == rows_in_file
    assert Source.objects.count() == 20
    with django_assert_max_num_queries(40):
        output = run(str(path), "--publish")
    assert f"0 created, 0 updated, {rows_in_file} duplicates skipped" in output
