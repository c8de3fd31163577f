"""A light suffix-stripping stemmer for Mongolian in Cyrillic script, for search only.

Its stems are not dictionary forms: they are keys on which a word's inflected forms agree
(Улаанбаатар, Улаанбаатарт, Улаанбаатарын -> "улаанбаатр"; малчин, малчид, малчдын ->
"малч"). Indexing and queries both go through `stem`, so only agreement matters. Words
come in already case-folded (Ө/Ү included: Python's `str.casefold`).

The rules, in order (each a list of endings tried longest first, each ending with the
condition on what precedes it; an ending whose vowels disagree with the stem's vowel
harmony is not stripped):

1. Reflexive-possessive -аа/-ээ/-оо/-өө (-гаа… after a vowel) only where it follows a case
   ending (гэртээ, хотдоо, хотоосоо, ээжтэйгээ); a bare final long vowel is left alone,
   since many stems end in one (мэдээ, хэлэлцээ, өвөлжөө).
2. Case endings, at most twice (хэлэлцээрийн -> хэлэлцээр -> хэлэлц):
   genitive -ын/-ийн, -гийн after a long vowel or н, hidden-n -ны/-ний, -ы/-ий after н,
   -н after a diphthong; accusative -ыг/-ийг, -г after a long vowel or н; dative-locative
   -д after a vowel, й, н, м, л, ь, -т after в, г, р, с, -ад/-эд/-од/-өд after other
   consonants, -ид after ж, ч, ш, hidden-n -нд after a long vowel and -анд/-энд/-онд/-өнд
   after a consonant; ablative and instrumental -аас/-аар (four vowels each, -г- after a
   long vowel, -н- for hidden-n stems, -иас/-иар after a palatalised stem); comitative
   -тай/-тэй/-той; directive -руу/-рүү/-луу/-лүү.
3. Plural endings: -ууд/-үүд, -нууд/-нүүд, -чууд/-чүүд, -гууд/-гүүд, -иуд/-иүд
   (and -д/-ид, which step 2 already strips as the dative does: малчид, хоршоод).
4. Only when steps 2-3 stripped nothing, the commonest verb endings of news prose: past
   -лаа/-лээ/-лоо/-лөө and -жээ/-чээ, participle -сан/-сэн/-сон/-сөн, present-future
   -на/-нэ/-но/-нө, habitual -даг/-дэг/-дог/-дөг, converb -ж/-ч and infinitive -х after a
   short vowel (not -гч, the agent noun: сурагч).
5. One canonical shape for what is left, so that a stem with and without its fleeting
   vowel, hidden n or soft sign agrees: drop a final ь/ъ (сургууль/сургуулийн), a final
   short vowel (хутга/хутгад), the short vowel between the last two consonants of a word
   of two syllables or more (аймаг/аймгийн, оюутан/оюутны, ажил/ажлын, батал-/батл-), then a
   final н after a consonant or a long vowel (малчн -> малч, хаан -> хаа) and a final д
   after a consonant (малчд -> малч, хүүхд -> хүүх).

Sources for the endings and the conditions on them:
- "Mongolian language", Wikipedia, sections Grammar > Cases and Plurals (genitive forms by
  stem ending, after J. Gaunt, Modern Mongolian: a course-book, Routledge 2006; plurals
  after Tsedendamba & Möömöö 1997 and Sečenbaγatur 2003).
- MongTeCor (LMU Munich), "Number": plural -UUd, -nUUd after vowels and l, r, -d after
  unstable n and actor nouns (малчин -> малчид).
- Wiktionary, "-д": dative -т after г, р, с; plural -д and stems losing н, с, р, л.
- sprachsignale.de, Mongolisch: Dativ-Lokativ (-д, -т, -ид, -ад4; hidden n: усанд, моринд).
- experiencesilkroad.com grammar notes: ablative -аас4, comitative -тай3, reflexive -аа4,
  dative -д/т with the inserted vowel after д, т, х, ш, ц…
- З. Д. Улзетуева, Современный монгольский язык (plurals -ууд/-үүд, -нууд/-нүүд, -с).
- Vowel harmony (back а о у / front э ө ү, и neutral): the Wikipedia article above and
  talkpal.ai's notes on suffixes; rounding is not checked, only front against back.
- B.-O. Khaltar and A. Fujii, "A lemmatization method for Mongolian and its application to
  indexing for information retrieval", Information Processing and Management 45 (2009):
  dictionary-free suffix segmentation with vowel restoration. This module takes the
  opposite, simpler road for fleeting vowels (deleting them in every form, step 5).

Known limits: no lexicon, so a stem that merely looks inflected is cut too (хүүхэд is
treated like a dative), some different words meet (хотон and хот), and irregular plurals
(хүмүүс) and stacked possessives (-ынхаа) are not undone. The tests hold the families this
module must join and the pairs it must keep apart.
"""

