"""One guest cannot stall the site: body size and nesting, pictures, and how much a guest sends
a day are limited before anything is parsed or decoded, each refusal in the guest's language."""

import io
from datetime import timedelta
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageFile
from wagtail.models import Page

from articles.models import ArticlePage
from contributions import guest_body, guest_limits
from contributions.factories import GuestSubmissionFactory
from contributions.models import GuestSubmission, GuestUpload
from contributions.tests.guest_form import piece

pytestmark = pytest.mark.django_db
TAG_START = guest_body._TAG_START
Status = GuestSubmission.Status

NOTHING_SAVED = {"en": "Nothing has been saved yet.", "mn": "Одоогоор юу ч хадгалагдаагүй."}


def png(size=(40, 30), mode="RGB"):
    output = io.BytesIO()
    Image.new(mode, size).save(output, "PNG")
    return SimpleUploadedFile("photo.png", output.getvalue())


def assert_refused(response, language, message, submissions_before=0):
    shown = response.content.decode()
    assert response.status_code == 200
    assert message in shown, shown
    assert NOTHING_SAVED[language] in shown
    assert GuestSubmission.objects.count() == submissions_before


def nested_lists(depth):
    return "<ul><li>" * depth + "deep" + "</li></ul>" * depth


@pytest.mark.usefixtures("newsroom")
class TestBodyLimits:
    """Limits on one piece's text, checked before the sanitiser reads it."""

    @pytest.mark.parametrize(
        ("language", "message"),
        [
            ("en", "The text is 1,200,000 characters long; the most we accept is 100,000."),
            ("mn", "Бичвэр 1,200,000 тэмдэгттэй байна; хамгийн ихдээ 100,000 тэмдэгт хүлээн авна."),
        ],
    )
    def test_a_body_of_a_million_characters_is_refused_unread(
        self, client, guest, language, message
    ):
        with mock.patch("contributions.guest_body.BeautifulSoup") as parser:
            response = client.post(f"/{language}/contribute/new/", piece(body="<p>a" * 300_000))

        assert_refused(response, language, message)
        parser.assert_not_called()

    @pytest.mark.parametrize(
        ("language", "message"),
        [
            ("en", "3,001 paragraphs and HTML elements, where we accept at most 3,000"),
            ("mn", "3,001 догол мөр, HTML элемент байна; хамгийн ихдээ 3,000"),
        ],
    )
    def test_a_body_of_thousands_of_links_is_refused_unread(self, client, guest, language, message):
        links = "<a href=https://e.mn/>x</a>" * 3_001

        with mock.patch("contributions.guest_body.BeautifulSoup") as parser:
            response = client.post(f"/{language}/contribute/new/", piece(body=links))

        assert_refused(response, language, message)
        parser.assert_not_called()

    def test_thousands_of_blank_line_paragraphs_count_as_elements(self, client, guest):
        response = client.post("/en/contribute/new/", piece(body="\n\n".join(["word"] * 3_002)))

        assert_refused(response, "en", "3,001 paragraphs and HTML elements")

    @pytest.mark.parametrize(
        ("language", "message"),
        [
            ("en", "Lists and quotes are nested too deeply in the text"),
            ("mn", "Жагсаалт, ишлэлийн давхарлалт хэт гүн байна"),
        ],
    )
    def test_lists_nested_180_deep_are_refused_unread(self, client, guest, language, message):
        with mock.patch("contributions.guest_body.BeautifulSoup") as parser:
            response = client.post(f"/{language}/contribute/new/", piece(body=nested_lists(180)))

        assert_refused(response, language, message)
        parser.assert_not_called()

    @pytest.mark.parametrize(
        "body",
        ["<blockquote></b>" * 30 + "deep", "<ul><li><table></ul>" * 30 + "deep"],
        ids=["stray end tags", "end tags beyond a table"],
    )
    def test_end_tags_that_close_nothing_do_not_hide_the_depth(self, client, guest, body):
        response = client.post("/en/contribute/new/", piece(body=body))

        assert_refused(response, "en", "Lists and quotes are nested too deeply")

    def test_a_long_piece_within_the_limits_is_saved(self, client, guest):
        paragraphs = "\n\n".join(f"Paragraph {n} " + "word " * 150 for n in range(100))
        lists = nested_lists(5)

        client.post("/en/contribute/new/", piece(body=paragraphs + "\n\n" + lists))

        body = GuestSubmission.objects.get().body
        assert body.count("<p>") == 100 and body.count("<ul>") == 5

    def test_an_overlong_summary_is_refused(self, client, guest):
        response = client.post("/mn/contribute/new/", piece(summary="ү" * 1_200))

        assert_refused(response, "mn", "Хураангуй 1,200 тэмдэгттэй байна; хамгийн ихдээ 1,000")


