"""Limits on guessing passwords and on password-reset mails.

django-axes counts failed logins (see the AXES_* settings); this module tells it the client's
address behind the proxy and answers a locked-out login with a page in the reader's language.
The admin's password-reset form sends a limited number of mails per address and per client.
"""

import hashlib
import ipaddress
import logging
import math

from axes.conf import settings as axes_settings
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_ip_address, get_cool_off
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from wagtail.admin.forms.auth import PasswordResetForm

logger = logging.getLogger(__name__)

ADMIN_LOGIN = "wagtailadmin_login"
ADMIN_LOCKOUT_TEMPLATE = "portal/login_locked_out_admin.html"
GUEST_LOCKOUT_TEMPLATE = "contributions/guest_area/login_locked_out.html"


def client_address(request) -> str:
    """REMOTE_ADDR, or the address the trusted proxies saw (TRUSTED_PROXY_COUNT).

    Each trusted proxy appends the address it was called from to X-Forwarded-For; anything
    further left was written by the client and proves nothing.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if not proxies:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < proxies:
        return remote
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:  # a misconfigured proxy: never store text the address column refuses
        return remote


# Axes stores the username it counts in a 255-character column.
COUNTED_USERNAME_LENGTH = 255


def counted_username(request, credentials=None) -> str | None:
    """The username a login attempt is counted under, as axes reads it, cut to the column.

    A 10,000-character guess was a 500 on PostgreSQL; guesses alike in their first 255
    characters are counted together, which only makes the lockout stricter.
    """
    field = axes_settings.AXES_USERNAME_FORM_FIELD
    source = credentials or getattr(request, "data", request.POST)
    username = source.get(field)
    return username[:COUNTED_USERNAME_LENGTH] if isinstance(username, str) else username


class FailedLoginRecorder(AxesDatabaseHandler):
    """Axes' database handler, minus the NUL bytes PostgreSQL refuses in the headers it stores.

    A failed login with a NUL in its User-Agent or Accept header was otherwise a 500.
    """

    STORED_HEADERS = ("axes_user_agent", "axes_http_accept", "axes_path_info")

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        for attribute in self.STORED_HEADERS:
            value = getattr(request, attribute, None)
            if isinstance(value, str):
                setattr(request, attribute, value.replace("\x00", ""))
        return super().user_login_failed(sender, credentials, request, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """The locked-out login's answer: 429 with Retry-After, in the request's language.

    The admin page follows the request's language, not the account's: a page in the
    account holder's language would tell a guesser that the account exists.
    """
    cool_off = get_cool_off(request)
    seconds = int(cool_off.total_seconds())
    match = getattr(request, "resolver_match", None)
    admin = match is not None and match.url_name == ADMIN_LOGIN
    template = ADMIN_LOCKOUT_TEMPLATE if admin else GUEST_LOCKOUT_TEMPLATE
    response = render(request, template, {"minutes": math.ceil(seconds / 60)}, status=429)
    response["Retry-After"] = str(seconds)
    return response


def _counted_within(key: str, limit: int) -> bool:
    """Counts one more use of `key` in the current window; False once past `limit`.

    A cache that cannot be reached lets the mail go (and says so in the log): readers must
    still be able to reset a password while Redis is down.
    """
    window = settings.PASSWORD_RESET_WINDOW_SECONDS
    try:
        cache.add(key, 0, timeout=window)
        try:
            count = cache.incr(key)
        except ValueError:  # the window ended between add and incr
            cache.set(key, 1, timeout=window)
            count = 1
    except Exception:  # noqa: BLE001 - any cache backend's connection error
        logger.exception("Password-reset limit not checked: the cache is unreachable.")
        return True
    return count <= limit


def password_reset_mail_allowed(email: str, request) -> bool:
    """Both counters move on every request, so a client spreading over addresses is caught too."""
    address_key = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    per_address = _counted_within(
        f"password-reset:address:{address_key}", settings.PASSWORD_RESET_MAILS_PER_ADDRESS
    )
    per_client = _counted_within(
        f"password-reset:client:{get_client_ip_address(request)}",
        settings.PASSWORD_RESET_REQUESTS_PER_CLIENT,
    )
    return per_address and per_client


class ThrottledPasswordResetForm(PasswordResetForm):
    """Wagtail's reset form; past the limits it sends nothing but answers exactly as if it had."""

    def save(self, *args, request=None, **kwargs):
        if request is not None and not password_reset_mail_allowed(
            self.cleaned_data["email"], request
        ):
            logger.warning("Password-reset mail withheld: too many requests.")
            return
        super().save(*args, request=request, **kwargs)
