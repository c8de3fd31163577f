"""The three staff groups and exactly the rights the newsroom gives each of them.

`sync_roles` makes the database match this file (adding what is missing, removing what
is not listed), so a deploy that runs `setup_editorial` converges whatever came before.
"""

from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Site

from articles.models import ArticleIndexPage

WRITERS = "Writers"
TRANSLATORS = "Translators"
EDITORS = "Editors"
GROUP_NAMES = (WRITERS, TRANSLATORS, EDITORS)

# Django permissions, "app_label.codename".
MODEL_PERMISSIONS = {
    WRITERS: ("wagtailadmin.access_admin",),
    TRANSLATORS: (
        "wagtailadmin.access_admin",
        "headlines.change_headline",
        "editorial.use_translation_desk",
    ),
    EDITORS: (
        "wagtailadmin.access_admin",
        "headlines.add_headline",
        "headlines.change_headline",
        "headlines.delete_headline",
        "headlines.publish_headline",
        "headlines.add_source",
        "headlines.change_source",
        "headlines.delete_source",
        "authors.add_author",
        "authors.change_author",
        "authors.delete_author",
        "articles.add_topic",
        "articles.change_topic",
        "articles.delete_topic",
        "articles.add_correction",
        "articles.change_correction",
        "articles.delete_correction",
        "breaking_news.change_breakingnews",
        "contributions.view_guestsubmission",
        "contributions.change_guestsubmission",
        "contributions.invite_guest_author",
        "editorial.use_translation_desk",
    ),
}

# Wagtail page permissions. Writers add articles in each section (and so edit their own
# drafts); translators edit every page; editors also publish, unpublish, schedule and lock.
SITE_PAGE_PERMISSIONS = {
    TRANSLATORS: ("change_page",),
    EDITORS: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
}
SECTION_PAGE_PERMISSIONS = {WRITERS: ("add_page",)}

# Image permissions on the root collection (lead images, author photos).
COLLECTION_PERMISSIONS = {
    WRITERS: ("add_image", "choose_image"),
    TRANSLATORS: ("choose_image",),
    EDITORS: ("add_image", "change_image", "delete_image", "choose_image"),
}


def get_permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".", 1)
    try:
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    except Permission.DoesNotExist:
        raise CommandError(f"Permission {dotted} does not exist: run migrate first.") from None


def site_root_page() -> Page:
    """The default site's home page; the tree root until a site exists."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page if site else Page.get_first_root_node()


def page_permission(action: str) -> Permission:
    return get_permission(f"wagtailcore.{action}")


def sync_page_permissions(group: Group, wanted: set[tuple[int, int]]) -> None:
    """Make the group's page permissions exactly `wanted` ({(page id, permission id)})."""
    existing = {(p.page_id, p.permission_id): p.pk for p in group.page_permissions.all()}
    GroupPagePermission.objects.filter(
        pk__in=[pk for key, pk in existing.items() if key not in wanted]
    ).delete()
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(group=group, page_id=page_id, permission_id=permission_id)
            for page_id, permission_id in wanted - existing.keys()
        ]
    )


def section_page_permissions(group_name: str) -> set[tuple[int, int]]:
    section_ids = ArticleIndexPage.objects.values_list("pk", flat=True)
    return {
        (section_id, page_permission(action).pk)
        for action in SECTION_PAGE_PERMISSIONS.get(group_name, ())
        for section_id in section_ids
    }


def sync_roles() -> dict[str, Group]:
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in GROUP_NAMES}
    root = site_root_page()
    collection = Collection.get_first_root_node()
    for name, group in groups.items():
        group.permissions.set([get_permission(p) for p in MODEL_PERMISSIONS[name]])
        wanted_pages = {
            (root.pk, page_permission(action).pk) for action in SITE_PAGE_PERMISSIONS.get(name, ())
        } | section_page_permissions(name)
        sync_page_permissions(group, wanted_pages)
        wanted_images = {
            get_permission(f"wagtailimages.{codename}").pk
            for codename in COLLECTION_PERMISSIONS.get(name, ())
        }
        group.collection_permissions.exclude(
            collection=collection, permission_id__in=wanted_images
        ).delete()
        for permission_id in wanted_images:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission_id=permission_id
            )
    return groups


def grant_section_permissions(section) -> None:
    """A new section: writers may add articles in it, as in every other section."""
    for name, actions in SECTION_PAGE_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for action in actions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=section, permission=page_permission(action)
            )


# Wagtail's first migration creates a "Moderators" group that publishes anywhere. Its rights
# overlap ours, so an empty one is removed; one that has members is left for a superuser.
STOCK_GROUP = "Moderators"


def remove_empty_stock_group() -> bool:
    group = Group.objects.filter(name=STOCK_GROUP).first()
    if group is None or group.user_set.exists():
        return False
    group.delete()
    return True
