import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from bilingual.languages import localized, localized_names

from . import choosers
from .models import ArticlePage, Correction, Topic

choosers.register()


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(TopicViewSet)


def corrected_articles(request):
    """The filter's choices: only articles that have a correction (a handful), never every
    article of the site."""
    return ArticlePage.objects.filter(corrections__isnull=False).distinct().order_by("title")


class ArticleFilterField(choosers.RefusesOverflow, django_filters.fields.ModelChoiceField):
    pass


class ArticleFilter(django_filters.ModelChoiceFilter):
    field_class = ArticleFilterField


class CorrectionFilterSet(WagtailFilterSet):
    article = ArticleFilter(label=_("Article"), queryset=corrected_articles, empty_label=_("Any"))
    corrected_on = django_filters.DateFromToRangeFilter(
        label=_("Date"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Correction
        fields = ["article", "corrected_on"]


class CorrectionViewSet(SnippetViewSet):
    """Editors' notes on published articles; only those with the correction permissions
    (Editors, superusers) see or change them."""

    model = Correction
    icon = "warning"
    menu_label = _("Corrections")
    menu_order = 235
    add_to_admin_menu = True
    list_display = [
        "__str__",
        Column("article", label=_("Article"), accessor=lambda c: localized(c.article, "title")),
        DateColumn("corrected_on", label=_("Date")),
    ]
    filterset_class = CorrectionFilterSet
    search_backend_name = None
    search_fields = localized_names(("text",))
    ordering = ["-corrected_on", "-pk"]
    list_per_page = 50

    def get_queryset(self, request):
        return Correction.objects.select_related("article").defer(
            *[f"article__{name}" for name in ("body", *localized_names(("body",)))]
        )


register_snippet(CorrectionViewSet)
