"""What the admin's "add headline" form posts, for tests that try values in it."""

from headlines.factories import SourceFactory


def new_headline_form(**overrides) -> dict:
    """A valid new English headline on www.montsame.mn, with `overrides` put in."""
    source = SourceFactory(domain="www.montsame.mn")
    data = {
        "title_en": "FUEL SUPPLY STRENGTHENED",
        "title_mn": "",
        "url": "https://www.montsame.mn/en/read/1",
        "source": source.pk,
        "published_on": "2025-12-04",
        "language": "en",
    }
    data.update(overrides)
    return data
