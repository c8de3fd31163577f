"""Signals of the headlines app, for apps above it to act on (the page cache purges on them)."""

from django.dispatch import Signal

# Sent once per import that wrote headlines (bulk writes send no post_save per row), with
# `headlines`: the primary keys of the headlines created or changed.
headlines_imported = Signal()
