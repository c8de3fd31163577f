"""Inviting a guest author: an account without a password, a guest profile, a one-time link.

The link is Django's password-reset token under its own salt: it stops working once the
password is set (the hash it signs changes) or after PASSWORD_RESET_TIMEOUT.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.db import transaction
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes
from django.utils.http import base36_to_int, urlsafe_base64_encode

from authors.models import Author

from .guest_accounts import send_to_guest, set_guest_language


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    """Password-reset tokens with their own salt: neither kind of link opens the other's door."""

    # The salt keeps the module's first name: links sent before the move still open.
    key_salt = "authors.invitations.InvitationTokenGenerator"

    def link_problem(self, user, token) -> str | None:
        """Why a link does not open ("used", "expired" or "invalid"), or None when it does."""
        if user is None or not token:
            return "invalid"
        if self.check_token(user, token):
            return None
        if user.has_usable_password():
            return "used"
        try:
            timestamp = base36_to_int(token.split("-")[0])
        except ValueError:
            return "invalid"
        genuine = self._make_token_with_timestamp(user, timestamp, self.secret)
        # A token this site made for this very account, refused only because of its age.
        return "expired" if constant_time_compare(genuine, token) else "invalid"


invitation_tokens = InvitationTokenGenerator()


def invitation_days() -> int:
    return max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)


def send_invitation(user, request) -> None:
    """Emails a fresh one-time link; any earlier link of this account keeps working until used."""
    author = Author.objects.get(user=user)
    send_to_guest(
        user,
        "contributions/emails/invitation",
        {"author": author, "days": invitation_days()},
        request,
        links={
            "welcome_url": (
                "guest_welcome",
                {
                    "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                    "token": invitation_tokens.make_token(user),
                },
            )
        },
    )


@transaction.atomic
def invite_guest(*, names: dict[str, str], email: str, language: str, request) -> Author:
    """Creates the account and its guest profile and sends the link; a failed email undoes all.

    `names` holds the guest's name per language code (`{"en": "Saruul Bat", "mn": ""}`).
    """
    user = get_user_model().objects.create_user(username=email, email=email, password=None)
    author = Author.objects.create(
        **{f"name_{code}": name for code, name in names.items()},
        slug=Author.objects.free_slug(names[settings.LANGUAGE_CODE], fallback="guest"),
        kind=Author.Kind.GUEST,
        user=user,
    )
    set_guest_language(user, language)
    send_invitation(user, request)
    return author