from functools import lru_cache

VOWELS = frozenset("аэиоуөүыеёяю")
BACK_VOWELS = frozenset("аоуыяёю")
FRONT_VOWELS = frozenset("эөүе")
SIGNS = frozenset("ьъ")
PALATAL = frozenset("жчш")


def is_vowel(letter: str) -> bool:
    return letter in VOWELS


def is_consonant(letter: str) -> bool:
    return letter not in VOWELS and letter not in SIGNS and letter != "й"


def ends_long(stem: str) -> bool:
    """A long vowel or a diphthong at the end: аа, өө, ий, ай, уй…"""
    return len(stem) >= 2 and (is_vowel(stem[-2]) and (is_vowel(stem[-1]) or stem[-1] == "й"))


def ends_consonant(stem: str) -> bool:
    return bool(stem) and is_consonant(stem[-1])


def has_vowel(stem: str) -> bool:
    return any(is_vowel(letter) for letter in stem)


def harmonises(stem: str, ending: str) -> bool:
    """A back-vowelled ending on a back stem, a front one on a front stem (и is neutral;
    a stem with only и is front). Loanwords with both kinds accept either."""
    back = any(letter in BACK_VOWELS for letter in stem)
    front = any(letter in FRONT_VOWELS for letter in stem) or not back
    if any(letter in BACK_VOWELS for letter in ending):
        return back
    if any(letter in FRONT_VOWELS for letter in ending):
        return front
    return True


# Conditions on what precedes an ending.
def any_stem(stem):
    return True


def after_consonant(stem):
    return ends_consonant(stem)


def after_long_vowel(stem):
    return ends_long(stem)


def after_long_vowel_or_n(stem):
    return ends_long(stem) or stem.endswith("н")


def after_n(stem):
    return stem.endswith("н")


def after_diphthong(stem):
    return len(stem) >= 2 and stem[-1] == "й" and is_vowel(stem[-2])


def after_palatal(stem):
    return stem[-1:] in PALATAL


def after_open_letter(stem):
    """The bare dative -д: after a vowel, й, н, м, л or ь (далайд, хүнд, малд, сургуульд)."""
    return bool(stem) and (is_vowel(stem[-1]) or stem[-1] in "йнмль")


def after_vgrs(stem):
    """The dative -т: after в, г, р, с (гэрт, аймагт, Улаанбаатарт)."""
    return stem[-1:] in ("в", "г", "р", "с")


def after_other_consonant(stem):
    """-ад/-эд…: a consonant that takes neither -д nor -т bare (хотод, хүүхдэд, улсад)."""
    return ends_consonant(stem) and stem[-1] not in "нмл"


def harmonic(pattern: str, vowels: str = "аэоө") -> list[str]:
    """The ending with `A` standing for each of `vowels` in turn."""
    return [pattern.replace("A", vowel) for vowel in vowels]


# (ending, condition, shortest stem left). Tried longest first.
CASE_ENDINGS = sorted(
    [
        # genitive
        ("гийн", after_long_vowel_or_n, 2),
        ("ийн", after_consonant, 2),
        ("ын", after_consonant, 2),
        ("ний", any_stem, 3),
        ("ны", any_stem, 3),
        ("ий", after_n, 2),
        ("ы", after_n, 2),
        ("н", after_diphthong, 3),
        # accusative
        ("ийг", after_consonant, 2),
        ("ыг", after_consonant, 2),
        ("г", after_long_vowel_or_n, 3),
        # dative-locative
        ("нд", after_long_vowel, 3),
        *[(ending, after_consonant, 2) for ending in harmonic("Aнд")],
        ("инд", after_consonant, 2),
        *[(ending, after_other_consonant, 2) for ending in harmonic("Aд")],
        ("ид", after_palatal, 2),
        ("д", after_open_letter, 3),
        ("т", after_vgrs, 3),
        # ablative and instrumental
        *[(ending, after_long_vowel_or_n, 2) for ending in harmonic("гAAс") + harmonic("гAAр")],
        *[(ending, any_stem, 2) for ending in harmonic("нAAс") + harmonic("нAAр")],
        *[(ending, after_consonant, 2) for ending in ("иас", "иэс", "иар", "иэр")],
        *[(ending, after_consonant, 2) for ending in harmonic("AAс") + harmonic("AAр")],
        # comitative and directive
        *[(ending, any_stem, 3) for ending in ("тай", "тэй", "той")],
        *[(ending, any_stem, 2) for ending in ("руу", "рүү", "луу", "лүү")],
    ],
    key=lambda rule: -len(rule[0]),
)

