from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from bilingual.languages import has_content, language_codes
from bilingual.plain_text import refuse_invisible_characters

MESSAGE_MAX_LENGTH = 200


@register_setting(icon="warning")
class BreakingNews(BaseGenericSetting):
    """The newsroom's bulletin: a short line at the top of every public page, in the reader's
    language, until an editor switches it off or its expiry time passes."""

    is_active = models.BooleanField(
        _("show the bar"),
        default=False,
        help_text=_("The bar shows on every public page while this is ticked, until it expires."),
    )
    message = models.CharField(
        _("message"),
        max_length=MESSAGE_MAX_LENGTH,
        blank=True,
        validators=[refuse_invisible_characters],
        help_text=_("One short line. A language left empty shows the other one."),
    )
    link_page = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("article"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The article the bar leads to."),
    )
    link_url = models.URLField(
        _("or another address"),
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
    )
    expires_at = models.DateTimeField(
        _("expires at"),
        null=True,
        blank=True,
        help_text=_("When the bar comes down by itself (Ulaanbaatar time)."),
    )

    panels = [
        FieldPanel("is_active"),
        FieldPanel("message"),
        MultiFieldPanel([FieldPanel("link_page"), FieldPanel("link_url")], heading=_("Link")),
        FieldPanel("expires_at"),
    ]

    class Meta:
        verbose_name = _("breaking news")
        verbose_name_plural = _("breaking news")

    def __str__(self):
        return str(self._meta.verbose_name)

    def clean(self):
        errors = {}
        if self.link_page_id and self.link_url:
            errors["link_url"] = _("Choose an article or give an address, not both.")
        if self.is_active:
            if not any(has_content(getattr(self, f"message_{c}", "")) for c in language_codes()):
                errors[f"message_{language_codes()[0]}"] = _(
                    "Write the message in at least one language."
                )
            if self.expires_at is None:
                errors["expires_at"] = _("Say when the bar comes down.")
            elif self.expires_at <= timezone.now():
                errors["expires_at"] = _("This time has passed: choose one in the future.")
        if errors:
            raise ValidationError(errors)
