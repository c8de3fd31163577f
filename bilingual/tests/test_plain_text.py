import pytest
from django.core.exceptions import ValidationError

from bilingual.plain_text import refuse_invisible_characters, tidy_one_line

SPOOFS = [
    "Title\r\nBcc: victim@example.com",
    "Evil\u202egnp.exe",  # right-to-left override
    "Bat\u200bbold",  # zero-width space
    "Dal\u200daijargal",  # zero-width joiner
    "line\u2028separator",
    "nul\x00byte",
]


@pytest.mark.parametrize("value", SPOOFS)
def test_one_line_text_refuses_breaks_and_invisible_characters(value):
    with pytest.raises(ValidationError) as refused:
        refuse_invisible_characters(value)
    assert "U+" in refused.value.messages[0]


@pytest.mark.parametrize("value", ["Д. Далайжаргал", "Öndör-Ölzii's “news”", "Хөвсгөл — 2025"])
def test_ordinary_text_in_either_script_passes(value):
    refuse_invisible_characters(value)


def test_tidying_keeps_the_words_and_drops_the_rest():
    assert tidy_one_line("Evil\u202e news\r\n  from\u200b  UB\x00") == "Evil news from UB"
