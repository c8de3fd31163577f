"""Turns a refused translation approval into a message on the article's edit page.

Wagtail's workflow views call `Task.on_action` without a way to report a refusal, so the
task raises `TranslationIncomplete` and this middleware answers it (the edits saved with
the approval attempt stay saved).
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.modal_workflow import render_modal_workflow

from .models import TranslationIncomplete


class TranslationRefusalMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, TranslationIncomplete):
            return None
        messages.error(request, exception.message)
        url = AdminURLFinder(request.user).get_edit_url(exception.obj) or reverse(
            "wagtailadmin_home"
        )
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # The workflow modals expect JSON: send the browser to the edit page.
            return render_modal_workflow(
                request, "", None, {}, json_data={"step": "success", "redirect": url}
            )
        return redirect(url)
