import copy

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from bilingual.languages import label_in, language_codes, localized, localized_names
from bilingual.plain_text import refuse_invisible_characters
from bilingual.slugs import free_slug


class AuthorQuerySet(models.QuerySet):
    def free_slug(self, name: str, fallback: str) -> str:
        """A slug for a new profile named `name` that no other profile has."""
        return free_slug(
            name,
            lambda slug: self.filter(slug=slug).exists(),
            max_length=self.model._meta.get_field("slug").max_length,
            fallback=fallback,
        )


class Author(index.Indexed, ClusterableModel):
    """A byline: a staff journalist or a guest contributor, with a public profile page."""

    class Kind(models.TextChoices):
        STAFF = "staff", _("Staff")
        GUEST = "guest", _("Guest author")

    name = models.CharField(_("name"), max_length=200, validators=[refuse_invisible_characters])
    slug = models.SlugField(_("slug"), max_length=200, unique=True, allow_unicode=False)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.GUEST)
    credentials = models.CharField(
        _("credentials"),
        max_length=255,
        blank=True,
        validators=[refuse_invisible_characters],
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
    label = models.CharField(_("label"), max_length=100, validators=[refuse_invisible_characters])
    url = models.URLField(_("address"))

    panels = [FieldPanel("label"), FieldPanel("url")]

    def __str__(self):
        return self.label


class ProfileChange(models.Model):
    """A guest's edit of their own public profile, held back until an editor approves it.

    Readers see the profile as it was until then. Only what differs from the public profile
    is kept, so an editor's own later correction of another field is not undone by approving.
    """

    # The guest-editable text of a profile, each in every language (the profile form's fields).
    TEXT_FIELDS = ("name", "credentials", "bio")

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting review")
        REJECTED = "rejected", _("Not approved")

    author = models.OneToOneField(
        Author,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="profile_change",
    )
    values = models.JSONField(
        _("proposed text"),
        default=dict,
        blank=True,
        help_text=_("Only the fields that change, by column: name_en, bio_mn…"),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("proposed photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    remove_photo = models.BooleanField(_("remove the photo"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    reason = models.TextField(_("reason"), blank=True)
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)

    class Meta:
        ordering = ["requested_at", "pk"]
        verbose_name = _("profile change")
        verbose_name_plural = _("profile changes")

    def __str__(self):
        return str(self.author)

    @classmethod
    def text_columns(cls) -> list[str]:
        return localized_names(cls.TEXT_FIELDS)

    @classmethod
    def column_labels(cls) -> dict:
        """Each column's language and label, in the form's order: name_en: ("en", "Name in
        English")."""
        labels = {}
        for field in cls.TEXT_FIELDS:
            name = Author._meta.get_field(field).verbose_name
            for code, column in zip(language_codes(), localized_names([field]), strict=True):
                labels[column] = (code, capfirst(label_in(name, code)))
        return labels

    @classmethod
    def propose(cls, author, values: dict, *, photo=None, remove_photo=False):
        """Holds the guest's profile as they saved it for review: `values` maps columns to text,
        `photo` is a newly uploaded one (without it, and without `remove_photo`, the photo
        already proposed stays proposed). None when nothing differs from the public profile
        (then a pending proposal is withdrawn; a rejected one stays, with its reason).
        """
        with transaction.atomic():
            # Locked, as an editor's decision locks it: a save and a decision, or two quick
            # saves, happen one after the other, each reading what the other left.
            public = Author.objects.select_for_update().get(pk=author.pk)
            change = cls.objects.filter(author=public).select_related("photo").first()
            if change is not None:
                change.author = public
            return cls._propose(public, change, values, photo, remove_photo)

    @classmethod
    def _propose(cls, public, change, values, photo, remove_photo):
        differing = {
            column: value
            for column, value in values.items()
            # Blank is blank, whether a form gives None or "".
            if column in cls.text_columns() and (value or "") != (getattr(public, column) or "")
        }
        if photo is None and not remove_photo and change is not None:
            photo = change.photo
        if photo is not None and photo.pk == public.photo_id:
            photo = None  # approved meanwhile: no longer a change
        remove_photo = remove_photo and photo is None and public.photo_id is not None
        if not differing and photo is None and not remove_photo:
            if change is not None and change.status == cls.Status.PENDING:
                change.withdraw()
            return None
        if change is None:
            change = cls(author=public)
        elif change.is_pending_as(differing, photo, remove_photo):
            return change  # unchanged: an editor's open review of it stays valid
        earlier_photo = change.photo
        change.values, change.photo, change.remove_photo = differing, photo, remove_photo
        change.status, change.reason, change.requested_at = cls.Status.PENDING, "", timezone.now()
        change.save()
        if earlier_photo != photo:
            discard_guest_photo(earlier_photo, public, keep=public.photo)
        return change

    def is_pending_as(self, values: dict, photo, remove_photo: bool) -> bool:
        return (
            self.status == self.Status.PENDING
            and self.values == values
            and self.photo_id == (photo.pk if photo else None)
            and self.remove_photo == remove_photo
        )

    @property
    def changes_photo(self) -> bool:
        return self.photo_id is not None or self.remove_photo

    def apply_to(self, author: Author) -> Author:
        """Sets the proposal on `author`, in memory."""
        for column, value in self.values.items():
            if column in self.text_columns():
                setattr(author, column, value)
        if self.photo_id is not None:
            author.photo = self.photo
        elif self.remove_photo:
            author.photo = None
        return author

    def proposed_profile(self) -> Author:
        """The author as they would read once approved, in memory only."""
        return self.apply_to(copy.copy(self.author))

    def approve(self) -> Author:
        """Makes the change public and forgets it; a photo it replaces, if the guest's, goes."""
        author = self.author
        old_photo = author.photo
        self.apply_to(author).save()
        self.delete()
        discard_guest_photo(old_photo, author, keep=author.photo)
        return author

    def reject(self, reason: str) -> None:
        """The public profile stays; the guest sees the reason beside their proposal."""
        photo, self.photo = self.photo, None
        self.status = self.Status.REJECTED
        self.reason = reason
        self.save(update_fields=["photo", "status", "reason"])
        discard_guest_photo(photo, self.author, keep=self.author.photo)

    def withdraw(self) -> None:
        """The guest saved their profile as it is public: nothing is left to review."""
        photo = self.photo
        self.delete()
        discard_guest_photo(photo, self.author, keep=self.author.photo)


def discard_guest_photo(photo, author, keep=None) -> None:
    """Deletes a photo no longer wanted, if the guest uploaded it; the newsroom's stay."""
    if photo is None or photo == keep or author.user_id is None:
        return
    if photo.uploaded_by_user_id == author.user_id:
        photo.delete()
