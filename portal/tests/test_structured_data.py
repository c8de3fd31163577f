"""What search engines and link previews read: JSON-LD on every kind of page, and OpenGraph
and Twitter card tags on every public page, in both languages and in the language of the
text shown."""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from PIL import Image

from articles.factories import ArticlePageFactory
from portal.structured_data import HEADLINE_LIMIT, cut_at_word

DIALOGUE = "/{lang}/analysis/mongolia-hosts-7th-ulaanbaatar-dialogue-on-northeast-asian-security/"
COPPER = "/{lang}/opinion/what-a-copper-deal-renegotiation-would-mean/"
LANGS = ("en", "mn")


def read(client, address):
    response = client.get(address)
    assert response.status_code == 200, address
    return BeautifulSoup(response.content, "html.parser")


def json_ld(page) -> dict:
    """Every JSON-LD item of the page by its @type (each must parse)."""
    items = [json.loads(s.string) for s in page.select('script[type="application/ld+json"]')]
    return {item["@type"]: item for item in items}


def meta(page) -> dict:
    """OpenGraph (property) and Twitter (name) tags; og:locale:alternate as a list."""
    tags = {}
    for tag in page.select("meta[property], meta[name^='twitter:']"):
        key = tag.get("property") or tag["name"]
        if key == "og:locale:alternate":
            tags.setdefault(key, []).append(tag["content"])
        else:
            tags[key] = tag["content"]
    return tags


class TestHeadlinesAreCutBetweenWords:
    def test_a_long_title_ends_on_a_whole_word_with_an_ellipsis(self):
        title = "Монгол Улс Зүүн хойд Азийн аюулгүй байдлын асуудлаарх Улаанбаатарын долоо дахь яриа хэлэлцээг зохион байгууллаа"
        cut = cut_at_word(title, HEADLINE_LIMIT)
        assert len(cut) <= HEADLINE_LIMIT
        assert cut == title[: len(cut) - 1] + "…"
        assert title[len(cut) - 1] == " "  # the next character was a space: no word was cut
        assert cut.endswith("зохион…")

    def test_short_titles_and_single_endless_words(self):
        assert cut_at_word("Short title", 110) == "Short title"
        assert cut_at_word("word " * 30, 20) == "word word word word…"
        endless = "x" * 200
        assert cut_at_word(endless, 110) == "x" * 109 + "…"


