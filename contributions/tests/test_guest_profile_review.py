"""A guest's profile changes wait for an editor: readers see them only once approved."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry

from articles.factories import ArticlePageFactory
from articles.models import ArticleAuthor
from authors.models import Author, ProfileChange

pytestmark = pytest.mark.django_db
CHANGES = "/admin/profile_changes/"
PROFILE = "/{language}/contribute/profile/"


def review_url(change):
    return f"{CHANGES}edit/{change.pk}/"


def photo(colour=(200, 30, 30)):
    output = io.BytesIO()
    Image.new("RGB", (40, 40), colour).save(output, "PNG")
    return SimpleUploadedFile("me.png", output.getvalue())


def profile_data(**changes):
    """The profile form as the guest sends it back unchanged, but for `changes`."""
    data = {
        "name_en": "Saruul Bat",
        "name_mn": "Саруул Бат",
        "credentials_en": "Researcher",
        "bio_en": "Saruul studies pastoralism.",
        "email_language": "en",
    }
    data.update(changes)
    return data


def form_as_shown(client, language="en"):
    """The profile form's fields as the guest's browser would send them back untouched."""
    page = BeautifulSoup(client.get(PROFILE.format(language=language)).content, "html.parser")
    form = page.select_one("form.guest-form")
    data = {field["name"]: field.get_text() for field in form.select("textarea")}
    for field in form.select("input[name]"):
        kind = field.get("type", "text")
        if kind in ("radio", "checkbox"):
            if field.has_attr("checked"):
                data[field["name"]] = field.get("value", "on")
        elif kind != "file":
            data[field["name"]] = field.get("value", "")
    return data


def public_box(client, slug="saruul-bat"):
    """The author box readers see on the guest's page."""
    page = BeautifulSoup(client.get(f"/en/authors/{slug}/").content, "html.parser")
    return page.select_one(".author-box")


@pytest.fixture
def published_guest(home_page, section, make_guest):
    """A guest with a published piece, so with a public author page."""
    guest = make_guest(
        "saruul@uni.example",
        name_en="Saruul Bat",
        name_mn="Саруул Бат",
        slug="saruul-bat",
        bio_en="Saruul studies pastoralism.",
    )
    article = ArticlePageFactory(parent=section, title_en="Herders and the dzud")
    ArticleAuthor.objects.create(page=article, author=guest)
    return guest


@pytest.fixture
def guest_client(client, published_guest):
    client.force_login(published_guest.user)
    return client


def editor_client(client, make_user, groups=("Editors",)):
    client.logout()
    client.force_login(make_user("editor", groups=list(groups)))
    return client


