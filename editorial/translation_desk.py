"""The translators' work list: articles and headlines missing a language or behind the other.

Every row comes from a fixed number of queries (sections, articles, headlines, and the
revisions of items whose status is not cached yet), however many rows there are.
"""

from dataclasses import dataclass
from types import SimpleNamespace

from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from articles.models import ArticleIndexPage, ArticlePage
from bilingual.languages import language_codes, localized
from bilingual.translation_status import Item, TranslationStatus, statuses_for
from headlines.models import Headline

from .texts import ARTICLE_FIELDS, FIELD_LABELS, HEADLINE_FIELDS, LANGUAGE_LABELS

ROWS_PER_PAGE = 50
DESK_PERMISSION = "editorial.use_translation_desk"
HEADLINES_CHOICE = "headlines"


def user_can_use_desk(user) -> bool:
    return user.is_active and user.has_perm(DESK_PERMISSION)


class DeskFilterForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), required=False)
    section = forms.ChoiceField(label=_("Section"), required=False)
    state = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("Missing or out of date")),
            ("missing", _("Missing")),
            ("out_of_date", _("Out of date")),
        ],
    )

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("Either language"))] + [
            (code, LANGUAGE_LABELS.get(code, code)) for code in language_codes()
        ]
        self.fields["section"].choices = (
            [("", _("Articles and headlines"))]
            + [(str(section.pk), str(localized(section, "title"))) for section in sections]
            + [(HEADLINES_CHOICE, _("Headlines"))]
        )


@dataclass(frozen=True)
class DeskRow:
    kind: str
    title: str
    place: str
    status: TranslationStatus
    edit_url: str
    live: bool

    def cells(self):
        return [
            {
                "language": LANGUAGE_LABELS.get(s.language, s.language),
                "state": s.state,
                "missing": ", ".join(str(FIELD_LABELS.get(name, name)) for name in s.missing),
            }
            for s in self.status.languages
        ]


def _title(row: dict) -> str:
    """The title in the admin user's language, else the other one."""
    return str(localized(SimpleNamespace(**row), "title"))


def article_rows(sections, section=None) -> list[DeskRow]:
    queryset = ArticlePage.objects.all()
    if section is not None:
        queryset = queryset.child_of(section)
    rows = list(
        queryset.order_by("-latest_revision_created_at", "-pk").values(
            "pk", "path", "live", "latest_revision_id", "title_en", "title_mn"
        )
    )
    statuses = statuses_for(
        ArticlePage, [Item(r["pk"], r["latest_revision_id"]) for r in rows], ARTICLE_FIELDS
    )
    section_titles = {s.path: str(localized(s, "title")) for s in sections}
    step = ArticlePage.steplen
    return [
        DeskRow(
            kind=_("Article"),
            title=_title(row),
            place=section_titles.get(row["path"][:-step], ""),
            status=statuses[row["pk"]],
            edit_url=reverse("wagtailadmin_pages:edit", args=[row["pk"]]),
            live=row["live"],
        )
        for row in rows
    ]


def headline_rows() -> list[DeskRow]:
    rows = list(
        Headline.objects.order_by("-published_on", "-pk").values(
            "pk", "live", "language", "latest_revision_id", "title_en", "title_mn", "source__domain"
        )
    )
    statuses = statuses_for(
        Headline,
        [Item(r["pk"], r["latest_revision_id"], r["language"], values=r) for r in rows],
        HEADLINE_FIELDS,
    )
    edit_url_name = Headline.snippet_viewset.get_url_name("edit")
    return [
        DeskRow(
            kind=_("Headline"),
            title=_title(row),
            place=row["source__domain"],
            status=statuses[row["pk"]],
            edit_url=reverse(edit_url_name, args=[quote(row["pk"])]),
            live=row["live"],
        )
        for row in rows
    ]


def wanted(row: DeskRow, language: str, state: str) -> bool:
    statuses = [row.status[language]] if language else row.status.languages
    if state:
        return any(s.state == state for s in statuses)
    return any(s.needs_work for s in statuses)


class TranslationDeskView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "editorial/translation_desk.html"
    page_title = _("Translation desk")
    header_icon = "globe"

    def dispatch(self, request, *args, **kwargs):
        if not user_can_use_desk(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sections = list(ArticleIndexPage.objects.order_by("path"))
        form = DeskFilterForm(self.request.GET or None, sections=sections)
        filters = form.cleaned_data if form.is_valid() else {}
        language = filters.get("language", "")
        state = filters.get("state", "")
        chosen = filters.get("section", "")

        rows = []
        if chosen != HEADLINES_CHOICE:
            section = next((s for s in sections if str(s.pk) == chosen), None)
            rows += article_rows(sections, section)
        if not chosen or chosen == HEADLINES_CHOICE:
            rows += headline_rows()
        rows = [row for row in rows if wanted(row, language, state)]

        context.update(
            form=form,
            page_obj=Paginator(rows, ROWS_PER_PAGE).get_page(self.request.GET.get("p")),
            languages=[LANGUAGE_LABELS.get(code, code) for code in language_codes()],
            row_count=len(rows),
        )
        return context
