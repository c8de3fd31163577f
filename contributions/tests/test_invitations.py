import re
import smtplib
from datetime import datetime, timedelta
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from authors.models import Author
from contributions.invitations import InvitationTokenGenerator, invitation_tokens
from contributions.permissions import INVITE, guest_contribution_policy

User = get_user_model()
INVITE_URL = "/admin/guest_invitations/"
ADMIN = "wagtailadmin.access_admin"
PASSWORD = "Steppe-and-sky-2025"


def invite(client, email="researcher@uni.example", language="en", **extra):
    data = {"name_en": "Saruul Bat", "name_mn": "Саруул Бат", "email": email, "language": language}
    return client.post(INVITE_URL, {**data, **extra})


def welcome_path(message):
    return re.search(r"https?://[^/]+(/\S+/contribute/welcome/\S+/)", message.body).group(1)


def snapshot():
    return (User.objects.count(), Author.objects.count(), len(mail.outbox))


@pytest.fixture
def editor(db, client, make_user):
    user = make_user("editor", permissions=[ADMIN, "contributions.invite_guest_author"])
    client.force_login(user)
    return user


@pytest.mark.usefixtures("newsroom")
class TestInvitations:
    """Invitations on one site and newsroom, built once for the class."""

    @pytest.mark.django_db
    def test_editor_invites_a_guest_who_gets_a_profile_and_a_one_time_link(
        self, client, editor, home_page
    ):
        response = invite(client)

        assert response.status_code == 302
        author = Author.objects.get(name_en="Saruul Bat")
        user = author.user
        assert author.kind == Author.Kind.GUEST and author.name_mn == "Саруул Бат"
        assert user.email == "researcher@uni.example" and user.username == "researcher@uni.example"
        assert not user.has_usable_password()
        assert not user.is_staff and not user.is_superuser and not user.groups.exists()
        assert not user.has_perm("wagtailadmin.access_admin")
        [message] = mail.outbox
        assert message.to == ["researcher@uni.example"]
        assert "Dear Saruul Bat" in message.body
        assert welcome_path(message).startswith("/en/contribute/welcome/")

    @pytest.mark.django_db
    def test_invitation_in_mongolian_links_to_the_mongolian_site(self, client, editor, home_page):
        invite(client, language="mn")

        [message] = mail.outbox
        assert welcome_path(message).startswith("/mn/contribute/welcome/")
        assert "Саруул Бат" in message.body
        assert "Эрхэм" in message.body

    @pytest.mark.django_db
    @pytest.mark.parametrize("permissions", [(), ("authors.change_author", "authors.add_author")])
    def test_staff_without_the_invite_permission_are_refused(
        self, client, permissions, home_page, make_user
    ):
        client.force_login(make_user("writer", permissions=[ADMIN, *permissions]))
        before = snapshot()

        page = client.get(INVITE_URL)
        response = invite(client)

        assert page.status_code == 302 and response.status_code == 302
        assert snapshot() == before
        assert not User.objects.filter(email="researcher@uni.example").exists()

    @pytest.mark.django_db
    def test_the_policy_names_who_may_invite(self, editor, make_user):
        make_user("writer", permissions=[ADMIN])
        editors = make_user("desk", groups=["Editors"])

        assert set(guest_contribution_policy.users_with_any_permission([INVITE, "change"])) == {
            editor,
            editors,
        }
        assert set(guest_contribution_policy.users_with_any_permission([INVITE])) == {
            editor,
            editors,
        }

    @pytest.mark.django_db
    def test_anonymous_and_guests_cannot_reach_the_invite_form(self, client, home_page, make_guest):
        before = snapshot()
        assert invite(client)["Location"].startswith("/admin/login/")
        guest = make_guest()
        client.force_login(guest.user)
        response = invite(client, email="another@uni.example")
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
        assert snapshot()[0] == before[0] + 1  # only the guest made above
        assert not User.objects.filter(email="another@uni.example").exists()

    @pytest.mark.django_db
    def test_an_address_that_already_has_an_account_is_refused(
        self, client, editor, home_page, make_guest
    ):
        make_guest(email="taken@uni.example")
        before = snapshot()

        response = invite(client, email="Taken@Uni.example")

        assert "already belongs to an account" in response.content.decode()
        assert snapshot() == before

    @pytest.mark.django_db
    def test_inviting_again_someone_who_never_used_the_link_sends_a_new_one(
        self, client, editor, home_page
    ):
        invite(client)
        users = User.objects.count()

        invite(client, email="RESEARCHER@uni.example")

        assert User.objects.count() == users
        assert [message.to for message in mail.outbox] == [["researcher@uni.example"]] * 2
        assert "/contribute/welcome/" in mail.outbox[1].body

    @pytest.mark.django_db
    def test_a_failed_email_leaves_nothing_half_saved(self, client, editor, home_page):
        before = snapshot()
        with mock.patch(
            "contributions.guest_accounts.send_mail", side_effect=smtplib.SMTPException("down")
        ):
            response = invite(client)

        assert "could not be sent, so nothing was saved" in response.content.decode()
        assert snapshot() == before

    @pytest.mark.django_db
    def test_the_guest_sets_a_password_and_lands_in_the_guest_area(self, client, editor, home_page):
        invite(client)
        client.logout()
        link = welcome_path(mail.outbox[0])

        form_page = client.get(link, follow=True)
        assert "Choose a password" in form_page.content.decode()
        response = client.post(
            form_page.redirect_chain[-1][0],
            {"new_password1": PASSWORD, "new_password2": PASSWORD},
            follow=True,
        )

        assert response.redirect_chain[-1][0] == "/en/contribute/"
        assert "Signed in as Saruul Bat" in response.content.decode()
        user = User.objects.get(email="researcher@uni.example")
        assert user.check_password(PASSWORD)

    @pytest.mark.django_db
    def test_a_used_link_says_so_and_changes_nothing(self, client, editor, home_page):
        invite(client)
        client.logout()
        link = welcome_path(mail.outbox[0])
        set_password_page = client.get(link, follow=True).redirect_chain[-1][0]
        client.post(set_password_page, {"new_password1": PASSWORD, "new_password2": PASSWORD})
        client.logout()
        password_hash = User.objects.get(email="researcher@uni.example").password

        response = client.get(link, follow=True)

        assert "already been used" in response.content.decode()
        assert "new_password1" not in response.content.decode()
        assert User.objects.get(email="researcher@uni.example").password == password_hash

    @pytest.mark.django_db
    def test_an_expired_link_says_so_in_the_readers_language(
        self, client, editor, home_page, settings
    ):
        invite(client)
        client.logout()
        link = welcome_path(mail.outbox[0])
        later = datetime.now() + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 60)

        with mock.patch.object(InvitationTokenGenerator, "_now", return_value=later):
            english = client.get(link, follow=True)
            mongolian = client.get(link.replace("/en/", "/mn/", 1), follow=True)

        assert "This invitation link has expired" in english.content.decode()
        assert "хугацаа дууссан" in mongolian.content.decode()
        assert not User.objects.get(email="researcher@uni.example").has_usable_password()

    @pytest.mark.django_db
    def test_a_tampered_or_foreign_token_is_not_valid(self, client, home_page, make_guest):
        guest = make_guest(email="pending@uni.example")
        guest.user.set_unusable_password()
        guest.user.save()
        uid = urlsafe_base64_encode(force_bytes(guest.user.pk))
        reset_token = default_token_generator.make_token(guest.user)

        for token in (reset_token, "abc-123", invitation_tokens.make_token(guest.user)[:-2] + "xx"):
            response = client.get(f"/en/contribute/welcome/{uid}/{token}/", follow=True)
            assert "This invitation link is not valid" in response.content.decode()
        assert not User.objects.get(pk=guest.user.pk).has_usable_password()

    @pytest.mark.django_db
    def test_an_invitation_link_never_opens_a_staff_account(self, client, home_page, make_user):
        staff = make_user("editor", permissions=[ADMIN])
        uid = urlsafe_base64_encode(force_bytes(staff.pk))
        token = invitation_tokens.make_token(staff)
        password_hash = staff.password

        response = client.get(f"/en/contribute/welcome/{uid}/{token}/", follow=True)

        assert "This invitation link is not valid" in response.content.decode()
        staff.refresh_from_db()
        assert staff.password == password_hash
