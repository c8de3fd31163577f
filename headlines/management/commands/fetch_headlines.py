"""python manage.py fetch_headlines: poll every active source's feed (run it from cron)."""

import logging

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation

from headlines.ingest.fetch import DEFAULT_TIMEOUT
from headlines.ingest.polling import (
    DEFAULT_WORKERS,
    MAX_FEED_ITEMS,
    fetch_concurrently,
    import_feed,
)
from headlines.models import Source

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Fetch the RSS/Atom feed of every active source and import new headlines. "
        "Unchanged feeds are skipped (ETag, Last-Modified); one failing source never stops the "
        "others. Feeds are fetched a few at a time, each within its time limit."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--source", metavar="DOMAIN", action="append", help="Only these sources (repeatable)."
        )
        parser.add_argument(
            "--publish", action="store_true", help="Publish new headlines (default: drafts)."
        )
        parser.add_argument(
            "--timeout",
            type=positive(float),
            default=DEFAULT_TIMEOUT,
            help="Seconds per feed, all told: connecting, redirects and the whole answer.",
        )
        parser.add_argument(
            "--workers",
            type=positive(int),
            default=DEFAULT_WORKERS,
            help="Feeds fetched at the same time.",
        )
        parser.add_argument(
            "--max-items",
            type=positive(int),
            default=MAX_FEED_ITEMS,
            help="Items taken from one feed; the rest are skipped and reported.",
        )

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            self.run(options)

    def run(self, options):
        sources = Source.objects.with_feeds()
        if options["source"]:
            sources = sources.filter(domain__in=[d.strip().lower() for d in options["source"]])
        failed = 0
        sources = list(sources)
        fetching = fetch_concurrently(
            sources, timeout=options["timeout"], workers=options["workers"]
        )
        for source, fetched in fetching:
            try:
                poll = import_feed(
                    source,
                    fetched.result(),
                    publish=options["publish"],
                    max_items=options["max_items"],
                )
            except Exception as error:  # one source's bug must not stop the others
                logger.exception("Fetching %s failed", source.feed_url)
                Source.objects.filter(pk=source.pk).update(
                    feed_checked_at=timezone.now(), feed_error=str(error)[:500]
                )
                self.stderr.write(f"{source.domain}: failed: {error}")
                failed += 1
                continue
            if poll.error:
                self.stderr.write(f"{source.domain}: failed: {poll.error}")
                failed += 1
            elif poll.not_modified:
                self.stdout.write(f"{source.domain}: not modified")
            else:
                self.stdout.write(f"{source.domain}: {poll.report.summary()}")
                if source.feed_error:  # the items over the limit, skipped
                    self.stdout.write(f"  {source.feed_error}")
                for rejection in poll.report.rejected_rows:
                    self.stdout.write(f"  item {rejection.line}: rejected: {rejection.reason}")
        if failed:
            raise CommandError(f"{failed} of {len(sources)} feeds failed.")


def positive(kind):
    """An argparse type: a number of `kind` above zero."""

    def parse(text):
        value = kind(text)
        if value <= 0:
            raise ValueError(text)
        return value

    parse.__name__ = kind.__name__  # argparse names the type in its error message
    return parse
