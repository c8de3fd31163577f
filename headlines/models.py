import datetime
import uuid

from django import forms
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import DraftStateMixin, RevisionMixin

from bilingual.languages import (
    get_language_info,
    has_content,
    language_choices,
    language_codes,
    localized,
)
from bilingual.plain_text import refuse_invisible_characters
from bilingual.translated_content import TranslatedContent

from .identity import headline_key
from .links import canonical_url, domain_twins, normalise_domain, site_url_for
from .validators import http_url_validator, refuse_html, refuse_private_feed_address

__all__ = [
    "Headline",
    "HeadlineListSettings",
    "PendingHeadlineImport",
    "Source",
    "latest_allowed_date",
    "normalise_domain",
]

TITLE_MAX_LENGTH = 500
URL_MAX_LENGTH = 1000


def key_fields() -> set[str]:
    """The fields a headline's dedup_key is made of."""
    titles = {f"title_{code}" for code in language_codes()}
    return {"url", "source", "source_id", "published_on", "language", "title", *titles}


def latest_allowed_date() -> datetime.date:
    """Tomorrow in Ulaanbaatar: a source ahead of us by a time zone is fine, later is a mistake."""
    return timezone.localdate() + datetime.timedelta(days=1)


class SourceQuerySet(models.QuerySet):
    def with_feeds(self):
        """The sources `fetch_headlines` polls."""
        return self.filter(active=True).exclude(feed_url="")

    def for_domains(self, domains) -> dict:
        """domain -> stored Source for each of `domains` that is known, in one query.

        `montsame.mn` and `www.montsame.mn` name the same site: each finds the source stored
        under either name, its own first. Domains are taken as given (normalised).
        """
        domains = set(domains)
        stored = {
            source.domain: source
            for source in self.filter(
                domain__in={twin for domain in domains for twin in domain_twins(domain)}
            )
        }
        found = {}
        for domain in domains:
            source = next((stored[t] for t in domain_twins(domain) if t in stored), None)
            if source is not None:
                found[domain] = source
        return found

    def for_domain(self, domain: str):
        """The source for a domain (or its `www.` twin), or None."""
        domain = normalise_domain(domain)
        return self.for_domains([domain]).get(domain)

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

    name = models.CharField(_("name"), max_length=200, validators=[refuse_invisible_characters])
    domain = models.CharField(
        _("domain"),
        max_length=255,
        unique=True,
        help_text=_("As shown in the lists, e.g. www.montsame.mn."),
    )
    site_url = models.URLField(_("site address"), validators=[http_url_validator])
    language = models.CharField(_("language"), max_length=2, choices=language_choices)
    feed_url = models.URLField(
        _("feed address"),
        max_length=URL_MAX_LENGTH,
        blank=True,
        validators=[http_url_validator, refuse_private_feed_address],
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
        clash = Source.objects.exclude(pk=self.pk).for_domain(self.domain)
        if clash is not None:
            raise ValidationError(
                {
                    "domain": _("This site is already a source: %(domain)s.")
                    % {"domain": clash.display_domain}
                }
            )

    def save(self, *args, **kwargs):
        self.domain = normalise_domain(self.domain)
        super().save(*args, **kwargs)


class HeadlineQuerySet(models.QuerySet):
    def published(self):
        return self.filter(live=True)

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

    def with_dedup_key(self, key: str):
        """The headline that is this story (see `Headline.compute_dedup_key`), as a queryset."""
        return self.filter(dedup_key=key)

    def by_dedup_keys(self, keys, chunk_size: int = 900) -> dict:
        """dedup_key -> Headline for the stored ones among `keys`, a few queries for any number.

        `chunk_size` keys per IN (...), under every database's parameter limit.
        """
        keys, found = list(keys), {}
        for start in range(0, len(keys), chunk_size):
            for headline in self.filter(dedup_key__in=keys[start : start + chunk_size]):
                found[headline.dedup_key] = headline
        return found


class Headline(TranslatedContent, DraftStateMixin, RevisionMixin, models.Model):
    """A story on another site, shown in the numbered lists with its source and date."""

    title = models.CharField(
        _("headline"),
        max_length=TITLE_MAX_LENGTH,
        validators=[refuse_invisible_characters, refuse_html],
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
    language = models.CharField(_("original language"), max_length=2, choices=language_choices)
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

    # A headline is written in its source's language; only the others can fall behind it.
    translated_fields = ("title",)
    original_language_field = "language"

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
        # One per public order, matching its query exactly (column order and direction), so a
        # list is read from the index's start rather than sorted from half a million rows.
        indexes = [
            # A list and its archive: for_list().
            models.Index(
                fields=["language", "-published_on", "-id"],
                condition=Q(live=True),
                name="headline_list_order",
            ),
            # The front page: for_list().pinned_first().
            models.Index(
                fields=["language", "-pinned", "-published_on", "-id"],
                condition=Q(live=True),
                name="headline_front_page_order",
            ),
            # The archive of one source, and which sources a list has.
            models.Index(
                fields=["source", "language", "-published_on", "-id"],
                condition=Q(live=True),
                name="headline_source_order",
            ),
            # The translation desk, live or not, newest first: its page of rows is read in
            # order until it is full, not sorted out of a million.
            models.Index(fields=["-published_on", "-id"], name="headline_desk_order"),
        ]
        verbose_name = _("headline")
        verbose_name_plural = _("headlines")

    def __str__(self):
        return str(self.original_title)

    @property
    def original_language(self):
        """The table's entry for the language the source wrote in (its "Translated from" mark)."""
        return get_language_info(self.language)

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
        """What makes this headline one story (see headlines.identity), from its canonical link.

        Without a source yet (the admin form finds it from the link afterwards), the link's
        domain stands in for it.
        """
        try:
            domain = self.source.domain
        except Source.DoesNotExist:
            domain = normalise_domain(self.url)
        title = getattr(self, f"title_{self.language}", "") or ""
        return headline_key(self.url, domain, self.published_on, title)

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
            key = self.compute_dedup_key()
            twin = Headline.objects.with_dedup_key(key).exclude(pk=self.pk).first()
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
        if update_fields is not None and key_fields().intersection(update_fields):
            kwargs["update_fields"] = {*update_fields, "url", "dedup_key"}
        super().save(*args, **kwargs)


class LanguageCodesField(models.JSONField):
    """A list of codes from the language table, ticked as checkboxes in the admin.

    The choices are read from the table when the form is built, so a new language needs
    no migration.
    """

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=language_choices,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )


@register_setting(icon="list-ol")
class HeadlineListSettings(BaseSiteSetting):
    """Per site: which lists also show headlines translated from another language."""

    lists_showing_translations = LanguageCodesField(
        _("lists that show translated headlines"),
        default=list,
        blank=True,
        help_text=_(
            "Headlines from another language with a title in this list's language join it, "
            "marked as translated."
        ),
    )

    panels = [FieldPanel("lists_showing_translations")]

    class Meta:
        verbose_name = _("headline lists")

    def shows_translations(self, language: str) -> bool:
        """Whether the list in `language` (a code) shows translated headlines."""
        return language in (self.lists_showing_translations or [])


# How long an import preview waits for its confirmation, and how many one person may keep.
PENDING_IMPORT_LIFETIME = datetime.timedelta(hours=1)
PENDING_IMPORTS_PER_USER = 5


class PendingImportQuerySet(models.QuerySet):
    def expired(self):
        return self.filter(created_at__lt=timezone.now() - PENDING_IMPORT_LIFETIME)

    def keep(self, owner, **fields):
        """Store a previewed import; drop the expired ones, and the owner's oldest beyond the
        few each person may keep, so uploads never pile up."""
        self.expired().delete()
        pending = self.create(owner=owner, **fields)
        newest = self.filter(owner=owner).order_by("-created_at", "-pk")
        kept = list(newest.values_list("pk", flat=True)[:PENDING_IMPORTS_PER_USER])
        self.filter(owner=owner).exclude(pk__in=kept).delete()
        return pending

    def claim(self, pending) -> bool:
        """Take `pending` for confirmation; False when someone else took it first (one use)."""
        deleted, _by_model = self.filter(pk=pending.pk).delete()
        return deleted > 0


class PendingHeadlineImport(models.Model):
    """An import between its preview and its confirmation, kept on the server: the confirmation
    sends back only this id, never the file (which could be larger than a form may post)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", editable=False
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True, editable=False)
    name = models.CharField(max_length=255, blank=True)
    format = models.CharField(max_length=10)
    language = models.CharField(max_length=2, blank=True)
    publish = models.BooleanField(default=False)
    data = models.BinaryField()

    objects = PendingImportQuerySet.as_manager()

    def __str__(self):
        return self.name or str(self.pk)

    @property
    def has_expired(self) -> bool:
        return self.created_at < timezone.now() - PENDING_IMPORT_LIFETIME
