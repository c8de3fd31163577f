import datetime

from django.urls import path, register_converter

from bilingual.languages import Language, get_language_info

from .feeds import HeadlineFeed
from .views import archive


class DayConverter:
    """`2025-12-05` in a URL; impossible dates do not match (so they are a 404)."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value):
        return datetime.date.fromisoformat(value)

    def to_url(self, value):
        return value.isoformat() if isinstance(value, datetime.date) else str(value)


class ListLanguageConverter:
    """A list's language code in a URL, read as its `Language`; codes the table lacks are a 404.

    The table is read on each request (not frozen into the regex), so the lists follow
    `settings.LANGUAGES` wherever it is changed.
    """

    regex = r"[a-z]{2,3}(?:-[a-z0-9]+)?"

    def to_python(self, value) -> Language:
        try:
            return get_language_info(value)
        except LookupError:
            raise ValueError(value) from None

    def to_url(self, value) -> str:
        code = value.code if isinstance(value, Language) else str(value)
        self.to_python(code)  # reversing a list that does not exist is an error
        return code


app_name = "headlines"

register_converter(DayConverter, "headline_day")
register_converter(ListLanguageConverter, "list_language")

urlpatterns = [
    path("headlines/", archive.archive_home, name="archive_home"),
    path("headlines/<list_language:list_language>/", archive.archive, name="archive"),
    path(
        "headlines/<list_language:list_language>/<headline_day:day>/",
        archive.archive,
        name="archive_day",
    ),
    path("headlines/<list_language:list_language>/feed/", HeadlineFeed(), name="feed"),
]
