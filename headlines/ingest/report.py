"""What an import did: created, updated, duplicates skipped, and each rejected row with its reason."""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .rows import Rejection

CREATE, UPDATE, DUPLICATE = "create", "update", "duplicate"


@dataclass
class Outcome:
    """One accepted row and what the import does (or, in a dry run, would do) with it."""

    line: int
    title: str
    language: str
    domain: str
    published_on: datetime.date
    url: str
    action: str  # CREATE, UPDATE or DUPLICATE
    translations: tuple = ()


@dataclass
class Report:
    format: str = ""
    dry_run: bool = False
    created: int = 0
    updated: int = 0
    duplicates: int = 0
    rejected: list = field(default_factory=list)
    sources_created: list = field(default_factory=list)
    outcomes: list = field(default_factory=list)
    rows_over_limit: int = 0  # left out by the importer's `max_rows`

    def record(self, outcome: Outcome):
        self.outcomes.append(outcome)
        if outcome.action == CREATE:
            self.created += 1
        elif outcome.action == UPDATE:
            self.updated += 1
        else:
            self.duplicates += 1

    def reject(self, rejection: Rejection):
        self.rejected.append(rejection)

    @property
    def failure(self) -> Rejection | None:
        """The rejection of the input as a whole (line 0), when nothing in it could be read."""
        return next((r for r in self.rejected if r.line == 0), None)

    @property
    def rejected_rows(self) -> list:
        return sorted((r for r in self.rejected if r.line), key=lambda r: r.line)

    def summary(self) -> str:
        """One sentence for a message or the end of a command's output."""
        parts = [
            ngettext("%(count)d created", "%(count)d created", self.created)
            % {"count": self.created},
            ngettext("%(count)d updated", "%(count)d updated", self.updated)
            % {"count": self.updated},
            ngettext("%(count)d duplicate skipped", "%(count)d duplicates skipped", self.duplicates)
            % {"count": self.duplicates},
            ngettext("%(count)d rejected", "%(count)d rejected", len(self.rejected_rows))
            % {"count": len(self.rejected_rows)},
        ]
        text = ", ".join(parts) + "."
        if self.dry_run:
            text = _("Dry run, nothing saved: %(summary)s") % {"summary": text}
        return text