@pytest.mark.usefixtures("newsroom")
class TestTheGuestsSide:
    @pytest.mark.parametrize(
        ("language", "notice"),
        [
            ("en", "are awaiting review by the editors"),
            ("mn", "редакторууд хянахыг хүлээж байна"),
        ],
    )
    def test_a_saved_change_waits_for_review_and_readers_see_the_old_profile(
        self, guest_client, published_guest, language, notice
    ):
        response = guest_client.post(
            PROFILE.format(language=language), profile_data(bio_en="Now writes on mining.")
        )
        page = guest_client.get(response["Location"]).content.decode()

        assert notice in page
        assert "Now writes on mining." in page  # the form shows what the guest proposed
        published_guest.refresh_from_db()
        assert published_guest.bio_en == "Saruul studies pastoralism."
        box = public_box(guest_client)
        assert "Saruul studies pastoralism." in box.get_text()
        assert "mining" not in box.get_text()

    @pytest.mark.parametrize(
        ("language", "message"),
        [
            ("en", "Your changes were sent to the editors."),
            ("mn", "Таны өөрчлөлтийг редакторуудад илгээлээ."),
        ],
    )
    def test_the_guest_is_told_in_their_language(self, guest_client, language, message):
        response = guest_client.post(
            PROFILE.format(language=language), profile_data(name_en="Saruul B."), follow=True
        )

        assert message in response.content.decode()

    def test_only_what_differs_is_held_for_review(self, guest_client, published_guest):
        guest_client.post(PROFILE.format(language="en"), profile_data(credentials_mn="Доктор"))

        change = ProfileChange.objects.get(author=published_guest)
        assert change.values == {"credentials_mn": "Доктор"}
        assert change.status == ProfileChange.Status.PENDING

    def test_the_language_of_emails_alone_applies_at_once(self, guest_client, published_guest):
        response = guest_client.post(
            PROFILE.format(language="en"),
            profile_data(bio_en="Saruul studies pastoralism.", email_language="mn"),
            follow=True,
        )

        assert "Your profile was saved." in response.content.decode()
        assert not ProfileChange.objects.exists()
        assert published_guest.user.wagtail_userprofile.preferred_language == "mn"

    def test_saving_the_public_profile_again_withdraws_the_proposal(
        self, guest_client, published_guest
    ):
        profile = PROFILE.format(language="en")
        guest_client.post(profile, profile_data(bio_en="Changed."))
        guest_client.post(profile, profile_data(bio_en="Saruul studies pastoralism."))

        assert not ProfileChange.objects.exists()

    def test_a_proposed_photo_stays_private_until_approved(self, guest_client, published_guest):
        guest_client.post(PROFILE.format(language="en"), profile_data(photo_upload=photo()))

        published_guest.refresh_from_db()
        assert published_guest.photo is None
        assert public_box(guest_client).select_one("img") is None
        assert published_guest.profile_change.photo is not None

    def test_saving_a_pending_proposal_untouched_keeps_the_editors_review_valid(
        self, guest_client, client, published_guest, make_user
    ):
        profile = PROFILE.format(language="en")
        guest_client.post(profile, profile_data(bio_en="Now writes on mining."))
        opened = ProfileChange.objects.get().requested_at.isoformat()  # an editor opens it

        guest_client.post(profile, form_as_shown(guest_client))
        change = ProfileChange.objects.get()
        editor_client(client, make_user)
        client.post(review_url(change), {"action": "approve", "version": opened})

        published_guest.refresh_from_db()
        assert published_guest.bio_en == "Now writes on mining."

    def test_a_save_reads_the_profile_once_and_once_more_under_the_lock(
        self, guest_client, published_guest
    ):
        profile = PROFILE.format(language="en")
        guest_client.post(profile, profile_data(bio_en="Now writes on mining."))

        with CaptureQueriesContext(connection) as queries:
            guest_client.post(profile, profile_data(bio_en="Now writes on herding."))

        reads = [sql for sql in (query["sql"] for query in queries) if sql.startswith("SELECT")]
        assert sum('FROM "authors_author"' in sql for sql in reads) == 2
        assert ProfileChange.objects.get().values == {"bio_en": "Now writes on herding."}

    def test_a_second_photo_replaces_the_first_proposal(self, guest_client, published_guest):
        profile = PROFILE.format(language="en")
        guest_client.post(profile, profile_data(photo_upload=photo()))
        first = published_guest.profile_change.photo
        guest_client.post(profile, profile_data(photo_upload=photo((0, 0, 200))))

        change = ProfileChange.objects.get()
        assert change.photo != first
        assert not get_image_model().objects.filter(pk=first.pk).exists()


