from modeltranslation.translator import TranslationOptions, register

from .models import Headline, Source


@register(Source)
class SourceTranslation(TranslationOptions):
    fields = ("name",)


@register(Headline)
class HeadlineTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = ()
