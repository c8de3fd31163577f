"""The editors' inbox of guest submissions: who may see and decide, and what each decision does."""

import io
import re
import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.models import Page

from articles.factories import ArticleIndexPageFactory
from articles.models import ArticlePage
from contributions.factories import GuestSubmissionFactory
from contributions.guest_accounts import set_guest_language
from contributions.models import GuestSubmission

pytestmark = pytest.mark.django_db
Status = GuestSubmission.Status
INBOX = "/admin/guest_submissions/"
ADMIN = "wagtailadmin.access_admin"


def review_url(submission):
    return f"{INBOX}edit/{submission.pk}/"


def snapshot():
    return (
        list(GuestSubmission.objects.order_by("pk").values()),
        Page.objects.count(),
        len(mail.outbox),
    )


@pytest.fixture
def guest(home_page, make_guest):
    return make_guest("saruul@uni.example", name_en="Saruul Bat", name_mn="Саруул Бат")


@pytest.fixture
def editor(client, newsroom, make_user):
    user = make_user("editor", groups=["Editors"])
    client.force_login(user)
    return user


@pytest.fixture
def submitted(guest):
    return GuestSubmissionFactory(
        author=guest,
        title="Herders and the dzud",
        summary="How families got through the winter.",
        body=(
            '<h2>The winter</h2>\n<p>It was <a href="https://example.org/">cold</a>.</p>\n'
            "<ul><li>Snow</li></ul>\n<blockquote><p>We lost half the herd.</p></blockquote>"
        ),
    )


# --- the listing -------------------------------------------------------------------------------


