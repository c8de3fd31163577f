"""One sitemap entry per page and language, with hreflang alternates between them."""

from django.contrib.sitemaps import Sitemap
from wagtail.models import Page

from bilingual.translated_content import TranslatedContent


class BilingualPageSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Page.objects.live().public().filter(depth__gt=1).specific().order_by("path")

    def get_languages_for_item(self, page):
        """Only the languages the page really exists in, as the hreflang links in pages say."""
        if isinstance(page, TranslatedContent):
            return page.translated_languages()
        return super().get_languages_for_item(page)

    def location(self, page):
        # Django calls this with each language active in turn.
        return page.get_url()

    def lastmod(self, page):
        return page.last_published_at
