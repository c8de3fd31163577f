from types import SimpleNamespace

from django.utils import translation

from bilingual.languages import languages_with, localized


def item(**fields):
    return SimpleNamespace(**fields)


def test_value_in_the_readers_language_is_not_marked():
    with translation.override("mn"):
        value = localized(item(title_en="Hello", title_mn="Сайн уу"), "title")

    assert (str(value), value.language, value.lang_attr) == ("Сайн уу", "mn", "")


def test_blank_translation_falls_back_and_is_marked():
    with translation.override("mn"):
        value = localized(item(title_en="Hello", title_mn="   "), "title")

    assert str(value) == "Hello"
    assert value.lang_attr == ' lang="en"'


def test_english_reader_falls_back_to_mongolian_when_english_is_missing():
    with translation.override("en"):
        value = localized(item(title_en="", title_mn="Сайн уу"), "title")

    assert str(value) == "Сайн уу" and value.lang_attr == ' lang="mn"'


def test_nothing_anywhere_is_empty_not_an_error():
    value = localized(item(title_en=None, title_mn=""), "title")

    assert not value and str(value) == ""


def test_languages_with_requires_every_field():
    article = item(title_en="A", title_mn="Б", body_en=[1], body_mn=[])

    assert languages_with(article, ("title",)) == ["en", "mn"]
    assert languages_with(article, ("title", "body")) == ["en"]
