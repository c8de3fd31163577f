"""Writer -> editor review -> translation -> published, through the admin as people use it."""

import json

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, TaskState, WorkflowState

from articles.models import ArticlePage
from editorial.workflow import EDITOR_REVIEW_TASK, TRANSLATION_TASK

from .conftest import article_form_data, login

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def action_url(page, action):
    return reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, action, page.current_workflow_task_state.pk],
    )


def create_and_submit(client, section, writer, **fields):
    login(client, writer)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["articles", "articlepage", section.pk]),
        article_form_data(slug="mine", **fields) | {"action-submit": "Submit"},
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    return ArticlePage.objects.get(slug="mine")


@pytest.fixture
def staff(newsroom, make_role_user):
    return {role: make_role_user(role) for role in ("writer", "editor", "translator")}


def approve_remaining_steps(client, page, staff):
    """Each remaining step approved by its own role, as the admin's buttons do."""
    approvers = {EDITOR_REVIEW_TASK: staff["editor"], TRANSLATION_TASK: staff["translator"]}
    for _ in range(4):
        page.refresh_from_db()
        if page.current_workflow_state is None:
            return
        login(client, approvers[page.current_workflow_task.name])
        response = client.post(action_url(page, "approve"), {"comment": ""})
        assert response.status_code == 302


