import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from articles.models import ArticlePage
from authors.factories import AuthorFactory
from headlines.models import Headline
from headlines.tests.admin_forms import new_headline_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, make_user):
    client.force_login(make_user("chief", is_superuser=True))
    return client


def article_form(author, **overrides):
    data = {
        "title_en": "Herders count their animals",
        "title_mn": "Малчид малаа тоолж байна",
        "slug": "",
        "summary_en": "The census starts on Sunday.",
        "summary_mn": "Тооллого ням гарагт эхэлнэ.",
        "body_en": streamfield([("paragraph", rich_text("<p>English body.</p>"))]),
        "body_mn": streamfield([("paragraph", rich_text("<p>Монгол бичвэр.</p>"))]),
        "article_authors": inline_formset([{"author": author.pk}]),
        "published_at": "2025-12-05 10:00",
        "original_source_name": "",
        "original_source_url": "",
        "lead_image_caption_en": "",
        "lead_image_caption_mn": "",
        "republication_note_en": "",
        "republication_note_mn": "",
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.mark.parametrize(
    "field, value",
    [
        ("url", "javascript:alert(1)"),
        ("url", "ftp://www.montsame.mn/file"),
        ("published_on", "2025-02-30"),
        ("published_on", "2025-13-01"),
    ],
)
def test_headline_with_bad_link_or_impossible_date_is_refused(editor_client, field, value):
    response = editor_client.post(
        "/admin/snippets/headlines/headline/add/", new_headline_form(**{field: value})
    )

    assert response.status_code == 200
    message = " ".join(response.context["form"].errors[field])
    expected = {
        "url": ("Enter a web address that starts with http:// or https://.", "Enter a valid URL."),
        "published_on": ("Enter a valid date.",),
    }[field]
    assert message in expected
    assert Headline.objects.count() == 0


def test_headline_errors_are_shown_in_the_editors_language(editor_client):
    profile = UserProfile.get_for_user(get_user_model().objects.get(username="chief"))
    profile.preferred_language = "mn"
    profile.save()

    response = editor_client.post(
        "/admin/snippets/headlines/headline/add/", new_headline_form(url="ftp://www.montsame.mn/")
    )

    assert "http:// эсвэл https://-ээр эхэлсэн вэб хаяг оруулна уу." in response.content.decode()
    assert Headline.objects.count() == 0


def test_valid_headline_is_saved(editor_client):
    response = editor_client.post("/admin/snippets/headlines/headline/add/", new_headline_form())

    assert response.status_code == 302
    headline = Headline.objects.get()
    assert headline.title_en == "FUEL SUPPLY STRENGTHENED"
    assert headline.source.domain == "www.montsame.mn"


class TestEditingInTheAdmin:
    """An editor adding and editing pages on one site, built once for the class."""

    def test_editor_creates_and_publishes_a_bilingual_article(self, editor_client, section):
        author = AuthorFactory()
        data = article_form(author, slug="herders-count", **{"action-publish": "publish"})

        response = editor_client.post(f"/admin/pages/add/articles/articlepage/{section.pk}/", data)

        assert response.status_code == 302, response.context["form"].errors
        article = ArticlePage.objects.get(slug="herders-count")
        assert article.live
        assert (article.title_en, article.title_mn) == (
            "Herders count their animals",
            "Малчид малаа тоолж байна",
        )
        assert article.summary_mn == "Тооллого ням гарагт эхэлнэ."
        assert "Монгол бичвэр." in article.body_mn[0].value.source
        assert article.authors == [author]
        assert (
            "Малчид малаа тоолж байна"
            in editor_client.get("/mn/news/herders-count/").content.decode()
        )

    def test_cyrillic_slug_is_transliterated_to_one_ascii_slug(self, editor_client, section):
        author = AuthorFactory()
        data = article_form(author, slug="Өмнөговь-Хөвсгөл")

        response = editor_client.post(f"/admin/pages/add/articles/articlepage/{section.pk}/", data)

        assert response.status_code == 302, response.context["form"].errors
        article = ArticlePage.objects.get(title_en="Herders count their animals")
        assert article.slug == "omnogovi-khovsgol"
        assert not article.live  # saved as a draft: no publish action was sent

    def test_editor_edits_only_the_mongolian_summary(self, editor_client, section):
        from articles.factories import ArticlePageFactory

        author = AuthorFactory()
        article = ArticlePageFactory(parent=section, slug="edit-me", title_en="Edit me")
        data = article_form(
            author,
            title_en="Edit me",
            title_mn="Намайг засаарай",
            slug="edit-me",
            summary_en="A short summary.",
            summary_mn="Шинэ товч агуулга.",
            **{"action-publish": "publish"},
        )

        response = editor_client.post(f"/admin/pages/{article.pk}/edit/", data)

        assert response.status_code == 302, response.context["form"].errors
        article.refresh_from_db()
        assert article.summary_en == "A short summary."
        assert article.summary_mn == "Шинэ товч агуулга."
        assert article.title_mn == "Намайг засаарай"
        assert article.revisions.count() == 1

    def test_article_without_a_date_takes_its_first_publication_time(self, editor_client, section):
        author = AuthorFactory()
        data = article_form(
            author, slug="undated", published_at="", **{"action-publish": "publish"}
        )

        response = editor_client.post(f"/admin/pages/add/articles/articlepage/{section.pk}/", data)

        assert response.status_code == 302, response.context["form"].errors
        article = ArticlePage.objects.get(slug="undated")
        assert article.published_at == article.first_published_at
        byline = article.article_authors.get()
        data = article_form(
            author,
            slug="undated",
            published_at="",
            article_authors=inline_formset([{"id": byline.pk, "author": author.pk}], initial=1),
            **{"action-publish": "publish"},
        )
        editor_client.post(f"/admin/pages/{article.pk}/edit/", data)
        article.refresh_from_db()
        assert article.published_at == article.first_published_at

    def test_same_author_twice_in_a_byline_is_refused_not_a_server_error(
        self, editor_client, section
    ):
        author = AuthorFactory()
        data = article_form(
            author,
            slug="twice",
            article_authors=inline_formset([{"author": author.pk}, {"author": author.pk}]),
        )

        response = editor_client.post(f"/admin/pages/add/articles/articlepage/{section.pk}/", data)

        assert response.status_code == 200
        assert not ArticlePage.objects.filter(slug="twice").exists()

    @pytest.mark.parametrize("slug", ["search", "authors", "headlines", "contribute", "topics"])
    def test_a_section_cannot_take_an_address_the_site_uses(self, editor_client, home_page, slug):
        from articles.models import ArticleIndexPage

        data = nested_form_data(
            {
                "title_en": "Clashing section",
                "title_mn": "",
                "slug": slug,
                "introduction_en": "",
                "introduction_mn": "",
                "comments": inline_formset([]),
            }
        )

        response = editor_client.post(
            f"/admin/pages/add/articles/articleindexpage/{home_page.pk}/", data
        )

        assert response.status_code == 200
        assert "is used by the site itself" in " ".join(response.context["form"].errors["slug"])
        assert not ArticleIndexPage.objects.filter(slug=slug).exists()

    def test_the_same_word_is_fine_deeper_in_the_site(self, editor_client, section):
        author = AuthorFactory()

        response = editor_client.post(
            f"/admin/pages/add/articles/articlepage/{section.pk}/",
            article_form(author, slug="search"),
        )

        assert response.status_code == 302, response.context["form"].errors
        assert ArticlePage.objects.filter(slug="search").exists()
