"""Checks every request passes before any view reads it."""

from django.conf import settings
from django.shortcuts import render

NUL = "\x00"


class RefuseNullCharactersMiddleware:
    """Answer 400 when the address or a submitted text contains a NUL character.

    No reader or writer types one; PostgreSQL refuses to store or even compare text holding
    it, so a single `?q=%00` would otherwise end as a server error on whichever query sees it
    first. Django's form fields already refuse it; this covers views that read the request
    directly (search, filters, Wagtail's page routing). Uploaded files are not checked.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.carries_nul(request):
            return render(request, "400.html", status=400)
        return self.get_response(request)

    @staticmethod
    def carries_nul(request) -> bool:
        if NUL in request.path:
            return True
        submitted = [request.GET]
        if request.method == "POST":
            submitted.append(request.POST)
        return any(
            NUL in key or any(NUL in value for value in values)
            for data in submitted
            for key, values in data.lists()
        )


class RefuseOversizedRequestsMiddleware:
    """Answer 413 when a request declares a body larger than MAX_REQUEST_BYTES.

    Django bounds form fields but not uploaded files: a 2 GB "picture" would be written to
    disk in full before any form could refuse it. The largest thing anyone sends is a
    library image or document well under the limit.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return render(request, "400.html", status=400)
        if declared > settings.MAX_REQUEST_BYTES:
            return render(request, "400.html", status=413)
        return self.get_response(request)