class TestWorkflowPath:
    """Each article goes its way through one newsroom, built once for the class."""

    def test_writer_to_published_article_in_both_languages(self, client, newsroom, staff):
        mail.outbox.clear()
        page = create_and_submit(client, newsroom, staff["writer"], title_en="Rain in Ulaanbaatar")

        # Submitted: waiting for an editor, attributed to the writer, editors told by email.
        assert page.current_workflow_task.name == EDITOR_REVIEW_TASK
        assert [a.user for a in page.get_latest_revision_as_object().authors] == [staff["writer"]]
        assert staff["editor"].email in [m.to[0] for m in mail.outbox]
        assert not page.live

        login(client, staff["editor"])
        response = client.post(action_url(page, "approve"), {"comment": ""})
        assert response.status_code == 302
        page.refresh_from_db()
        assert page.current_workflow_task.name == TRANSLATION_TASK
        assert staff["translator"].email in [m.to[0] for m in mail.outbox]

        # The translation step refuses approval while Mongolian is missing, and says why.
        login(client, staff["translator"])
        task_state = page.current_workflow_task_state
        response = client.post(action_url(page, "approve"), {"comment": ""}, follow=True)
        shown = response.content.decode()
        assert "cannot be approved yet" in shown
        assert "Mongolian: title, summary, body" in shown
        task_state.refresh_from_db()
        assert task_state.status == TaskState.STATUS_IN_PROGRESS
        page.refresh_from_db()
        assert not page.live

        # The translator writes the Mongolian text and approves in the same step.
        response = client.post(
            edit_url(page),
            article_form_data(
                slug="mine",
                title_en="Rain in Ulaanbaatar",
                title_mn="Улаанбаатарт бороо орлоо",
                summary_mn="Юу болсон бэ.",
                body_mn="<p>Мэдээ.</p>",
                page=page,
            )
            | {"action-workflow-action": "true", "workflow-action-name": "approve"},
        )
        assert response.status_code == 302
        page.refresh_from_db()

        # The text changed after the editor approved it: it goes back to the editor, and only
        # the form the editor approves (then the translator) goes live.
        assert not page.live
        assert page.current_workflow_task.name == EDITOR_REVIEW_TASK
        approve_remaining_steps(client, page, staff)
        page.refresh_from_db()
        assert page.live
        assert page.current_workflow_state is None
        assert (
            WorkflowState.objects.get(object_id=str(page.pk)).status
            == WorkflowState.STATUS_APPROVED
        )

        client.logout()
        english = client.get("/en/news/mine/")
        mongolian = client.get("/mn/news/mine/")
        assert "Rain in Ulaanbaatar" in english.content.decode()
        assert "Улаанбаатарт бороо орлоо" in mongolian.content.decode()
        assert "Мэдээ." in mongolian.content.decode()

    def test_refused_approval_keeps_what_the_translator_wrote(self, client, newsroom, staff):
        page = create_and_submit(client, newsroom, staff["writer"])
        page.current_workflow_task_state.approve(user=staff["editor"])
        page.refresh_from_db()

        login(client, staff["translator"])
        response = client.post(
            edit_url(page),
            article_form_data(slug="mine", title_mn="Шинэ нийтлэл", summary_mn="Товч.", page=page)
            | {"action-workflow-action": "true", "workflow-action-name": "approve"},
            follow=True,
        )
        assert "Mongolian: body" in response.content.decode()
        page.refresh_from_db()
        assert page.current_workflow_task.name == TRANSLATION_TASK
        assert not page.live
        latest = page.get_latest_revision_as_object()
        assert (latest.title_mn, latest.summary_mn) == ("Шинэ нийтлэл", "Товч.")

    def test_refusal_from_a_workflow_modal_answers_json(self, client, newsroom, staff):
        page = create_and_submit(client, newsroom, staff["writer"])
        page.current_workflow_task_state.approve(user=staff["editor"])
        page.refresh_from_db()

        login(client, staff["translator"])
        response = client.post(
            action_url(page, "approve"),
            {"comment": "Looks good"},
            headers={"x-requested-with": "XMLHttpRequest"},
        )
        answer = json.loads(response.content)
        assert answer["step"] == "success"
        assert answer["redirect"] == edit_url(page)
        assert page.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS

    def test_rejection_returns_the_article_to_its_writer_with_the_comment(
        self, client, newsroom, staff
    ):
        page = create_and_submit(client, newsroom, staff["writer"])
        mail.outbox.clear()

        login(client, staff["editor"])
        client.post(action_url(page, "reject"), {"comment": "Name your sources, please."})

        page.refresh_from_db()
        state = page.workflow_states.get()
        assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
        [message] = [m for m in mail.outbox if m.to == [staff["writer"].email]]
        assert "Name your sources, please." in message.body

        # Back with the writer: unlocked for them, the comment in the page's history.
        login(client, staff["writer"])
        response = client.post(
            edit_url(page),
            article_form_data(slug="mine", summary_en="Sources: the city hall.", page=page),
        )
        assert response.status_code == 302
        page.refresh_from_db()
        assert page.get_latest_revision_as_object().summary_en == "Sources: the city hall."
        history = client.get(
            reverse("wagtailadmin_pages:workflow_history_detail", args=[page.pk, state.pk])
        )
        assert "Name your sources, please." in history.content.decode()

    def test_a_writer_cannot_publish_from_the_edit_form(self, client, newsroom, staff):
        page = create_and_submit(client, newsroom, staff["writer"])
        page.workflow_states.get().cancel(user=staff["writer"])
        login(client, staff["writer"])
        client.post(
            edit_url(page),
            article_form_data(slug="mine", page=page) | {"action-publish": "Publish"},
        )
        page.refresh_from_db()
        assert not page.live
        assert page.live_revision is None

    def test_a_section_created_later_is_under_the_workflow(self, newsroom, home_page):
        from articles.factories import ArticleIndexPageFactory

        analysis = ArticleIndexPageFactory(parent=home_page, title_en="Analysis", slug="analysis")
        assert analysis.get_workflow().name == "Editorial review"
        with translation.override("en"):
            assert Page.objects.get(pk=analysis.pk).specific.get_workflow() is not None

    def test_a_second_approval_of_the_same_step_changes_nothing(self, client, newsroom, staff):
        page = create_and_submit(client, newsroom, staff["writer"])
        url = action_url(page, "approve")
        login(client, staff["editor"])
        client.post(url, {"comment": ""})
        page.refresh_from_db()
        states_after_first = list(TaskState.objects.values_list("pk", "status"))

        response = client.post(url, {"comment": ""}, follow=True)

        assert list(TaskState.objects.values_list("pk", "status")) == states_after_first
        assert page.current_workflow_task.name == TRANSLATION_TASK
        assert "permission" in response.content.decode()

    def test_an_approval_without_a_csrf_token_is_refused(self, newsroom, staff):
        page = create_and_submit(Client(), newsroom, staff["writer"])
        guarded = Client(enforce_csrf_checks=True)
        guarded.force_login(staff["editor"])
        response = guarded.post(action_url(page, "approve"), {"comment": ""})
        assert response.status_code == 403
        page.refresh_from_db()
        assert page.current_workflow_task.name == EDITOR_REVIEW_TASK

    def test_text_rewritten_after_the_editors_approval_never_goes_live_unseen(
        self, client, newsroom, staff
    ):
        page = create_and_submit(client, newsroom, staff["writer"], title_en="Approved text")
        login(client, staff["editor"])
        client.post(action_url(page, "approve"), {"comment": ""})
        page.refresh_from_db()

        # The translator rewrites the English as well as translating, and approves.
        login(client, staff["translator"])
        client.post(
            edit_url(page),
            article_form_data(
                slug="mine",
                title_en="Text no editor saw",
                title_mn="Орчуулга",
                summary_mn="Товч.",
                body_mn="<p>Мэдээ.</p>",
                page=page,
            )
            | {"action-workflow-action": "true", "workflow-action-name": "approve"},
        )

        page.refresh_from_db()
        assert not page.live
        assert page.current_workflow_task.name == EDITOR_REVIEW_TASK
        assert client.get("/en/news/mine/").status_code == 404
