"""Guessing passwords and flooding mailboxes: limits on the admin's and the guest area's logins
and on the admin's password-reset mails."""

import datetime

import pytest
from axes.models import AccessAttempt
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

RIGHT = "the-right-password"
LIMIT = settings.AXES_FAILURE_LIMIT
COOL_OFF = settings.AXES_COOLOFF_TIME
LOCKED = {
    "en": "Logging in is paused after too many failed attempts. Try again in 15 minutes.",
    "mn": "Олон удаа буруу оролдсон тул нэвтрэхийг түр зогсоолоо. 15 минутын дараа дахин оролдоно уу.",
}
ADDRESS = "10.0.0.1"
OTHER_ADDRESS = "10.0.0.2"


def admin_login(client, username, password, address=ADDRESS, language="en"):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
    )


def guest_login(client, username, password, address=ADDRESS, language="en"):
    with translation.override(language):
        url = reverse("contribute_login")
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def fail_until_locked(login, client, username, **kwargs):
    """LIMIT wrong passwords: the last of them already answers with the lockout."""
    answers = [login(client, username, "wrong", **kwargs) for _ in range(LIMIT)]
    assert [a.status_code for a in answers[:-1]] == [200] * (LIMIT - 1)
    assert answers[-1].status_code == 429


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def shown(response) -> str:
    return " ".join(response.content.decode().split())


def visible_text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").body.get_text(" ", strip=True)


def wrong_credentials(language) -> str:
    """Django's own "wrong username or password", as the login form words it."""
    with translation.override(language):
        username = get_user_model()._meta.get_field("username").verbose_name
        message = AuthenticationForm.error_messages["invalid_login"] % {"username": username}
        return " ".join(str(message).split())


def unreachable(*args, **kwargs):
    raise ConnectionError("the cache server is down")


def expire_failures():
    """Moves every counted failure back past the cool-off, as if that time had gone by."""
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime.now(datetime.UTC) - COOL_OFF - datetime.timedelta(minutes=1)
    )


@pytest.fixture
def editor(make_user):
    return make_user("editor", password=RIGHT, permissions=["wagtailadmin.access_admin"])


@pytest.fixture
def guest(make_guest):
    return make_guest("saruul@uni.example", password=RIGHT).user


class TestAdminLogin:
    def test_right_password_is_refused_after_the_limit(self, client, editor):
        fail_until_locked(admin_login, client, "editor")

        response = admin_login(client, "editor", RIGHT)

        assert response.status_code == 429
        assert response["Retry-After"] == str(int(COOL_OFF.total_seconds()))
        assert LOCKED["en"] in shown(response)
        assert not signed_in(client)

    @pytest.mark.parametrize("language", ["en", "mn"])
    def test_lockout_is_told_in_the_request_language(self, client, editor, language):
        fail_until_locked(admin_login, client, "editor", language=language)

        response = admin_login(client, "editor", RIGHT, language=language)

        assert LOCKED[language] in shown(response)

    def test_an_address_guessing_at_many_accounts_is_stopped(self, client, editor):
        for number in range(LIMIT):
            admin_login(client, f"nobody{number}", "wrong")

        assert admin_login(client, "editor", RIGHT).status_code == 429
        assert not signed_in(client)

    def test_other_accounts_from_other_addresses_still_log_in(self, client, editor, make_user):
        make_user("writer", password=RIGHT, permissions=["wagtailadmin.access_admin"])
        fail_until_locked(admin_login, client, "editor")

        response = admin_login(client, "writer", RIGHT, address=OTHER_ADDRESS)

        assert response.status_code == 302
        assert signed_in(client)

    def test_the_locked_account_is_locked_from_every_address(self, client, editor):
        fail_until_locked(admin_login, client, "editor")

        assert admin_login(client, "editor", RIGHT, address=OTHER_ADDRESS).status_code == 429

    def test_after_the_cool_off_the_right_password_works(self, client, editor):
        fail_until_locked(admin_login, client, "editor")
        expire_failures()

        response = admin_login(client, "editor", RIGHT)

        assert response.status_code == 302
        assert signed_in(client)

    def test_counting_needs_no_cache(self, client, editor, monkeypatch):
        """Failures are counted in the database: a cache outage neither locks out nor lets in."""
        for method in ("get", "set", "add", "incr", "delete", "get_many", "set_many"):
            monkeypatch.setattr(cache, method, unreachable)

        fail_until_locked(admin_login, client, "editor")
        assert admin_login(client, "editor", RIGHT).status_code == 429
        expire_failures()
        assert admin_login(client, "editor", RIGHT).status_code == 302

    def test_nul_bytes_in_the_headers_are_counted_not_a_500(self, client, editor):
        response = client.post(
            reverse("wagtailadmin_login"),
            {"username": "editor", "password": "wrong"},
            HTTP_USER_AGENT="Mozilla\x00/5.0",
            HTTP_ACCEPT="text/html\x00",
        )

        assert response.status_code == 200
        attempt = AccessAttempt.objects.get()
        assert (attempt.username, attempt.user_agent, attempt.failures_since_start) == (
            "editor",
            "Mozilla/5.0",
            1,
        )

    def test_before_the_limit_the_right_password_works(self, client, editor):
        for _ in range(LIMIT - 1):
            admin_login(client, "editor", "wrong")

        assert admin_login(client, "editor", RIGHT).status_code == 302


