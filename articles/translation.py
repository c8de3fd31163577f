from modeltranslation.translator import TranslationOptions, register

from .models import ArticleAuthor, ArticleIndexPage, ArticlePage, Topic


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
