"""ASCII slugs for pages, transliterating Mongolian Cyrillic after MNS 5217:2012."""

from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm

MONGOLIAN_CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "ye", "ё": "yo",
    "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ү": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "sh", "ъ": "i", "ы": "y", "ь": "i", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip


def transliterate(text: str) -> str:
    return "".join(MONGOLIAN_CYRILLIC_TO_LATIN.get(char, char) for char in text.lower())


def ascii_slug(text: str) -> str:
    return slugify(transliterate(text))[:255].strip("-")


class AsciiSlugPageForm(WagtailAdminPageForm):
    """Turns whatever slug the editor typed (Cyrillic included) into the one ASCII slug."""

    def clean_slug(self):
        slug = ascii_slug(self.cleaned_data.get("slug") or "")
        return slug or ascii_slug(self.data.get("title_en", "") or "")


class AsciiSlugMixin:
    """Keeps slugs ASCII for pages created in code as well as in the admin."""

    base_form_class = AsciiSlugPageForm

    def full_clean(self, *args, **kwargs):
        self.slug = ascii_slug(self.slug or self.title or "")
        super().full_clean(*args, **kwargs)
