"""Polling sources' feeds: fetch if changed, import through the pipeline, remember the answer.

Feeds are fetched a few at a time in threads, so one slow feed delays no other; everything
that touches the database (importing, remembering the answer) happens in the caller's thread.
"""

import logging
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import Source
from .fetch import DEFAULT_TIMEOUT, Fetched, FetchError, fetch
from .formats import FEED_FORMATS, guess_format
from .pipeline import run_import
from .report import Report

logger = logging.getLogger(__name__)

# A feed lists the latest few dozen stories; thousands of items are a dump or an attack
# (one 9.5 MB feed made 71,825 headlines).
MAX_FEED_ITEMS = 500
DEFAULT_WORKERS = 4


@dataclass
class Poll:
    source: Source
    report: Report | None = None
    not_modified: bool = False
    error: str = ""


def poll_source(
    source: Source, *, publish=False, timeout=DEFAULT_TIMEOUT, max_items=MAX_FEED_ITEMS
) -> Poll:
    """Fetch and import one feed. Failures are recorded on the source and returned, never raised."""
    return import_feed(source, fetch_feed(source, timeout), publish=publish, max_items=max_items)


def fetch_concurrently(
    sources: Iterable[Source], *, timeout=DEFAULT_TIMEOUT, workers=DEFAULT_WORKERS
) -> Iterator[tuple[Source, Future]]:
    """Each source with its fetch under way, `workers` at a time, in the order given.

    The threads only talk to the network; pass each result to `import_feed` in this thread.
    """
    language = translation.get_language()  # messages in the caller's language, not the default
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="feed") as pool:
        pending = [
            (source, pool.submit(_fetch_in_language, language, source, timeout))
            for source in sources
        ]
        yield from pending


def fetch_feed(source: Source, timeout=DEFAULT_TIMEOUT) -> Fetched | FetchError:
    """The source's feed, or why it could not be fetched. No database access: safe in a thread."""
    try:
        return fetch(
            source.feed_url,
            etag=source.feed_etag,
            last_modified=source.feed_last_modified,
            timeout=timeout,
        )
    except FetchError as error:
        return error
    except Exception:  # a bug's message could describe the network: log it, store none of it
        logger.exception("Fetching %s failed", source.feed_url)
        return FetchError(_("The feed could not be fetched."))


def import_feed(
    source: Source, fetched: Fetched | FetchError, *, publish=False, max_items=MAX_FEED_ITEMS
) -> Poll:
    """Import what `fetch_feed` brought and remember the answer on the source."""
    checked = {"feed_checked_at": timezone.now()}
    if isinstance(fetched, FetchError):
        return _failed(source, checked, str(fetched))
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
        max_rows=max_items,
    )
    if report.failure:
        # Keep the old validators: the next poll fetches the feed again and retries.
        return _failed(source, checked, report.failure.reason, report)
    _remember(
        source,
        **checked,
        feed_error=_items_skipped(report, max_items),
        feed_etag=fetched.etag,
        feed_last_modified=fetched.last_modified,
    )
    return Poll(source, report=report)


def _fetch_in_language(language: str, source: Source, timeout: float):
    with translation.override(language):
        return fetch_feed(source, timeout)


def _items_skipped(report: Report, max_items: int) -> str:
    """Said on the source, where editors look, when the feed had more items than one poll takes."""
    skipped = report.rows_over_limit
    if not skipped:
        return ""
    return ngettext(
        "A feed gives at most %(limit)d items at a time: %(skipped)d more was skipped.",
        "A feed gives at most %(limit)d items at a time: %(skipped)d more were skipped.",
        skipped,
    ) % {"limit": max_items, "skipped": skipped}


def _failed(source, checked, message, report=None) -> Poll:
    _remember(source, **checked, feed_error=message[:500])
    return Poll(source, report=report, error=message)


def _remember(source: Source, **fields):
    """Update only the feed state, never overwriting an editor's concurrent change to the source."""
    Source.objects.filter(pk=source.pk).update(**fields)
    for name, value in fields.items():
        setattr(source, name, value)
