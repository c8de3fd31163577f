"""What hangs off the moved model follows it into contributions, and back on a reverse migration.

The content type row is renamed rather than replaced, so its permissions (with every group and
user holding them) and Wagtail's log entries of every submission stay attached; the invite
permission moves from authors' Author onto it keeping its id, so nobody loses it; the log
actions take the app's name. On a fresh database there is nothing to move: post_migrate
makes the content type and permissions in their new place.
"""

from django.conf import settings
from django.db import migrations

MODEL = "guestsubmission"
INVITE = "invite_guest_author"
LOG_STEPS = ("submit", "request_changes", "decline", "accept")


def merge_permission(apps, source, target):
    """Everyone holding `source` holds `target` instead; `source` goes."""
    Group = apps.get_model("auth", "Group")
    User = apps.get_model(settings.AUTH_USER_MODEL)
    for through, holder in (
        (Group.permissions.through, "group_id"),
        (User.user_permissions.through, "user_id"),
    ):
        holders = through.objects.filter(permission_id=source.pk).values_list(holder, flat=True)
        through.objects.bulk_create(
            [through(**{holder: pk, "permission_id": target.pk}) for pk in holders],
            ignore_conflicts=True,
        )
    source.delete()


def move_content_type(apps, from_app, to_app):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    moving = ContentType.objects.filter(app_label=from_app, model=MODEL).first()
    if moving is None:
        return
    early = ContentType.objects.filter(app_label=to_app, model=MODEL).first()
    if early is not None:
        # Made by a post_migrate between the steps: what it holds joins the moving row.
        for permission in Permission.objects.filter(content_type_id=early.pk):
            kept = Permission.objects.filter(
                content_type_id=moving.pk, codename=permission.codename
            )
            if kept.exists():
                merge_permission(apps, permission, kept.get())
            else:
                Permission.objects.filter(pk=permission.pk).update(content_type_id=moving.pk)
        ModelLogEntry.objects.filter(content_type_id=early.pk).update(
            content_type_id=moving.pk
        )
        early.delete()
    ContentType.objects.filter(pk=moving.pk).update(app_label=to_app)


def move_invite_permission(apps, from_type, to_type):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    (from_app, from_model), (to_app, to_model) = from_type, to_type
    permission = Permission.objects.filter(
        content_type__app_label=from_app, content_type__model=from_model, codename=INVITE
    ).first()
    if permission is None:
        return
    target, _created = ContentType.objects.get_or_create(app_label=to_app, model=to_model)
    # Ids, not instances: on a reverse run the two historical models may be rendered apart.
    already = Permission.objects.filter(content_type_id=target.pk, codename=INVITE).first()
    if already is not None:
        merge_permission(apps, permission, already)
    else:
        Permission.objects.filter(pk=permission.pk).update(content_type_id=target.pk)


def rename_log_actions(apps, from_prefix, to_prefix):
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    for step in LOG_STEPS:
        ModelLogEntry.objects.filter(action=f"{from_prefix}.{step}").update(
            action=f"{to_prefix}.{step}"
        )


def forwards(apps, schema_editor):
    move_content_type(apps, "articles", "contributions")
    move_invite_permission(apps, ("authors", "author"), ("contributions", MODEL))
    rename_log_actions(apps, "articles.guest_submission", "contributions.guest_submission")


def backwards(apps, schema_editor):
    rename_log_actions(apps, "contributions.guest_submission", "articles.guest_submission")
    move_invite_permission(apps, ("contributions", MODEL), ("authors", "author"))
    move_content_type(apps, "contributions", "articles")


class Migration(migrations.Migration):

    dependencies = [
        ('contributions', '0001_initial'),
        ('authors', '0003_invite_permission_moved_to_contributions'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
