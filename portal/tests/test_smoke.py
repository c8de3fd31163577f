import pytest
from django.utils import translation

from articles.factories import ArticlePageFactory


@pytest.mark.django_db
def test_article_is_served_in_both_languages(client, section):
    article = ArticlePageFactory(parent=section, title_en="Hello", title_mn="Сайн уу", slug="hello")
    english = client.get("/en/news/hello/")
    mongolian = client.get("/mn/news/hello/")
    assert "Hello" in english.content.decode()
    assert "Сайн уу" in mongolian.content.decode()
    with translation.override("mn"):
        assert article.url == "/mn/news/hello/"
