from django.urls import path

from . import corrections, views

urlpatterns = [
    path("authors/<slug:slug>/", views.author_detail, name="author_detail"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic_detail"),
    path("search/", views.search, name="search"),
    path("corrections/", corrections.corrections_log, name="corrections"),
    path("corrections/feed/", corrections.CorrectionFeed(), name="corrections_feed"),
]
