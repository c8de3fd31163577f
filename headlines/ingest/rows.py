"""The rows that travel through the pipeline, from parsed text to saved headline."""

import datetime
from dataclasses import dataclass, field


@dataclass
class ParsedRow:
    """What a parser read from one line, CSV record or feed entry, not yet checked."""

    line: int
    title: str = ""
    url: str = ""
    published: object = None  # text, date or datetime, as the format gives it
    language: str = ""
    source: str = ""
    # Titles named by language (CSV `title_en`, `title_mn`), beside the main `title`.
    titles: dict = field(default_factory=dict)


@dataclass
class ValidRow:
    """A row that passed every check: canonical link, clean titles, a real date."""

    line: int
    titles: dict  # language code -> title; always holds the original language
    language: str
    url: str  # canonical; empty until the saver gives site-only lines their source's address
    domain: str
    published_on: datetime.date
    date_given: bool = True  # False when a feed entry had no date and today was assumed

    @property
    def title(self) -> str:
        return self.titles[self.language]


@dataclass(frozen=True)
class Rejection:
    """A row (or, with line 0, the whole input) that was not imported, and why."""

    line: int
    reason: str
    text: str = ""  # the start of the offending input, to help find it
