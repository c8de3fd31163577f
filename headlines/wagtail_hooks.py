from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Headline, Source


class HeadlineViewSet(SnippetViewSet):
    model = Headline
    icon = "list-ol"
    menu_label = _("Headlines")
    list_display = ["title", "source", "published_on", "language", "live"]
    list_filter = ["language", "live", "source"]
    search_fields = ["title"]
    ordering = ["-published_on", "-pk"]


class SourceViewSet(SnippetViewSet):
    model = Source
    icon = "site"
    menu_label = _("Sources")
    list_display = ["domain", "name", "language"]
    list_filter = ["language"]
    search_fields = ["name", "domain"]


class HeadlinesGroup(SnippetViewSetGroup):
    items = (HeadlineViewSet, SourceViewSet)
    menu_icon = "list-ol"
    menu_label = _("Headlines")
    menu_order = 220


register_snippet(HeadlinesGroup)