class TestGuestLogin:
    @pytest.mark.parametrize("language", ["en", "mn"])
    def test_right_password_is_refused_after_the_limit(self, client, guest, language):
        fail_until_locked(guest_login, client, guest.username, language=language)

        response = guest_login(client, guest.username, RIGHT, language=language)

        assert response.status_code == 429
        assert response["Retry-After"] == str(int(COOL_OFF.total_seconds()))
        assert LOCKED[language] in shown(response)
        assert not signed_in(client)

    def test_other_guests_from_other_addresses_still_log_in(self, client, guest, make_guest):
        other = make_guest("bold@uni.example", password=RIGHT).user
        fail_until_locked(guest_login, client, guest.username)

        response = guest_login(client, other.username, RIGHT, address=OTHER_ADDRESS)

        assert response.status_code == 302
        assert signed_in(client)

    def test_after_the_cool_off_the_right_password_works(self, client, guest):
        fail_until_locked(guest_login, client, guest.username)
        expire_failures()

        assert guest_login(client, guest.username, RIGHT).status_code == 302
        assert signed_in(client)

    def test_a_capitalised_address_counts_towards_the_same_account(self, client, guest):
        """The form folds the address to lower case, and the count follows it."""
        for _ in range(LIMIT):
            guest_login(client, "Saruul@UNI.example", "wrong")

        response = guest_login(client, guest.username, RIGHT, address=OTHER_ADDRESS)

        assert response.status_code == 429


def test_a_ten_thousand_character_username_is_counted_not_a_500(client, home_page):
    """Axes stores the username in 255 characters; PostgreSQL refused a longer one."""
    fail_until_locked(guest_login, client, "x" * 10_000)

    assert AccessAttempt.objects.get().username == "x" * 255


def test_the_admin_form_refuses_a_ten_thousand_character_username_unchecked(client, home_page):
    response = admin_login(client, "x" * 10_000, "wrong")

    assert response.status_code == 200  # the form's length check: no password is tried
    assert not AccessAttempt.objects.exists()


class TestStaffOnTheGuestLogin:
    """Staff log in at /admin/ only: the guest form is no second place to guess their password."""

    @pytest.mark.parametrize("language", ["en", "mn"])
    @pytest.mark.parametrize("role", ["staff", "superuser", "admin access"])
    def test_right_staff_password_reads_as_wrong(self, client, make_user, role, language):
        make_user(
            "chief",
            password=RIGHT,
            is_staff=role == "staff",
            is_superuser=role == "superuser",
            permissions=["wagtailadmin.access_admin"] if role == "admin access" else [],
        )

        right = guest_login(client, "chief", RIGHT, language=language)
        wrong = guest_login(client, "chief", "wrong", language=language)

        assert right.status_code == wrong.status_code == 200
        assert not signed_in(client)
        assert wrong_credentials(language) in visible_text(right)
        assert visible_text(right) == visible_text(wrong)

    def test_right_staff_password_counts_as_a_failure(self, client, editor):
        for _ in range(LIMIT - 1):
            assert guest_login(client, "editor", RIGHT).status_code == 200

        assert guest_login(client, "editor", RIGHT).status_code == 429
        assert admin_login(client, "editor", RIGHT, address=OTHER_ADDRESS).status_code == 429


