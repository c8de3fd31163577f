"""Moving guest submissions out of articles (and the invite right out of authors) keeps every row.

The database is migrated back to before the move, filled as the old code would have filled it,
and migrated forward again: the submission, its content type, the permissions a group holds and
the log entry that the inbox's history shows all come through. Runs on SQLite and PostgreSQL
alike (it needs no features of either); it ends at the latest migrations, so later tests see
the full schema.
"""

import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from wagtail.models import ModelLogEntry

from contributions.models import GuestSubmission

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE_THE_MOVE = [
    ("articles", "0005_published_at_defaults_to_first_publication"),
    ("authors", "0002_invite_guest_author_permission"),
    ("contributions", None),
    ("search", None),  # came later, on the moved state
]


def migrate(targets=None):
    """Migrates to `targets` (the latest migrations when None); returns the apps of that state."""
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(targets or latest)
    ContentType.objects.clear_cache()
    moved = {app for app, _name in targets or []}
    nodes = [node for node in latest if node[0] not in moved]
    nodes += [node for node in targets or [] if node[1] is not None]
    return MigrationExecutor(connection).loader.project_state(nodes).apps


def fill_as_before_the_move(apps):
    """A guest and an editor as the old code made them; returns the ids to look for afterwards."""
    content_type = apps.get_model("contenttypes", "ContentType")
    permission = apps.get_model("auth", "Permission")
    user_model = apps.get_model("auth", "User")

    def old_permission(app_label, model, codename):
        kind, _ = content_type.objects.get_or_create(app_label=app_label, model=model)
        found, _ = permission.objects.get_or_create(
            content_type=kind, codename=codename, defaults={"name": codename}
        )
        return found

    invite = old_permission("authors", "author", "invite_guest_author")
    decide = old_permission("articles", "guestsubmission", "change_guestsubmission")
    admin = old_permission("wagtailadmin", "admin", "access_admin")
    desk = apps.get_model("auth", "Group").objects.create(name="Guest desk")
    desk.permissions.add(invite, decide, admin)
    editor = user_model.objects.create(username="editor", email="editor@newsroom.example")
    editor.groups.add(desk)

    guest = user_model.objects.create(username="saruul@uni.example", email="saruul@uni.example")
    author = apps.get_model("authors", "Author").objects.create(
        name="Saruul Bat", name_en="Saruul Bat", slug="saruul-bat", kind="guest", user=guest
    )
    submission = apps.get_model("articles", "GuestSubmission").objects.create(
        author=author,
        form_key=uuid.uuid4(),
        title="Өвлийн зуд ба малчид",
        body="<p>Энэ өвөл хүйтэн байлаа.</p>",
        language="mn",
        status="submitted",
        submitted_at=timezone.now(),
    )
    entry = apps.get_model("wagtailcore", "ModelLogEntry").objects.create(
        content_type=decide.content_type,
        object_id=str(submission.pk),
        label=submission.title,
        action="articles.guest_submission.submit",
        timestamp=timezone.now(),
        user=guest,
    )
    return {
        "submission": submission.pk,
        "content_type": decide.content_type_id,
        "invite": invite.pk,
        "decide": decide.pk,
        "log_entry": entry.pk,
    }


def test_submissions_invitations_permissions_and_history_survive_the_move(client):
    try:
        before = fill_as_before_the_move(migrate(BEFORE_THE_MOVE))
    finally:
        migrate()

    tables = connection.introspection.table_names()
    assert "contributions_guestsubmission" in tables and "articles_guestsubmission" not in tables
    submission = GuestSubmission.objects.select_related("author__user").get()
    assert submission.pk == before["submission"]
    assert submission.title == "Өвлийн зуд ба малчид" and submission.language == "mn"
    assert submission.author.user.username == "saruul@uni.example"

    content_type = ContentType.objects.get_for_model(GuestSubmission)
    assert content_type.pk == before["content_type"]
    assert not ContentType.objects.filter(app_label="articles", model="guestsubmission").exists()
    invite = Permission.objects.get(pk=before["invite"])
    assert (invite.content_type, invite.codename) == (content_type, "invite_guest_author")
    assert set(Group.objects.get(name="Guest desk").permissions.values_list("pk", flat=True)) >= {
        before["invite"],
        before["decide"],
    }
    editor = get_user_model().objects.get(username="editor")
    assert editor.has_perm("contributions.invite_guest_author")
    assert editor.has_perm("contributions.change_guestsubmission")

    entry = ModelLogEntry.objects.get(pk=before["log_entry"])
    assert entry.action == "contributions.guest_submission.submit"
    assert entry.content_type_id == content_type.pk
    client.force_login(editor)
    history = client.get(f"/admin/guest_submissions/history-results/{submission.pk}/")
    assert "Submitted by the guest author" in history.content.decode()
