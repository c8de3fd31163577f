"""The last step of every import: match rows to stored headlines, then save them in bulk.

Rows are written in batches, each in one transaction. Should a batch fail (another
import saved the same story a moment earlier), its rows are saved again one by one,
each in its own transaction: a row is saved whole or not at all, and a bad one
never takes the good ones down with it.
"""

import logging
import uuid
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from ..links import canonical_url, domain_twins, site_url_for
from ..models import Headline, Source
from ..signals import headlines_imported
from .report import CREATE, DUPLICATE, UPDATE, Outcome, Report
from .rows import Rejection, ValidRow

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
IMPORT_ACTION = "headlines.import"
IMPORT_UPDATE_ACTION = "headlines.import_update"


@dataclass
class Plan:
    """What to do with one row: the headline to insert or the changes to an existing one."""

    row: ValidRow
    key: str
    action: str
    headline: Headline | None = None
    changes: dict = field(default_factory=dict)


class HeadlineSaver:
    """Sources first (found by domain, created when unknown), then the headlines."""

    def __init__(self, *, publish=False, dry_run=False, user=None, origin="", progress=None):
        self.publish = publish
        self.dry_run = dry_run
        self.user = user
        self.origin = origin
        self.progress = progress or (lambda done, total: None)

    def save(self, rows: list[ValidRow], report: Report):
        sources = self._sources(rows, report)
        plans = self._plans(rows, sources)
        for plan in plans:
            if plan.action == DUPLICATE or self.dry_run:
                report.record(self._outcome(plan))
        if self.dry_run:
            return
        pending = [plan for plan in plans if plan.action != DUPLICATE]
        written = []
        total, done = len(pending), 0
        self.progress(0, total)
        for start in range(0, total, BATCH_SIZE):
            batch = pending[start : start + BATCH_SIZE]
            try:
                with transaction.atomic():
                    self._write(batch)
            except DatabaseError:
                logger.info(
                    "Batch from line %d failed; saving its rows one by one", batch[0].row.line
                )
                batch = self._write_one_by_one(batch, report)
            for plan in batch:
                report.record(self._outcome(plan))
            written += [plan.headline.pk for plan in batch if plan.action != DUPLICATE]
            done += len(pending[start : start + BATCH_SIZE])
            self.progress(done, total)
        if pending:
            # Bulk writes send no post_save: the cached lists and pages are renewed once per
            # import, and the search index re-reads the headlines written.
            headlines_imported.send(sender=Headline, headlines=written)

    # Sources -----------------------------------------------------------------

    def _sources(self, rows, report) -> dict:
        """domain -> Source for every row, creating the unknown ones (unsaved in a dry run)."""
        wanted = {}  # domain -> the language of its first row
        for row in rows:
            wanted.setdefault(row.domain, row.language)
        found = Source.objects.for_domains(wanted)
        new, aliases = {}, {}
        for domain, language in wanted.items():
            if domain in found:
                continue
            if twin := next((t for t in domain_twins(domain) if t in new), None):
                aliases[domain] = twin  # montsame.mn and www.montsame.mn in the same file
            else:
                new[domain] = Source(
                    domain=domain, name_en=domain, site_url=site_url_for(domain), language=language
                )
        missing = list(new.values())
        if missing and not self.dry_run:
            Source.objects.bulk_create(missing, ignore_conflicts=True)
            missing = list(Source.objects.filter(domain__in=list(new)))
        for source in missing:
            found[source.domain] = source
            report.sources_created.append(source.domain)
        for domain, twin in aliases.items():
            found[domain] = found[twin]
        return found

    # Matching ----------------------------------------------------------------

    def _plans(self, rows, sources) -> list[Plan]:
        keyed = []
        for row in rows:
            source = sources[row.domain]
            if not row.url:
                # A line without a story link points at its source's site.
                row.url = canonical_url(source.site_url)
            row.domain = source.domain  # montsame.mn is shown as the stored www.montsame.mn
            headline = self._new_headline(row, source)
            keyed.append((row, headline, headline.compute_dedup_key()))
        existing = Headline.objects.by_dedup_keys({key for _row, _headline, key in keyed})
        plans, seen = [], set()
        for row, headline, key in keyed:
            if key in seen:
                plans.append(Plan(row, key, DUPLICATE))
                continue
            seen.add(key)
            stored = existing.get(key)
            if stored is None:
                plans.append(Plan(row, key, CREATE, headline=headline))
                continue
            changes = self._changes(stored, row)
            if changes:
                plans.append(Plan(row, key, UPDATE, headline=stored, changes=changes))
            else:
                plans.append(Plan(row, key, DUPLICATE, headline=stored))
        return plans

    def _new_headline(self, row: ValidRow, source: Source) -> Headline:
        now = timezone.now()
        return Headline(
            **{f"title_{code}": title for code, title in row.titles.items()},
            url=row.url,
            source=source,
            published_on=row.published_on,
            language=row.language,
            live=self.publish,
            has_unpublished_changes=False,
            first_published_at=now if self.publish else None,
            last_published_at=now if self.publish else None,
        )

    @staticmethod
    def _changes(stored: Headline, row: ValidRow) -> dict:
        """What the row would change. Headlines an editor has worked on only gain missing titles."""
        edited = stored.latest_revision_id is not None
        changes = {}
        for code, title in row.titles.items():
            current = getattr(stored, f"title_{code}", None) or ""
            if title != current and (not current or not edited):
                changes[f"title_{code}"] = title
        if row.date_given and not edited and stored.published_on != row.published_on:
            changes["published_on"] = row.published_on
        return changes

    # Writing -----------------------------------------------------------------

    def _write(self, batch: list[Plan]):
        creates = [plan.headline for plan in batch if plan.action == CREATE]
        for headline, plan in zip(creates, [p for p in batch if p.action == CREATE], strict=True):
            headline.dedup_key = plan.key
        Headline.objects.bulk_create(creates)
        updates = [plan for plan in batch if plan.action == UPDATE]
        for plan in updates:
            for name, value in plan.changes.items():
                setattr(plan.headline, name, value)
        fields = sorted({name for plan in updates for name in plan.changes})
        if updates:
            Headline.objects.bulk_update([plan.headline for plan in updates], fields)
        ModelLogEntry.objects.bulk_create(self._log_entries(batch))

    def _write_one_by_one(self, batch: list[Plan], report: Report) -> list[Plan]:
        written = []
        for plan in batch:
            try:
                with transaction.atomic():
                    if plan.action == CREATE and Headline.objects.with_dedup_key(plan.key).exists():
                        plan.action = DUPLICATE
                    elif plan.action == CREATE:
                        plan.headline.pk = None
                        plan.headline.save()
                        ModelLogEntry.objects.bulk_create(self._log_entries([plan]))
                    else:
                        self._write([plan])
                written.append(plan)
            except DatabaseError as error:
                report.reject(
                    Rejection(
                        plan.row.line,
                        _("The headline could not be saved: %(error)s") % {"error": error},
                        plan.row.title[:80],
                    )
                )
        return written

    def _log_entries(self, batch: list[Plan]) -> list[ModelLogEntry]:
        content_type = ContentType.objects.get_for_model(Headline, for_concrete_model=False)
        now, action_uuid = timezone.now(), uuid.uuid4()
        return [
            ModelLogEntry(
                content_type=content_type,
                object_id=str(plan.headline.pk),
                label=str(plan.headline)[:255],
                action=IMPORT_ACTION if plan.action == CREATE else IMPORT_UPDATE_ACTION,
                data={"origin": self.origin, "published": plan.headline.live},
                timestamp=now,
                uuid=action_uuid,
                user=self.user,
                content_changed=True,
            )
            for plan in batch
            if plan.action in (CREATE, UPDATE)
        ]

    @staticmethod
    def _outcome(plan: Plan) -> Outcome:
        row = plan.row
        return Outcome(
            line=row.line,
            title=row.title,
            language=row.language,
            domain=row.domain,
            published_on=row.published_on,
            url=row.url,
            action=plan.action,
            translations=tuple(code for code in row.titles if code != row.language),
        )
