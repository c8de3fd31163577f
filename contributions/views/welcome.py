"""The invitation link on the public site: the guest chooses a password and is signed in."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import INTERNAL_RESET_SESSION_TOKEN, PasswordResetConfirmView
from django.shortcuts import resolve_url
from django.utils.translation import gettext_lazy as _

from ..forms import GuestPasswordForm
from ..guest_accounts import guest_profile
from ..invitations import invitation_tokens


class GuestWelcomeView(PasswordResetConfirmView):
    """The invitation link: a guest chooses a password, or learns why the link no longer opens."""

    token_generator = invitation_tokens
    form_class = GuestPasswordForm
    template_name = "contributions/welcome.html"
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
