import logging

from django.db.models.signals import post_save
from wagtail.signals import page_published

from .reading_time import count_at_publication
from .renditions import AUTHOR_PHOTO, make_article_renditions, make_renditions

logger = logging.getLogger(__name__)


def date_article_at_first_publication(sender, instance, **kwargs):
    """An article with no original date takes the moment it first went live here."""
    if instance.published_at is None:
        instance.published_at = instance.first_published_at or instance.last_published_at
        type(instance).objects.filter(pk=instance.pk).update(published_at=instance.published_at)


def make_renditions_at_publication(sender, instance, **kwargs):
    """Resize the article's images now, so that no reader's request has to."""
    try:
        make_article_renditions(instance)
    except Exception:  # a damaged or missing image file must not stop publishing
        logger.exception("Could not make the renditions of article %s", instance.pk)


def count_reading_time_at_publication(sender, instance, **kwargs):
    """Count the published body's reading time now, once for this revision."""
    count_at_publication(instance)


def make_author_photo_renditions(sender, instance, **kwargs):
    """An author's photo is shown in every article they wrote: resize it when it is saved."""
    try:
        make_renditions(instance.photo, AUTHOR_PHOTO)
    except Exception:
        logger.exception("Could not make the photo renditions of author %s", instance.pk)


def connect():
    from authors.models import Author

    from .models import ArticlePage

    page_published.connect(date_article_at_first_publication, sender=ArticlePage)
    page_published.connect(make_renditions_at_publication, sender=ArticlePage)
    page_published.connect(count_reading_time_at_publication, sender=ArticlePage)
    post_save.connect(make_author_photo_renditions, sender=Author)
