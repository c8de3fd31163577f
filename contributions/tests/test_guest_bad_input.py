"""Bad input in the guest area: a clear message in the reader's language, nothing half-saved."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image
from wagtail.images import get_image_model

from authors.models import Author
from contributions.factories import GuestSubmissionFactory
from contributions.models import GuestSubmission
from contributions.tests.guest_form import piece

pytestmark = pytest.mark.django_db
Status = GuestSubmission.Status


def picture(format="PNG", size=(40, 30), name=None, exif=None):
    output = io.BytesIO()
    image = Image.new("RGB", size, (200, 30, 30))
    if exif is not None:
        image.save(output, format, exif=exif)
    else:
        image.save(output, format)
    extension = {"JPEG": "jpg"}.get(format, format.lower())
    return SimpleUploadedFile(name or f"photo.{extension}", output.getvalue())


def assert_refused(response, message):
    assert response.status_code == 200
    shown = response.content.decode()
    assert message in shown, shown
    assert "Nothing has been saved yet." in shown or "Одоогоор юу ч хадгалагдаагүй." in shown
    assert GuestSubmission.objects.count() == 0


# --- images --------------------------------------------------------------------------------------


@pytest.mark.usefixtures("newsroom")
class TestBadInput:
    """Bad input against one site and newsroom, built once for the class."""

    def test_a_real_picture_is_stored_re_encoded_under_a_new_name(self, client, guest):
        exif = Image.Exif()
        exif[0x010F] = "SecretCameraMaker"
        upload = picture("JPEG", name="My Holiday.JPG", exif=exif)

        client.post("/en/contribute/new/", piece(image=upload))

        stored = GuestSubmission.objects.get().image
        assert stored.name.startswith("guest-submissions/") and stored.name.endswith(".jpg")
        assert "Holiday" not in stored.name
        with stored.open("rb") as file:
            data = file.read()
        assert b"SecretCameraMaker" not in data
        assert Image.open(io.BytesIO(data)).size == (40, 30)

    def test_an_oversized_image_is_refused(self, client, guest, settings):
        settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
        upload = SimpleUploadedFile("big.png", picture(size=(400, 400)).read() + b"\0" * 2000)
        assert_refused(
            client.post("/en/contribute/new/", piece(image=upload)), "the largest we accept is"
        )

    def test_an_image_with_too_many_pixels_is_refused(self, client, guest, settings):
        settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1000
        assert_refused(
            client.post("/en/contribute/new/", piece(image=picture(size=(100, 100)))),
            "the most we accept is",
        )

    def test_a_corrupt_image_is_refused(self, client, guest):
        whole = picture("JPEG", size=(300, 300)).read()
        upload = SimpleUploadedFile("cut.jpg", whole[: len(whole) // 2])
        assert_refused(
            client.post("/en/contribute/new/", piece(image=upload)),
            "is not an image we can read, or it is damaged",
        )

    def test_a_page_disguised_as_a_picture_is_refused(self, client, guest):
        upload = SimpleUploadedFile("photo.jpg", b"<html><script>alert(1)</script></html>")
        assert_refused(
            client.post("/en/contribute/new/", piece(image=upload)),
            "is not an image we can read, or it is damaged",
        )

    def test_a_picture_under_another_formats_name_is_refused(self, client, guest):
        upload = picture("PNG", name="photo.jpg")
        assert_refused(
            client.post("/en/contribute/new/", piece(image=upload)),
            "The file name says .jpg but the file is a PNG image.",
        )

    def test_an_svg_is_refused(self, client, guest):
        svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'
        upload = SimpleUploadedFile("logo.svg", svg)
        assert_refused(
            client.post("/en/contribute/new/", piece(image=upload)), "not an image we can read"
        )

    def test_a_bad_profile_photo_changes_nothing(self, client, guest):
        before = (guest.bio_en, get_image_model().objects.count())
        response = client.post(
            "/en/contribute/profile/",
            {
                "name_en": "Saruul Bat",
                "bio_en": "Changed bio",
                "email_language": "en",
                "photo_upload": SimpleUploadedFile("me.png", b"GIF89a not really"),
            },
        )
        assert "not an image we can read" in response.content.decode()
        guest.refresh_from_db()
        assert (guest.bio_en, get_image_model().objects.count()) == before

    def test_a_good_profile_photo_goes_to_the_guest_collection(self, client, guest):
        client.post(
            "/en/contribute/profile/",
            {"name_en": "Saruul Bat", "email_language": "en", "photo_upload": picture()},
        )
        photo = guest.profile_change.photo  # public once approved (test_guest_profile_review.py)
        assert photo.collection.name == "Guest authors"
        assert photo.uploaded_by_user == guest.user

    # --- scripts and links ---------------------------------------------------------------------------

    @pytest.mark.parametrize(
        "body",
        [
            "<p>Hello</p><script>alert(document.cookie)</script>",
            '<p onclick="alert(1)">Hello</p>',
            '<iframe src="https://evil.example/"></iframe>',
            '<img src="x" onerror="alert(1)">',
        ],
    )
    def test_scripts_in_the_body_are_refused(self, client, guest, body):
        assert_refused(
            client.post("/en/contribute/new/", piece(body=body)),
            "Scripts, embedded frames, forms and event handlers are not allowed",
        )

    @pytest.mark.parametrize(
        "link",
        [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java&#x09;script:alert(1)",
            " javascript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "/relative/path",
        ],
    )
    def test_links_other_than_http_and_mailto_are_refused(self, client, guest, link):
        assert_refused(
            client.post("/en/contribute/new/", piece(body=f'<p><a href="{link}">click</a></p>')),
            "Links must be full addresses beginning with https://",
        )

    @pytest.mark.parametrize("field", ["title", "summary"])
    def test_markup_in_plain_text_fields_is_refused(self, client, guest, field):
        assert_refused(
            client.post("/en/contribute/new/", piece(**{field: "Hi <script>alert(1)</script>"})),
            "Write plain text here",
        )

    def test_markup_in_the_profile_is_refused(self, client, guest):
        response = client.post(
            "/en/contribute/profile/",
            {
                "name_en": "Saruul",
                "bio_mn": '<a href="javascript:x">me</a>',
                "email_language": "en",
            },
        )
        assert "Write plain text here" in response.content.decode()
        guest.refresh_from_db()
        assert guest.name_en == "Saruul Bat" and not guest.bio_mn

    def test_allowed_markup_is_kept_and_the_rest_removed(self, client, guest):
        body = (
            "<h1>Heading</h1><p>See <a href='https://montsame.mn/en/' target=_blank>this</a> "
            "and <b style='color:red'>that</b>.</p><ul><li>one</li></ul>"
            "<blockquote>Said someone</blockquote><div>Loose</div>"
        )
        client.post("/en/contribute/new/", piece(body=body))

        assert GuestSubmission.objects.get().body == (
            "<h2>Heading</h2>\n"
            '<p>See <a href="https://montsame.mn/en/">this</a> and that.</p>\n'
            "<ul><li>one</li></ul>\n"
            "<blockquote>Said someone</blockquote>\n"
            "<p>Loose</p>"
        )

    def test_escaped_text_stays_text(self, client, guest):
        client.post("/en/contribute/new/", piece(body="Compare a &lt;script&gt; tag and 3 < 4."))
        submission = GuestSubmission.objects.get()
        assert submission.body == "<p>Compare a &lt;script&gt; tag and 3 &lt; 4.</p>"
        shown = client.get(f"/en/contribute/{submission.pk}/").content.decode()
        assert "<script>" not in shown.split("<main")[1]

    def test_refusals_are_in_mongolian_under_mn(self, client, guest):
        response = client.post(
            "/mn/contribute/new/", piece(body='<a href="javascript:alert(1)">x</a>', summary="")
        )
        assert_refused(response, "Холбоос нь https://, http:// эсвэл mailto:-оор эхэлсэн")
        assert "Илгээхээсээ өмнө хураангуй бичнэ үү." in response.content.decode()

    # --- forged requests ---------------------------------------------------------------------------

    @pytest.mark.parametrize(
        ("language", "message"),
        [("en", "The form could not be sent"), ("mn", "Маягтыг илгээж чадсангүй")],
    )
    def test_a_post_without_csrf_token_is_refused_in_the_readers_language(
        self, home_page, language, message, make_guest
    ):
        guest = make_guest(email="saruul@uni.example")
        client = Client(enforce_csrf_checks=True)
        client.force_login(guest.user)

        response = client.post(f"/{language}/contribute/new/", piece())

        assert response.status_code == 403
        assert message in response.content.decode()
        assert GuestSubmission.objects.count() == 0

    def test_a_profile_post_without_csrf_token_changes_nothing(self, home_page, make_guest):
        guest = make_guest(email="saruul@uni.example", name_en="Saruul Bat")
        client = Client(enforce_csrf_checks=True)
        client.force_login(guest.user)

        response = client.post(
            "/en/contribute/profile/", {"name_en": "Forged", "email_language": "en"}
        )

        assert response.status_code == 403
        guest.refresh_from_db()
        assert guest.name_en == "Saruul Bat"

    def test_a_forged_edit_of_a_submitted_piece_changes_nothing(self, home_page, make_guest):
        guest = make_guest(email="saruul@uni.example")
        submission = GuestSubmissionFactory(author=guest, status=Status.SUBMITTED)
        client = Client(enforce_csrf_checks=True)
        client.force_login(guest.user)

        client.post(f"/en/contribute/{submission.pk}/edit/", piece(title="Forged"))

        submission.refresh_from_db()
        assert submission.title != "Forged"


# --- names ---------------------------------------------------------------------------------------

LONG_MONGOLIAN_NAME = ("Шүүдэрцэцэг Шаншаа " * 11)[:200]  # some 300 letters in Latin ones


@pytest.mark.usefixtures("newsroom")
def test_guests_with_the_longest_mongolian_name_are_invited_with_addresses_that_fit(
    client, make_user
):
    """The address of the profile is the name in Latin letters (ш -> sh), cut to the slug
    column with room for the number of the second guest of that name."""
    client.force_login(
        make_user(
            "editor",
            permissions=["wagtailadmin.access_admin", "contributions.invite_guest_author"],
        )
    )
    for email in ("first@uni.example", "second@uni.example"):
        response = client.post(
            "/admin/guest_invitations/",
            {
                "name_en": LONG_MONGOLIAN_NAME,
                "name_mn": LONG_MONGOLIAN_NAME,
                "email": email,
                "language": "mn",
            },
        )
        assert response.status_code == 302

    first, second = Author.objects.filter(name_en=LONG_MONGOLIAN_NAME).order_by("pk")
    slug_length = Author._meta.get_field("slug").max_length
    assert first.slug.startswith("shuudertsetseg-shanshaa") and len(first.slug) <= slug_length
    assert second.slug.endswith("-2") and len(second.slug) <= slug_length
