"""The editors' inbox of guest submissions in the admin: list, read, and decide.

Deciding is the viewset's "edit" view: editors never rewrite a guest's text here; they ask
for changes, decline, or accept it into a section, where the article is edited as a page.
Who may do what is the contributions policy's to say (nobody adds a submission here).
"""

import smtplib

import django_filters
from django import forms
from django.contrib import messages
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from articles.models import ArticleIndexPage
from bilingual.languages import language_choices, localized

from ..guest_accounts import send_to_guest
from ..models import LOG_ACTION_PREFIX, GuestSubmission
from ..submission_acceptance import CannotAccept, accept_submission

Status = GuestSubmission.Status
MAIL_ERRORS = (smtplib.SMTPException, OSError)
# Editors see a piece once its guest submits it; drafts stay private.
INBOX_STATUSES = [choice for choice in Status.choices if choice[0] != Status.DRAFT]


def inbox_queryset():
    return GuestSubmission.objects.exclude(status=Status.DRAFT).select_related(
        "author", "article_page"
    )


class SubmissionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=INBOX_STATUSES, method="filter_status", empty_label=_("All")
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=language_choices, empty_label=_("All")
    )

    class Meta:
        model = GuestSubmission
        fields = []

    def filter_status(self, queryset, name, value):
        """ "Published" is read from the article being live, like everywhere else."""
        published = Q(status=Status.ACCEPTED, article_page__live=True)
        if value == Status.PUBLISHED:
            return queryset.filter(published)
        if value == Status.ACCEPTED:
            return queryset.filter(status=Status.ACCEPTED).exclude(published)
        return queryset.filter(status=value)


class SubmissionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return inbox_queryset()


