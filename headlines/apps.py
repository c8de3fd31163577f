from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HeadlinesConfig(AppConfig):
    name = "headlines"
    verbose_name = _("Headlines")

    def ready(self):
        from . import list_cache

        list_cache.connect()
