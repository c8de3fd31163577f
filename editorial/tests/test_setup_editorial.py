"""`setup_editorial`: the groups' exact rights and the workflow, however often it runs."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from articles.factories import ArticleIndexPageFactory
from editorial.models import TranslationTask
from editorial.roles import EDITORS, TRANSLATORS, WRITERS

pytestmark = pytest.mark.django_db


def rights(group_name):
    group = Group.objects.get(name=group_name)
    return {
        "model": sorted(
            f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()
        ),
        "pages": sorted(
            (p.page.specific_class.__name__, p.permission.codename)
            for p in group.page_permissions.all()
        ),
        "images": sorted(p.permission.codename for p in group.collection_permissions.all()),
    }


class TestSetupEditorial:
    """`setup_editorial` run once for the class (by `newsroom`), then again by some tests."""

    def test_groups_get_exactly_the_newsroom_rights(self, newsroom):
        assert rights(WRITERS) == {
            "model": ["wagtailadmin.access_admin"],
            "pages": [("ArticleIndexPage", "add_page")],
            "images": ["add_image", "choose_image"],
        }
        assert rights(TRANSLATORS) == {
            "model": [
                "editorial.use_translation_desk",
                "headlines.change_headline",
                "wagtailadmin.access_admin",
            ],
            "pages": [("HomePage", "change_page")],
            "images": ["choose_image"],
        }
        editors = rights(EDITORS)
        assert editors["pages"] == [
            ("HomePage", action)
            for action in sorted(
                ["add_page", "change_page", "lock_page", "publish_page", "unlock_page"]
            )
        ]
        assert {
            "headlines.publish_headline",
            "headlines.delete_source",
            "authors.add_author",
            "articles.change_topic",
            "contributions.view_guestsubmission",
            "contributions.change_guestsubmission",
            "contributions.invite_guest_author",
        } <= set(editors["model"])
        for group_name in (WRITERS, TRANSLATORS, EDITORS):
            model_rights = rights(group_name)["model"]
            assert not [p for p in model_rights if p.startswith(("auth.", "wagtailcore."))]

    def test_the_workflow_reviews_then_translates_on_every_section(self, newsroom):
        workflow = Workflow.objects.get(name="Editorial review")
        tasks = [wt.task.specific for wt in workflow.workflow_tasks.order_by("sort_order")]
        assert [type(t) for t in tasks] == [GroupApprovalTask, TranslationTask]
        assert [t.name for t in tasks] == ["Editor review", "Translation"]
        assert [list(t.groups.values_list("name", flat=True)) for t in tasks] == [
            [EDITORS],
            [TRANSLATORS],
        ]
        assert WorkflowPage.objects.get(page=newsroom).workflow == workflow

    def test_running_again_changes_nothing_and_repairs_drift(self, newsroom):
        writers = Group.objects.get(name=WRITERS)
        writers.permissions.add(Permission.objects.get(codename="publish_headline"))
        GroupPagePermission.objects.create(
            group=writers, page=Page.objects.get(depth=2), permission_type="publish"
        )
        counts = (Group.objects.count(), Workflow.objects.count(), WorkflowTask.objects.count())

        call_command("setup_editorial", verbosity=0)
        call_command("setup_editorial", verbosity=0)

        assert (
            Group.objects.count(),
            Workflow.objects.count(),
            WorkflowTask.objects.count(),
        ) == counts
        assert rights(WRITERS)["model"] == ["wagtailadmin.access_admin"]
        assert rights(WRITERS)["pages"] == [("ArticleIndexPage", "add_page")]

    def test_a_new_section_gets_the_workflow_and_the_writers(self, newsroom, home_page):
        analysis = ArticleIndexPageFactory(parent=home_page, slug="analysis")
        assert analysis.get_workflow().name == "Editorial review"
        assert GroupPagePermission.objects.filter(
            group__name=WRITERS, page=analysis, permission__codename="add_page"
        ).exists()

    def test_wagtails_stock_moderators_are_retired(self, newsroom):
        assert not Group.objects.filter(name="Moderators").exists()
        assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()

    def test_a_missing_permission_fails_loudly(self, newsroom):
        Permission.objects.filter(codename="invite_guest_author").delete()
        with pytest.raises(CommandError, match="contributions.invite_guest_author"):
            call_command("setup_editorial", verbosity=0)