def test_the_body_is_searched_for_tags_once(monkeypatch):
    """The element count and the depth are read from one pass over the text."""
    searches = []

    class CountingPattern:
        def findall(self, text):
            searches.append(len(text))
            return TAG_START.findall(text)

    monkeypatch.setattr(guest_body, "_TAG_START", CountingPattern())

    assert guest_body.body_limit_problems(nested_lists(3) + "\n\nMore.") == []
    assert len(searches) == 1


@pytest.mark.parametrize(
    ("body", "refused", "too_big_to_accept"),
    [
        ("a" * (guest_limits.BODY_MAX_CHARACTERS + 1), True, True),
        ("<p>a" * (guest_limits.BODY_MAX_ELEMENTS + 1), True, True),
        (nested_lists(guest_limits.BODY_MAX_NESTING + 1), True, False),
        (nested_lists(guest_limits.BODY_MAX_NESTING), False, False),
    ],
    ids=["too long", "too many elements", "too deep (flattened instead)", "within the limits"],
)
def test_too_big_to_accept_is_what_the_form_refuses_as_too_big(body, refused, too_big_to_accept):
    assert bool(guest_body.body_limit_problems(body)) is refused
    assert guest_body.is_too_big(body) is too_big_to_accept


@pytest.mark.usefixtures("newsroom")
class TestAcceptingWhateverIsStored:
    """Pieces stored before the limits existed still meet the editor without a 500."""

    @pytest.fixture
    def editor(self, client, make_user):
        user = make_user("editor", groups=["Editors"])
        client.force_login(user)
        return user

    def accept(self, client, submission, section):
        return client.post(
            f"/admin/guest_submissions/edit/{submission.pk}/",
            {"action": "accept", "accept-section": section.pk},
        )

    def test_lists_nested_180_deep_are_flattened_and_accepted(
        self, client, editor, home_page, make_guest, newsroom
    ):
        guest = make_guest("saruul@uni.example")
        stored = GuestSubmissionFactory(author=guest, body=nested_lists(180))

        response = self.accept(client, stored, newsroom)

        page = ArticlePage.objects.get()
        assert response.status_code == 302 and response["Location"].endswith(f"/{page.pk}/edit/")
        source = page.body_en[0].value.source
        assert "deep" in source and source.count("<ul>") <= guest_limits.BODY_MAX_NESTING
        stored.refresh_from_db()
        assert stored.status == Status.ACCEPTED
        assert client.get(response["Location"]).status_code == 200

    def test_lists_as_deep_as_the_form_accepts_are_accepted_as_they_are(
        self, client, editor, home_page, make_guest, newsroom
    ):
        """The form and acceptance measure depth alike: what the guest could send is not
        flattened when the editor accepts it."""
        client.force_login(make_guest("saruul@uni.example").user)
        client.post("/en/contribute/new/", piece(body=nested_lists(guest_limits.BODY_MAX_NESTING)))
        stored = GuestSubmission.objects.get()
        client.force_login(editor)

        self.accept(client, stored, newsroom)

        source = ArticlePage.objects.get().body_en[0].value.source
        assert source.count("<ul>") == guest_limits.BODY_MAX_NESTING and "deep" in source

    def test_the_longest_mongolian_title_fits_the_page_in_latin_letters(
        self, client, editor, home_page, make_guest, newsroom
    ):
        guest = make_guest("saruul@uni.example")
        title = ("Шинэ " * 51).strip()  # 254 letters, 305 in Latin ones
        stored = GuestSubmissionFactory(author=guest, language="mn", title=title)

        response = self.accept(client, stored, newsroom)

        page = ArticlePage.objects.get()
        assert response["Location"].endswith(f"/{page.pk}/edit/")
        assert page.title_mn == title
        assert page.title_en.startswith("Shine Shine") and len(page.title_en) <= 255
        assert page.slug.startswith("shine-shine") and len(page.slug) <= 120

    def test_a_body_too_big_to_convert_is_refused_with_a_message(
        self, client, editor, home_page, make_guest, newsroom
    ):
        guest = make_guest("saruul@uni.example")
        stored = GuestSubmissionFactory(author=guest, body="<p>a</p>" * 5_000)
        pages_before = Page.objects.count()

        response = self.accept(client, stored, newsroom)

        shown = client.get(response["Location"]).content.decode()
        assert "longer than guests may send now" in shown
        assert "Ask the guest for changes." in shown
        assert Page.objects.count() == pages_before
        stored.refresh_from_db()
        assert stored.status == Status.SUBMITTED


@pytest.mark.usefixtures("newsroom")
class TestPictureLimits:
    def test_a_picture_over_the_guest_pixel_budget_is_refused_from_its_header(self, client, guest):
        # 5,000 x 5,000 is 25 megapixels: within the staff library's 40, over a guest's 24.
        big = png(size=(5_000, 5_000), mode="1")

        with mock.patch.object(ImageFile.ImageFile, "load") as decode:
            response = client.post("/en/contribute/new/", piece(image=big))

        assert_refused(response, "en", "This image has 25.0 million pixels")
        assert "the most we accept is 24.0 million" in response.content.decode()
        decode.assert_not_called()
        assert GuestUpload.objects.count() == 0

    def test_a_big_picture_is_stored_no_larger_than_the_site_shows(self, client, guest):
        client.post("/en/contribute/new/", piece(image=png(size=(3_000, 1_500))))

        with GuestSubmission.objects.get().image.open("rb") as stored:
            assert Image.open(stored).size == (2_560, 1_280)


