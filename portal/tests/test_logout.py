"""Leaving the admin takes the logout button (a POST); a GET to the address keeps the session."""

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db

REFUSAL = {
    "en": "Log out with the button in the admin's account menu.",
    "mn": "Админы бүртгэлийн цэсний «Гарах» товчоор гарна уу.",
}


@pytest.fixture
def editor(client, make_user):
    user = make_user("editor", permissions=["wagtailadmin.access_admin"])
    client.force_login(user)
    return user


def signed_in(client) -> bool:
    return client.get(reverse("wagtailadmin_home")).status_code == 200


def prefer_mongolian(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "mn"
    profile.save()


@pytest.mark.parametrize("method", ["get", "head", "options", "put", "delete"])
def test_anything_but_post_keeps_the_session(client, editor, method):
    response = getattr(client, method)(reverse("wagtailadmin_logout"))

    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert signed_in(client)


def test_the_refusal_says_how_to_log_out_in_the_admin_language(client, editor):
    english = client.get(reverse("wagtailadmin_logout"))
    prefer_mongolian(editor)
    mongolian = client.get(reverse("wagtailadmin_logout"))

    assert english.content.decode() == REFUSAL["en"]
    assert mongolian.content.decode() == REFUSAL["mn"]


def test_post_logs_out(client, editor):
    response = client.post(reverse("wagtailadmin_logout"))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_login")
    assert not signed_in(client)
