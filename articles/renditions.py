"""Every size and format the site shows an image in, in one place.

The templates draw their `<picture>` elements from these uses, listings prefetch them, and
publishing an article makes them (see `articles.signals`), so a reader's request finds every
rendition already made: resizing an image inside a request is what made first visits slow.
"""

import logging
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.cache import cache
from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from .blocks import CaptionedImageBlock

logger = logging.getLogger(__name__)

# The fallback keeps the uploaded file's format (a photo stays JPEG, a drawing PNG).
ORIGINAL = "original"
# A rendition's media type, by its file's extension (a format's name is its extension).
MIME_TYPES = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "webp": "image/webp",
    "avif": "image/avif",
}
# A file's size never changes under its name (a new rendition gets a new name): keep it long.
FILE_SIZE_SECONDS = 30 * 24 * 60 * 60


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

    @property
    def largest_fallback_spec(self) -> str:
        """The one rendition every reader can open: the largest, in the fallback format."""
        return self.spec(max(self.widths), self.formats[-1])


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


def prefetch_renditions(lookup: str, specs) -> Prefetch:
    """For a queryset whose `lookup` (say "lead_image") is select_related: these renditions
    of every row in one query, where Wagtail (and `existing_rendition`) looks first."""
    rendition_model = get_image_model().get_rendition_model()
    return Prefetch(
        f"{lookup}__renditions",
        queryset=rendition_model.objects.filter(filter_spec__in=list(specs)),
        to_attr="prefetched_renditions",
    )


def prefetch_card_renditions(lookup: str) -> Prefetch:
    """The card renditions, where `{% picture_of %}` looks first."""
    return prefetch_renditions(lookup, CARD_IMAGE.specs)


def existing_rendition(image, spec: str):
    """The rendition `spec` of `image` among its prefetched renditions, or None: never made
    here, for a reader's request must not resize an image (publication makes them)."""
    if image is None or getattr(image, "prefetched_renditions", None) is None:
        return None
    wanted = Filter(spec)
    return image.find_existing_renditions(wanted).get(wanted)


def mime_type(rendition) -> str:
    extension = PurePosixPath(rendition.file.name).suffix.lstrip(".").lower()
    return MIME_TYPES.get(extension, "application/octet-stream")


def file_size_key(rendition) -> str:
    return f"rendition-bytes:{rendition.file.name}"


def file_sizes(renditions) -> dict[str, int]:
    """The size in bytes of each rendition's file, by file name: from the cache (written when
    the rendition is made), else from the storage once. A file that is gone is left out."""
    renditions = [rendition for rendition in renditions if rendition is not None]
    known = cache.get_many([file_size_key(rendition) for rendition in renditions])
    sizes = {}
    for rendition in renditions:
        size = known.get(file_size_key(rendition))
        if size is None:
            try:
                size = rendition.file.size
            except Exception:  # a lost file, a bucket that does not answer
                logger.warning("No size for rendition file %s", rendition.file.name)
                continue
            cache.set(file_size_key(rendition), size, FILE_SIZE_SECONDS)
        sizes[rendition.file.name] = size
    return sizes


def make_renditions(image, *uses: ImageUse) -> dict:
    """Make (or find) every rendition of `image` that `uses` show, by spec."""
    if image is None:
        return {}
    return image.get_renditions(*[spec for use in uses for spec in use.specs])


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
    lead = make_renditions(page.lead_image, LEAD_IMAGE, CARD_IMAGE, SHARE_IMAGE)
    file_sizes([lead.get(LEAD_IMAGE.largest_fallback_spec)])  # the feeds' enclosure states it
    for image in body_images(page):
        make_renditions(image, BODY_IMAGE)
    for link in page.article_authors.select_related("author__photo"):
        make_renditions(link.author.photo, AUTHOR_PHOTO)
