from types import SimpleNamespace

from django.utils import translation

from bilingual.languages import has_content, languages_with, localized


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


def test_empty_markup_and_empty_blocks_are_not_content():
    from wagtail.blocks import StreamValue
    from wagtail.rich_text import RichText

    from articles.blocks import ArticleBodyBlock

    block = ArticleBodyBlock()
    empty = StreamValue(block, [("paragraph", RichText("<p></p>")), ("heading", "  ")])
    written = StreamValue(block, [("paragraph", RichText("<p></p>")), ("heading", "Гарчиг")])
    stored_empty = [{"type": "paragraph", "value": "<p> </p>", "id": "abc"}]

    assert not has_content(empty)
    assert has_content(written)
    assert not has_content(stored_empty)
    assert not has_content("<p><br></p>")
    assert has_content("<p>Сайн уу</p>")
    assert has_content({"quote": "", "attribution": "Болор"})