@pytest.mark.django_db
class TestTheDemoSite:
    @pytest.mark.parametrize("lang", LANGS)
    def test_a_news_article_has_every_field_search_engines_recommend(self, client, demo_site, lang):
        page = read(client, DIALOGUE.format(lang=lang))
        article = json_ld(page)["NewsArticle"]
        address = "http://testserver" + DIALOGUE.format(lang=lang)

        title = page.select_one("h1").get_text()
        if lang == "mn":  # 111 characters: cut after a whole word
            assert len(article["headline"]) <= HEADLINE_LIMIT < len(title)
            assert title.startswith(article["headline"].removesuffix("…") + " ")
        else:
            assert article["headline"] == title
        assert article["inLanguage"] == lang
        assert article["url"] == article["mainEntityOfPage"]["@id"] == address
        assert article["datePublished"].startswith("2022-06-29")
        assert article["dateModified"] >= article["datePublished"]
        publisher = article["publisher"]
        assert (
            publisher["name"]
            == {"en": "Mongolia News Portal", "mn": "Монголын мэдээний портал"}[lang]
        )
        assert publisher["logo"]["url"] == "http://testserver/static/img/logo.png"
        (image,) = article["image"]
        assert image["url"].startswith("http://testserver/media/images/")
        assert image["width"] == 1200
        author_box = page.select_one(".author-box__name a")
        assert article["author"] == [
            {
                "@type": "Person",
                "name": author_box.get_text(),
                "url": "http://testserver" + author_box["href"],
                "jobTitle": page.select_one(".author-box__credentials").get_text(),
            }
        ]
        assert article["isBasedOn"]["url"] == page.select_one(".article__source a")["href"]
        assert article["isBasedOn"]["publisher"]["name"] == "The Diplomat"

    @pytest.mark.parametrize("lang", LANGS)
    def test_an_article_has_its_breadcrumbs(self, client, demo_site, lang):
        crumbs = json_ld(read(client, DIALOGUE.format(lang=lang)))["BreadcrumbList"]
        names = [item["name"] for item in crumbs["itemListElement"]]
        addresses = [item["item"] for item in crumbs["itemListElement"]]
        assert names[:2] == {"en": ["Home", "Analysis"], "mn": ["Нүүр", "Дүн шинжилгээ"]}[lang]
        assert addresses == [
            f"http://testserver/{lang}/",
            f"http://testserver/{lang}/analysis/",
            "http://testserver" + DIALOGUE.format(lang=lang),
        ]
        assert [item["position"] for item in crumbs["itemListElement"]] == [1, 2, 3]

    def test_an_untranslated_story_speaks_the_language_of_its_text(self, client, demo_site):
        page = read(client, COPPER.format(lang="mn"))
        article = json_ld(page)["NewsArticle"]
        tags = meta(page)

        assert article["inLanguage"] == "en"
        assert article["headline"] == "What a copper deal renegotiation would mean"
        assert tags["og:locale"] == "en_GB"
        assert "og:locale:alternate" not in tags  # it exists in no other language
        assert tags["og:url"] == article["url"] == "http://testserver" + COPPER.format(lang="en")
        # The page's chrome stays Mongolian.
        assert article["publisher"]["name"] == "Монголын мэдээний портал"

    def test_a_story_without_a_picture_shows_the_sites_image(self, client, demo_site):
        page = read(client, COPPER.format(lang="en"))
        (image,) = json_ld(page)["NewsArticle"]["image"]
        tags = meta(page)

        assert image["url"] == tags["og:image"] == "http://testserver/static/img/share-default.png"
        assert (image["width"], image["height"]) == (1200, 630)
        assert tags["twitter:card"] == "summary"
        assert tags["twitter:image"] == "http://testserver/static/img/logo.png"

    def test_a_story_with_a_picture_gets_the_large_card(self, client, demo_site):
        tags = meta(read(client, DIALOGUE.format(lang="en")))
        assert tags["twitter:card"] == "summary_large_image"
        assert tags["twitter:image"] == tags["og:image"]
        assert tags["og:image"].startswith("http://testserver/media/images/")
        assert tags["og:type"] == "article"
        assert tags["og:locale"] == "en_GB" and tags["og:locale:alternate"] == ["mn_MN"]

    @pytest.mark.parametrize("lang", LANGS)
    def test_the_home_page_names_the_publisher_and_its_search(self, client, demo_site, lang):
        items = json_ld(read(client, f"/{lang}/"))
        organization, website = items["NewsMediaOrganization"], items["WebSite"]

        assert organization["logo"]["url"] == "http://testserver/static/img/logo.png"
        assert organization["url"] == website["url"] == f"http://testserver/{lang}/"
        assert website["publisher"] == {"@id": organization["@id"]}
        assert website["inLanguage"] == lang
        action = website["potentialAction"]
        assert action["@type"] == "SearchAction"
        assert action["query-input"] == "required name=search_term_string"
        template = action["target"]["urlTemplate"]
        assert template == f"http://testserver/{lang}/search/?q={{search_term_string}}"
        # The template really searches.
        found = read(client, template.replace("{search_term_string}", "Ulaanbaatar"))
        assert found.select(".card")

    @pytest.mark.parametrize(
        ("address", "kind", "name"),
        [
            ("/en/analysis/", "CollectionPage", "Analysis"),
            ("/mn/analysis/", "CollectionPage", "Дүн шинжилгээ"),
            ("/en/topics/security/", "CollectionPage", "Security"),
            ("/mn/topics/security/", "CollectionPage", "Аюулгүй байдал"),
            ("/en/headlines/mn/", "CollectionPage", "Headlines in Mongolian"),
            ("/mn/headlines/en/", "CollectionPage", None),
        ],
    )
    def test_listings_are_collection_pages(self, client, demo_site, address, kind, name):
        page = read(client, address)
        item = json_ld(page)[kind]
        assert item["url"] == "http://testserver" + address
        assert item["inLanguage"] == address[1:3]
        assert item["name"] == (name or page.select_one("h1").get_text(strip=True))
        assert meta(page)["og:title"] == item["name"]

    @pytest.mark.parametrize("lang", LANGS)
    def test_an_author_page_is_a_profile_page(self, client, demo_site, lang):
        page = read(client, f"/{lang}/authors/bolor-lkhaajav/")
        profile = json_ld(page)["ProfilePage"]
        person = profile["mainEntity"]

        assert person["@type"] == "Person"
        assert person["name"] == page.select_one("h1").get_text(strip=True)
        assert (
            person["url"] == profile["url"] == f"http://testserver/{lang}/authors/bolor-lkhaajav/"
        )
        assert person["description"].startswith(page.select_one(".author-box__bio").get_text()[:50])
        assert person["image"]["url"].startswith("http://testserver/media/images/")
        assert meta(page)["og:type"] == "profile"

    @pytest.mark.parametrize(
        "address",
        [
            "/{lang}/",
            "/{lang}/news/",
            DIALOGUE,
            COPPER,
            "/{lang}/topics/security/",
            "/{lang}/authors/bolor-lkhaajav/",
            "/{lang}/headlines/en/",
            "/{lang}/search/?q=census",
            "/{lang}/contribute/login/",
        ],
    )
    @pytest.mark.parametrize("lang", LANGS)
    def test_every_public_page_has_a_link_preview(self, client, demo_site, address, lang):
        page = read(client, address.format(lang=lang))
        tags = meta(page)
        for key in (
            "og:title",
            "og:description",
            "og:type",
            "og:url",
            "og:image",
            "og:locale",
            "og:site_name",
            "twitter:card",
            "twitter:title",
            "twitter:description",
            "twitter:image",
        ):
            assert tags.get(key), (key, address)
        assert tags["og:url"].startswith("http://testserver/")
        assert "?" not in tags["og:url"]  # no query string: not the page's address
        assert (
            tags["og:site_name"]
            == {"en": "Mongolia News Portal", "mn": "Монголын мэдээний портал"}[lang]
        )
        assert len(page.select('meta[property="og:title"]')) == 1  # one set, not two


@pytest.mark.django_db
class TestNothingBreaksOutOfTheScript:
    def test_a_title_closing_the_script_stays_data(self, client, section):
        title = 'Why "</script><script>alert(1)</script>" & <!-- breaks pages'
        ArticlePageFactory(
            parent=section, slug="hostile", title_en=title, summary_en="Ends </script> here"
        )

        response = client.get("/en/news/hostile/")
        html = response.content.decode()
        page = BeautifulSoup(html, "html.parser")

        scripts = page.select('script[type="application/ld+json"]')
        assert len(scripts) == 2  # NewsArticle and BreadcrumbList, no injected third
        assert not page.select("script:not([type])")
        article = json_ld(page)["NewsArticle"]
        assert article["headline"] == title
        assert article["description"] == "Ends </script> here"
        for script in scripts:
            assert "<" not in script.string and ">" not in script.string


class TestBrandImages:
    def test_the_logo_and_default_image_are_pngs_of_their_declared_size(self):
        for path, size in (("img/logo.png", (512, 512)), ("img/share-default.png", (1200, 630))):
            with Image.open(finders.find(path)) as image:
                assert (image.format, image.size) == ("PNG", size)
