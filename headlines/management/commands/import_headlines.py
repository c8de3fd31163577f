"""python manage.py import_headlines PATH_OR_URL [--format ...] [--source ...] [--language ...]"""

import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from bilingual.dates import short_date
from bilingual.languages import language_codes
from headlines.ingest.fetch import DEFAULT_TIMEOUT, FetchError, fetch
from headlines.ingest.formats import FORMATS
from headlines.ingest.pipeline import run_import
from headlines.ingest.progress import ProgressLine
from headlines.links import normalise_domain


class Command(BaseCommand):
    help = (
        "Import headlines from a file, an http(s) address or standard input (-): RSS, Atom, "
        "CSV (title,url,published,language[,source,title_<language>...]) or house-format lines "
        "(“<headline> <SOURCE DOMAIN> PUBLISHED:YYYY/MM/DD”). Re-running changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("location", metavar="PATH_OR_URL")
        parser.add_argument(
            "--format", choices=FORMATS, help="Guessed from the name and content when omitted."
        )
        parser.add_argument(
            "--source", metavar="DOMAIN", help="Credit every headline to this source."
        )
        parser.add_argument(
            "--language", choices=language_codes(), help="Language of rows that do not give one."
        )
        parser.add_argument(
            "--publish", action="store_true", help="Publish new headlines (default: drafts)."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report; save nothing."
        )
        parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="For URLs.")

    def handle(self, *args, **options):
        # Translated fields and messages follow the active language: be explicit.
        with translation.override(settings.LANGUAGE_CODE):
            self.run(options)

    def run(self, options):
        source = ""
        if options["source"]:
            source = normalise_domain(options["source"])
            if "." not in source:
                raise CommandError(f"--source {options['source']!r} is not a domain.")
        data, name, content_type, base_url = self.read(options["location"], options["timeout"])
        report = run_import(
            data,
            format=options["format"] or "",
            name=name,
            content_type=content_type,
            base_url=base_url,
            source=source,
            language=options["language"] or "",
            publish=options["publish"],
            dry_run=options["dry_run"],
            origin=name,
            progress=ProgressLine(self.stderr, label="Saving "),
        )
        if report.failure:
            raise CommandError(report.failure.reason)
        self.show(report, options["verbosity"])

    def read(self, location: str, timeout: float):
        """(bytes, name, content type, base address) from a path, an http(s) URL or stdin."""
        if location == "-":
            return sys.stdin.buffer.read(), "stdin", "", ""
        if location.lower().startswith(("http://", "https://")):
            try:
                fetched = fetch(location, timeout=timeout)
            except FetchError as error:
                raise CommandError(str(error)) from None
            return fetched.body, location, fetched.content_type, fetched.url
        path = Path(location)
        try:
            return path.read_bytes(), path.name, "", ""
        except OSError as error:
            raise CommandError(f"Cannot read {location}: {error.strerror}.") from None

    def show(self, report, verbosity: int):
        if verbosity >= 2:
            for outcome in report.outcomes:
                self.stdout.write(
                    f"line {outcome.line}: {outcome.action}: {outcome.title} "
                    f"{outcome.domain.upper()} {short_date(outcome.published_on)}"
                )
        for rejection in report.rejected_rows:
            text = f"  [{rejection.text}]" if rejection.text else ""
            self.stdout.write(
                self.style.WARNING(f"line {rejection.line}: rejected: {rejection.reason}{text}")
            )
        if report.sources_created:
            verb = "would be created" if report.dry_run else "created"
            self.stdout.write(f"New sources {verb}: {', '.join(report.sources_created)}")
        style = self.style.WARNING if report.rejected_rows else self.style.SUCCESS
        self.stdout.write(style(f"{report.format}: {report.summary()}"))
