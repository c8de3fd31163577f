"""The guest-author area, under /<lang>/contribute/: the pieces, the profile, logging in, the welcome link."""

from django.urls import path

from .views import guest_area
from .views.welcome import GuestWelcomeView

urlpatterns = [
    path("contribute/", guest_area.dashboard, name="contribute_dashboard"),
    path("contribute/login/", guest_area.GuestLoginView.as_view(), name="contribute_login"),
    path("contribute/logout/", guest_area.GuestLogoutView.as_view(), name="contribute_logout"),
    path("contribute/profile/", guest_area.profile, name="contribute_profile"),
    path("contribute/new/", guest_area.submission_create, name="contribute_new"),
    path("contribute/<int:pk>/", guest_area.submission_detail, name="contribute_detail"),
    path("contribute/<int:pk>/edit/", guest_area.submission_edit, name="contribute_edit"),
    path("contribute/welcome/<uidb64>/<token>/", GuestWelcomeView.as_view(), name="guest_welcome"),
]
