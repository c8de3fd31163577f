import pytest
from django.core.cache import cache
from django.utils import translation

from articles.factories import ArticleIndexPageFactory
from portal.factories import make_site_home


@pytest.fixture(autouse=True)
def _clean_state():
    """Site root paths are cached per language: never let one test see another's site."""
    cache.clear()
    with translation.override("en"):
        yield
    cache.clear()


@pytest.fixture
def home_page(db):
    return make_site_home()


@pytest.fixture
def section(home_page):
    return ArticleIndexPageFactory(parent=home_page, title_en="News", title_mn="Мэдээ", slug="news")
