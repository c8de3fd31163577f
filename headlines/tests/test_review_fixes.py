"""Inputs found in review that once gave a server error."""

import pytest
from django.core.exceptions import ValidationError

from headlines.factories import HeadlineFactory, SourceFactory
from headlines.ingest.dates import DateError, read_date

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("text", ["9999-12-31T23:00:00-12:00", "Fri, 31 Dec 9999 23:00:00 -1200"])
def test_dates_past_the_end_of_the_calendar_are_refused_not_crashed(text):
    with pytest.raises(DateError):
        read_date(text)


@pytest.mark.parametrize("day", ["9999-12-31T23:00:00-12:00", "Fri, 31 Dec 9999 23:00:00 -1200"])
def test_archive_go_to_day_with_an_impossible_date_returns_to_the_archive(client, home_page, day):
    response = client.get("/en/headlines/en/", {"day": day})

    assert response.status_code == 302
    assert response["Location"] == "/en/headlines/en/"


@pytest.mark.parametrize("source", ["\x00", "www.not-a-source.mn", "<script>"])
def test_archive_ignores_a_source_filter_it_does_not_know(client, home_page, source):
    HeadlineFactory(title_en="STILL LISTED")

    response = client.get("/en/headlines/en/", {"source": source})

    assert response.status_code == 200
    assert "STILL LISTED" in response.content.decode()


def test_control_characters_are_refused_in_headlines_and_sources():
    headline = HeadlineFactory.build(title_en="BAD\x0bTITLE", source=SourceFactory())
    source = SourceFactory.build(name_en="Name\x07")

    with pytest.raises(ValidationError) as headline_error:
        headline.full_clean()
    with pytest.raises(ValidationError) as source_error:
        source.full_clean()

    assert "title_en" in headline_error.value.message_dict
    assert "name_en" in source_error.value.message_dict


def test_feed_survives_a_control_character_saved_before_it_was_refused(client, home_page):
    HeadlineFactory(title_en="OLD\x0bROW")  # factories skip validation, like old data

    response = client.get("/en/headlines/en/feed/")

    assert response.status_code == 200
    assert "OLDROW" in response.content.decode()