@pytest.mark.usefixtures("newsroom")
class TestGuestInbox:
    """The inbox of one site and newsroom, built once for the class."""

    def test_the_inbox_lists_submitted_pieces_but_never_drafts(
        self, client, editor, guest, submitted
    ):
        GuestSubmissionFactory(author=guest, title="Private draft", status=Status.DRAFT)

        shown = client.get(INBOX).content.decode()

        assert "Herders and the dzud" in shown and "Private draft" not in shown
        assert "Submitted" in shown

    def test_the_inbox_filters_by_status_including_published(self, client, editor, guest, section):
        live = ArticlePage(title_en="Live one", slug="live-one", summary_en="s")
        section.add_child(instance=live)
        draft = ArticlePage(title_en="Draft one", slug="draft-one", summary_en="s", live=False)
        section.add_child(instance=draft)
        GuestSubmissionFactory(author=guest, title="Waiting", status=Status.SUBMITTED)
        GuestSubmissionFactory(author=guest, title="Out", status=Status.ACCEPTED, article_page=live)
        GuestSubmissionFactory(
            author=guest, title="In review", status=Status.ACCEPTED, article_page=draft
        )
        GuestSubmissionFactory(author=guest, title="No thanks", status=Status.DECLINED)

        def titles(status):
            response = client.get(INBOX, {"status": status})
            return {s.title for s in response.context["object_list"]}

        assert titles("published") == {"Out"}
        assert titles("accepted") == {"In review"}
        assert titles("declined") == {"No thanks"}
        assert titles("submitted") == {"Waiting"}
        assert titles("") == {"Waiting", "Out", "In review", "No thanks"}

    def test_the_inbox_searches_titles(self, client, editor, guest, submitted):
        GuestSubmissionFactory(author=guest, title="Mining in the Gobi")

        response = client.get(INBOX, {"q": "dzud"})

        assert [s.title for s in response.context["object_list"]] == ["Herders and the dzud"]

    def test_a_draft_cannot_be_opened_or_decided_in_the_admin(self, client, editor, guest):
        draft = GuestSubmissionFactory(author=guest, status=Status.DRAFT)
        before = snapshot()

        # Django's LocaleMiddleware answers an admin 404 by trying the /en/ address, also a 404.
        assert client.get(review_url(draft), follow=True).status_code == 404
        assert client.get(f"{INBOX}inspect/{draft.pk}/", follow=True).status_code == 404
        response = client.post(review_url(draft), {"action": "decline", "decline-reason": "No"})

        assert response.status_code in (302, 404)
        assert snapshot() == before

    @pytest.mark.parametrize("role", ["Editors", "superuser"])
    def test_there_is_no_way_to_add_a_submission_in_the_admin(
        self, client, newsroom, guest, role, make_user
    ):
        if role == "superuser":
            user = make_user("boss", is_superuser=True)
        else:
            user = make_user("editor", groups=[role])
        client.force_login(user)
        before = snapshot()

        shown = client.get(INBOX).content.decode()
        page = client.get(f"{INBOX}new/")
        post = client.post(f"{INBOX}new/", {"title": "Written by staff", "author": guest.pk})

        assert f"{INBOX}new/" not in shown
        assert page.status_code == 302 and page["Location"] == "/admin/"
        assert post.status_code == 302 and post["Location"] == "/admin/"
        assert snapshot() == before

    # --- who may decide --------------------------------------------------------------------------

    @pytest.mark.parametrize(
        "role, shown",
        [("Editors", True), ("Writers", False), ("Translators", False)],
    )
    def test_the_menu_offers_the_inbox_and_invitations_to_those_the_policy_lets(
        self, client, newsroom, role, shown, make_user
    ):
        client.force_login(make_user("someone", groups=[role]))

        menu = client.get("/admin/").content.decode()

        assert ("Guest submissions" in menu) is shown
        assert ("Invite a guest author" in menu) is shown

    @pytest.mark.parametrize("role", ["Writers", "Translators"])
    def test_writers_and_translators_cannot_see_or_decide(
        self, client, newsroom, submitted, role, make_user
    ):
        client.force_login(make_user("someone", groups=[role]))
        before = snapshot()

        listing = client.get(INBOX)
        decision = client.post(
            review_url(submitted), {"action": "decline", "decline-reason": "Not for us."}
        )

        assert listing.status_code in (302, 403) and decision.status_code in (302, 403)
        assert snapshot() == before

    def test_view_permission_alone_reads_but_cannot_decide(
        self, client, newsroom, submitted, make_user
    ):
        client.force_login(
            make_user("reader", permissions=[ADMIN, "contributions.view_guestsubmission"])
        )
        before = snapshot()

        inspect = client.get(f"{INBOX}inspect/{submitted.pk}/")
        decision = client.post(
            review_url(submitted), {"action": "request_changes", "request_changes-feedback": "x"}
        )

        shown = inspect.content.decode()
        assert "Herders and the dzud" in shown and "<h2>The winter</h2>" in shown
        assert decision.status_code == 302 and decision["Location"] == "/admin/"
        assert snapshot() == before

    def test_guests_and_anonymous_visitors_never_reach_the_inbox(self, client, guest, submitted):
        before = snapshot()
        for user in (None, guest.user):
            if user:
                client.force_login(user)
            response = client.post(
                review_url(submitted), {"action": "decline", "decline-reason": "Not for us."}
            )
            assert response.status_code == 302 and "/admin/login/" in response["Location"]
        assert snapshot() == before

    # --- decisions ----------------------------------------------------------------------------------

    def test_requesting_changes_emails_the_guest_in_their_language(self, client, editor, submitted):
        set_guest_language(submitted.author.user, "mn")

        response = client.post(
            review_url(submitted),
            {"action": "request_changes", "request_changes-feedback": "Name your sources."},
        )

        assert response.status_code == 302
        submitted.refresh_from_db()
        assert submitted.status == Status.CHANGES_REQUESTED
        assert submitted.feedback == "Name your sources."
        [message] = mail.outbox
        assert message.to == ["saruul@uni.example"]
        assert "Засвар хүссэн: Herders and the dzud" == message.subject
        assert "Name your sources." in message.body
        assert f"/mn/contribute/{submitted.pk}/" in message.body

    def test_declining_needs_a_reason_and_emails_it(self, client, editor, submitted):
        before = snapshot()
        empty = client.post(review_url(submitted), {"action": "decline", "decline-reason": ""})
        assert empty.status_code == 200 and snapshot() == before

        client.post(review_url(submitted), {"action": "decline", "decline-reason": "Off topic."})

        submitted.refresh_from_db()
        assert submitted.status == Status.DECLINED and submitted.feedback == "Off topic."
        [message] = mail.outbox
        assert message.subject == "Declined: Herders and the dzud"
        assert "Off topic." in message.body

    def test_accepting_creates_a_draft_with_the_guest_byline_in_the_workflow(
        self, client, editor, submitted, newsroom
    ):
        response = client.post(
            review_url(submitted),
            {"action": "accept", "accept-section": newsroom.pk, "accept-note": "Thank you!"},
        )

        page = ArticlePage.objects.get()
        assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
        assert page.get_parent().specific == newsroom
        assert not page.live and page.has_unpublished_changes
        assert (page.title_en, page.summary_en) == (
            "Herders and the dzud",
            "How families got through the winter.",
        )
        assert page.slug == "herders-and-the-dzud"
        assert [block.block_type for block in page.body_en] == ["heading", "paragraph", "quote"]
        assert page.body_en[0].value == "The winter"
        assert 'href="https://example.org/"' in page.body_en[1].value.source
        assert page.body_en[2].value["quote"] == "We lost half the herd."
        assert [link.author for link in page.article_authors.all()] == [submitted.author]
        assert page.get_latest_revision() is not None
        assert page.current_workflow_task.name == "Editor review"
        submitted.refresh_from_db()
        assert submitted.status == Status.ACCEPTED and submitted.article_page == page
        guest_mail = [m for m in mail.outbox if m.to == ["saruul@uni.example"]]
        assert guest_mail[0].subject == "Accepted: Herders and the dzud"
        assert "Thank you!" in guest_mail[0].body

    def test_a_mongolian_piece_fills_the_mongolian_fields(self, client, editor, guest, newsroom):
        submission = GuestSubmissionFactory(
            author=guest,
            language="mn",
            title="Өвлийн зуд",
            summary="Малчид хэрхэн давсан бэ.",
            body="<p>Хүйтэн байлаа.</p>",
        )

        client.post(review_url(submission), {"action": "accept", "accept-section": newsroom.pk})

        page = ArticlePage.objects.get()
        assert (page.title_mn, page.summary_mn) == ("Өвлийн зуд", "Малчид хэрхэн давсан бэ.")
        # Stored as the admin's editor stores rich text: with its block keys.
        assert re.fullmatch(
            r'<p data-block-key="\w+">Хүйтэн байлаа\.</p>', page.body_mn[0].value.source
        )
        assert page.title_en == "Ovliin zud"  # the Latin working title, until translated
        assert not page.summary_en and not page.body_en
        assert page.slug == "ovliin-zud"

    def test_the_image_becomes_the_lead_image(self, client, editor, guest, newsroom):
        output = io.BytesIO()
        Image.new("RGB", (20, 10)).save(output, "PNG")
        submission = GuestSubmissionFactory(
            author=guest, image=SimpleUploadedFile("a.png", output.getvalue())
        )

        client.post(review_url(submission), {"action": "accept", "accept-section": newsroom.pk})

        image = ArticlePage.objects.get().lead_image
        assert (image.width, image.height) == (20, 10)
        assert image.collection.name == "Guest authors"

    def test_a_second_accept_creates_no_second_page(self, client, editor, submitted, newsroom):
        data = {"action": "accept", "accept-section": newsroom.pk}
        client.post(review_url(submitted), data)
        before = snapshot()

        response = client.post(review_url(submitted), data, follow=True)

        assert "already “Accepted”; nothing was changed" in response.content.decode()
        assert snapshot() == before
        assert ArticlePage.objects.count() == 1

    def test_only_sections_the_editor_may_add_to_are_offered(
        self, client, newsroom, submitted, home_page, make_user
    ):
        other = ArticleIndexPageFactory(parent=home_page, title_en="Opinion", slug="opinion")
        reviewer = make_user(
            "reviewer",
            permissions=[
                ADMIN,
                "contributions.view_guestsubmission",
                "contributions.change_guestsubmission",
            ],
        )
        client.force_login(reviewer)
        before = snapshot()

        response = client.post(
            review_url(submitted), {"action": "accept", "accept-section": other.pk}
        )

        assert "Select a valid choice" in response.content.decode()
        assert snapshot() == before

    def test_a_failed_email_undoes_the_decision(self, client, editor, submitted, newsroom):
        before = snapshot()
        with mock.patch(
            "contributions.guest_accounts.send_mail", side_effect=smtplib.SMTPException("down")
        ):
            response = client.post(
                review_url(submitted),
                {"action": "accept", "accept-section": newsroom.pk},
                follow=True,
            )

        assert "could not be sent, so nothing was changed" in response.content.decode()
        assert snapshot()[:2] == before[:2]

    def test_the_history_shows_each_decision_with_its_comment(self, client, editor, submitted):
        client.post(
            review_url(submitted),
            {"action": "request_changes", "request_changes-feedback": "Name your sources."},
        )

        page = client.get(f"{INBOX}history/{submitted.pk}/")
        shown = client.get(f"{INBOX}history-results/{submitted.pk}/").content.decode()

        assert page.status_code == 200
        assert "Changes requested from the guest author" in shown
        assert "Name your sources." in shown