class TestPasswordReset:
    def ask(self, client, email, address=ADDRESS):
        return client.post(
            reverse("wagtailadmin_password_reset"), {"email": email}, REMOTE_ADDR=address
        )

    def test_one_address_gets_a_few_mails_however_often_asked(self, client, editor, mailoutbox):
        answers = [self.ask(client, editor.email) for _ in range(30)]

        done = reverse("wagtailadmin_password_reset_done")
        assert {(a.status_code, a["Location"]) for a in answers} == {(302, done)}
        assert len(mailoutbox) == settings.PASSWORD_RESET_MAILS_PER_ADDRESS
        assert {m.to[0] for m in mailoutbox} == {editor.email}

    def test_other_addresses_still_get_their_mail(self, client, editor, make_user, mailoutbox):
        writer = make_user("writer", permissions=["wagtailadmin.access_admin"])
        for _ in range(10):
            self.ask(client, editor.email)
        mailoutbox.clear()

        self.ask(client, writer.email, address=OTHER_ADDRESS)

        assert [m.to for m in mailoutbox] == [[writer.email]]

    def test_one_client_asking_for_many_addresses_is_stopped(self, client, make_user, mailoutbox):
        users = [
            make_user(f"user{n}") for n in range(settings.PASSWORD_RESET_REQUESTS_PER_CLIENT + 5)
        ]
        for user in users:
            self.ask(client, user.email)

        assert len(mailoutbox) == settings.PASSWORD_RESET_REQUESTS_PER_CLIENT

    def test_an_unknown_address_reads_like_a_known_one(self, client, editor):
        known = self.ask(client, editor.email)
        unknown = self.ask(client, "nobody@example.mn")

        assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])

    def test_a_new_window_sends_again(self, client, editor, mailoutbox):
        for _ in range(10):
            self.ask(client, editor.email)
        cache.clear()  # the hour's counters expire

        self.ask(client, editor.email)

        assert len(mailoutbox) == settings.PASSWORD_RESET_MAILS_PER_ADDRESS + 1

    def test_an_unreachable_cache_still_sends_and_answers(
        self, client, editor, mailoutbox, monkeypatch
    ):
        monkeypatch.setattr(cache, "add", unreachable)

        response = self.ask(client, editor.email)

        assert response.status_code == 302
        assert [m.to for m in mailoutbox] == [[editor.email]]


class TestClientAddress:
    """Behind the proxy each client is counted by the address the proxy saw."""

    def test_clients_behind_the_proxy_are_counted_apart(self, client, editor, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        proxy = "10.0.0.254"
        for _ in range(LIMIT):
            client.post(
                reverse("wagtailadmin_login"),
                {"username": "someone", "password": "wrong"},
                REMOTE_ADDR=proxy,
                HTTP_X_FORWARDED_FOR="203.0.113.7, 198.51.100.1",
            )

        other_client = client.post(
            reverse("wagtailadmin_login"),
            {"username": "editor", "password": RIGHT},
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR="203.0.113.7, 198.51.100.2",
        )

        assert other_client.status_code == 302
        assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.1"}

    def test_a_forged_left_part_does_not_escape_the_count(self, client, editor, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        for number in range(LIMIT):
            client.post(
                reverse("wagtailadmin_login"),
                {"username": "editor", "password": "wrong"},
                REMOTE_ADDR="10.0.0.254",
                HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, 198.51.100.1",
            )

        assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.1"}

    @pytest.mark.parametrize("forwarded", ["", "not an address", "1.2.3.4\x00", "x" * 10_000])
    def test_a_garbled_header_falls_back_to_the_proxy(self, client, editor, settings, forwarded):
        settings.TRUSTED_PROXY_COUNT = 1
        response = client.post(
            reverse("wagtailadmin_login"),
            {"username": "editor", "password": "wrong"},
            REMOTE_ADDR="10.0.0.254",
            HTTP_X_FORWARDED_FOR=forwarded,
        )

        assert response.status_code == 200
        assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["10.0.0.254"]
