"""One-line guest fields refuse line breaks, control and invisible formatting characters.

A line break in a title reaches the page title and stops Wagtail's moderation emails; a
right-to-left override or a zero-width character makes one name look like another.
"""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from articles.models import ArticlePage
from authors.models import Author, AuthorLink, ProfileChange
from contributions.factories import GuestSubmissionFactory
from contributions.models import GuestSubmission
from contributions.tests.guest_form import piece

pytestmark = pytest.mark.django_db

MESSAGE = {
    "en": "Remove the line breaks and invisible characters from this text",
    "mn": "Энэ бичвэрээс мөр шилжилт болон үл харагдах тэмдэгтүүдийг арилгана уу",
}
# A line break, a right-to-left override, a zero-width space and a zero-width joiner.
INVISIBLE = {
    "line break": ("Herders\r\nBcc: all@evil.example", "U+000D, U+000A"),
    "right-to-left override": ("Herders \u202etxt.exe", "U+202E"),
    "zero-width space": ("Her\u200bders", "U+200B"),
    "zero-width joiner": ("Sar\u200duul", "U+200D"),
}


@pytest.mark.usefixtures("newsroom")
class TestGuestFields:
    @pytest.mark.parametrize("language", ["en", "mn"])
    @pytest.mark.parametrize("case", INVISIBLE)
    def test_a_title_with_invisible_characters_is_refused(self, client, guest, language, case):
        title, code_points = INVISIBLE[case]

        response = client.post(f"/{language}/contribute/new/", piece(title=title, language="mn"))

        shown = response.content.decode()
        assert response.status_code == 200
        assert MESSAGE[language] in shown and code_points in shown
        assert GuestSubmission.objects.count() == 0

    def test_an_edit_that_adds_a_line_break_changes_nothing(self, client, guest):
        draft = GuestSubmissionFactory(
            author=guest, title="Herders", status=GuestSubmission.Status.DRAFT
        )

        response = client.post(
            f"/en/contribute/{draft.pk}/edit/", piece(title="Herders\nand more", action="save")
        )

        assert MESSAGE["en"] in response.content.decode()
        draft.refresh_from_db()
        assert draft.title == "Herders"

    @pytest.mark.parametrize("language", ["en", "mn"])
    @pytest.mark.parametrize("field", ["name_en", "name_mn", "credentials_en", "credentials_mn"])
    def test_profile_lines_with_invisible_characters_are_refused(
        self, client, guest, language, field
    ):
        data = {"name_en": "Saruul Bat", "email_language": "en"}
        data[field] = "Saruul\u202e Bat"

        response = client.post(f"/{language}/contribute/profile/", data)

        assert MESSAGE[language] in response.content.decode()
        assert "U+202E" in response.content.decode()
        assert not ProfileChange.objects.exists()
        guest.refresh_from_db()
        assert guest.name_en == "Saruul Bat"

    def test_a_biography_keeps_its_paragraphs(self, client, guest):
        client.post(
            "/en/contribute/profile/",
            {
                "name_en": "Saruul Bat",
                "bio_en": "First paragraph.\r\n\r\nSecond.",
                "email_language": "en",
            },
        )

        assert guest.profile_change.values["bio_en"] == "First paragraph.\r\n\r\nSecond."


@pytest.mark.usefixtures("newsroom")
class TestEditorsSide:
    @pytest.fixture
    def editor(self, client, make_user):
        user = make_user("editor", groups=["Editors"])
        client.force_login(user)
        return user

    def test_the_invitation_refuses_a_name_with_invisible_characters(
        self, client, editor, home_page
    ):
        response = client.post(
            "/admin/guest_invitations/",
            {
                "name_en": "Saruul\u200b Bat",
                "name_mn": "Саруул Бат",
                "email": "saruul@uni.example",
                "language": "en",
            },
        )

        assert MESSAGE["en"] in response.content.decode()
        assert not Author.objects.exists() and not mail.outbox

    def test_a_title_stored_with_a_line_break_becomes_one_line_and_the_editors_are_emailed(
        self, client, editor, home_page, make_guest, newsroom
    ):
        guest = make_guest("saruul@uni.example")
        stored = GuestSubmissionFactory(author=guest, title="Herders\r\nBcc: all@evil.example")

        client.post(
            f"/admin/guest_submissions/edit/{stored.pk}/",
            {"action": "accept", "accept-section": newsroom.pk},
        )

        page = ArticlePage.objects.get()
        assert page.title_en == page.title == "Herders Bcc: all@evil.example"
        moderation = [m for m in mail.outbox if "Herders Bcc: all@evil.example" in m.subject]
        assert moderation and all("\n" not in m.subject for m in mail.outbox)

    def test_the_model_refuses_invisible_characters_in_names_and_link_labels(self, make_guest):
        guest = make_guest("saruul@uni.example", name_en="Saruul\u202e Bat")
        link = AuthorLink(author=guest, label_en="Site\u200b", url="https://example.org/")

        with pytest.raises(ValidationError, match="U\\+202E"):
            guest.full_clean()
        with pytest.raises(ValidationError, match="U\\+200B"):
            link.full_clean()
