"""The guest-author area: who may use it, what each guest sees, drafts and submissions."""

import pytest
from wagtail.users.models import UserProfile

from articles.factories import ArticlePageFactory
from contributions.factories import GuestSubmissionFactory
from contributions.models import GuestSubmission
from contributions.tests.guest_form import piece

pytestmark = pytest.mark.django_db
Status = GuestSubmission.Status

GUEST_PAGES = ["/en/contribute/", "/en/contribute/new/", "/en/contribute/profile/"]


@pytest.fixture
def other_guest(home_page, make_guest):
    return make_guest(email="other@uni.example", name_en="Other Writer")


# --- who may use the area ---------------------------------------------------------------


@pytest.mark.usefixtures("newsroom")
class TestGuestArea:
    """The guest area of one site and newsroom, built once for the class."""

    @pytest.mark.parametrize("path", GUEST_PAGES + ["/mn/contribute/"])
    def test_anonymous_visitors_are_sent_to_the_guest_login(self, client, home_page, path):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(f"{path[:3]}/contribute/login/?next=")

    def test_anonymous_post_creates_nothing(self, client, home_page):
        response = client.post("/en/contribute/new/", piece())
        assert response.status_code == 302 and "/contribute/login/" in response["Location"]
        assert GuestSubmission.objects.count() == 0

    @pytest.mark.parametrize("role", ["Writers", "Translators", "Editors", "superuser"])
    def test_staff_are_sent_to_the_admin_and_write_nothing_here(
        self, client, newsroom, role, make_user
    ):
        if role == "superuser":
            user = make_user("boss", is_superuser=True)
        else:
            user = make_user("staff", groups=[role])
        client.force_login(user)

        for path in GUEST_PAGES:
            response = client.get(path)
            assert response.status_code == 302 and response["Location"] == "/admin/"
        client.post("/en/contribute/new/", piece())
        assert GuestSubmission.objects.count() == 0

    def test_an_account_without_a_guest_profile_is_refused_and_saves_nothing(
        self, client, home_page, make_user
    ):
        reader = make_user("reader")
        client.force_login(reader)

        page = client.get("/en/contribute/")
        post = client.post("/en/contribute/new/", piece())

        assert page.status_code == 403 and "Guest authors only" in page.content.decode()
        assert post.status_code == 403
        assert GuestSubmission.objects.count() == 0

    def test_a_guest_logs_in_with_email_and_password_and_out_again(
        self, client, home_page, make_guest
    ):
        make_guest(email="saruul@uni.example", password="long-and-secret-1", name_en="Saruul Bat")

        response = client.post(
            "/en/contribute/login/",
            {"username": "Saruul@Uni.example", "password": "long-and-secret-1"},
            follow=True,
        )
        assert "Signed in as Saruul Bat" in response.content.decode()

        assert (
            "Log out of the guest-author area?"
            in client.get("/en/contribute/logout/").content.decode()
        )
        response = client.post("/en/contribute/logout/", follow=True)
        assert response.redirect_chain[-1][0] == "/en/contribute/login/"
        assert client.get("/en/contribute/").status_code == 302

    def test_a_wrong_password_is_refused(self, client, home_page, make_guest):
        make_guest(email="saruul@uni.example", password="long-and-secret-1")
        response = client.post(
            "/en/contribute/login/", {"username": "saruul@uni.example", "password": "wrong"}
        )
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session

    # --- a guest sees only their own pieces ------------------------------------------------------

    def test_the_dashboard_lists_only_the_guests_own_pieces_with_status_and_feedback(
        self, client, guest, other_guest
    ):
        GuestSubmissionFactory(author=guest, title="My draft", status=Status.DRAFT)
        GuestSubmissionFactory(
            author=guest,
            title="Needs work",
            status=Status.CHANGES_REQUESTED,
            feedback="Please name your sources.",
        )
        GuestSubmissionFactory(author=other_guest, title="Someone else's secret piece")

        shown = client.get("/en/contribute/").content.decode()

        assert "My draft" in shown and "Needs work" in shown
        assert "Draft" in shown and "Changes requested" in shown
        assert "Please name your sources." in shown
        assert "secret piece" not in shown

    @pytest.mark.parametrize("suffix", ["", "edit/"])
    def test_another_guests_piece_is_a_404_that_leaks_nothing(
        self, client, guest, other_guest, suffix
    ):
        theirs = GuestSubmissionFactory(
            author=other_guest, title="Someone else's secret piece", status=Status.DRAFT
        )
        before = GuestSubmission.objects.values().get(pk=theirs.pk)

        page = client.get(f"/en/contribute/{theirs.pk}/{suffix}")
        post = client.post(f"/en/contribute/{theirs.pk}/edit/", piece(title="Hijacked"))

        for response in (page, post):
            assert response.status_code == 404
            assert "secret piece" not in response.content.decode()
        assert GuestSubmission.objects.values().get(pk=theirs.pk) == before

    def test_a_missing_piece_is_the_same_404(self, client, guest):
        assert client.get("/en/contribute/999999/").status_code == 404

    # --- writing, saving and submitting --------------------------------------------------------

    def test_save_as_draft_then_submit(self, client, guest):
        response = client.post(
            "/en/contribute/new/", piece(action="save", summary="", consent=None)
        )
        assert response.status_code == 302
        submission = GuestSubmission.objects.get()
        assert submission.status == Status.DRAFT and submission.author == guest
        assert submission.body == "<p>First paragraph.</p>\n<p>Second paragraph.</p>"

        response = client.post(
            f"/en/contribute/{submission.pk}/edit/",
            piece(form_key=str(submission.form_key), summary="Now with a summary."),
            follow=True,
        )

        submission.refresh_from_db()
        assert submission.status == Status.SUBMITTED and submission.submitted_at is not None
        assert submission.summary == "Now with a summary."
        assert "Your piece was submitted to the editors." in response.content.decode()

    def test_submitting_needs_summary_text_and_consent_and_saves_nothing_without(
        self, client, guest
    ):
        response = client.post("/en/contribute/new/", piece(summary="", body="", consent=None))

        shown = response.content.decode()
        assert "Write a summary before submitting." in shown
        assert "Write the text before submitting." in shown
        assert "Agree to the republication terms to submit." in shown
        assert "Herders and the winter of 2024" in shown  # what was typed is still there
        assert GuestSubmission.objects.count() == 0

    def test_a_submitted_piece_cannot_be_edited(self, client, guest):
        submission = GuestSubmissionFactory(author=guest, title="Sent off", status=Status.SUBMITTED)
        before = GuestSubmission.objects.values().get(pk=submission.pk)

        page = client.get(f"/en/contribute/{submission.pk}/edit/", follow=True)
        post = client.post(
            f"/en/contribute/{submission.pk}/edit/", piece(title="Changed"), follow=True
        )

        assert "cannot be changed now" in page.content.decode()
        assert "cannot be changed now" in post.content.decode()
        assert GuestSubmission.objects.values().get(pk=submission.pk) == before

    def test_changes_requested_can_be_edited_and_resubmitted(self, client, guest):
        submission = GuestSubmissionFactory(
            author=guest, status=Status.CHANGES_REQUESTED, feedback="Shorter, please."
        )

        form = client.get(f"/en/contribute/{submission.pk}/edit/").content.decode()
        assert "Shorter, please." in form
        client.post(
            f"/en/contribute/{submission.pk}/edit/",
            piece(form_key=str(submission.form_key), body="A shorter text."),
        )

        submission.refresh_from_db()
        assert submission.status == Status.SUBMITTED
        assert submission.body == "<p>A shorter text.</p>"

    def test_sending_the_same_new_piece_twice_creates_it_once(self, client, guest):
        data = piece()
        first = client.post("/en/contribute/new/", data)
        second = client.post("/en/contribute/new/", data, follow=True)

        assert first.status_code == 302
        assert GuestSubmission.objects.count() == 1
        assert "nothing was saved twice" in second.content.decode()

    def test_submitting_the_same_edit_twice_changes_nothing_the_second_time(self, client, guest):
        submission = GuestSubmissionFactory(author=guest, status=Status.DRAFT)
        data = piece(form_key=str(submission.form_key))
        client.post(f"/en/contribute/{submission.pk}/edit/", data)
        after_first = GuestSubmission.objects.values().get(pk=submission.pk)

        second = client.post(f"/en/contribute/{submission.pk}/edit/", data, follow=True)

        assert GuestSubmission.objects.values().get(pk=submission.pk) == after_first
        assert GuestSubmission.objects.count() == 1
        assert "cannot be changed now" in second.content.decode()

    def test_the_dashboard_follows_the_article_to_publication(self, client, guest, section):
        page = ArticlePageFactory(parent=section, title_en="Herders", slug="herders", live=False)
        submission = GuestSubmissionFactory(author=guest, status=Status.ACCEPTED, article_page=page)

        accepted = client.get("/en/contribute/").content.decode()
        assert "Accepted" in accepted and "preparing it for publication" in accepted
        assert "/en/news/herders/" not in accepted

        page.save_revision().publish()
        published = client.get("/en/contribute/").content.decode()
        assert "Published" in published and 'href="/en/news/herders/"' in published
        submission.refresh_from_db()
        assert submission.status == Status.ACCEPTED  # published is read from the page

    # --- the profile ------------------------------------------------------------------------------

    def test_the_guest_edits_bio_and_credentials_in_both_languages_and_email_language(
        self, client, guest
    ):
        response = client.post(
            "/en/contribute/profile/",
            {
                "name_en": "Saruul Bat",
                "name_mn": "Саруул Бат",
                "credentials_en": "PhD, National University of Mongolia",
                "credentials_mn": "Доктор, МУИС",
                "bio_en": "Saruul studies pastoralism.",
                "bio_mn": "Саруул мал аж ахуйг судалдаг.",
                "email_language": "mn",
            },
        )

        assert response.status_code == 302
        # Readers see the text once an editor approves it (test_guest_profile_review.py);
        # the language of emails is the guest's own business and applies at once.
        assert UserProfile.get_for_user(guest.user).preferred_language == "mn"
        guest.profile_change.approve()
        guest.refresh_from_db()
        assert guest.credentials_mn == "Доктор, МУИС"
        assert guest.bio_en == "Saruul studies pastoralism."

    # --- both languages ----------------------------------------------------------------------------

    def test_the_area_speaks_mongolian_under_mn(self, client, guest):
        GuestSubmissionFactory(author=guest, title="Тал нутаг", status=Status.CHANGES_REQUESTED)

        shown = client.get("/mn/contribute/").content.decode()

        assert "Миний нийтлэлүүд" in shown
        assert "Засвар хүссэн" in shown
        assert 'href="/mn/contribute/new/"' in shown
