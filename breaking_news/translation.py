from modeltranslation.translator import TranslationOptions, register

from .models import BreakingNews


@register(BreakingNews)
class BreakingNewsTranslation(TranslationOptions):
    fields = ("message",)
    required_languages = ()
