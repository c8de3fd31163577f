from django.urls import path

from . import views

urlpatterns = [
    # Not under a language prefix: it leads into either language.
    path("language/<str:code>/", views.choose_language, name="choose_language"),
]
