"""Refuses a malformed workflow action before Wagtail's edit views act on it.

An edit page's workflow buttons post `workflow-action-extra-data`: the JSON of the action
modal's cleaned form (`{"comment": "..."}`). Wagtail's page and snippet edit views save the new
revision, then pass that text through `json.loads` into `Task.on_action(**data)`: text that is
not JSON, not an object, or names an argument the task does not take was a 500, with the
revision already saved. Wagtail's own pages never send such data, so it gets a 400 here,
before the view runs and saves anything.
"""

import json

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _
from wagtail.admin.localization import get_localized_response
from wagtail.models import Page

EXTRA_DATA = "workflow-action-extra-data"
PERFORM_ACTION = "action-workflow-action"
ACTION_NAME = "workflow-action-name"
PAGE_EDIT = "wagtailadmin_pages:edit"
JSON_SCALARS = (str, int, float, bool, type(None))


class WorkflowActionDataMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or not request.POST.get(PERFORM_ACTION):
            return None
        form_class = _action_form_class(request, view_kwargs)
        if _is_valid_extra_data(request.POST.get(EXTRA_DATA, "{}"), form_class):
            return None
        return get_localized_response(refuse_workflow_action, request)


def refuse_workflow_action(request):
    """In the user's admin language, as Wagtail's own views answer."""
    return HttpResponseBadRequest(
        _("The workflow action could not be read. Reload the page and try again."),
        content_type="text/plain; charset=utf-8",
    )


def _action_form_class(request, view_kwargs):
    """The form Wagtail's modal fills for this action on the page's current task; None if unknown.

    Only pages are under a workflow here; for other objects the data's shape alone is checked.
    """
    if request.resolver_match.view_name != PAGE_EDIT:
        return None
    page = Page.objects.filter(pk=view_kwargs.get("page_id")).first()
    task = page.current_workflow_task if page else None
    return task.get_form_for_action(request.POST.get(ACTION_NAME, "")) if task else None


def _is_valid_extra_data(raw: str, form_class) -> bool:
    """A JSON object of plain values; with a known form, only its fields, and valid for it."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return False
    if not isinstance(data, dict) or not all(isinstance(v, JSON_SCALARS) for v in data.values()):
        return False
    if form_class is None:
        return True
    form = form_class(data)
    return set(data) <= set(form.fields) and form.is_valid()
