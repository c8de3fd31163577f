"""Every size and format the site shows an image in, in one place.

The templates draw their `<picture>` elements from these uses, listings prefetch them, and
publishing an article makes them (see `articles.signals`), so a reader's request finds every
rendition already made: resizing an image inside a request is what made first visits slow.
"""

from dataclasses import dataclass

from django.db.models import Prefetch
from wagtail.images import get_image_model

from .blocks import CaptionedImageBlock

# The fallback keeps the uploaded file's format (a photo stays JPEG, a drawing PNG).
ORIGINAL = "original"


@dataclass(frozen=True)
class ImageUse:
    """One place an image appears: the widths made, their formats (the last is the `<img>`
    fallback every browser reads), the page's `sizes` hint, and for crops the aspect ratio."""

    name: str
    widths: tuple[int, ...]
    formats: tuple[str, ...]
    sizes: str = ""
    ratio: tuple[int, int] | None = None  # crop to width:height; None keeps the image's shape

    def operation(self, width: int) -> str:
        if self.ratio is None:
            return f"width-{width}"
        return f"fill-{width}x{width * self.ratio[1] // self.ratio[0]}"

    def spec(self, width: int, image_format: str) -> str:
        if image_format == ORIGINAL:
            return self.operation(width)
        return f"{self.operation(width)}|format-{image_format}"

    @property
    def specs(self) -> list[str]:
        return [self.spec(width, fmt) for fmt in self.formats for width in self.widths]


# Widths follow the layout in static/css/site.css: the article column is at most 44rem
# (704 px, twice that on dense screens), cards fill a column of the home grid or half of it.
LEAD_IMAGE = ImageUse(
    "lead",
    widths=(480, 800, 1200),
    formats=("webp", ORIGINAL),
    sizes="(min-width: 46rem) 44rem, 100vw",
)
CARD_IMAGE = ImageUse(
    "card",
    widths=(320, 640, 960),
    formats=("webp", ORIGINAL),
    sizes="(min-width: 60rem) 22rem, (min-width: 40rem) 50vw, 100vw",
    ratio=(16, 9),
)
# OpenGraph readers (chat apps, social sites) want one JPEG or PNG of this shape.
SHARE_IMAGE = ImageUse("share", widths=(1200,), formats=(ORIGINAL,), ratio=(1200, 630))
BODY_IMAGE = ImageUse(
    "body", widths=(480, 1000), formats=("webp", ORIGINAL), sizes="(min-width: 46rem) 44rem, 100vw"
)
AUTHOR_PHOTO = ImageUse(
    "author", widths=(80, 160), formats=("webp", ORIGINAL), sizes="80px", ratio=(1, 1)
)

IMAGE_USES = {
    use.name: use for use in (LEAD_IMAGE, CARD_IMAGE, SHARE_IMAGE, BODY_IMAGE, AUTHOR_PHOTO)
}


def prefetch_card_renditions(lookup: str) -> Prefetch:
    """For a queryset whose `lookup` (say "lead_image") is select_related: the card
    renditions of every row in one query, where `{% picture_of %}` looks first."""
    rendition_model = get_image_model().get_rendition_model()
    return Prefetch(
        f"{lookup}__renditions",
        queryset=rendition_model.objects.filter(filter_spec__in=CARD_IMAGE.specs),
        to_attr="prefetched_renditions",
    )


def make_renditions(image, *uses: ImageUse) -> None:
    """Make (or find) every rendition of `image` that `uses` show."""
    if image is not None:
        image.get_renditions(*[spec for use in uses for spec in use.specs])


def body_images(page):
    """The images in an article's body, in every language."""
    from bilingual.languages import language_codes

    seen = {}
    for code in language_codes():
        for block in getattr(page, f"body_{code}", None) or []:
            if isinstance(block.block, CaptionedImageBlock) and block.value.get("image"):
                image = block.value["image"]
                seen.setdefault(image.pk, image)
    return list(seen.values())


def make_article_renditions(page) -> None:
    """Everything a reader will be shown of this article's images: the lead image on the
    article, on cards and in link previews; the body's images; its authors' photos."""
    make_renditions(page.lead_image, LEAD_IMAGE, CARD_IMAGE, SHARE_IMAGE)
    for image in body_images(page):
        make_renditions(image, BODY_IMAGE)
    for link in page.article_authors.select_related("author__photo"):
        make_renditions(link.author.photo, AUTHOR_PHOTO)
