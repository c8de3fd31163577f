from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        # Headline titles and other stored text may start with `=`, `+`, `-` or `@`: every
        # admin CSV download escapes such cells so a spreadsheet never runs them as formulas.
        from . import csv_exports

        csv_exports.install()
        # Publishing, imports and edits purge the cached pages that show what changed.
        from . import page_purge

        page_purge.connect()
        # The section menu is cached until a section changes.
        from . import section_menu

        section_menu.connect()
        # Which Site answers a host, and which page an address, are remembered.
        from . import reading_lookup

        reading_lookup.connect()
