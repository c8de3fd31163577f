"""The editor's invitation form in the admin: a Wagtail ViewSet gated by the contributions policy."""

import smtplib

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSet

from bilingual.languages import label_in, language_choices, language_codes
from bilingual.plain_text import refuse_invisible_characters

from ..guest_accounts import is_pending_guest
from ..invitations import invite_guest, send_invitation
from ..permissions import INVITE, guest_contribution_policy

MAIL_ERRORS = (smtplib.SMTPException, OSError)


class InviteGuestForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    language = forms.ChoiceField(
        label=_("Language of the invitation"),
        choices=language_choices,
        initial=settings.LANGUAGE_CODE,
    )

    pending_guest = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code in language_codes():  # the name first, in every language
            self.fields[f"name_{code}"] = forms.CharField(
                label=label_in(_("Name"), code),
                max_length=200,
                required=code == settings.LANGUAGE_CODE,
                validators=[refuse_invisible_characters],
            )
        self.order_fields([f"name_{code}" for code in language_codes()])

    def names(self) -> dict[str, str]:
        return {code: self.cleaned_data[f"name_{code}"] for code in language_codes()}

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        account = (
            get_user_model()
            .objects.filter(Q(email__iexact=email) | Q(username__iexact=email))
            .first()
        )
        if account is not None:
            if not is_pending_guest(account):
                raise forms.ValidationError(
                    _("This address already belongs to an account on the site.")
                )
            self.pending_guest = account
        return email


class InviteGuestView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Editors invite; inviting again someone who never used the link sends a new one."""

    permission_policy = guest_contribution_policy
    permission_required = INVITE
    template_name = "contributions/admin/invite_guest.html"
    page_title = _("Invite a guest author")
    header_icon = "mail"
    form_class = InviteGuestForm
    invite_url_name = None

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            if form.pending_guest is not None:
                send_invitation(form.pending_guest, self.request)
            else:
                invite_guest(
                    names=form.names(),
                    email=data["email"],
                    language=data["language"],
                    request=self.request,
                )
        except MAIL_ERRORS:
            form.add_error(
                None,
                _("The invitation email could not be sent, so nothing was saved. Try again later."),
            )
            return self.form_invalid(form)
        if form.pending_guest is not None:
            message = _("A new invitation link was sent to %(email)s.")
        else:
            message = _("%(email)s was invited as a guest author.")
        messages.success(self.request, message % {"email": data["email"]})
        return redirect(self.invite_url_name)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse(self.invite_url_name),
            submit_button_label=_("Send the invitation"),
            **kwargs,
        )


class GuestInvitationViewSet(ViewSet):
    """The invitation form, in the menu of those the policy lets invite."""

    name = "guest_invitations"
    icon = "mail"
    menu_label = _("Invite a guest author")
    menu_order = 215
    add_to_admin_menu = True
    permission_policy = guest_contribution_policy

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            permission_policy=self.permission_policy,
            header_icon=self.icon,
            invite_url_name=self.get_url_name("invite"),
            **kwargs,
        )

    @cached_property
    def invite_view(self):
        return self.construct_view(InviteGuestView)

    @cached_property
    def menu_item_class(self):
        def is_shown(menu_item, request):
            return self.permission_policy.user_has_permission(request.user, INVITE)

        return type("GuestInvitationMenuItem", (MenuItem,), {"is_shown": is_shown})

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("", self.invite_view, name="invite")]
