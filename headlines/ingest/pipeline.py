"""The one import pipeline: parse, validate, de-duplicate by canonical link, save, report."""

from django.utils.translation import gettext as _

from ..links import normalise_domain
from ..models import Source
from .decoding import decode
from .formats import FEED_FORMATS, FORMATS, guess_format
from .parse_csv import parse_csv
from .parse_feed import parse_feed
from .parse_lines import parse_lines
from .report import Report
from .rows import Rejection
from .save import HeadlineSaver
from .validate import RowValidator


def run_import(
    data: bytes | str,
    *,
    format: str = "",
    name: str = "",
    content_type: str = "",
    base_url: str = "",
    source: str = "",
    language: str = "",
    publish: bool = False,
    dry_run: bool = False,
    user=None,
    origin: str = "",
    progress=None,
    max_rows: int = 0,
) -> Report:
    """Import `data` (a file's bytes or pasted text) and say what happened to every row.

    `format` is one of FORMATS, guessed from `name`, `content_type` and the content when
    empty. `source` (a domain) is credited with every row; `language` is used for rows
    that do not give one. A dry run goes as far as matching rows to stored headlines.
    With `max_rows`, rows past it are left out and counted in `report.rows_over_limit`.
    """
    format = format or guess_format(data, name=name, content_type=content_type)
    report = Report(format=format, dry_run=dry_run)
    if format not in FORMATS:
        report.reject(Rejection(0, _("Unknown format “%(format)s”.") % {"format": format}))
        return report
    if not (data.strip() if isinstance(data, str) else data.strip()):
        report.reject(Rejection(0, _("There is nothing to import: the input is empty.")))
        return report

    if format in FEED_FORMATS:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        parsed = list(parse_feed(raw, base_url=base_url))
    elif format == "csv":
        parsed = list(parse_csv(decode(data)))
    else:
        parsed = list(parse_lines(decode(data)))
    if max_rows and len(parsed) > max_rows:
        report.rows_over_limit = len(parsed) - max_rows
        parsed = parsed[:max_rows]

    validator = RowValidator(
        source=source,
        language=language,
        source_languages=source_languages(parsed, source),
        undated_is_today=format in FEED_FORMATS,
    )
    valid = []
    for row in parsed:
        if isinstance(row, Rejection):
            report.reject(row)
            continue
        result = validator.validate(row)
        if isinstance(result, Rejection):
            report.reject(result)
        else:
            valid.append(result)
    if report.failure:
        return report
    if not valid and not report.rejected:
        report.reject(Rejection(0, _("No headlines were found in the input.")))
        return report

    HeadlineSaver(
        publish=publish, dry_run=dry_run, user=user, origin=origin or format, progress=progress
    ).save(valid, report)
    report.outcomes.sort(key=lambda outcome: outcome.line)
    return report


def source_languages(parsed, source: str = "") -> dict:
    """domain -> language of its stored source, for the rows that do not give a language.

    `source` is credited with every row when given. A row on montsame.mn takes the language
    of the stored www.montsame.mn.
    """
    if source:
        domains = {normalise_domain(source)}
    else:
        domains = {
            normalise_domain(row.source or row.url)
            for row in parsed
            if not isinstance(row, Rejection) and not row.language.strip()
        }
        domains.discard("")
    return {
        domain: source.language for domain, source in Source.objects.for_domains(domains).items()
    }
