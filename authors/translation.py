from modeltranslation.translator import TranslationOptions, register

from .models import Author, AuthorLink


@register(Author)
class AuthorTranslation(TranslationOptions):
    fields = ("name", "credentials", "bio")


@register(AuthorLink)
class AuthorLinkTranslation(TranslationOptions):
    fields = ("label",)
