"""When the public headline lists change: any headline, source or list setting saved or
deleted, and every bulk write of the importer (which bypasses model signals)."""

from django.db.models.signals import post_delete, post_save

from bilingual.cache_versions import CacheVersion

# The front page's two numbered lists are cached under this version (templates/portal).
HEADLINE_LISTS = CacheVersion("headline-lists")


def connect():
    from .models import Headline, HeadlineListSettings, Source

    for model in (Headline, Source, HeadlineListSettings):
        post_save.connect(HEADLINE_LISTS.bump, sender=model, dispatch_uid=f"lists-{model.__name__}")
        post_delete.connect(
            HEADLINE_LISTS.bump, sender=model, dispatch_uid=f"lists-gone-{model.__name__}"
        )
