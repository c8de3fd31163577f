"""Choosing an article in any admin form (a ForeignKey to ArticlePage), proof against a
tampered value.

Re-showing a refused form, Wagtail's page chooser looks the posted id up again and lets a
value such as `abc` fail as a server error; and on SQLite, Django's own field lets
`99999999999999999999` (too large for an integer column) fail the same way. Here both read as
"Select a valid choice" on the field (and in a listing's filter, see RefusesOverflow).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminPageChooser


class ArticleChooser(AdminPageChooser):
    def __init__(self, **kwargs):
        kwargs.setdefault("target_models", ["articles.ArticlePage"])
        super().__init__(**kwargs)

    def get_instance(self, value):
        try:
            return super().get_instance(value)
        except (ValueError, TypeError, OverflowError, ValidationError):
            return None


class RefusesOverflow:
    """For a ModelChoiceField: an id too large for the column is an invalid choice."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except OverflowError:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            ) from None


class ArticleChoiceField(RefusesOverflow, forms.ModelChoiceField):
    pass


def register():
    """Every admin form's article field uses these (registered from wagtail_hooks)."""
    from .models import ArticlePage

    register_form_field_override(
        models.ForeignKey,
        to=ArticlePage,
        override=lambda db_field: {"widget": ArticleChooser(), "form_class": ArticleChoiceField},
    )
