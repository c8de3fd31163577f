import pytest
from bs4 import BeautifulSoup

from articles.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

DIALOGUE = "/{}/analysis/mongolia-hosts-7th-ulaanbaatar-dialogue-on-northeast-asian-security/"


def soup_of(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser")


def text(soup, selector):
    return " ".join(soup.select_one(selector).get_text().split())


class TestTheDemoArticle:
    """The demo site's bilingual article, built once for the class."""

    def test_english_article_shows_the_seed_page(self, client, demo_site):
        page = soup_of(client, DIALOGUE.format("en"))

        assert (
            text(page, "h1")
            == "Mongolia Hosts 7th Ulaanbaatar Dialogue on Northeast Asian Security"
        )
        # Above the headline the section, under it the dek, the byline and the labelled source.
        kicker = page.select_one(".article__header .article__kicker a")
        assert (kicker.get_text(), kicker["href"]) == ("Analysis", "/en/analysis/")
        assert text(page, ".byline__authors") == "By Bolor Lkhaajav"
        assert page.select_one(".byline__authors a")["href"] == "/en/authors/bolor-lkhaajav/"
        assert page.select_one(".byline .byline__photo") is not None
        assert text(page, ".byline__meta").startswith("Published 2022-06-29 · ")
        assert text(page, ".byline__meta").endswith("min read")
        assert text(page, ".article__header .article__source") == (
            "Originally published by The Diplomat"
        )
        source = page.select_one(".article__source a")
        assert source["href"].startswith("https://www.thediplomat.com/2022/06/")
        assert text(page, ".article__summary").startswith("After a two-year pause")
        assert "A forum built on neutrality" in text(page, ".article__body")
        assert "Ulaanbaatar Dialogue brings officials" in text(
            page, ".article__lead-image figcaption"
        )
        assert page.select_one(".article__lead-image img")["src"].endswith(".png")
        assert text(page, ".author-box__label") == "GUEST AUTHOR"
        assert text(page, ".author-box__name") == "Bolor Lkhaajav"
        assert text(page, ".author-box__credentials").startswith("M.A. in Asia-Pacific Studies")
        assert text(page, ".author-box__bio").startswith(
            "Bolor Lkhaajav is a researcher specializing"
        )
        assert page.select_one(".author-box__photo") is not None
        assert text(page, ".article__published") == "Published 2022-06-29"
        assert (
            text(page, ".article__republication") == "Republished with permission from The Diplomat"
        )
        topics = [a.get_text() for a in page.select(".article__topics a")]
        assert sorted(topics) == ["Foreign policy", "Northeast Asia", "Security"]

    def test_mongolian_article_is_translated_throughout(self, client, demo_site):
        page = soup_of(client, DIALOGUE.format("mn"))

        assert page.html["lang"] == "mn"
        assert text(page, "h1").startswith("Монгол Улс Зүүн хойд Азийн аюулгүй байдлын")
        assert text(page, ".article__summary").startswith("Хоёр жилийн завсарлагааны дараа")
        assert "Төвийг сахисан байр суурин" in text(page, ".article__body")
        assert text(page, ".author-box__label") == "ЗОЧИН НИЙТЛЭЛЧ"
        assert text(page, ".author-box__name") == "Лхаажавын Болор"
        assert text(page, ".author-box__bio").startswith("Лхаажавын Болор нь Монгол, Хятад")
        assert text(page, ".article__published") == "Нийтэлсэн 2022 оны 6 дугаар сарын 29"
        kicker = page.select_one(".article__header .article__kicker a")
        assert (kicker.get_text(), kicker["href"]) == ("Дүн шинжилгээ", "/mn/analysis/")
        assert text(page, ".byline__authors") == "Нийтлэлч: Лхаажавын Болор"
        assert text(page, ".byline__meta").endswith("минут унших")
        assert text(page, ".article__header .article__source") == "Анх нийтлэгдсэн: The Diplomat"
        assert page.select_one(".article__source a")["href"].startswith(
            "https://www.thediplomat.com/"
        )
        assert text(page, ".article__republication") == (
            "The Diplomat-аас зөвшөөрөлтэйгээр дахин нийтлэв"
        )
        assert sorted(a.get_text() for a in page.select(".article__topics a")) == [
            "Аюулгүй байдал",
            "Гадаад бодлого",
            "Зүүн хойд Ази",
        ]
        # Nothing in the article falls back to English, so nothing is marked as such (a
        # related story's card may be English, marked so).
        assert page.select(".article [lang=en]") == []
        alternates = {link["hreflang"] for link in page.select("link[rel=alternate][hreflang]")}
        assert alternates == {"en", "mn", "x-default"}

    def test_article_announces_itself_to_search_engines_and_social_sites(self, client, demo_site):
        import json

        page = soup_of(client, DIALOGUE.format("mn"))

        data = json.loads(page.select_one("script[type='application/ld+json']").string)
        assert data["@type"] == "NewsArticle"
        assert data["headline"].startswith("Монгол Улс Зүүн хойд Азийн")
        assert data["inLanguage"] == "mn"
        assert data["datePublished"].startswith("2022-06-29")
        assert data["author"][0]["name"] == "Лхаажавын Болор"
        assert data["isBasedOn"]["url"].startswith("https://www.thediplomat.com/")
        assert data["image"][0]["url"].startswith("http://testserver/")
        og = {tag["property"]: tag["content"] for tag in page.select("meta[property]")}
        assert og["og:type"] == "article"
        assert og["og:locale"] == "mn_MN"
        # The headline is cut between words, the preview's title is whole.
        assert og["og:title"].startswith(data["headline"].removesuffix("…"))
        assert page.select_one("link[rel=canonical]")["href"] == "http://testserver" + (
            DIALOGUE.format("mn")
        )


class TestArticlesInNews:
    """Articles each test adds to the News section, built once for the class."""

    def test_untranslated_article_falls_back_to_english_marked_with_lang(self, client, section):
        ArticlePageFactory(
            parent=section,
            slug="only-english",
            title_en="Only in English",
            summary_en="English summary.",
            body_en=[("paragraph", "<p>English body.</p>")],
        )

        page = soup_of(client, "/mn/news/only-english/")

        title = page.select_one("h1")
        assert title.get_text() == "Only in English" and title["lang"] == "en"
        assert page.select_one(".article__summary")["lang"] == "en"
        body = page.select_one(".article__body")
        assert body["lang"] == "en" and "English body." in body.get_text()
        assert text(page, ".notice") == "Орчуулагдаагүй"
        # The Mongolian item does not really exist: no Mongolian alternate is announced.
        alternates = {link["hreflang"] for link in page.select("link[rel=alternate][hreflang]")}
        assert alternates == {"en", "x-default"}

    def test_partly_translated_article_marks_only_the_missing_fields(self, client, section):
        ArticlePageFactory(
            parent=section,
            slug="partly",
            title_en="Partly translated",
            title_mn="Хэсэгчлэн орчуулсан",
            summary_en="Only English summary.",
        )

        page = soup_of(client, "/mn/news/partly/")

        assert page.select_one("h1").get_text() == "Хэсэгчлэн орчуулсан"
        assert not page.select_one("h1").has_attr("lang")
        assert page.select_one(".article__summary")["lang"] == "en"

    def test_english_reader_of_mongolian_only_text_sees_it_marked_mn(self, client, section):
        ArticlePageFactory(
            parent=section,
            slug="mongolian-body",
            title_en="Working title",
            title_mn="Монгол гарчиг",
            summary_mn="Монгол товч.",
            summary_en="",
            body_en=[],
            body_mn=[("paragraph", "<p>Монгол бичвэр.</p>")],
        )

        page = soup_of(client, "/en/news/mongolian-body/")

        body = page.select_one(".article__body")
        assert body["lang"] == "mn" and "Монгол бичвэр." in body.get_text()
        assert page.select_one(".article__summary")["lang"] == "mn"

    def test_embed_that_cannot_be_fetched_still_links_to_its_source(
        self, client, section, monkeypatch
    ):
        from wagtail.embeds import embeds
        from wagtail.embeds.exceptions import EmbedNotFoundException

        def unreachable(*args, **kwargs):
            raise EmbedNotFoundException

        monkeypatch.setattr(embeds, "get_embed", unreachable)
        ArticlePageFactory(
            parent=section,
            slug="with-embed",
            body_en=[("embed", "https://www.youtube.com/watch?v=abc")],
        )

        page = soup_of(client, "/en/news/with-embed/")

        link = page.select_one(".article__body .embed a")
        assert link["href"] == "https://www.youtube.com/watch?v=abc"

    def test_structured_data_cannot_be_broken_out_of(self, client, section):
        ArticlePageFactory(
            parent=section, slug="sneaky", title_en="</script><script>alert(1)</script>"
        )

        html = client.get("/en/news/sneaky/").content.decode()

        assert "<script>alert(1)" not in html
