from django.urls import path

from . import views

urlpatterns = [
    path("authors/<slug:slug>/", views.author_detail, name="author_detail"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic_detail"),
]
