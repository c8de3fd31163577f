"""The site's section menu, cached per site and language until a section changes.

Every reading page shows it; built afresh it cost two queries and a URL lookup per section
on every request. Publishing, unpublishing, moving, restricting or deleting a section (or
changing the site's root) replaces its version (bilingual.cache_versions).
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction, Site
from wagtail.signals import post_page_move

from articles.models import ArticleIndexPage
from bilingual.cache_versions import CacheVersion
from bilingual.languages import LocalizedValue, current_language, localized

SECTIONS = CacheVersion("section-menu")
# A bound on any change the signals miss (a raw SQL edit): the menu is rebuilt at least daily.
SECTION_MENU_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class SectionLink:
    path: str
    url: str
    title: LocalizedValue


def section_links(request, site: Site) -> list[SectionLink]:
    """The site's live, public sections in the editors' order, in the reader's language."""
    key = f"section-menu:{SECTIONS.current()}:{site.pk}:{current_language()}"
    links = cache.get(key)
    if links is None:
        sections = ArticleIndexPage.objects.live().public().child_of(site.root_page)
        links = [
            SectionLink(section.path, section.get_url(request), localized(section, "title"))
            for section in sections.order_by("path")
        ]
        cache.set(key, links, SECTION_MENU_SECONDS)
    return links


def _page_changed(sender, instance, **kwargs):
    if instance.depth <= 3:  # the root, the home page, the sections
        SECTIONS.bump()


def connect():
    from .models import HomePage

    for model in (ArticleIndexPage, HomePage):
        post_save.connect(_page_changed, sender=model, dispatch_uid=f"menu-{model.__name__}")
        post_delete.connect(_page_changed, sender=model, dispatch_uid=f"menu-gone-{model.__name__}")
    for model in (PageViewRestriction, Site):
        post_save.connect(SECTIONS.bump, sender=model, dispatch_uid=f"menu-{model.__name__}")
        post_delete.connect(SECTIONS.bump, sender=model, dispatch_uid=f"menu-gone-{model.__name__}")
    post_page_move.connect(SECTIONS.bump, dispatch_uid="menu-move")
