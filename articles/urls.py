from django.urls import include, path

from . import guest_views, views

urlpatterns = [
    path("authors/<slug:slug>/", views.author_detail, name="author_detail"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic_detail"),
    path("search/", views.search, name="search"),
    # The guest-author area.
    path("contribute/", guest_views.dashboard, name="contribute_dashboard"),
    path("contribute/login/", guest_views.GuestLoginView.as_view(), name="contribute_login"),
    path("contribute/logout/", guest_views.GuestLogoutView.as_view(), name="contribute_logout"),
    path("contribute/profile/", guest_views.profile, name="contribute_profile"),
    path("contribute/new/", guest_views.submission_create, name="contribute_new"),
    path("contribute/<int:pk>/", guest_views.submission_detail, name="contribute_detail"),
    path("contribute/<int:pk>/edit/", guest_views.submission_edit, name="contribute_edit"),
    path("contribute/welcome/", include("authors.urls")),
]
