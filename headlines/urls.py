from django.urls import path, register_converter

from . import views
from .feeds import HeadlineFeed

app_name = "headlines"

register_converter(views.DayConverter, "headline_day")
register_converter(views.ListLanguageConverter, "list_language")

urlpatterns = [
    path("headlines/", views.archive_home, name="archive_home"),
    path("headlines/<list_language:list_language>/", views.archive, name="archive"),
    path(
        "headlines/<list_language:list_language>/<headline_day:day>/",
        views.archive,
        name="archive_day",
    ),
    path("headlines/<list_language:list_language>/feed/", HeadlineFeed(), name="feed"),
]
