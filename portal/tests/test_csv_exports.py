"""Issue 10, finding 12: admin CSV downloads never hand a spreadsheet a formula to run.

Titles are stored as written; each CSV cell that a spreadsheet would read as a formula gets a
leading single quote. XLSX needs no change (Wagtail writes such text as plain strings)."""

import csv
import io

import pytest
from openpyxl import load_workbook
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.log_actions import log

from headlines.factories import HeadlineFactory, SourceFactory
from headlines.models import Headline
from portal import csv_exports

pytestmark = pytest.mark.django_db

SITE_HISTORY = "/admin/reports/site-history/"
FORMULAS = [
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3",
]
PLAIN = "FUEL SUPPLY STRENGTHENED"


@pytest.fixture
def logged_headlines(make_user):
    chief = make_user("chief", is_superuser=True)
    source = SourceFactory(domain="www.montsame.mn")
    for title in [*FORMULAS, PLAIN]:
        log(
            HeadlineFactory(title_en=title, language="en", source=source),
            "wagtail.create",
            user=chief,
        )
    return chief


def download(client, export_format) -> bytes:
    response = client.get(SITE_HISTORY, {"export": export_format})
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_site_history_csv_escapes_formulas_and_leaves_plain_titles(client, logged_headlines):
    client.force_login(logged_headlines)

    rows = list(csv.DictReader(io.StringIO(download(client, "csv").decode("utf-8"))))

    names = {row["Name"] for row in rows}
    assert names == {"'" + title for title in FORMULAS} | {PLAIN}
    # What is stored is what the editor wrote.
    assert set(Headline.objects.values_list("title_en", flat=True)) == {*FORMULAS, PLAIN}


def test_site_history_xlsx_keeps_titles_as_plain_text(client, logged_headlines):
    client.force_login(logged_headlines)

    sheet = load_workbook(io.BytesIO(download(client, "xlsx"))).active
    header = [cell.value for cell in sheet[1]]
    names = [row[header.index("Name")] for row in sheet.iter_rows(min_row=2)]

    assert {cell.value for cell in names} == {*FORMULAS, PLAIN}
    assert {cell.data_type for cell in names} == {"s"}  # text, never a formula


@pytest.mark.parametrize(
    "value, written",
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTAB", "'\tTAB"),
        ("\rRETURN", "'\rRETURN"),
        ("Plain = text", "Plain = text"),
        ("Монгол", "Монгол"),
        ("", ""),
        (-5, -5),  # numbers stay numbers
        (None, None),
    ],
)
def test_every_csv_export_escapes_each_cell_that_starts_a_formula(value, written):
    exporter = SpreadsheetExportMixin()

    assert exporter.preprocess_field_value("any", value, exporter.FORMAT_CSV) == written
    assert exporter.preprocess_field_value("any", value, exporter.FORMAT_XLSX) == value


def test_installing_twice_escapes_once():
    csv_exports.install()
    exporter = SpreadsheetExportMixin()

    assert exporter.preprocess_field_value("any", "=1", exporter.FORMAT_CSV) == "'=1"
