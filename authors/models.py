from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from bilingual.languages import localized
from bilingual.slugs import free_slug


class AuthorQuerySet(models.QuerySet):
    def free_slug(self, name: str, fallback: str) -> str:
        """A slug for a new profile named `name` that no other profile has."""
        return free_slug(name, lambda slug: self.filter(slug=slug).exists(), fallback)


class Author(index.Indexed, ClusterableModel):
    """A byline: a staff journalist or a guest contributor, with a public profile page."""

    class Kind(models.TextChoices):
        STAFF = "staff", _("Staff")
        GUEST = "guest", _("Guest author")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, allow_unicode=False)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.GUEST)
    credentials = models.CharField(
        _("credentials"),
        max_length=255,
        blank=True,
        help_text=_("A line under the name, e.g. a degree or a position."),
    )
    bio = models.TextField(_("biography"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
    )

    objects = AuthorQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("credentials"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        InlinePanel("links", label=_("Links")),
        FieldPanel("user"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("bio"),
    ]

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return str(localized(self, "name"))

    def get_absolute_url(self):
        return reverse("author_detail", kwargs={"slug": self.slug})

    @property
    def is_guest(self):
        return self.kind == self.Kind.GUEST


class AuthorLink(Orderable):
    """A link from an author's profile: their site, a publication list, a social account."""

    author = ParentalKey(Author, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(_("label"), max_length=100)
    url = models.URLField(_("address"))

    panels = [FieldPanel("label"), FieldPanel("url")]

    def __str__(self):
        return self.label
