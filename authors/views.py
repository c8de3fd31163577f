"""Guests' profile changes in the admin: the ones awaiting review, and the page that decides each.

A guest's edit of their name, credentials, biography or photo reaches readers only when an
editor approves it here; rejecting keeps the public profile and tells the guest why.
"""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from .models import Author, ProfileChange

# Each decision is logged on the author as "<prefix>.<decision>" (approve, reject).
LOG_ACTION_PREFIX = "authors.profile_change"


def pending_changes():
    return ProfileChange.objects.filter(status=ProfileChange.Status.PENDING).select_related(
        "author", "photo", "author__photo"
    )


def changed_fields(change) -> list[dict]:
    """Each proposed field beside what readers see now, in the order of the profile form."""
    rows = []
    for column, (code, label) in ProfileChange.column_labels().items():
        if column in change.values:
            rows.append(
                {
                    "label": label,
                    "language": code,
                    "now": getattr(change.author, column) or "",
                    "proposed": change.values[column],
                }
            )
    return rows


class ProfileChangeIndexView(generic.IndexView):
    def get_base_queryset(self):
        return pending_changes()


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the change not approved?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown to the guest on their profile page."),
    )


class ProfileChangeReviewView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """The proposal beside the public profile, with Approve and Reject."""

    model = ProfileChange
    permission_required = "change"
    template_name = "authors/admin/profile_change_review.html"
    page_title = _("Review a profile change")
    index_url_name = None
    edit_url_name = None

    @cached_property
    def object(self):
        # Looked up after the permission check, so a refused user learns nothing.
        return get_object_or_404(pending_changes(), pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.object.author)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse(self.index_url_name),
                "label": capfirst(ProfileChange._meta.verbose_name_plural),
            },
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            change=self.object,
            rows=changed_fields(self.object),
            version=self.object.requested_at.isoformat(),
            reject_form=kwargs.get("reject_form") or RejectForm(prefix="reject"),
            action_url=reverse(self.edit_url_name, args=[self.object.pk]),
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action not in ("approve", "reject"):
            messages.error(request, _("Choose whether to approve the change or not."))
            return redirect(request.path)
        form = RejectForm(request.POST, prefix="reject") if action == "reject" else None
        if form is not None and not form.is_valid():
            return self.render_to_response(self.get_context_data(reject_form=form))
        with transaction.atomic():
            change = self.locked_change()
            if change is None or change.requested_at.isoformat() != request.POST.get("version"):
                messages.error(
                    request,
                    _(
                        "The guest changed this proposal, or it was decided, since you opened it; "
                        "nothing was changed."
                    ),
                )
                return redirect(reverse(self.index_url_name))
            if action == "approve":
                self.approve(change)
            else:
                self.reject(change, form.cleaned_data["reason"])
        return redirect(reverse(self.index_url_name))

    def locked_change(self):
        """The proposal as it is now, None once decided or withdrawn.

        The author is locked, as a guest's save locks it: two editors deciding at once, a
        form sent twice, or the guest saving meanwhile, happen one after the other.
        """
        author = Author.objects.select_for_update().filter(pk=self.object.author_id).first()
        change = (
            ProfileChange.objects.filter(
                pk=self.object.pk, author=author, status=ProfileChange.Status.PENDING
            )
            .select_related("photo")
            .first()
        )
        if change is not None:
            change.author = author
        return change

    def approve(self, change):
        author = change.approve()
        log(author, f"{LOG_ACTION_PREFIX}.approve", user=self.request.user)
        messages.success(self.request, _("The change is approved: readers see it now."))

    def reject(self, change, reason):
        change.reject(reason)
        log(
            change.author,
            f"{LOG_ACTION_PREFIX}.reject",
            user=self.request.user,
            data={"comment": reason},
        )
        messages.success(
            self.request,
            _(
                "The change is not approved: readers see the profile as before, the guest your reason."
            ),
        )


class ProfileChangeViewSet(ModelViewSet):
    """Guests' profile changes awaiting review; the "edit" view is the decision page."""

    model = ProfileChange
    name = "profile_changes"
    icon = "user"
    menu_label = _("Guest profile changes")
    menu_order = 211
    add_to_admin_menu = True
    index_view_class = ProfileChangeIndexView
    edit_view_class = ProfileChangeReviewView
    copy_view_enabled = False
    # Nobody writes a change here: guests propose, editors decide.
    form_fields = []
    list_display = [
        Column("author", label=_("Author")),
        Column(
            "fields",
            label=_("What changes"),
            accessor=lambda change: ", ".join(
                [str(row["label"]) for row in changed_fields(change)]
                + ([str(_("Photo"))] if change.changes_photo else [])
            ),
        ),
        DateColumn("requested_at", label=_("Requested")),
    ]

    def get_permissions_to_register(self):
        # Deciding is the right to change authors; this model has no rights of its own to give.
        return super().get_permissions_to_register().none()
