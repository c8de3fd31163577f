from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from articles.models import ArticlePage, article_cards
from bilingual.page_form import HousePageForm
from bilingual.slugs import AsciiSlugMixin
from bilingual.translated_content import TranslatedContent
from headlines.lists import front_page_lists

LATEST_ARTICLES_ON_HOME = 6


class HomePage(TranslatedContent, AsciiSlugMixin, Page):
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

    def chosen_lead_article(self):
        """The editors' lead story, while it is live and open to every reader."""
        if not self.lead_article_id:
            return None
        return article_cards(ArticlePage.objects.filter(pk=self.lead_article_id)).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        latest = list(
            article_cards(ArticlePage.objects.descendant_of(self))[: LATEST_ARTICLES_ON_HOME + 1]
        )
        lead = self.chosen_lead_article()
        if lead is None:
            lead = latest[0] if latest else None
        context["lead_article"] = lead
        context["latest_articles"] = [a for a in latest if a.pk != getattr(lead, "pk", None)][
            :LATEST_ARTICLES_ON_HOME
        ]
        context["headline_lists"] = front_page_lists(request, self.headlines_per_list)
        return context
