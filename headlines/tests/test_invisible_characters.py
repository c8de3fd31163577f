"""Issue 10, finding 11: the admin refuses headline titles and source names that carry line
breaks, right-to-left overrides or zero-width characters (one name made to look like another),
naming the characters, in the editor's language. The importers tidy them away instead
(see the tests of each format)."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from wagtail.users.models import UserProfile

from headlines.models import Headline, Source
from headlines.tests.admin_forms import new_headline_form
from headlines.validators import refuse_control_characters

pytestmark = pytest.mark.django_db

REFUSED = {
    "en": "Remove the line breaks and invisible characters from this text ({}).",
    "mn": "Энэ бичвэрээс мөр шилжилт болон үл харагдах тэмдэгтүүдийг арилгана уу ({}).",
}


def errors_shown(response) -> str:
    page = BeautifulSoup(response.content, "html.parser")
    return " ".join(error.get_text(" ", strip=True) for error in page.select(".error-message"))


@pytest.fixture(params=["en", "mn"])
def language(request):
    profile = UserProfile.get_for_user(get_user_model().objects.get(username="chief"))
    profile.preferred_language = request.param
    profile.save()
    return request.param


@pytest.mark.parametrize(
    "field, title, characters",
    [
        ("title_en", "MONGOLIA\u202e EXE.TXT", "U+202E"),
        ("title_en", "DALAI\u200bJARGAL WINS", "U+200B"),
        ("title_mn", "ГАРЧИГ\u2066 \u200d", "U+2066, U+200D"),
    ],
)
def test_a_headline_title_with_invisible_characters_is_refused(
    chief_client, language, field, title, characters
):
    response = chief_client.post(
        "/admin/snippets/headlines/headline/add/", new_headline_form(**{field: title})
    )

    assert response.status_code == 200
    assert REFUSED[language].format(characters) in errors_shown(response)
    assert Headline.objects.count() == 0


def test_a_source_name_with_a_right_to_left_override_is_refused(chief_client, language):
    response = chief_client.post(
        "/admin/snippets/headlines/source/add/",
        {
            "name_en": "MONTSAME\u202e",
            "name_mn": "",
            "domain": "www.montsame.mn",
            "site_url": "https://www.montsame.mn/",
            "language": "en",
            "feed_url": "",
        },
    )

    assert response.status_code == 200
    assert REFUSED[language].format("U+202E") in errors_shown(response)
    assert Source.objects.count() == 0


def test_the_old_validator_name_still_refuses_what_the_shared_check_refuses():
    """Migrations 0003 and 0004 import `refuse_control_characters`."""
    with pytest.raises(ValidationError):
        refuse_control_characters("ZERO\u200bWIDTH")
