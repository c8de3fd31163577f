"""A reader's path through the site in a real Chromium: headlines, an article, Mongolian."""

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reader_reads_headlines_then_the_article_in_mongolian(live_server, browser_page):
    call_command("load_demo", verbosity=0)
    tab = browser_page

    tab.goto(f"{live_server.url}/en/")

    english_items = tab.locator("ol.headline-list__items[lang=en] > li")
    mongolian_items = tab.locator("ol.headline-list__items[lang=mn] > li")
    assert english_items.count() == 10 and mongolian_items.count() == 10
    first = " ".join(english_items.first.inner_text().split())
    assert first == (
        "D. DALAIJARGAL: URANIUM MINING PROJECT ADVANCES FAST WITH FRENCH FUNDING "
        "WWW.MONGOLIANMININGJOURNAL.COM PUBLISHED:2025/12/05"
    )
    # The lists are numbered: the browser renders them as a decimal ordered list.
    style = english_items.first.evaluate("li => getComputedStyle(li).listStyleType")
    assert style == "decimal"
    assert "НИЙТЭЛСЭН:2025/12/05" in mongolian_items.first.inner_text()

    tab.get_by_role("link", name="Mongolia Hosts 7th Ulaanbaatar Dialogue").first.click()
    tab.wait_for_url("**/en/analysis/mongolia-hosts-7th-**")
    assert tab.locator("h1").inner_text().startswith("Mongolia Hosts 7th Ulaanbaatar Dialogue")
    assert tab.locator(".author-box__label").inner_text() == "GUEST AUTHOR"
    assert tab.locator(".article__published").inner_text() == "Published 2022-06-29"

    tab.locator(".language-switcher a[hreflang=mn]").click()
    tab.wait_for_url("**/mn/analysis/mongolia-hosts-7th-**")
    assert tab.locator("html").get_attribute("lang") == "mn"
    assert tab.locator("h1").inner_text().startswith("Монгол Улс Зүүн хойд Азийн")
    assert tab.locator(".author-box__label").inner_text() == "ЗОЧИН НИЙТЛЭЛЧ"
    assert tab.locator(".author-box__name").inner_text() == "Лхаажавын Болор"
    assert tab.locator(".article__published").inner_text() == "Нийтэлсэн 2022 оны 6 дугаар сарын 29"
