import datetime
import unicodedata

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import DraftStateMixin, RevisionMixin

from bilingual.languages import has_content, language_codes, localized

from .identity import headline_key
from .links import canonical_url, domain_twins, normalise_domain, site_url_for

__all__ = [
    "LANGUAGE_CHOICES",
    "Headline",
    "HeadlineListSettings",
    "Source",
    "latest_allowed_date",
    "normalise_domain",
]

LANGUAGE_CHOICES = [("en", _("English")), ("mn", _("Mongolian"))]
TITLE_MAX_LENGTH = 500
URL_MAX_LENGTH = 1000
# The fields a headline's dedup_key is made of.
KEY_FIELDS = frozenset(
    {"url", "source", "source_id", "published_on", "language", "title", "title_en", "title_mn"}
)


def refuse_control_characters(value: str) -> None:
    """Invisible control characters (often pasted from word processors) break feeds and lists."""
    if any(unicodedata.category(char) == "Cc" for char in value):
        raise ValidationError(
            _("Remove the invisible control characters from this text."), code="control"
        )


http_url_validator = URLValidator(
    schemes=["http", "https"],
    message=_("Enter a web address that starts with http:// or https://."),
    code="not_web_address",  # its own code, so forms keep this message over "Enter a valid URL."
)


def latest_allowed_date() -> datetime.date:
    """Tomorrow in Ulaanbaatar: a source ahead of us by a time zone is fine, later is a mistake."""
    return timezone.localdate() + datetime.timedelta(days=1)


class SourceQuerySet(models.QuerySet):
    def with_feeds(self):
        """The sources `fetch_headlines` polls."""
        return self.filter(active=True).exclude(feed_url="")

    def for_domain(self, domain: str):
        """The source for a domain, accepting the `www.`-less twin of a stored one."""
        domain = normalise_domain(domain)
        matches = {source.domain: source for source in self.filter(domain__in=domain_twins(domain))}
        return matches.get(domain) or next(iter(matches.values()), None)

    def for_link(self, url: str, language: str):
        """The source of a story link, created (named after its domain) when unknown."""
        domain = normalise_domain(url)
        source = self.for_domain(domain)
        if source is None:
            source, _created = self.get_or_create(
                domain=domain,
                defaults={
                    "name_en": domain,
                    "site_url": site_url_for(domain),
                    "language": language,
                },
            )
        return source


