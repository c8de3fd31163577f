from modeltranslation.translator import TranslationOptions, register

from .models import ArticleAuthor, ArticleIndexPage, ArticlePage, Correction, Topic


@register(ArticleIndexPage)
class ArticleIndexPageTranslation(TranslationOptions):
    fields = ("introduction",)


@register(ArticlePage)
class ArticlePageTranslation(TranslationOptions):
    fields = ("summary", "body", "lead_image_caption", "republication_note")


@register(ArticleAuthor)
class ArticleAuthorTranslation(TranslationOptions):
    fields = ()


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name",)


@register(Correction)
class CorrectionTranslation(TranslationOptions):
    fields = ("text",)
    required_languages = ()