class SubmissionInspectView(generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(inbox_queryset(), pk=self.pk)

    def get_status_display_value(self):
        return self.object.stage.label

    def get_body_display_value(self):
        # Sanitised when the guest saved it: only paragraphs, headings, links, lists, quotes.
        return format_html('<div class="rich-text">{}</div>', mark_safe(self.object.body))


class SubmissionHistoryView(HistoryView):
    """Wagtail shows log comments only for models with revisions; decisions need theirs shown."""

    @cached_property
    def columns(self):
        action, *others = super().columns
        return [action, Column("comment", label=_("Comment")), *others]


class RequestChangesForm(forms.Form):
    feedback = forms.CharField(
        label=_("What should the guest change?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Emailed to the guest and shown on their dashboard."),
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it declined?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Emailed to the guest and shown on their dashboard."),
    )


class SectionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return str(localized(obj, "title"))


class AcceptForm(forms.Form):
    section = SectionChoiceField(label=_("Section"), queryset=ArticleIndexPage.objects.none())
    note = forms.CharField(
        label=_("Note to the guest"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional; emailed with the news that the piece is accepted."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = [
            section.pk
            for section in ArticleIndexPage.objects.all()
            if section.permissions_for_user(user).can_add_subpage()
        ]
        self.fields["section"].queryset = ArticleIndexPage.objects.filter(pk__in=allowed)


# action -> (form class, statuses it may be taken from)
ACTIONS = {
    "request_changes": (RequestChangesForm, {Status.SUBMITTED}),
    "decline": (DeclineForm, {Status.SUBMITTED, Status.CHANGES_REQUESTED}),
    "accept": (AcceptForm, {Status.SUBMITTED}),
}


class SubmissionReviewView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """One submission with the decisions open to it; each decision is emailed to the guest."""

    model = GuestSubmission
    permission_required = "change"
    template_name = "contributions/admin/submission_review.html"
    page_title = _("Review")
    index_url_name = None
    edit_url_name = None

    @cached_property
    def object(self):
        # Looked up after the permission check, so a refused user learns nothing of drafts.
        return get_object_or_404(inbox_queryset(), pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse(self.index_url_name),
                "label": capfirst(GuestSubmission._meta.verbose_name_plural),
            },
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def make_form(self, action, data=None):
        form_class, _statuses = ACTIONS[action]
        kwargs = {"user": self.request.user} if form_class is AcceptForm else {}
        return form_class(data, prefix=action, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        forms_by_action = {
            action: self.make_form(action)
            for action, (_form, statuses) in ACTIONS.items()
            if self.object.status in statuses
        }
        forms_by_action.update(kwargs.get("bound_forms", {}))
        context.update(
            submission=self.object,
            decision_forms=forms_by_action,
            action_url=reverse(self.edit_url_name, args=[self.object.pk]),
        )
        if self.object.article_page_id:
            context["article_edit_url"] = reverse(
                "wagtailadmin_pages:edit", args=[self.object.article_page_id]
            )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action not in ACTIONS:
            messages.error(request, _("Choose what to do with the submission."))
            return redirect(request.path)
        form = self.make_form(action, request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(bound_forms={action: form}))
        try:
            with transaction.atomic():
                # Locked: two editors deciding at once, or one form sent twice, decide once.
                submission = GuestSubmission.objects.select_for_update().get(pk=self.object.pk)
                if submission.status not in ACTIONS[action][1]:
                    messages.error(
                        request,
                        _("This submission is already “%(status)s”; nothing was changed.")
                        % {"status": submission.stage.label},
                    )
                    return redirect(request.path)
                page = getattr(self, f"do_{action}")(submission, form.cleaned_data)
        except MAIL_ERRORS:
            messages.error(
                request,
                _("The email to the guest could not be sent, so nothing was changed. Try again."),
            )
            return redirect(request.path)
        except CannotAccept as refusal:
            messages.error(request, refusal.message)
            return redirect(request.path)
        if page is not None:
            messages.success(request, _("Accepted: the article draft is in its workflow."))
            return redirect("wagtailadmin_pages:edit", page.pk)
        messages.success(request, _("The guest has been told."))
        return redirect(reverse(self.index_url_name))

    def notify(self, submission, template):
        send_to_guest(
            submission.author.user,
            f"contributions/emails/{template}",
            {"submission": submission},
            self.request,
            links={
                "submission_url": ("contribute_detail", {"pk": submission.pk}),
                "dashboard_url": ("contribute_dashboard", {}),
            },
        )

    def do_request_changes(self, submission, data):
        self.answer_guest(submission, Status.CHANGES_REQUESTED, data["feedback"], "request_changes")
        self.notify(submission, "changes_requested")

    def do_decline(self, submission, data):
        self.answer_guest(submission, Status.DECLINED, data["reason"], "decline")
        self.notify(submission, "declined")

    def answer_guest(self, submission, status, words, action):
        """The piece goes back to its guest with the editor's words, kept in its history."""
        submission.status = status
        submission.feedback = words
        submission.save(update_fields=["status", "feedback", "updated_at"])
        log(
            submission,
            f"{LOG_ACTION_PREFIX}.{action}",
            user=self.request.user,
            data={"comment": words},
        )

    def do_accept(self, submission, data):
        submission.feedback = data["note"]
        page = accept_submission(submission, data["section"], self.request.user)
        log(
            submission,
            f"{LOG_ACTION_PREFIX}.accept",
            user=self.request.user,
            data={"comment": data["note"], "page_id": page.pk},
        )
        self.notify(submission, "accepted")
        return page


class GuestSubmissionViewSet(ModelViewSet):
    """Wagtail's model views for the inbox; its edit view is the decision page."""

    model = GuestSubmission
    name = "guest_submissions"
    icon = "mail"
    menu_label = _("Guest submissions")
    menu_order = 205
    add_to_admin_menu = True
    index_view_class = SubmissionIndexView
    edit_view_class = SubmissionReviewView
    inspect_view_class = SubmissionInspectView
    history_view_class = SubmissionHistoryView
    inspect_view_enabled = True
    copy_view_enabled = False
    # The policy refuses "add" to everyone and editors never rewrite a guest's text:
    # Wagtail's model form has no field to offer.
    form_fields = []
    filterset_class = SubmissionFilterSet
    search_fields = ["title"]
    list_display = [
        "title",
        "author",
        Column("stage", label=_("Status"), accessor=lambda submission: submission.stage.label),
        "language",
        DateColumn("submitted_at", label=_("Submitted")),
    ]
    inspect_view_fields = [
        "title", "author", "status", "language", "summary", "body", "image", "consent", "feedback",
        "article_page", "submitted_at", "updated_at",
    ]  # fmt: skip

    def get_permissions_to_register(self):
        # Groups are never offered the right to add a submission: no one has it.
        return super().get_permissions_to_register().exclude(codename="add_guestsubmission")
