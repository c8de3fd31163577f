"""The status walk over an item's history: missing, out of date, catching up."""

import datetime

from articles.models import ArticlePage
from bilingual.translation_status import status_from_history, values_from_revision_content

FIELDS = ("title", "summary")
T = [datetime.datetime(2025, 12, day, tzinfo=datetime.UTC) for day in range(1, 10)]


def text(en=("", ""), mn=("", "")):
    return {
        "title_en": en[0] or None,
        "summary_en": en[1] or None,
        "title_mn": mn[0] or None,
        "summary_mn": mn[1] or None,
    }


EN = ("Rain", "It rained.")
EN2 = ("Rain", "It rained all day.")
EN3 = ("Heavy rain", "It rained all day.")
MN = ("Бороо", "Бороо орсон.")
MN2 = ("Бороо", "Өдөржин бороо орсон.")


def states(history, original=None):
    status = status_from_history(list(zip(T, history, strict=False)), FIELDS, original)
    return {s.language: s.state for s in status.languages}


def test_a_new_article_lacks_its_translation():
    status = status_from_history([(T[0], text(en=EN))], FIELDS)
    assert states([text(en=EN)]) == {"en": "complete", "mn": "missing"}
    assert status["mn"].missing == ("title", "summary")


def test_a_translation_written_in_parts_leaves_the_original_up_to_date():
    history = [text(en=EN), text(en=EN, mn=(MN[0], "")), text(en=EN, mn=MN)]
    assert states(history) == {"en": "complete", "mn": "complete"}


def test_editing_the_original_puts_the_translation_behind():
    history = [text(en=EN), text(en=EN, mn=MN), text(en=EN2, mn=MN)]
    assert states(history) == {"en": "complete", "mn": "out_of_date"}


def test_updating_the_translation_catches_up_without_blaming_the_original():
    history = [text(en=EN), text(en=EN, mn=MN), text(en=EN2, mn=MN), text(en=EN2, mn=MN2)]
    assert states(history) == {"en": "complete", "mn": "complete"}


def test_two_edits_of_the_original_still_leave_one_catch_up_to_do():
    history = [text(en=EN), text(en=EN, mn=MN), text(en=EN2, mn=MN), text(en=EN3, mn=MN)]
    assert states(history) == {"en": "complete", "mn": "out_of_date"}


def test_either_language_of_an_article_can_fall_behind():
    history = [text(mn=MN), text(en=EN, mn=MN), text(en=EN, mn=MN2)]
    assert states(history) == {"en": "out_of_date", "mn": "complete"}


def test_both_languages_edited_together_stay_in_step():
    history = [text(en=EN), text(en=EN, mn=MN), text(en=EN2, mn=MN2)]
    assert states(history) == {"en": "complete", "mn": "complete"}


def test_a_headline_original_never_falls_behind_its_translation():
    history = [text(en=EN), text(en=EN, mn=MN), text(en=EN, mn=MN2)]
    assert states(history, original="en") == {"en": "complete", "mn": "complete"}


def test_unchanged_revisions_change_nothing():
    history = [text(en=EN), text(en=EN, mn=MN), text(en=EN, mn=MN), text(en=EN, mn=MN)]
    status = status_from_history(list(zip(T, history, strict=False)), FIELDS)
    assert {s.language: s.changed_at for s in status.languages} == {"en": T[0], "mn": T[1]}


def test_resaving_a_body_in_the_admin_is_not_an_edit():
    before = '[{"type": "paragraph", "value": "<p>Text.</p>", "id": "a1"}]'
    after = '[{"type": "paragraph", "value": "<p data-block-key=\\"x7\\">Text.</p>", "id": "b2"}]'
    changed = '[{"type": "paragraph", "value": "<p>New text.</p>", "id": "b2"}]'

    def body(raw):
        return values_from_revision_content(ArticlePage, {"body_en": raw}, ("body",))["body_en"]

    assert body(before) == body(after)
    assert body(after) != body(changed)
    assert body("[]") is None
