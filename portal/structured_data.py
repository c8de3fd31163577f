"""What search engines and link previews read about a page: schema.org JSON-LD, and the
OpenGraph and Twitter card tags (`templates/includes/share_tags.html`).

Everything is said in the language of the text the reader is shown: an untranslated story
under /mn/ is English text, so its headline, `inLanguage` and `og:locale` are English.
"""

import json
from dataclasses import dataclass, field

from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy, pgettext

from bilingual.languages import current_language, get_language_info, localized

SITE_NAME = gettext_lazy("Mongolia News Portal")
SITE_DESCRIPTION = gettext_lazy("News and analysis about Mongolia, in English and Mongolian.")
HEADLINE_LIMIT = 110  # what search engines show of a NewsArticle's headline
DESCRIPTION_LIMIT = 200


@dataclass(frozen=True)
class Picture:
    """An image a preview or a search engine may fetch: its address (absolute) and size."""

    url: str
    width: int
    height: int
    alt: str = ""

    def as_schema(self) -> dict:
        return {"@type": "ImageObject", "url": self.url, "width": self.width, "height": self.height}


# A raster logo (search engines refuse an SVG one) and the image of pages that have none of
# their own; drawn by scripts/make_brand_images.py.
LOGO = ("img/logo.png", 512, 512)
DEFAULT_IMAGE = ("img/share-default.png", 1200, 630)


def static_picture(request, image) -> Picture:
    path, width, height = image
    return Picture(request.build_absolute_uri(static(path)), width, height, str(SITE_NAME))


def rendition_picture(request, rendition, alt="") -> Picture:
    return Picture(
        request.build_absolute_uri(rendition.url), rendition.width, rendition.height, alt
    )


@dataclass
class Share:
    """One page's link preview: OpenGraph and Twitter card tags."""

    title: str
    description: str
    url: str
    language: str  # the language of the text shown
    alternates: list[str] = field(default_factory=list)  # other languages it exists in
    kind: str = "website"  # og:type
    picture: Picture | None = None  # the page's own; the site's image otherwise
    published: str = ""
    modified: str = ""
    section: str = ""

    @property
    def locale(self) -> str:
        return get_language_info(self.language).og_locale

    @property
    def alternate_locales(self) -> list[str]:
        return [get_language_info(code).og_locale for code in self.alternates]


# Text -------------------------------------------------------------------------------------------


def cut_at_word(text: str, limit: int) -> str:
    """`text` in at most `limit` characters, cut between words and ended with an ellipsis."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    end = text.rfind(" ", 0, limit)  # the last space leaving room for the ellipsis
    kept = text[:end] if end > 0 else text[: limit - 1]  # one endless word: cut it
    return kept.rstrip(" ,;:.-–—") + "…"


def plain(text, limit: int = DESCRIPTION_LIMIT) -> str:
    """A description: one line of plain text (summaries and biographies are plain already;
    a "<" in them is a character), cut between words."""
    return cut_at_word(str(text), limit)


# Addresses --------------------------------------------------------------------------------------


def home_url(request, language: str | None = None) -> str:
    with translation.override(language or current_language()):
        return request.build_absolute_uri(reverse("wagtail_serve", args=("",)))


def page_url(request, page, language: str) -> str:
    """The page's address in `language` (an untranslated story's own is the English one)."""
    with translation.override(language):
        return request.build_absolute_uri(page.get_url(request))


def here(request) -> str:
    """This page's address without its query string (tracking and paging are not the page)."""
    return request.build_absolute_uri(request.path)


# schema.org -------------------------------------------------------------------------------------


def organization(request) -> dict:
    """The publisher, named in the page's language, with its logo."""
    home = home_url(request)
    return {
        "@type": "NewsMediaOrganization",
        "@id": f"{home}#organization",
        "name": str(SITE_NAME),
        "url": home,
        "logo": static_picture(request, LOGO).as_schema(),
    }


