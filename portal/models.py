from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from articles.listing_cache import ARTICLE_LISTINGS, ARTICLE_PARTS
from articles.models import ArticlePage, article_cards
from articles.routing import LeanReading
from bilingual.page_form import HousePageForm
from bilingual.slugs import AsciiSlugMixin
from bilingual.translated_content import TranslatedContent
from headlines.list_cache import HEADLINE_LISTS
from headlines.lists import front_page_lists

LATEST_ARTICLES_ON_HOME = 6


class HomePage(LeanReading, TranslatedContent, AsciiSlugMixin, Page):
    """The front page: the lead story, the latest articles and the two headline lists."""

    base_form_class = HousePageForm

    introduction = models.TextField(_("introduction"), blank=True)
    lead_article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("lead article"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to lead with the newest article."),
    )
    headlines_per_list = models.PositiveSmallIntegerField(_("headlines per list"), default=10)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("lead_article"),
        MultiFieldPanel([FieldPanel("headlines_per_list")], heading=_("Headlines")),
    ]
    subpage_types = ["articles.ArticleIndexPage"]
    max_count = 1
    translated_fields = ("title",)

    class Meta:
        verbose_name = _("home page")

    @cached_property
    def front_page_articles(self):
        """The lead story and the latest articles, with their cards, in one listing query:
        the editors' lead while it is live and open to every reader, else the newest.

        The newest are found first, on their own: inside the listing query (`pk IN (newest)
        OR pk = lead`) PostgreSQL tests every article against the list, 90 ms at 100,000."""
        cards = article_cards(ArticlePage.objects.descendant_of(self))
        wanted = list(cards.values_list("pk", flat=True)[: LATEST_ARTICLES_ON_HOME + 1])
        if self.lead_article_id:
            wanted.append(self.lead_article_id)
        found = list(cards.filter(pk__in=wanted))
        lead = next((a for a in found if a.pk == self.lead_article_id), None)
        if lead is None:
            lead = found[0] if found else None
        latest = [a for a in found if a is not lead][:LATEST_ARTICLES_ON_HOME]
        return lead, latest

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The cards are read only when their cached fragment is stale (home_page.html).
        context["front_page_version"] = f"{ARTICLE_LISTINGS.current()}:{ARTICLE_PARTS.current()}"
        # Read only when the cached lists (templates/portal/home_page.html) are stale.
        context["headline_lists"] = lambda: front_page_lists(request, self.headlines_per_list)
        context["headline_lists_version"] = HEADLINE_LISTS.current()
        return context
