import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import ArticlePage
from bilingual.languages import language_choices
from bilingual.plain_text import refuse_invisible_characters

# Each step of a submission is logged as "<prefix>.<step>" (submit, request_changes, decline, accept).
LOG_ACTION_PREFIX = "contributions.guest_submission"


def guest_image_path(instance, filename):
    """A fresh name for every upload: a guest's own file name never reaches the disk."""
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"guest-submissions/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"


class GuestSubmission(models.Model):
    """A guest author's piece on its way to becoming an article, written outside the admin."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        ACCEPTED = "accepted", _("Accepted")
        PUBLISHED = "published", _("Published")
        DECLINED = "declined", _("Declined")

    # "Published" is read from the article page being live, never stored.
    STORED_STATUSES = [
        (Status.DRAFT, Status.DRAFT.label),
        (Status.SUBMITTED, Status.SUBMITTED.label),
        (Status.CHANGES_REQUESTED, Status.CHANGES_REQUESTED.label),
        (Status.ACCEPTED, Status.ACCEPTED.label),
        (Status.DECLINED, Status.DECLINED.label),
    ]
    EDITABLE_STATUSES = (Status.DRAFT, Status.CHANGES_REQUESTED)

    author = models.ForeignKey(
        "authors.Author",
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="guest_submissions",
    )
    form_key = models.UUIDField(
        _("form key"),
        default=uuid.uuid4,
        editable=False,
        help_text=_("Sent with the form that created the piece, so a repeated send finds it."),
    )
    title = models.CharField(_("title"), max_length=255, validators=[refuse_invisible_characters])
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(
        _("body"),
        blank=True,
        help_text=_("Sanitised HTML: paragraphs, headings, links, lists and quotes."),
    )
    language = models.CharField(_("language"), max_length=2, choices=language_choices)
    image = models.ImageField(_("image"), upload_to=guest_image_path, blank=True)
    consent = models.BooleanField(_("consent to the republication terms"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=STORED_STATUSES, default=Status.DRAFT, db_index=True
    )
    feedback = models.TextField(_("editors' feedback"), blank=True)
    article_page = models.ForeignKey(
        ArticlePage,
        verbose_name=_("article"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="guest_submissions",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("guest submission")
        verbose_name_plural = _("guest submissions")
        constraints = [
            models.UniqueConstraint(
                fields=["author", "form_key"], name="guest_submission_unique_form_key"
            )
        ]
        # Inviting makes a guest account rather than a submission, but it is the same desk's right.
        permissions = [("invite_guest_author", _("Can invite guest authors"))]

    def __str__(self):
        return self.title

    @property
    def stage(self):
        """Where the piece is now, following its article to publication once accepted."""
        if self.status == self.Status.ACCEPTED and self.article_page and self.article_page.live:
            return self.Status.PUBLISHED
        return self.Status(self.status)

    @property
    def is_editable(self):
        return self.status in self.EDITABLE_STATUSES


class GuestUpload(models.Model):
    """One picture a guest sent, kept to count against their daily allowance.

    The picture itself lives with the piece or the profile it was sent for; this row stays
    when that one is replaced or refused, because the work of reading it was done.
    """

    author = models.ForeignKey(
        "authors.Author",
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="guest_uploads",
    )
    size = models.PositiveBigIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("guest upload")
        verbose_name_plural = _("guest uploads")
        indexes = [models.Index(fields=["author", "uploaded_at"])]

    def __str__(self):
        return f"{self.author} · {self.size} B · {self.uploaded_at:%Y-%m-%d %H:%M}"
