"""Draw the site's PNG logo and its default share image (static/img/), from the favicon's
emblem: search engines refuse an SVG as a publisher's logo, and link previews want a raster.

    .venv/bin/python scripts/make_brand_images.py

The PNGs are committed; run this again only to change them. Wordless but for the emblem's
two letters, so one image serves both languages.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "static" / "img"
BLUE = (11, 79, 138)  # the favicon's
LIGHT = (232, 240, 248)
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def emblem(size: int) -> Image.Image:
    """The favicon drawn large: a rounded blue square with МН in white."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, size - 1, size - 1), radius=size * 6 // 32, fill=BLUE)
    font = ImageFont.truetype(FONT, size // 2)
    draw.text((size / 2, size * 0.53), "МН", font=font, fill="white", anchor="mm")
    return image


def logo() -> None:
    emblem(512).save(OUT / "logo.png", optimize=True)


def share_default() -> None:
    """1200 × 630, the shape link previews use: the emblem on a pale field with a horizon."""
    image = Image.new("RGB", (1200, 630), LIGHT)
    draw = ImageDraw.Draw(image)
    # Steppe horizon: three soft bands across the lower part.
    for top, shade in ((470, (205, 222, 238)), (520, (176, 203, 228)), (575, (140, 178, 212))):
        draw.rectangle((0, top, 1200, 630), fill=shade)
    mark = emblem(300)
    image.paste(mark, ((1200 - 300) // 2, 110), mark)
    image.save(OUT / "share-default.png", optimize=True)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    logo()
    share_default()
