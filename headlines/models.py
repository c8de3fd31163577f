import datetime
from urllib.parse import urlsplit

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin
from wagtail.search import index

from bilingual.languages import has_content, localized

LANGUAGE_CHOICES = [("en", _("English")), ("mn", _("Mongolian"))]

http_url_validator = URLValidator(
    schemes=["http", "https"],
    message=_("Enter a web address that starts with http:// or https://."),
)


def normalise_domain(value: str) -> str:
    """`https://WWW.Montsame.mn/en/` -> `www.montsame.mn`: lower case, no scheme or path."""
    value = value.strip().lower()
    if "//" not in value:
        value = "//" + value
    return (urlsplit(value).hostname or "").rstrip(".")


class Source(index.Indexed, models.Model):
    """A news site whose stories the headline lists point to."""

    name = models.CharField(_("name"), max_length=200)
    domain = models.CharField(
        _("domain"),
        max_length=255,
        unique=True,
        help_text=_("As shown in the lists, e.g. www.montsame.mn."),
    )
    site_url = models.URLField(_("site address"), validators=[http_url_validator])
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES)

    panels = [
        FieldPanel("name"),
        FieldPanel("domain"),
        FieldPanel("site_url"),
        FieldPanel("language"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("domain")]

    class Meta:
        ordering = ["domain"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.domain

    def clean(self):
        self.domain = normalise_domain(self.domain)
        if not self.domain:
            raise ValidationError({"domain": _("Enter a domain such as www.montsame.mn.")})


class HeadlineQuerySet(models.QuerySet):
    def published(self):
        return self.filter(live=True)

    def in_language(self, language: str):
        return self.filter(language=language)

    def for_list(self, language: str):
        """The one query behind every public list of headlines in a language."""
        return (
            self.published()
            .in_language(language)
            .select_related("source")
            .order_by("-published_on", "-pk")
        )


class Headline(DraftStateMixin, RevisionMixin, index.Indexed, models.Model):
    """A story on another site, shown in the numbered lists with its source and date."""

    title = models.CharField(_("headline"), max_length=500)
    url = models.URLField(
        _("link to the story"), max_length=1000, validators=[http_url_validator]
    )
    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="headlines"
    )
    published_on = models.DateField(_("published on"))
    language = models.CharField(
        _("original language"), max_length=2, choices=LANGUAGE_CHOICES
    )
    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="content_type",
        object_id_field="object_id",
        for_concrete_model=False,
        related_query_name="headline",
    )

    objects = HeadlineQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("url"),
        FieldPanel("source"),
        FieldPanel("published_on"),
        FieldPanel("language"),
    ]
    search_fields = [index.SearchField("title"), index.FilterField("language")]

    class Meta:
        ordering = ["-published_on", "-pk"]
        indexes = [models.Index(fields=["language", "live", "-published_on"])]
        verbose_name = _("headline")
        verbose_name_plural = _("headlines")

    def __str__(self):
        return str(self.original_title)

    @property
    def original_title(self):
        """The headline as the source wrote it, whatever language the reader uses."""
        return localized(self, "title", self.language)

    def clean(self):
        if self.language and not has_content(getattr(self, f"title_{self.language}", "")):
            raise ValidationError(
                {f"title_{self.language}": _("Give the headline in its original language.")}
            )
        if self.published_on and self.published_on > timezone.localdate() + datetime.timedelta(
            days=1
        ):
            raise ValidationError({"published_on": _("A headline cannot be dated in the future.")})