PLURAL_ENDINGS = sorted(
    [
        *[(ending, any_stem, 2) for ending in ("нууд", "нүүд", "чууд", "чүүд")],
        *[(ending, after_long_vowel, 2) for ending in ("гууд", "гүүд")],
        *[(ending, after_consonant, 2) for ending in ("иуд", "иүд", "ууд", "үүд")],
    ],
    key=lambda rule: -len(rule[0]),
)

REFLEXIVE_ENDINGS = [*harmonic("гAA"), *harmonic("AA")]


def after_short_vowel(stem):
    return len(stem) >= 2 and is_vowel(stem[-1]) and not is_vowel(stem[-2])


VERB_ENDINGS = sorted(
    [
        *[(ending, any_stem, 2) for ending in harmonic("лAA")],
        *[(ending, any_stem, 3) for ending in ("жээ", "чээ")],
        *[(ending, any_stem, 3) for ending in harmonic("сAн")],
        *[(ending, any_stem, 3) for ending in harmonic("дAг")],
        *[(ending, any_stem, 3) for ending in harmonic("нA")],
        ("ж", after_short_vowel, 3),
        ("ч", after_short_vowel, 3),
        ("х", after_short_vowel, 3),
    ],
    key=lambda rule: -len(rule[0]),
)


def strip_one(word: str, endings) -> str | None:
    """The word without the first of `endings` that it carries and may lose, or None."""
    for ending, condition, shortest in endings:
        if not word.endswith(ending):
            continue
        stem = word[: -len(ending)]
        if len(stem) >= shortest and has_vowel(stem) and condition(stem):
            if harmonises(stem, ending):
                return stem
    return None


def strip_reflexive(word: str) -> str | None:
    """-аа4 after a case ending: the word without both, or None."""
    for ending in REFLEXIVE_ENDINGS:
        if not word.endswith(ending) or not harmonises(word[: -len(ending)], ending):
            continue
        rest = word[: -len(ending)]
        # The dative loses its vowel before the reflexive: хот-од + -оо -> хотдоо.
        if rest[-1:] in ("д", "т") and len(rest) >= 4 and has_vowel(rest[:-1]):
            return rest[:-1]
        if (stem := strip_one(rest, CASE_ENDINGS)) is not None and len(stem) >= 3:
            return stem
    return None


def canonical(stem: str) -> str:
    """One shape for a stem seen with and without its fleeting vowel, hidden n or soft sign."""
    if stem[-1:] in SIGNS and len(stem) >= 3:
        stem = stem[:-1]
    if len(stem) >= 3 and after_short_vowel(stem):
        stem = stem[:-1]
    if (
        len(stem) >= 4
        and is_consonant(stem[-1])
        and is_vowel(stem[-2])
        and is_consonant(stem[-3])
        and has_vowel(stem[:-3])
    ):
        stem = stem[:-2] + stem[-1]
    if len(stem) >= 3 and stem[-1] == "н" and (ends_consonant(stem[:-1]) or ends_long(stem[:-1])):
        stem = stem[:-1]
    if len(stem) >= 3 and stem[-1] == "д" and ends_consonant(stem[:-1]) and has_vowel(stem[:-2]):
        stem = stem[:-1]
    return stem


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The search stem of one case-folded Mongolian word."""
    if len(word) < 3 or not has_vowel(word):
        return word
    stripped = False
    current = strip_reflexive(word)
    if current is not None:
        stripped = True
    else:
        current = word
    for _pass in range(1 if stripped else 2):
        # A plural's own -д is not a dative: аймгууд-ад -> аймгууд -> аймг.
        if strip_one(current, PLURAL_ENDINGS) is not None:
            break
        if (shorter := strip_one(current, CASE_ENDINGS)) is None:
            break
        current, stripped = shorter, True
    if (shorter := strip_one(current, PLURAL_ENDINGS)) is not None:
        current, stripped = shorter, True
    if not stripped and (shorter := strip_one(current, VERB_ENDINGS)) is not None:
        current = shorter
    return canonical(current)
