from urllib.parse import urlsplit

from django import forms
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from bilingual.languages import (
    current_language,
    get_language_info,
    has_content,
    language_codes,
    localized,
    localized_names,
)
from bilingual.page_form import HousePageForm
from bilingual.pagination import ListingPaginator
from bilingual.panels import TranslationStatusPanel
from bilingual.plain_text import refuse_invisible_characters
from bilingual.slugs import AsciiSlugMixin
from bilingual.translated_content import TranslatedContent

from .blocks import ArticleBodyBlock
from .listing_cache import ARTICLE_LISTINGS, ARTICLE_PARTS, count_key
from .renditions import prefetch_card_renditions
from .routing import LeanReading

ARTICLES_PER_PAGE = 10


class Topic(models.Model):
    """A subject that articles are filed under, named in both languages."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=False)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["slug"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return str(localized(self, "name"))


def article_cards(queryset):
    """Live articles anyone may read, with everything a card shows, in a fixed number of
    queries. A password- or login-protected story never shows up in a listing."""
    return (
        queryset.live()
        .public()
        .select_related("lead_image")
        .prefetch_related(prefetch_card_renditions("lead_image"), "article_authors__author")
        # A card shows no body: leave the bodies (most of a row) in the table, unsorted.
        .defer_streamfields()
        .order_by("-published_at", "-pk")
    )


class ArticleIndexPage(LeanReading, TranslatedContent, AsciiSlugMixin, Page):
    """A section of the site (News, Analysis, Opinion) listing its articles."""

    base_form_class = HousePageForm

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    subpage_types = ["articles.ArticlePage"]
    parent_page_types = ["portal.HomePage"]
    translated_fields = ("title",)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = article_cards(ArticlePage.objects.child_of(self))
        context["articles"] = ListingPaginator(
            articles, ARTICLES_PER_PAGE, count_cache_key=count_key("section", self.pk)
        ).page_for_reader(request)
        return context


class ArticlePage(LeanReading, TranslatedContent, AsciiSlugMixin, Page):
    """A story, often republished from another outlet with its guest author's profile."""

    base_form_class = HousePageForm

    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences under the title.")
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_caption = models.CharField(_("lead image caption"), max_length=255, blank=True)
    lead_image_credit = models.CharField(_("lead image credit"), max_length=255, blank=True)
    published_at = models.DateTimeField(
        _("published at"),
        null=True,
        blank=True,
        help_text=_(
            "When the story first appeared, on the original site if republished. "
            "Leave empty to use the moment it is first published here."
        ),
    )
    topics = ParentalManyToManyField(Topic, verbose_name=_("topics"), blank=True)
    original_source_name = models.CharField(_("original source"), max_length=200, blank=True)
    original_source_url = models.URLField(_("original address"), max_length=1000, blank=True)
    republication_permitted = models.BooleanField(
        _("republication permitted"),
        default=False,
        help_text=_("Tick when the original publisher has allowed us to republish."),
    )
    republication_note = models.TextField(_("republication note"), blank=True)

    content_panels = Page.content_panels + [
        TranslationStatusPanel(),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_caption"),
                FieldPanel("lead_image_credit"),
            ],
            heading=_("Lead image"),
        ),
        FieldPanel("body"),
        InlinePanel("article_authors", label=_("Authors"), min_num=0),
        FieldPanel("topics"),
        MultiFieldPanel(
            [
                FieldPanel("published_at"),
                FieldPanel("original_source_name"),
                FieldPanel("original_source_url"),
                FieldPanel("republication_permitted"),
                FieldPanel("republication_note"),
            ],
            heading=_("Original publication"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        # Mongolian adds endings to words (Улаанбаатар-ын): match the start of a word too.
        *[index.AutocompleteField(name) for name in localized_names(("title", "summary"))],
    ]
    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []
    # The article really exists in a language once all three are written.
    translated_fields = ("title", "summary", "body")
    # An article is read with its lead image; fetch it in the routing query.
    reading_select_related = ("lead_image",)

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [models.Index(fields=["-published_at"])]

    @property
    def original_source_domain(self):
        return urlsplit(self.original_source_url).hostname or ""

    # Read only when the page's cached fragment is missing (templates/articles/article_page.html).
    @cached_property
    def authors(self):
        """The byline in order, with what the author box shows (photo, links)."""
        bylines = self.article_authors.select_related("author__photo")
        return [link.author for link in bylines.prefetch_related("author__links")]

    @cached_property
    def section(self):
        """The section the article is filed in, for its kicker."""
        return self.get_parent()

    @cached_property
    def topic_list(self):
        return list(self.topics.all())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["article_parts_version"] = ARTICLE_PARTS.current()
        context["article_listings_version"] = ARTICLE_LISTINGS.current()
        # Not written in the reader's language, the story is read in another: its page's
        # metadata says so, and its head sends search engines there (templates/base.html).
        context["text_language"] = self.text_language(current_language())
        context["og_locale"] = get_language_info(context["text_language"]).og_locale
        return context

    def published_corrections(self) -> list["Correction"]:
        """The article's corrections, newest first, kept in the cache until one of them
        changes (articles.corrections), so a reading costs no query."""
        if not self.pk:
            return []
        key = Correction.cache_key(self.pk)
        found = cache.get(key)
        if found is None:
            found = list(Correction.objects.filter(article=self.pk))
            cache.set(key, found, CORRECTIONS_CACHE_SECONDS)
        return found

    def corrections_for_structured_data(self) -> list[dict]:
        """schema.org CorrectionComment entries for the NewsArticle's `correction`, in the
        reader's language (falling back like the page does), newest first."""
        return [correction.as_correction_comment() for correction in self.published_corrections()]


class ArticleAuthor(Orderable):
    """An author's place in an article's byline."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="article_authors")
    author = models.ForeignKey(
        "authors.Author",
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="article_bylines",
    )

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = _("byline")
        unique_together = [("page", "author")]


# A kept list of an article's corrections that a missed change left wrong: a day at most.
CORRECTIONS_CACHE_SECONDS = 24 * 60 * 60
CORRECTION_MAX_LENGTH = 1000


def local_today():
    return timezone.localdate()


class CorrectionQuerySet(models.QuerySet):
    def public(self):
        """Corrections of live articles that every reader may open, newest first."""
        return self.filter(article__in=ArticlePage.objects.live().public().values("pk"))


class Correction(models.Model):
    """An editor's dated note on a published article, saying what was wrong.

    It is an editorial note beside the article, not a change to its text: adding one sends
    nothing back through review and republishes nothing. Written in either language first;
    a reader of the other sees it in the original, marked with its language.
    """

    article = models.ForeignKey(
        ArticlePage,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="corrections",
    )
    corrected_on = models.DateField(_("date"), default=local_today)
    text = models.CharField(
        _("correction"),
        max_length=CORRECTION_MAX_LENGTH,
        blank=True,
        validators=[refuse_invisible_characters],
        help_text=_("What was wrong and what is right, in a sentence or two."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CorrectionQuerySet.as_manager()

    panels = [
        FieldPanel("article"),
        FieldPanel("corrected_on"),
        FieldPanel("text", widget=forms.Textarea(attrs={"rows": 3})),
    ]

    class Meta:
        ordering = ["-corrected_on", "-pk"]
        indexes = [models.Index(fields=["-corrected_on", "-id"])]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self):
        return str(localized(self, "text"))[:80]

    @staticmethod
    def cache_key(article_pk) -> str:
        return f"article-corrections:{article_pk}"

    def clean(self):
        if not any(has_content(getattr(self, f"text_{code}", "")) for code in language_codes()):
            raise ValidationError(
                {f"text_{language_codes()[0]}": _("Write the correction in at least one language.")}
            )
        if self.corrected_on and self.corrected_on > local_today():
            raise ValidationError(
                {"corrected_on": _("A correction cannot be dated in the future.")}
            )
        article_changed = self._state.adding or (
            Correction.objects.filter(pk=self.pk).values_list("article", flat=True).first()
            != self.article_id
        )
        if self.article_id and article_changed:
            if not ArticlePage.objects.filter(pk=self.article_id, live=True).exists():
                raise ValidationError(
                    {"article": _("Corrections are for published articles; this one is not.")}
                )

    def as_correction_comment(self) -> dict:
        """This correction as schema.org's CorrectionComment, in the reader's language or
        the one it falls back to (named in `inLanguage`)."""
        text = localized(self, "text")
        return {
            "@type": "CorrectionComment",
            "text": str(text),
            "inLanguage": text.language,
            "datePublished": self.corrected_on.isoformat(),
        }
