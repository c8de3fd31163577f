"""The editor's invitation form in the admin, and the guest's welcome page on the public site."""

import smtplib

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.views import INTERNAL_RESET_SESSION_TOKEN, PasswordResetConfirmView
from django.db.models import Q
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .guest_accounts import guest_profile, is_pending_guest
from .invitations import INVITE_PERMISSION, invitation_tokens, invite_guest, send_invitation

MAIL_ERRORS = (smtplib.SMTPException, OSError)


class InviteGuestForm(forms.Form):
    name_en = forms.CharField(label=_("Name in English"), max_length=200)
    name_mn = forms.CharField(label=_("Name in Mongolian"), max_length=200, required=False)
    email = forms.EmailField(label=_("Email address"))
    language = forms.ChoiceField(
        label=_("Language of the invitation"), choices=settings.LANGUAGES, initial="en"
    )

    pending_guest = None

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


class InviteGuestView(WagtailAdminTemplateMixin, FormView):
    """Editors invite; inviting again someone who never used the link sends a new one."""

    template_name = "authors/admin/invite_guest.html"
    page_title = _("Invite a guest author")
    header_icon = "mail"
    form_class = InviteGuestForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(INVITE_PERMISSION):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            if form.pending_guest is not None:
                send_invitation(form.pending_guest, self.request)
            else:
                invite_guest(
                    name_en=data["name_en"],
                    name_mn=data["name_mn"],
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
        return redirect("invite_guest_author")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse("invite_guest_author"),
            submit_button_label=_("Send the invitation"),
            **kwargs,
        )


class GuestPasswordForm(SetPasswordForm):
    """Django's set-password form with the portal's own labels, translated with the rest."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("Choose a password")
        self.fields["new_password2"].label = _("The same password again")


class GuestWelcomeView(PasswordResetConfirmView):
    """The invitation link: a guest chooses a password, or learns why the link no longer opens."""

    token_generator = invitation_tokens
    form_class = GuestPasswordForm
    template_name = "authors/welcome.html"
    title = _("Welcome")
    post_reset_login = True
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        return user if guest_profile(user) is not None else None

    def get_success_url(self):
        return resolve_url(settings.LOGIN_REDIRECT_URL)

    def form_valid(self, form):
        messages.success(self.request, _("Your password is set. Welcome!"))
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.validlink:
            token = self.kwargs["token"]
            if token == self.reset_url_token:
                token = self.request.session.get(INTERNAL_RESET_SESSION_TOKEN)
            context["problem"] = self.token_generator.link_problem(self.user, token)
            context["title"] = _("This link does not open")
        return context