@pytest.mark.usefixtures("newsroom")
class TestTheEditorsSide:
    @pytest.fixture
    def proposed(self, guest_client, published_guest):
        guest_client.post(
            PROFILE.format(language="en"),
            profile_data(name_en="Saruul Batbayar", bio_en="Now writes on mining."),
        )
        return ProfileChange.objects.get(author=published_guest)

    def test_the_editor_sees_the_change_beside_the_public_profile(
        self, client, proposed, make_user
    ):
        editor_client(client, make_user)

        menu = client.get("/admin/").content.decode()
        listing = client.get(CHANGES).content.decode()
        review = BeautifulSoup(client.get(review_url(proposed)).content, "html.parser")

        assert "Guest profile changes" in menu
        assert "Saruul Bat" in listing and "Name in English" in listing
        rows = {
            row.th.get_text(strip=True): [cell.get_text(strip=True) for cell in row.select("td")]
            for row in review.select("tr[data-field]")
        }
        assert rows["Name in English"] == ["Saruul Bat", "Saruul Batbayar"]
        assert rows["Biography in English"] == [
            "Saruul studies pastoralism.",
            "Now writes on mining.",
        ]

    def test_approving_makes_it_public_and_logs_it(
        self, client, proposed, published_guest, make_user
    ):
        editor_client(client, make_user)
        version = proposed.requested_at.isoformat()

        response = client.post(review_url(proposed), {"action": "approve", "version": version})

        assert response.status_code == 302
        published_guest.refresh_from_db()
        assert published_guest.name_en == "Saruul Batbayar"
        assert published_guest.name_mn == "Саруул Бат"  # untouched: it did not change
        assert "Now writes on mining." in public_box(client).get_text()
        assert not ProfileChange.objects.exists()
        assert ModelLogEntry.objects.filter(action="authors.profile_change.approve").exists()

    def test_approving_a_photo_replaces_the_guests_old_one(
        self, guest_client, client, published_guest, make_user
    ):
        profile = PROFILE.format(language="en")
        guest_client.post(profile, profile_data(photo_upload=photo()))
        ProfileChange.objects.get().approve()
        published_guest.refresh_from_db()
        old = published_guest.photo
        guest_client.post(profile, profile_data(photo_upload=photo((0, 0, 200))))
        change = ProfileChange.objects.get()

        editor_client(client, make_user)
        review = BeautifulSoup(client.get(review_url(change)).content, "html.parser")
        client.post(
            review_url(change), {"action": "approve", "version": change.requested_at.isoformat()}
        )

        assert len(review.select("tr[data-field=photo] img")) == 2  # now and proposed
        published_guest.refresh_from_db()
        assert published_guest.photo == change.photo
        assert not get_image_model().objects.filter(pk=old.pk).exists()
        assert public_box(client).select_one("img") is not None

    def test_removing_the_photo_waits_for_approval_too(self, guest_client, published_guest):
        profile = PROFILE.format(language="en")
        guest_client.post(profile, profile_data(photo_upload=photo()))
        ProfileChange.objects.get().approve()
        published_guest.refresh_from_db()
        old = published_guest.photo

        guest_client.post(profile, profile_data(remove_photo="on"))

        published_guest.refresh_from_db()
        assert published_guest.photo == old
        change = ProfileChange.objects.get()
        assert change.remove_photo and change.photo is None
        change.approve()
        published_guest.refresh_from_db()
        assert published_guest.photo is None
        assert not get_image_model().objects.filter(pk=old.pk).exists()

    @pytest.mark.parametrize(
        ("language", "notice"),
        [
            ("en", "The editors did not approve your last changes"),
            ("mn", "Редакторууд таны сүүлийн өөрчлөлтийг батлаагүй"),
        ],
    )
    def test_rejecting_keeps_the_public_profile_and_tells_the_guest_why(
        self, client, proposed, published_guest, make_user, language, notice
    ):
        editor_client(client, make_user)
        version = proposed.requested_at.isoformat()

        client.post(
            review_url(proposed),
            {
                "action": "reject",
                "version": version,
                "reject-reason": "Keep the name as published.",
            },
        )

        published_guest.refresh_from_db()
        assert published_guest.name_en == "Saruul Bat"
        client.logout()
        client.force_login(published_guest.user)
        page = client.get(PROFILE.format(language=language)).content.decode()
        assert notice in page and "Keep the name as published." in page

    @pytest.mark.parametrize(
        ("language", "message"),
        [("en", "Your profile was saved."), ("mn", "Таны мэдээлэл хадгалагдлаа.")],
    )
    def test_saving_only_the_email_language_does_not_send_a_rejected_proposal_again(
        self, client, proposed, published_guest, make_user, language, message
    ):
        editor_client(client, make_user)
        client.post(
            review_url(proposed),
            {
                "action": "reject",
                "version": proposed.requested_at.isoformat(),
                "reject-reason": "Keep the name as published.",
            },
        )
        client.logout()
        client.force_login(published_guest.user)

        shown = form_as_shown(client, language)
        response = client.post(
            PROFILE.format(language=language), dict(shown, email_language="mn"), follow=True
        )

        assert shown["name_en"] == "Saruul Bat"  # the public name, not the rejected one
        page = response.content.decode()
        assert message in page and "Keep the name as published." in page
        assert ProfileChange.objects.get().status == ProfileChange.Status.REJECTED
        published_guest.user.wagtail_userprofile.refresh_from_db()
        assert published_guest.user.wagtail_userprofile.preferred_language == "mn"

    def test_rejecting_needs_a_reason(self, client, proposed, make_user):
        editor_client(client, make_user)

        response = client.post(
            review_url(proposed),
            {"action": "reject", "version": proposed.requested_at.isoformat()},
        )

        assert response.status_code == 200
        proposed.refresh_from_db()
        assert proposed.status == ProfileChange.Status.PENDING

    def test_a_proposal_changed_since_the_editor_opened_it_is_not_approved(
        self, client, guest_client, proposed, published_guest, make_user
    ):
        stale = proposed.requested_at.isoformat()
        guest_client.post(PROFILE.format(language="en"), profile_data(name_en="Someone Else"))
        editor_client(client, make_user)

        response = client.post(review_url(proposed), {"action": "approve", "version": stale})

        shown = client.get(response["Location"]).content.decode()
        assert "The guest changed this proposal" in shown
        published_guest.refresh_from_db()
        assert published_guest.name_en == "Saruul Bat"

    @pytest.mark.parametrize("role", ["Writers", "Translators"])
    def test_staff_who_may_not_change_authors_cannot_see_or_decide(
        self, client, proposed, published_guest, make_user, role
    ):
        editor_client(client, make_user, groups=[role])

        listing = client.get(CHANGES)
        decision = client.post(
            review_url(proposed),
            {"action": "approve", "version": proposed.requested_at.isoformat()},
        )
        menu = client.get("/admin/").content.decode()

        assert listing.status_code == 302 and decision.status_code == 302
        assert "Guest profile changes" not in menu
        published_guest.refresh_from_db()
        assert published_guest.name_en == "Saruul Bat"
        assert ProfileChange.objects.get().status == ProfileChange.Status.PENDING

    def test_the_guest_cannot_approve_their_own_change(
        self, guest_client, proposed, published_guest
    ):
        response = guest_client.post(
            review_url(proposed),
            {"action": "approve", "version": proposed.requested_at.isoformat()},
        )

        assert response.status_code == 302 and "/admin/login/" in response["Location"]
        published_guest.refresh_from_db()
        assert published_guest.name_en == "Saruul Bat"

    def test_nobody_adds_or_deletes_a_change_in_the_admin(self, client, proposed, make_user):
        editor_client(client, make_user)

        add = client.post(f"{CHANGES}new/", {"author": proposed.author_id})
        delete = client.post(f"{CHANGES}delete/{proposed.pk}/")

        assert add.status_code == 302 and delete.status_code == 302
        assert ProfileChange.objects.count() == 1


def test_existing_profiles_stay_public_as_they_are(home_page, make_guest):
    """Nothing written before the review existed waits for one."""
    guest = make_guest("saruul@uni.example", name_en="Saruul Bat", bio_en="Bio.")

    assert not ProfileChange.objects.exists()
    assert Author.objects.get(pk=guest.pk).bio_en == "Bio."
