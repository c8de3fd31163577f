"""Polling one source's feed: fetch if changed, import through the pipeline, remember the answer."""

from dataclasses import dataclass

from django.utils import timezone

from ..models import Source
from .fetch import DEFAULT_TIMEOUT, FetchError, fetch
from .formats import FEED_FORMATS, guess_format
from .pipeline import run_import
from .report import Report


@dataclass
class Poll:
    source: Source
    report: Report | None = None
    not_modified: bool = False
    error: str = ""


def poll_source(source: Source, *, publish=False, timeout=DEFAULT_TIMEOUT) -> Poll:
    """Fetch and import one feed. Failures are recorded on the source and returned, never raised."""
    checked = {"feed_checked_at": timezone.now()}
    try:
        fetched = fetch(
            source.feed_url,
            etag=source.feed_etag,
            last_modified=source.feed_last_modified,
            timeout=timeout,
        )
    except FetchError as error:
        return _failed(source, checked, str(error))
    if fetched.status == 304:
        _remember(source, **checked, feed_error="")
        return Poll(source, not_modified=True)
    format = guess_format(fetched.body, content_type=fetched.content_type)
    report = run_import(
        fetched.body,
        format=format if format in FEED_FORMATS else "rss",
        base_url=fetched.url or source.feed_url,
        source=source.domain,
        language=source.language,
        publish=publish,
        origin=source.feed_url,
    )
    if report.failure:
        # Keep the old validators: the next poll fetches the feed again and retries.
        return _failed(source, checked, report.failure.reason, report)
    _remember(
        source,
        **checked,
        feed_error="",
        feed_etag=fetched.etag,
        feed_last_modified=fetched.last_modified,
    )
    return Poll(source, report=report)


def _failed(source, checked, message, report=None) -> Poll:
    _remember(source, **checked, feed_error=message[:500])
    return Poll(source, report=report, error=message)


def _remember(source: Source, **fields):
    """Update only the feed state, never overwriting an editor's concurrent change to the source."""
    Source.objects.filter(pk=source.pk).update(**fields)
    for name, value in fields.items():
        setattr(source, name, value)
