"""Guest authors' accounts: who counts as one, and writing to each in the language they read.

A guest account has a guest `Author` profile and no way into the admin; the language of
its emails is kept in Wagtail's user profile, where Wagtail's own emails look for it too.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from authors.models import Author
from bilingual.languages import language_codes


def can_use_admin(user) -> bool:
    return user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")


def guest_profile(user):
    """The guest `Author` profile of a signed-in guest; None for staff and everyone else."""
    if user is None or not user.is_authenticated or not user.is_active or can_use_admin(user):
        return None
    return Author.objects.filter(user=user, kind=Author.Kind.GUEST).first()


def is_pending_guest(user) -> bool:
    """Invited but not yet through the welcome link: a new invitation may be sent."""
    return guest_profile(user) is not None and not user.has_usable_password()


def guest_language(user) -> str:
    code = UserProfile.get_for_user(user).preferred_language
    return code if code in language_codes() else settings.LANGUAGE_CODE


def set_guest_language(user, code: str) -> None:
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = code
    profile.save(update_fields=["preferred_language"])


def send_to_guest(user, template: str, context: dict, request, links=None) -> None:
    """Sends `<template>_subject.txt` / `_body.txt`; `links` name URLs made in the guest's language.

    `links` maps a context name to `(url name, url kwargs)`; the address is absolute.
    """
    with translation.override(guest_language(user)):
        context = dict(context, user=user)
        for name, (url_name, kwargs) in (links or {}).items():
            context[name] = request.build_absolute_uri(reverse(url_name, kwargs=kwargs))
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_body.txt", context)
    send_mail(subject, body, None, [user.email])
