"""The admin's door to the import pipeline: paste or upload, preview every row, confirm.

`HeadlineImportViewSet` is the house's model for an admin tool: a Wagtail `ViewSet` with a
permission policy that both its views and its menu item read.
"""

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from ..forms import ConfirmImportForm, ImportForm
from ..ingest.pipeline import run_import
from ..models import PENDING_IMPORT_LIFETIME, Headline, PendingHeadlineImport

# Enough rows for an editor to check a day's lists; the counts always cover every row.
PREVIEW_ROWS = 300


class ImportHeadlinesView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Adding headlines is the permission to import them; publishing them, to import them live."""

    model = Headline  # the policy's default; the viewset gives its own
    permission_required = "add"
    template_name = "headlines/admin/import.html"
    page_title = gettext_lazy("Import headlines")
    header_icon = "upload"
    import_url_name = "headline_import:import"  # where a failed confirmation starts again

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailsnippets_headlines_headline:list"), "label": _("Headlines")},
            {"url": "", "label": self.get_page_title()},
        ]

    @property
    def can_publish(self) -> bool:
        return self.user_has_permission("publish")

    def get(self, request, *args, **kwargs):
        return self.render_to_response(
            self.get_context_data(form=ImportForm(can_publish=self.can_publish))
        )

    def post(self, request, *args, **kwargs):
        if "import_id" in request.POST:
            return self.confirm()
        form = ImportForm(request.POST, request.FILES, can_publish=self.can_publish)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data, name = form.payload()
        options = {
            "language": form.cleaned_data.get("language", ""),
            "publish": form.cleaned_data.get("publish", False),
        }
        report = self.run(data, name, form.cleaned_data.get("format", ""), dry_run=True, **options)
        if report.failure:
            form.add_error(None, report.failure.reason)
            return self.render_to_response(self.get_context_data(form=form))
        confirm_form = None
        if report.created or report.updated:
            # The data waits here for the confirmation, which sends back only its id.
            pending = PendingHeadlineImport.objects.keep(
                self.request.user, data=data, name=name[:255], format=report.format, **options
            )
            confirm_form = ConfirmImportForm(initial={"import_id": pending.pk})
        return self.render_to_response(
            self.get_context_data(
                form=form, confirm_form=confirm_form, report=report, step="preview"
            )
        )

    def confirm(self):
        pending = self.pending_import()
        if pending is None:
            return redirect(self.import_url_name)
        report = self.run(
            bytes(pending.data),
            pending.name,
            pending.format,
            language=pending.language,
            publish=pending.publish,
            dry_run=False,
        )
        if report.failure:
            messages.error(self.request, report.failure.reason)
            return redirect(self.import_url_name)
        messages.success(self.request, report.summary())
        return self.render_to_response(
            self.get_context_data(
                form=ImportForm(can_publish=self.can_publish), report=report, step="done"
            )
        )

    def pending_import(self):
        """The requester's previewed import, taken for this confirmation alone; or None, with
        a message saying why. Another person's id is as unknown as a made-up one."""
        form = ConfirmImportForm(self.request.POST)
        pending = None
        if form.is_valid():
            pending = PendingHeadlineImport.objects.filter(
                pk=form.cleaned_data["import_id"], owner=self.request.user
            ).first()
        if pending is None or not PendingHeadlineImport.objects.claim(pending):
            messages.error(
                self.request,
                _(
                    "There is no import waiting for this confirmation: it was imported "
                    "already, or replaced by newer previews. Start again."
                ),
            )
            return None
        if pending.has_expired:
            messages.error(
                self.request,
                _(
                    "A preview waits %(minutes)d minutes for its confirmation; this one has "
                    "expired. Start again."
                )
                % {"minutes": PENDING_IMPORT_LIFETIME.total_seconds() // 60},
            )
            return None
        return pending

    def run(self, data: bytes, name: str, format: str, *, language, publish, dry_run: bool):
        return run_import(
            data,
            format=format,
            name=name,
            language=language,
            # Asked again at confirmation: the permission may have gone since the preview.
            publish=publish and self.can_publish,
            dry_run=dry_run,
            user=self.request.user,
            origin=name or "admin paste",
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = kwargs.get("report")
        if report is not None:
            context["preview_rows"] = report.outcomes[:PREVIEW_ROWS]
            context["hidden_rows"] = max(0, len(report.outcomes) - PREVIEW_ROWS)
        context["listing_url"] = reverse("wagtailsnippets_headlines_headline:list")
        return context


class HeadlineImportViewSet(ViewSet):
    """The import page in the Headlines menu group, shown to those the policy lets add headlines."""

    name = "headline_import"
    url_prefix = "headlines/import"
    icon = "upload"
    menu_label = gettext_lazy("Import headlines")
    menu_name = "import-headlines"
    permission_policy = ModelPermissionPolicy(Headline)
    import_view_class = ImportHeadlinesView

    @cached_property
    def menu_item_class(self):
        # As Wagtail's ModelViewSet does: the menu item asks the same policy as the view.
        policy, action = self.permission_policy, self.import_view_class.permission_required

        def is_shown(_menu_item, request):
            return policy.user_has_permission(request.user, action)

        return type("HeadlineImportMenuItem", (MenuItem,), {"is_shown": is_shown})

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            permission_policy=self.permission_policy,
            header_icon=self.icon,
            import_url_name=self.get_url_name("import"),
            **kwargs,
        )

    def get_urlpatterns(self):
        return [path("", self.construct_view(self.import_view_class), name="import")]