@pytest.mark.usefixtures("newsroom")
class TestDailyLimits:
    """What one guest may send in a day, and at once."""

    @pytest.mark.parametrize(
        ("language", "message"),
        [
            ("en", "You have started 5 pieces in the last 24 hours, the most we accept in a day."),
            ("mn", "Та сүүлийн 24 цагт 5 нийтлэл эхлүүлсэн"),
        ],
    )
    def test_a_sixth_new_piece_in_a_day_is_refused(self, client, guest, language, message):
        for _n in range(5):
            GuestSubmissionFactory(author=guest, status=Status.DRAFT)

        with mock.patch("contributions.guest_body.BeautifulSoup") as parser:
            response = client.post(f"/{language}/contribute/new/", piece(action="save"))

        assert_refused(response, language, message, submissions_before=5)
        parser.assert_not_called()

    def test_pieces_started_yesterday_do_not_count(self, client, guest):
        for _n in range(5):
            GuestSubmissionFactory(author=guest, status=Status.DRAFT)
        GuestSubmission.objects.update(created_at=timezone.now() - timedelta(hours=25))

        client.post("/en/contribute/new/", piece(action="save"))

        assert GuestSubmission.objects.count() == 6

    @pytest.mark.parametrize(
        ("language", "message"),
        [
            ("en", "You already have 3 pieces waiting for the editors."),
            ("mn", "Танд редакторуудын хариуг хүлээж буй 3 нийтлэл байна."),
        ],
    )
    def test_a_fourth_piece_waiting_for_the_editors_is_refused_but_may_be_a_draft(
        self, client, guest, language, message
    ):
        for _n in range(3):
            GuestSubmissionFactory(author=guest, status=Status.SUBMITTED)
        draft = GuestSubmissionFactory(author=guest, status=Status.DRAFT, title="Fourth")
        edit = f"/{language}/contribute/{draft.pk}/edit/"

        refused = client.post(edit, piece(title="Fourth, sent"))
        client.post(edit, piece(title="Fourth, kept", action="save"))

        assert_refused(refused, language, message, submissions_before=4)
        draft.refresh_from_db()
        assert (draft.title, draft.status) == ("Fourth, kept", Status.DRAFT)

    @pytest.mark.parametrize(
        ("language", "message"),
        [
            ("en", "You have sent 20 pictures in the last 24 hours"),
            ("mn", "Та сүүлийн 24 цагт 20 зураг илгээсэн"),
        ],
    )
    def test_a_twenty_first_picture_in_a_day_is_refused_undecoded(
        self, client, guest, language, message
    ):
        GuestUpload.objects.bulk_create(GuestUpload(author=guest, size=1_000) for _n in range(20))

        with mock.patch.object(ImageFile.ImageFile, "load") as decode:
            response = client.post(f"/{language}/contribute/new/", piece(image=png()))

        assert_refused(response, language, message)
        decode.assert_not_called()
        assert GuestUpload.objects.count() == 20

    def test_pictures_past_the_daily_bytes_are_refused(self, client, guest):
        GuestUpload.objects.create(author=guest, size=guest_limits.UPLOAD_BYTES_PER_DAY - 10)

        response = client.post("/en/contribute/new/", piece(image=png()))

        assert_refused(response, "en", "with this one they would pass the daily limit of 100.0")

    def test_profile_photos_count_against_the_same_allowance(self, client, guest):
        GuestUpload.objects.bulk_create(GuestUpload(author=guest, size=1_000) for _n in range(20))

        response = client.post(
            "/en/contribute/profile/",
            {"name_en": "Saruul Bat", "email_language": "en", "photo_upload": png()},
        )

        assert "You have sent 20 pictures in the last 24 hours" in response.content.decode()
        guest.refresh_from_db()
        assert guest.photo is None and not hasattr(guest, "profile_change")

    def test_each_picture_counts_and_yesterdays_do_not(self, client, guest):
        GuestUpload.objects.bulk_create(GuestUpload(author=guest, size=1_000) for _n in range(20))
        GuestUpload.objects.update(uploaded_at=timezone.now() - timedelta(hours=25))

        client.post("/en/contribute/new/", piece(image=png()))

        assert GuestSubmission.objects.get().image
        assert GuestUpload.objects.filter(author=guest).count() == 21

    def test_another_guests_uploads_do_not_count(self, client, guest, make_guest):
        other = make_guest("other@uni.example")
        GuestUpload.objects.bulk_create(GuestUpload(author=other, size=1_000) for _n in range(20))

        client.post("/en/contribute/new/", piece(image=png()))

        assert GuestSubmission.objects.get().image
