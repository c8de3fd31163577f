"""Word families whose forms must find each other, and words that must stay apart."""

import pytest

from search.text import query_terms, stem_token, stems

MONGOLIAN_FAMILIES = {
    # The inflected queries, each with the forms it must find.
    "Улаанбаатар": "Улаанбаатар Улаанбаатарт Улаанбаатарын Улаанбаатарыг Улаанбаатараас "
    "Улаанбаатараар Улаанбаатартай УЛААНБААТАРТ",
    "хэлэлцээ": "хэлэлцээ хэлэлцээний хэлэлцээнд хэлэлцээг хэлэлцээнээс",
    "өвөлжөө": "Өвөлжөө Өвөлжөөнд өвөлжөөний өвөлжөөг өвөлжөөнөөс ӨВӨЛЖӨӨНД",
    "малчин": "малчин малчид малчдын малчны малчинд малчдад малчидтай МАЛЧДЫН",
    # Fleeting vowels, hidden n, soft signs, plurals under case endings.
    "аймаг": "аймаг аймагт аймгийн аймгууд аймгуудад аймгаас аймагтаа",
    "хот": "хот хотод хотын хотоос хотдоо хотууд",
    "хүүхэд": "хүүхэд хүүхдийн хүүхдүүд хүүхдэд хүүхдээс хүүхэдтэй",
    "сургууль": "сургууль сургуулийн сургуульд сургуулиас сургуулиуд",
    "оюутан": "оюутан оюутны оюутнууд оюутанд",
    "Монгол": "Монгол Монголын Монголд Монголоос монголчууд",
    "ус": "ус усны усанд уснаас",
    "засаг": "засаг засгийн засагт",
    "газар": "газар газрын газарт газраас",
    "гэр": "гэр гэрт гэрийн гэрээс гэртээ",
    "мэдээ": "мэдээ мэдээний мэдээнд мэдээг",
    "Дорнод": "Дорнод Дорнодод Дорнодын Дорнодоос",
    "Ховд": "Ховд Ховдод Ховдын",
    "Өмнөговь": "Өмнөговь Өмнөговьд Өмнөговийн",
    "төсөв": "төсөв төсвийн төсөвт",
    "байгууллага": "байгууллага байгууллагын байгууллагууд байгууллагад",
    "хоршоо": "хоршоо хоршоод хоршооны хоршоог",
    "нүүрс": "нүүрс нүүрсний нүүрсийг",
    "ажил": "ажил ажлын ажилд ажлаас",
    "Япон": "Япон Японы Японд Японоос",
    "Хятад": "Хятад Хятадын Хятадад Хятадаас",
    "мод": "мод модны модонд",
    "далай": "далай далайн далайд далайг",
    # Verbs of news prose.
    "батлах": "батлах баталлаа баталсан батлаж",
    # The agreement (хэлэлцээр) meets the verb it comes from; the negotiation (хэлэлцээ) not.
    "хэлэлцэх": "хэлэлцэх хэлэлцлээ хэлэлцэж хэлэлцсэн хэлэлцээр хэлэлцээрийн хэлэлцээрт",
    "зарлах": "зарлах зарлалаа зарласан",
}

ENGLISH_FAMILIES = {
    "govern": "govern governs governed governing government governments Government",
    "herder": "herder herders Herders herder's",
    "negotiate": "negotiate negotiated negotiations negotiating",
    "province": "province provinces",
    "mine": "mine mines mining mined",
    "approve": "approve approved approves approval",
    "census": "census",
    "city": "city cities",
}

MUST_STAY_APART = [
    # Mongolian: a word and another that merely starts or ends like it.
    ("мал", "малчин"),  # livestock / herder
    ("гэр", "гэрээ"),  # ger / contract
    ("мэдээ", "мэдэх"),  # news / to know
    ("төсөв", "төсөл"),  # budget / project
    ("сан", "санал"),  # fund / proposal
    ("аймаг", "аймшиг"),  # province / horror
    ("хот", "хоол"),  # city / food
    ("ус", "уул"),  # water / mountain
    ("мод", "морь"),  # tree / horse
    ("хүн", "хүнс"),  # person / food supply
    ("хэлэлцээ", "хэлэлцэх"),  # negotiation / to discuss
    ("Улаанбаатар", "Улаан"),  # the capital / red
    ("зэс", "зээл"),  # copper / loan
    # English.
    ("news", "new"),
    ("university", "universe"),
    ("policy", "police"),
    ("general", "generous"),
    ("organ", "organization"),
    # Across the two scripts nothing meets by accident.
    ("mal", "мал"),
]


def stems_of(words: str) -> dict[str, str]:
    return {word: stem_token(word.casefold()) for word in words.split()}


@pytest.mark.parametrize("family", MONGOLIAN_FAMILIES.values(), ids=MONGOLIAN_FAMILIES.keys())
def test_the_forms_of_a_mongolian_word_share_one_stem(family):
    found = stems_of(family)
    assert len(set(found.values())) == 1, found


@pytest.mark.parametrize("family", ENGLISH_FAMILIES.values(), ids=ENGLISH_FAMILIES.keys())
def test_the_forms_of_an_english_word_share_one_stem(family):
    found = stems_of(family)
    assert len(set(found.values())) == 1, found


@pytest.mark.parametrize("first, second", MUST_STAY_APART)
def test_different_words_keep_different_stems(first, second):
    assert stem_token(first.casefold()) != stem_token(second.casefold())


def test_distinct_families_do_not_meet():
    by_family = {
        name: set(stems_of(words).values())
        for name, words in (MONGOLIAN_FAMILIES | ENGLISH_FAMILIES).items()
    }
    for name, found in by_family.items():
        for other, other_found in by_family.items():
            if other != name:
                assert not found & other_found, (name, other)


def test_letter_case_is_folded_in_both_alphabets_including_o_and_u_with_diaeresis():
    assert stems("ӨВӨЛЖӨӨНД Үндэсний HERDERS") == stems("өвөлжөөнд үндэсний herders")


def test_a_text_gives_each_stem_once_and_drops_punctuation():
    assert stems("Малчид, малчдын — малчин! (herders' herders)") == ["малч", "herder"]


@pytest.mark.parametrize(
    "query",
    ["&|!():*", "' OR 1=1 --", "a & b | !c", "''", "\x00", "<script>", "x" * 10_000, "   "],
)
def test_a_query_yields_only_plain_word_stems(query):
    for term in query_terms(query):
        assert term.isalnum(), term


def test_a_query_is_bounded_in_words():
    assert len(query_terms(" ".join(f"word{n}" for n in range(100)))) == 10
