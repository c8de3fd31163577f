"""A forged or broken workflow action is a 400 with a message, never a 500, and saves nothing."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Revision, TaskState
from wagtail.users.models import UserProfile

from editorial.workflow import EDITOR_REVIEW_TASK

from .conftest import article_form_data, login
from .test_workflow_path import create_and_submit

pytestmark = pytest.mark.django_db

REFUSAL = {
    "en": "The workflow action could not be read. Reload the page and try again.",
    "mn": "Ажлын урсгалын үйлдлийг уншиж чадсангүй. Хуудсаа дахин ачаалаад дахин оролдоно уу.",
}
MALFORMED = {
    "not json": "{not json",
    "not an object": "[1]",
    "a string": '"approve"',
    "an argument the task does not take": '{"update": false}',
    "a field it does not have": '{"comment": "ok", "user": 1}',
    "a list for a comment": '{"comment": ["a"]}',
    "a NUL byte": '{"comment": "a\\u0000b"}',
    "nested too deep": "[" * 100_000,
}


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def prefer_mongolian(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "mn"
    profile.save()


def approve_on_edit(page, extra_data, **fields):
    return article_form_data(slug="mine", page=page, **fields) | {
        "action-workflow-action": "true",
        "workflow-action-name": "approve",
        "workflow-action-extra-data": extra_data,
    }


@pytest.fixture
def submitted(newsroom, make_role_user):
    """An article a writer has submitted, waiting for the editor."""
    writer = make_role_user("writer")
    editor = make_role_user("editor")
    page = create_and_submit(Client(), newsroom, writer)
    return page, editor


class TestMalformedActionOnTheEditPage:
    @pytest.mark.parametrize("extra_data", MALFORMED.values(), ids=MALFORMED.keys())
    def test_is_refused_before_anything_is_saved(self, client, class_db, submitted, extra_data):
        page, editor = submitted
        revisions = Revision.objects.for_instance(page).count()
        task_state = page.current_workflow_task_state

        login(client, editor)
        response = client.post(
            edit_url(page), approve_on_edit(page, extra_data, summary_en="Changed by the editor.")
        )

        assert response.status_code == 400
        assert response.content.decode() == REFUSAL["en"]
        assert Revision.objects.for_instance(page).count() == revisions
        task_state.refresh_from_db()
        assert task_state.status == TaskState.STATUS_IN_PROGRESS
        page.refresh_from_db()
        assert page.current_workflow_task.name == EDITOR_REVIEW_TASK

    def test_is_refused_in_the_editors_admin_language(self, client, class_db, submitted):
        page, editor = submitted
        prefer_mongolian(editor)

        login(client, editor)
        response = client.post(edit_url(page), approve_on_edit(page, "{not json"))

        assert response.status_code == 400
        assert response.content.decode() == REFUSAL["mn"]

    def test_the_modals_own_data_still_approves(self, client, class_db, submitted):
        page, editor = submitted
        login(client, editor)
        response = client.post(edit_url(page), approve_on_edit(page, '{"comment": "Fine."}'))

        assert response.status_code == 302
        # Approved with the comment (the edit then sends it back to review: house rule).
        approval = TaskState.objects.get(status=TaskState.STATUS_APPROVED)
        assert (approval.task.name, approval.comment) == (EDITOR_REVIEW_TASK, "Fine.")

    def test_without_extra_data_still_approves(self, client, class_db, submitted):
        page, editor = submitted
        login(client, editor)
        data = approve_on_edit(page, "")
        del data["workflow-action-extra-data"]
        response = client.post(edit_url(page), data)

        assert response.status_code == 302
        approval = TaskState.objects.get(status=TaskState.STATUS_APPROVED)
        assert (approval.task.name, approval.comment) == (EDITOR_REVIEW_TASK, "")


class TestWorkflowActionViews:
    """Wagtail's action and collect-data views read the comment through a form, not JSON."""

    def action_url(self, name, page, action="approve", task_state_id=None):
        task_state_id = task_state_id or page.current_workflow_task_state.pk
        return reverse(f"wagtailadmin_pages:{name}", args=[page.pk, action, task_state_id])

    @pytest.mark.parametrize("name", ["workflow_action", "collect_workflow_action_data"])
    def test_bad_comment_is_no_500_and_approves_nothing(self, client, class_db, submitted, name):
        page, editor = submitted
        login(client, editor)
        response = client.post(
            self.action_url(name, page),
            {"comment": "a\x00b", "workflow-action-extra-data": "{not json"},
        )

        assert response.status_code == 400  # the NUL is refused before any view runs
        page.refresh_from_db()
        assert page.current_workflow_task.name == EDITOR_REVIEW_TASK

    @pytest.mark.parametrize("name", ["workflow_action", "collect_workflow_action_data"])
    def test_unknown_action_or_task_state_is_refused(self, client, class_db, submitted, name):
        page, editor = submitted
        login(client, editor)

        unknown_action = client.post(self.action_url(name, page, action="publish-now"), {})
        unknown_state = client.post(
            self.action_url(name, page, task_state_id=999_999), {}, follow=True
        )

        # Wagtail answers a refused action by sending the user to the dashboard with a message.
        assert (unknown_action.status_code, unknown_action["Location"]) == (
            302,
            reverse("wagtailadmin_home"),
        )
        assert unknown_state.status_code == 404
        page.refresh_from_db()
        assert page.current_workflow_task.name == EDITOR_REVIEW_TASK
