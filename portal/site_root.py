"""The roots Wagtail's migrations create and `manage.py flush` removes."""

from django.conf import settings
from wagtail.models import Collection, Locale, Page


def tree_root() -> Page:
    """The root of the page tree, recreated with the default locale and the root collection
    when a flushed database has lost them."""
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    return root
