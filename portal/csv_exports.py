"""CSV downloads from the admin, safe to open in a spreadsheet.

A cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return) is run as a
formula by Excel and LibreOffice: a headline titled `=HYPERLINK("http://x","y")` would
become a live link, `+cmd|…` a command. Wagtail writes every admin CSV (reports, the site
history, form submissions, any listing with `list_export`) through
`SpreadsheetExportMixin`, and stores such text raw, as it should. So the escaping is done
there, once, for CSV only: a single quote before the cell, as OWASP advises. XLSX needs
nothing: Wagtail already writes formula-like text as plain strings.
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(value):
    """`=SUM(A1)` -> `'=SUM(A1)`; anything else, and every non-text value, unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def install() -> None:
    """Escape every cell of every CSV export; called once from PortalConfig.ready()."""
    preprocess = SpreadsheetExportMixin.preprocess_field_value
    if getattr(preprocess, "escapes_formulas", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        processed = preprocess(self, field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return escape_formula(processed)
        return processed

    preprocess_field_value.escapes_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