def website(request) -> dict:
    """The site, and how to search it (a search box in search results)."""
    home = home_url(request)
    with translation.override(current_language()):
        search = request.build_absolute_uri(reverse("search"))
    return {
        "@type": "WebSite",
        "@id": f"{home}#website",
        "url": home,
        "name": str(SITE_NAME),
        "description": str(SITE_DESCRIPTION),
        "inLanguage": current_language(),
        "publisher": {"@id": f"{home}#organization"},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }


def person(request, author) -> dict:
    data = {
        "@type": "Person",
        "name": str(localized(author, "name")),
        "url": request.build_absolute_uri(author.get_absolute_url()),
    }
    if credentials := localized(author, "credentials"):
        data["jobTitle"] = str(credentials)
    return data


def news_article(request, page, authors, picture: Picture | None) -> dict:
    """The story as a NewsArticle: headline, dates, authors, image, publisher, language."""
    title = localized(page, "title")
    body = localized(page, "body")
    url = page_url(request, page, title.language)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": cut_at_word(title, HEADLINE_LIMIT),
        "description": plain(localized(page, "summary")),
        "inLanguage": body.language if body else title.language,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "image": [(picture or static_picture(request, DEFAULT_IMAGE)).as_schema()],
        "author": [person(request, author) for author in authors],
        "publisher": organization(request),
    }
    section = page.get_parent()  # read only while the article's metadata is not cached
    if section is not None:
        data["articleSection"] = str(localized(section, "title"))
    # A draft seen in preview has no dates yet.
    published = page.published_at or page.first_published_at
    if published:
        data["datePublished"] = published.isoformat()
        data["dateModified"] = max(published, page.last_published_at or published).isoformat()
    if page.original_source_url:
        # A republished story: the original it is based on, and who published it first.
        original = {"@type": "NewsArticle", "url": page.original_source_url}
        if page.original_source_name:
            original["publisher"] = {"@type": "Organization", "name": page.original_source_name}
        data["isBasedOn"] = original
    if corrections := page.corrections_for_structured_data():
        data["correction"] = corrections
    return data


def breadcrumbs(request, trail) -> dict:
    """`trail`: (name, absolute address) pairs from the front page down to this page."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": str(name), "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def article_trail(request, page) -> list[tuple[str, str]]:
    """Front page, section, article, each in the reader's language."""
    trail = [(pgettext("breadcrumb", "Home"), home_url(request))]
    section = page.get_parent()
    if section is not None:
        trail.append((localized(section, "title"), page_url(request, section, current_language())))
    trail.append((cut_at_word(localized(page, "title"), HEADLINE_LIMIT), here(request)))
    return trail


def collection_page(request, name, description="") -> dict:
    """A listing: a section, a topic, a headline archive."""
    data = {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": str(name),
        "url": here(request),
        "inLanguage": current_language(),
        "isPartOf": {"@type": "WebSite", "name": str(SITE_NAME), "url": home_url(request)},
    }
    if description:
        data["description"] = plain(description)
    return data


def profile_page(request, author, picture: Picture | None) -> dict:
    """An author's page: a ProfilePage about the Person."""
    subject = person(request, author)
    if bio := localized(author, "bio"):
        subject["description"] = plain(bio)
    if picture:
        subject["image"] = picture.as_schema()
    links = [link.url for link in author.links.all()]
    if links:
        subject["sameAs"] = links
    return {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "url": here(request),
        "inLanguage": current_language(),
        "mainEntity": subject,
    }


# The script element -----------------------------------------------------------------------------

# Text inside <script> ends at the first "</script": these characters never appear raw.
SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def json_ld(*items) -> str:
    """One `<script type="application/ld+json">` per item, safe whatever text they hold."""
    scripts = [
        format_html(
            '<script type="application/ld+json">{}</script>',
            mark_safe(json.dumps(item, ensure_ascii=False).translate(SCRIPT_ESCAPES)),
        )
        for item in items
        if item
    ]
    return mark_safe("\n".join(scripts))
