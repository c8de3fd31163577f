"""Guessing a file's format, and the progress line that only a terminal sees."""

import io

import pytest

from headlines.ingest.formats import guess_format
from headlines.ingest.progress import ProgressLine

from .feeds_samples import ATOM, RSS


@pytest.mark.parametrize(
    "data, name, content_type, expected",
    [
        (RSS, "", "", "rss"),
        (ATOM, "", "", "atom"),
        ("\ufefftitle,url,published,language\n", "", "", "csv"),
        ("url,title,published\n", "export.txt", "", "csv"),
        ("anything", "day.CSV", "", "csv"),
        ("anything", "", "text/csv; charset=utf-8", "csv"),
        ("1 HEADLINE WWW.MONTSAME.MN PUBLISHED:2025/12/05", "", "", "lines"),
        ("<rss><channel><item>", "", "", "rss"),
    ],
)
def test_formats_are_guessed_from_name_type_and_content(data, name, content_type, expected):
    assert guess_format(data.encode("utf-8"), name=name, content_type=content_type) == expected


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_is_drawn_on_a_terminal_only():
    terminal, pipe = Terminal(), io.StringIO()

    for stream in (terminal, pipe):
        progress = ProgressLine(stream, label="Saving ")
        progress(0, 1000)
        progress(1000, 1000)

    assert terminal.getvalue().endswith("\rSaving [" + "#" * 30 + "] 1000/1000 (100%)\n")
    assert pipe.getvalue() == ""
