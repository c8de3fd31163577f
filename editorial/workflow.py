"""The "Editorial review" workflow: editor review, then translation, on every section."""

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from articles.models import ArticleIndexPage

from .models import TranslationTask
from .roles import EDITORS, TRANSLATORS

WORKFLOW_NAME = "Editorial review"
EDITOR_REVIEW_TASK = "Editor review"
TRANSLATION_TASK = "Translation"


def _task(model, name: str, group: Group):
    task = model.objects.filter(name=name).order_by("pk").first() or model(name=name)
    task.active = True
    task.save()
    task.groups.set([group])
    return task


@transaction.atomic
def sync_workflow(groups: dict[str, Group]) -> Workflow:
    """Create or repair the workflow, its two tasks in order, and its sections."""
    review = _task(GroupApprovalTask, EDITOR_REVIEW_TASK, groups[EDITORS])
    translation = _task(TranslationTask, TRANSLATION_TASK, groups[TRANSLATORS])
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).order_by("pk").first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    wanted = [review.pk, translation.pk]
    current = list(workflow.workflow_tasks.order_by("sort_order").values_list("task_id", flat=True))
    if current != wanted:
        workflow.workflow_tasks.all().delete()
        WorkflowTask.objects.bulk_create(
            [
                WorkflowTask(workflow=workflow, task_id=task_id, sort_order=order)
                for order, task_id in enumerate(wanted)
            ]
        )

    for section in ArticleIndexPage.objects.all():
        assign_to_section(section, workflow)
    return workflow


# Wagtail's first migration puts a "Moderators approval" workflow on the tree root, which
# would send the home page to the (removed) Moderators group.
STOCK_WORKFLOW = "Moderators approval"


def deactivate_stock_workflow() -> bool:
    stale = list(Workflow.objects.filter(name=STOCK_WORKFLOW, active=True))
    for workflow in stale:
        workflow.deactivate()
    return bool(stale)


def editorial_workflow() -> Workflow | None:
    return Workflow.objects.filter(name=WORKFLOW_NAME, active=True).order_by("pk").first()


def assign_to_section(section, workflow: Workflow | None = None) -> None:
    workflow = workflow or editorial_workflow()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})
