"""The editorial admin tools: the translation desk, registered as a Wagtail ViewSet."""

from django import forms
from django.contrib.auth import get_user_model
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permission_policies.base import BaseDjangoAuthPermissionPolicy

from articles.models import ArticleIndexPage
from bilingual.languages import language_choices, localized
from bilingual.pagination import ListingPaginator

from .models import TranslationTask
from .translation_desk import (
    ARTICLE,
    HEADLINE,
    MISSING,
    OUT_OF_DATE,
    DeskFilters,
    DeskListing,
)


class TranslationDeskPermissionPolicy(BaseDjangoAuthPermissionPolicy):
    """The desk's one action, "use", is granted by `editorial.use_translation_desk`
    (translators and editors hold it through their groups; superusers hold every permission)."""

    USE = "use"
    CODENAME = "use_translation_desk"

    def user_has_permission(self, user, action):
        return (
            action == self.USE
            and user.is_active
            and user.has_perm(f"{self.app_label}.{self.CODENAME}")
        )

    def users_with_any_permission(self, actions):
        if self.USE not in actions:
            return get_user_model().objects.none()
        return self._get_users_with_any_permission_codenames([self.CODENAME])


translation_desk_policy = TranslationDeskPermissionPolicy(TranslationTask)
ROWS_PER_PAGE = 50


class DeskFilterForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[
            ("", _("Articles and headlines")),
            (ARTICLE, _("Articles")),
            (HEADLINE, _("Headlines")),
        ],
    )
    section = forms.ChoiceField(label=_("Section"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("Missing or out of date")),
            (MISSING, _("Missing")),
            (OUT_OF_DATE, _("Out of date")),
        ],
    )

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = {str(section.pk): section for section in sections}
        self.fields["language"].choices = [("", _("Any language")), *language_choices()]
        self.fields["section"].choices = [("", _("Every section"))] + [
            (pk, str(localized(section, "title"))) for pk, section in self.sections.items()
        ]

    def filters(self) -> DeskFilters:
        """What was asked for; a form that does not validate asks for everything."""
        if not self.is_valid():
            return DeskFilters()
        data = self.cleaned_data
        return DeskFilters(
            language=data["language"],
            status=data["status"],
            kind=data["kind"],
            section=self.sections.get(data["section"]),
        )


class TranslationDeskView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Articles and headlines missing a language or behind, filtered and paged in the database."""

    permission_policy = translation_desk_policy
    permission_required = TranslationDeskPermissionPolicy.USE
    template_name = "editorial/translation_desk.html"
    page_title = _("Translation desk")
    header_icon = "globe"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sections = list(ArticleIndexPage.objects.order_by("path"))
        form = DeskFilterForm(self.request.GET or None, sections=sections)
        listing = DeskListing(form.filters(), sections)
        page = ListingPaginator(listing, ROWS_PER_PAGE).get_page(self.request.GET.get("p"))
        context.update(
            form=form,
            page_obj=page,
            languages=[name for _code, name in language_choices()],
            row_count=page.paginator.count,
            out_of_date_checked=listing.out_of_date_checked,
        )
        return context


class TranslationDeskViewSet(ViewSet):
    """The translators' work list in the admin menu, shown to those the policy lets in."""

    name = "translation_desk"
    url_prefix = "translation-desk"
    icon = "globe"
    menu_label = _("Translation desk")
    menu_name = "translation-desk"
    menu_order = 205
    add_to_admin_menu = True
    permission_policy = translation_desk_policy

    def get_urlpatterns(self):
        return [
            path(
                "",
                self.construct_view(TranslationDeskView, permission_policy=self.permission_policy),
                name="index",
            )
        ]

    @cached_property
    def menu_item_class(self):
        # As Wagtail's ModelViewSet does: the menu asks the same policy as the view.
        policy = self.permission_policy

        def is_shown(_item, request):
            return policy.user_has_permission(request.user, TranslationDeskPermissionPolicy.USE)

        return type("TranslationDeskMenuItem", (MenuItem,), {"is_shown": is_shown})
