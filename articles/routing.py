"""Fewer queries on the way to a page: Wagtail's defaults pay two per level of the tree.

Wagtail's `route` fetches each child as a plain `Page`, then again as its own type
(`.specific`); its view-restriction check reads the ancestors, then their restrictions.
"""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction


class DirectChildRouting:
    """Routes to a child in one query when the page allows a single type of child.

    A page type's `reading_select_related` names its relations to fetch in the same query.
    """

    reading_select_related: tuple[str, ...] = ()

    def route(self, request, path_components):
        child_models = type(self).clean_subpage_models()
        if not path_components or len(child_models) != 1:
            return super().route(request, path_components)
        (child_model,) = child_models
        children = child_model.objects.child_of(self).select_related(
            *child_model.reading_select_related
        )
        try:
            child = children.get(slug=path_components[0])
        except child_model.DoesNotExist:
            # A child of another type (made before the rules changed) is still found, or 404.
            return super().route(request, path_components)
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])


class RestrictionsInOneQuery:
    """The view restrictions on this page and its ancestors in one query (Wagtail's own
    `get_view_restrictions` takes two). An alias, like Wagtail's, follows its source page.
    None at all when the request's routing already knows them (portal.reading_lookup)."""

    known_view_restrictions = None

    def get_view_restrictions(self):
        if self.known_view_restrictions is not None:
            return self.known_view_restrictions
        if self.alias_of_id:
            return super().get_view_restrictions()
        step = self.steplen
        paths = [self.path[:end] for end in range(step, len(self.path) + 1, step)]
        on_path = Page.objects.filter(path__in=paths)
        return PageViewRestriction.objects.filter(
            Q(page__in=on_path.filter(alias_of__isnull=True).values("pk"))
            | Q(page__in=on_path.filter(alias_of__isnull=False).values("alias_of"))
        )


class LeanReading(DirectChildRouting, RestrictionsInOneQuery):
    """Both of the above, for every page type readers visit."""
