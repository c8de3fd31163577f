from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BreakingNewsConfig(AppConfig):
    name = "breaking_news"
    verbose_name = _("Breaking news")

    def ready(self):
        from . import bulletin

        bulletin.connect()
