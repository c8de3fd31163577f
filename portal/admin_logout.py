"""Logging out of the admin takes a POST: a GET (a link, an image on another site) keeps the session.

Django's LogoutView answers GET with 405, but Wagtail's LogoutView deletes the session cookie
and adds "logged out" to the messages after that answer, whatever the method: a GET still
ended the session. This middleware answers anything but POST before Wagtail's view runs.
"""

from django.http import HttpResponseNotAllowed
from django.utils.translation import gettext as _
from wagtail.admin.localization import get_localized_response

ADMIN_LOGOUT = "wagtailadmin_logout"


class LogoutOnlyByPostMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.url_name != ADMIN_LOGOUT or request.method == "POST":
            return None
        # Not even OPTIONS: Wagtail's view would delete the cookie after answering it too.
        return get_localized_response(refuse_logout, request)


def refuse_logout(request):
    """In the user's admin language, as Wagtail's own views answer."""
    return HttpResponseNotAllowed(
        ["POST"],
        _("Log out with the button in the admin's account menu."),
        content_type="text/plain; charset=utf-8",
    )
