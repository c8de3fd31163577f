import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, LiveStatusTagColumn
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from bilingual.languages import get_language_info, language_choices, localized_names

from .bulk_actions import PublishHeadlinesBulkAction, UnpublishHeadlinesBulkAction
from .forms import HeadlineForm
from .ingest.save import IMPORT_ACTION, IMPORT_UPDATE_ACTION
from .models import Headline, Source
from .views.importing import HeadlineImportViewSet


class CaseFoldingSearchIndexView(IndexView):
    """Admin search straight in the database, so imported rows are found at once.

    SQLite's LIKE folds only ASCII case: the query is also tried upper-cased, lower-cased
    and capitalised, so "гарчиг" finds "ГАРЧИГ" there too (PostgreSQL folds it anyway).
    """

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        term = self.search_query
        variants = {term, term.lower(), term.upper(), term.capitalize(), term.title()}
        query = Q()
        for field in self.search_fields:
            for variant in variants:
                query |= Q(**{f"{field}__icontains": variant})
        return queryset.filter(query)


def translated_into(headline) -> str:
    return ", ".join(str(get_language_info(code)) for code in headline.translations)


class HeadlineFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(
        label=_("Original language"), choices=language_choices, empty_label=_("Any")
    )
    source = django_filters.ModelChoiceFilter(
        label=_("Source"), queryset=Source.objects.all(), empty_label=_("Any")
    )
    published_on = django_filters.DateFromToRangeFilter(
        label=_("Published on"), widget=DateRangePickerWidget
    )
    live = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[("true", _("Published")), ("false", _("Draft"))],
        empty_label=_("Any"),
        method="filter_status",
    )
    pinned = django_filters.BooleanFilter(label=_("Pinned"))

    class Meta:
        model = Headline
        fields = ["language", "source", "published_on", "live", "pinned"]

    def filter_status(self, queryset, name, value):
        return queryset.filter(live=value == "true")


class HeadlineViewSet(SnippetViewSet):
    model = Headline
    icon = "list-ol"
    menu_label = _("Headlines")
    list_display = [
        "__str__",
        "source",
        "published_on",
        "language",
        Column("translations", label=_("Translated into"), accessor=translated_into),
        BooleanColumn("pinned", label=_("Pinned")),
        LiveStatusTagColumn(),
    ]
    filterset_class = HeadlineFilterSet
    index_view_class = CaseFoldingSearchIndexView
    search_backend_name = None
    search_fields = [*localized_names(("title",)), "source__domain"]
    ordering = ["-published_on", "-pk"]
    list_per_page = 50

    def get_queryset(self, request):
        return Headline.objects.select_related("source")

    def get_edit_handler(self):
        # The model's panels (expanded into title_en / title_mn by wagtail-modeltranslation),
        # with a form that finds the source from the link when none is chosen.
        return ObjectList(self.model.panels, base_form_class=HeadlineForm).bind_to_model(self.model)


class SourceFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=language_choices, empty_label=_("Any")
    )
    active = django_filters.BooleanFilter(label=_("Active"))

    class Meta:
        model = Source
        fields = ["language", "active"]


class SourceViewSet(SnippetViewSet):
    model = Source
    icon = "site"
    menu_label = _("Sources")
    list_display = [
        "__str__",
        "name",
        "language",
        BooleanColumn("active", label=_("Active")),
        Column("feed_url", label=_("Feed address")),
        DateColumn("feed_checked_at", label=_("Feed last checked")),
        Column("feed_error", label=_("Last feed error")),
    ]
    filterset_class = SourceFilterSet
    index_view_class = CaseFoldingSearchIndexView
    search_backend_name = None
    search_fields = ["domain", *localized_names(("name",))]


class HeadlinesGroup(SnippetViewSetGroup):
    items = (HeadlineViewSet, SourceViewSet, HeadlineImportViewSet)
    menu_icon = "list-ol"
    menu_label = _("Headlines")
    menu_order = 220


register_snippet(HeadlinesGroup)

hooks.register("register_bulk_action", PublishHeadlinesBulkAction)
hooks.register("register_bulk_action", UnpublishHeadlinesBulkAction)


@hooks.register("register_log_actions")
def register_import_log_actions(actions):
    @actions.register_action(IMPORT_ACTION)
    class ImportFormatter(LogFormatter):
        label = _("Import")

        def format_message(self, log_entry):
            origin = log_entry.data.get("origin", "")
            if log_entry.data.get("published"):
                return _("Imported and published from %(origin)s") % {"origin": origin}
            return _("Imported as a draft from %(origin)s") % {"origin": origin}

    @actions.register_action(IMPORT_UPDATE_ACTION)
    class ImportUpdateFormatter(LogFormatter):
        label = _("Update by import")

        def format_message(self, log_entry):
            return _("Updated from %(origin)s") % {"origin": log_entry.data.get("origin", "")}
