"""Checks every request passes before any view reads it."""

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
