from django.core.exceptions import PermissionDenied
from wagtail import hooks

from articles.models import ArticlePage

from .attribution import attach_byline, is_writer
from .views import TranslationDeskViewSet


@hooks.register("register_admin_viewset")
def register_translation_desk():
    return TranslationDeskViewSet()


@hooks.register("after_create_page")
def attribute_article_to_writer(request, page):
    if isinstance(page, ArticlePage) and is_writer(request.user):
        attach_byline(page, request.user)


def may_delete(user, page) -> bool:
    """Editors delete; a writer only their own drafts; a translator's edit right is not enough."""
    if user.is_superuser or page.owner_id == user.pk:
        return True
    return page.permissions_for_user(user).can_publish()


@hooks.register("before_delete_page")
def refuse_delete_without_publish_right(request, page):
    if not may_delete(request.user, page):
        raise PermissionDenied


@hooks.register("before_bulk_action")
def refuse_bulk_delete_without_publish_right(request, action_type, objects, action_class_instance):
    if action_type == "delete" and any(
        hasattr(obj, "permissions_for_user") and not may_delete(request.user, obj)
        for obj in objects
    ):
        raise PermissionDenied
