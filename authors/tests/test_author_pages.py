"""Public author pages: a guest has one only once a piece of theirs is out for every reader."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from articles.factories import ArticlePageFactory
from articles.models import ArticleAuthor
from authors.factories import AuthorFactory
from authors.models import Author

pytestmark = pytest.mark.django_db
NOT_FOUND = {"en": "Page not found", "mn": "Хуудас олдсонгүй"}


def byline(author, page):
    ArticleAuthor.objects.create(page=page, author=author)
    return page


def invited_guest(make_user):
    """Invited and never through the welcome link: no password yet."""
    user = make_user("saruul@uni.example", email="saruul@uni.example")
    user.set_unusable_password()
    user.save()
    return AuthorFactory(user=user, kind=Author.Kind.GUEST, name_en="Saruul Bat", slug="saruul")


def assert_no_page(client, slug):
    for language, message in NOT_FOUND.items():
        response = client.get(f"/{language}/authors/{slug}/")
        assert response.status_code == 404
        assert message in response.content.decode()


class TestAuthorPages:
    def test_an_invited_guest_who_never_accepted_has_no_public_page(
        self, client, section, make_user
    ):
        invited_guest(make_user)

        assert_no_page(client, "saruul")

    def test_a_guest_whose_piece_is_still_a_draft_has_no_public_page(self, client, section):
        guest = AuthorFactory(slug="saruul")
        byline(guest, ArticlePageFactory(parent=section, title_en="Not yet", live=False))

        assert_no_page(client, "saruul")

    def test_a_guest_whose_only_piece_is_password_protected_has_no_public_page(
        self, client, section
    ):
        guest = AuthorFactory(slug="saruul")
        private = byline(guest, ArticlePageFactory(parent=section, title_en="Members only"))
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )

        assert_no_page(client, "saruul")

    def test_a_guest_with_a_published_piece_has_a_page_listing_only_public_pieces(
        self, client, section
    ):
        guest = AuthorFactory(slug="saruul", name_en="Saruul Bat", name_mn="Саруул Бат")
        byline(guest, ArticlePageFactory(parent=section, title_en="Herders and the dzud"))
        private = byline(guest, ArticlePageFactory(parent=section, title_en="Members only"))
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )

        page = BeautifulSoup(client.get("/mn/authors/saruul/").content, "html.parser")

        assert page.select_one(".author-box__name").get_text() == "Саруул Бат"
        assert [a.get_text() for a in page.select(".card__title a")] == ["Herders and the dzud"]

    def test_staff_keep_their_page_before_they_publish(self, client, section):
        AuthorFactory(slug="bolor", name_en="Bolor Lkhaajav", kind=Author.Kind.STAFF)

        response = client.get("/en/authors/bolor/")

        assert response.status_code == 200
        assert "Bolor Lkhaajav" in response.content.decode()
