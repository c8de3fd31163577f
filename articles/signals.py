from wagtail.signals import page_published


def date_article_at_first_publication(sender, instance, **kwargs):
    """An article with no original date takes the moment it first went live here."""
    if instance.published_at is None:
        instance.published_at = instance.first_published_at or instance.last_published_at
        type(instance).objects.filter(pk=instance.pk).update(published_at=instance.published_at)


def connect():
    from .models import ArticlePage

    page_published.connect(date_article_at_first_publication, sender=ArticlePage)
