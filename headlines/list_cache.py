"""When the public headline lists change: any headline, source or list setting saved or
deleted, and every import (its bulk writes send no model signals, so it sends
`headlines_imported` once at the end)."""

from django.db.models.signals import post_delete, post_save

from bilingual.cache_versions import CacheVersion

from .signals import headlines_imported

# The front page's two numbered lists are cached under this version (templates/portal).
HEADLINE_LISTS = CacheVersion("headline-lists")


def connect():
    from .models import Headline, HeadlineListSettings, Source

    for model in (Headline, Source, HeadlineListSettings):
        post_save.connect(HEADLINE_LISTS.bump, sender=model, dispatch_uid=f"lists-{model.__name__}")
        post_delete.connect(
            HEADLINE_LISTS.bump, sender=model, dispatch_uid=f"lists-gone-{model.__name__}"
        )
    headlines_imported.connect(HEADLINE_LISTS.bump, dispatch_uid="lists-imported")