class Source(models.Model):
    """A news site whose stories the headline lists point to."""

    name = models.CharField(_("name"), max_length=200, validators=[refuse_control_characters])
    domain = models.CharField(
        _("domain"),
        max_length=255,
        unique=True,
        help_text=_("As shown in the lists, e.g. www.montsame.mn."),
    )
    site_url = models.URLField(_("site address"), validators=[http_url_validator])
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES)
    feed_url = models.URLField(
        _("feed address"),
        max_length=URL_MAX_LENGTH,
        blank=True,
        validators=[http_url_validator],
        help_text=_("An RSS or Atom feed; leave empty for sources without one."),
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Untick to stop fetching this source's feed.")
    )
    # What the last fetch learned, so the next one can ask "anything new?" (ETag, Last-Modified).
    feed_etag = models.CharField(_("feed ETag"), max_length=255, blank=True, editable=False)
    feed_last_modified = models.CharField(
        _("feed Last-Modified"), max_length=100, blank=True, editable=False
    )
    feed_checked_at = models.DateTimeField(
        _("feed last checked"), null=True, blank=True, editable=False
    )
    feed_error = models.CharField(_("last feed error"), max_length=500, blank=True, editable=False)

    objects = SourceQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("domain"),
        FieldPanel("site_url"),
        FieldPanel("language"),
        MultiFieldPanel([FieldPanel("feed_url"), FieldPanel("active")], heading=_("Feed")),
    ]

    class Meta:
        ordering = ["domain"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.display_domain

    @property
    def display_domain(self) -> str:
        """The domain as the seed page shows it: WWW.MONTSAME.MN."""
        return self.domain.upper()

    def clean(self):
        self.domain = normalise_domain(self.domain)
        if not self.domain or "." not in self.domain:
            raise ValidationError({"domain": _("Enter a domain such as www.montsame.mn.")})
        clash = Source.objects.filter(domain__in=domain_twins(self.domain)).exclude(pk=self.pk)
        if clash.exists():
            raise ValidationError(
                {
                    "domain": _("This site is already a source: %(domain)s.")
                    % {"domain": clash.first().display_domain}
                }
            )

    def save(self, *args, **kwargs):
        self.domain = normalise_domain(self.domain)
        super().save(*args, **kwargs)


class HeadlineQuerySet(models.QuerySet):
    def published(self):
        return self.filter(live=True)

    def in_language(self, language: str):
        return self.filter(language=language)

    def for_list(self, language: str, *, with_translations: bool = False):
        """The one query behind every public list of headlines in a language.

        With translations, headlines from the other language that carry a title
        in this one join the list (the site setting decides, per list).
        """
        shown = Q(language=language)
        if with_translations:
            title = f"title_{language}"
            shown |= Q(**{f"{title}__isnull": False}) & ~Q(**{title: ""})
        return (
            self.published().filter(shown).select_related("source").order_by("-published_on", "-pk")
        )

    def pinned_first(self):
        """The front page's order: pinned headlines lead, the rest stay newest first."""
        return self.order_by("-pinned", "-published_on", "-pk")


class Headline(DraftStateMixin, RevisionMixin, models.Model):
    """A story on another site, shown in the numbered lists with its source and date."""

    title = models.CharField(
        _("headline"), max_length=TITLE_MAX_LENGTH, validators=[refuse_control_characters]
    )
    url = models.URLField(
        _("link to the story"),
        max_length=URL_MAX_LENGTH,
        validators=[http_url_validator],
        help_text=_(
            "Tracking parameters (utm_…, fbclid…) are removed. "
            "Without a story link, give the source's site address."
        ),
    )
    source = models.ForeignKey(
        Source,
        verbose_name=_("source"),
        on_delete=models.PROTECT,
        related_name="headlines",
        help_text=_("Leave empty to take it from the link's domain."),
    )
    published_on = models.DateField(_("published on"))
    language = models.CharField(_("original language"), max_length=2, choices=LANGUAGE_CHOICES)
    pinned = models.BooleanField(
        _("pinned"),
        default=False,
        help_text=_("Keep at the top of its list on the home page until unpinned."),
    )
    # The story link, or for links to a site's front page its source, date and words:
    # see headlines.identity. Unique, so no import can store the same story twice.
    dedup_key = models.CharField(max_length=64, unique=True, editable=False)
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
        FieldPanel("pinned"),
    ]

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

    def title_for_list(self, list_language: str):
        """The title a list in `list_language` shows, and whether it is a translation."""
        if list_language != self.language and has_content(
            getattr(self, f"title_{list_language}", "")
        ):
            return localized(self, "title", list_language), True
        return self.original_title, False

    @property
    def translations(self) -> list[str]:
        """The other languages this headline has a title in."""
        return [
            code
            for code in language_codes()
            if code != self.language and has_content(getattr(self, f"title_{code}", ""))
        ]

    def compute_dedup_key(self) -> str:
        title = getattr(self, f"title_{self.language}", "") or ""
        return headline_key(self.url, self.source.domain, self.published_on, title)

    def clean(self):
        if self.url:
            self.url = canonical_url(self.url)
        if self.language and not has_content(getattr(self, f"title_{self.language}", "")):
            raise ValidationError(
                {f"title_{self.language}": _("Give the headline in its original language.")}
            )
        if self.published_on and self.published_on > latest_allowed_date():
            raise ValidationError({"published_on": _("A headline cannot be dated in the future.")})
        if self.url and self.published_on and self.language:
            domain = self.source.domain if self.source_id else normalise_domain(self.url)
            title = getattr(self, f"title_{self.language}", "") or ""
            key = headline_key(self.url, domain, self.published_on, title)
            twin = Headline.objects.filter(dedup_key=key).exclude(pk=self.pk).first()
            if twin is not None:
                raise ValidationError(
                    {
                        "url": _("This story is already a headline: “%(title)s”.")
                        % {"title": twin.original_title}
                    }
                )

    def save(self, *args, **kwargs):
        self.url = canonical_url(self.url)
        self.dedup_key = self.compute_dedup_key()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and KEY_FIELDS.intersection(update_fields):
            kwargs["update_fields"] = {*update_fields, "url", "dedup_key"}
        super().save(*args, **kwargs)


@register_setting(icon="list-ol")
class HeadlineListSettings(BaseSiteSetting):
    """Per site: whether a list also shows headlines translated from the other language."""

    english_list_shows_translations = models.BooleanField(
        _("English list shows translated Mongolian headlines"),
        default=False,
        help_text=_(
            "Mongolian headlines with an English title join the English list, marked as translated."
        ),
    )
    mongolian_list_shows_translations = models.BooleanField(
        _("Mongolian list shows translated English headlines"),
        default=False,
        help_text=_(
            "English headlines with a Mongolian title join the Mongolian list, marked as translated."
        ),
    )

    panels = [
        FieldPanel("english_list_shows_translations"),
        FieldPanel("mongolian_list_shows_translations"),
    ]

    class Meta:
        verbose_name = _("headline lists")

    def shows_translations(self, language: str) -> bool:
        return {
            "en": self.english_list_shows_translations,
            "mn": self.mongolian_list_shows_translations,
        }.get(language, False)
