"""Public addresses of the authors app, included under /<lang>/contribute/welcome/."""

from django.urls import path

from .invitation_views import GuestWelcomeView

urlpatterns = [
    path("<uidb64>/<token>/", GuestWelcomeView.as_view(), name="guest_welcome"),
]
