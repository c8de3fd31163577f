"""Build the demo site: sections, articles, authors, sources and headlines.

Safe to run again: everything is looked up by its slug or natural key first,
so a second run creates nothing.
"""

import io

from django.core.files.images import ImageFile
from django.core.management import BaseCommand, call_command
from django.db import transaction
from django.utils import timezone, translation
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from articles.models import ArticleAuthor, ArticleIndexPage, ArticlePage, Topic
from articles.renditions import make_article_renditions
from authors.models import Author, AuthorLink
from headlines.models import Headline, Source
from portal import demo_data
from portal.models import HomePage
from portal.site_root import tree_root


def _gradient(draw, size, top, bottom):
    for y in range(size[1]):
        mix = y / max(1, size[1] - 1)
        draw.line(
            [(0, y), (size[0], y)],
            fill=tuple(round(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True)),
        )


def _lighter(colour, amount):
    return tuple(min(255, c + amount) for c in colour)


def draw_image(title: str, colour, size) -> ImageFile:
    """A plain picture, so the demo needs no downloads and carries no words: a sky in the
    story's colour, a sun and rolling steppe, the hills placed by the title (each story its own)."""
    width, height = size
    picture = PillowImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(picture)
    _gradient(draw, size, _lighter(colour, 90), colour)
    seed = sum(title.encode())
    sun = (width * (0.2 + (seed % 60) / 100), height * 0.3)
    radius = height * 0.11
    draw.ellipse(
        [sun[0] - radius, sun[1] - radius, sun[0] + radius, sun[1] + radius], fill=(240, 180, 0)
    )
    for layer, shade in enumerate((40, 20, 0)):
        base = height * (0.6 + layer * 0.12)
        crest = height * (0.12 - layer * 0.03)
        phase = (seed >> layer) % 7
        points = [(0, height)]
        for step in range(0, 33):
            x = width * step / 32
            wave = ((step + phase) % 8) / 8
            points.append((x, base - crest * (1 - abs(2 * wave - 1))))
        points.append((width, height))
        draw.polygon(points, fill=_lighter(tuple(c // 2 for c in colour), shade))
    return _png(picture, title)


def draw_portrait(title: str, colour, size) -> ImageFile:
    """A plain portrait placeholder: a head and shoulders on a soft background, no initials."""
    width, height = size
    picture = PillowImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(picture)
    _gradient(draw, size, _lighter(colour, 70), colour)
    figure = _lighter(colour, 130)
    draw.ellipse([width * 0.32, height * 0.18, width * 0.68, height * 0.54], fill=figure)
    draw.ellipse([width * 0.14, height * 0.6, width * 0.86, height * 1.3], fill=figure)
    return _png(picture, title)


def _png(picture, title: str) -> ImageFile:
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return ImageFile(buffer, name=f"{title}.png")


def translated(prefix: str, values: dict) -> dict:
    return {f"{prefix}_{code}": value for code, value in values.items()}


class Command(BaseCommand):
    help = "Load the demo site (idempotent)."

    def handle(self, *args, **options):
        self.created = 0
        # Translated fields follow the active language: be explicit.
        with translation.override("en"), transaction.atomic():
            home = self.home_page()
            sections = {data["slug"]: self.section(home, data) for data in demo_data.SECTIONS}
            topics = {data["slug"]: self.topic(data) for data in demo_data.TOPICS}
            authors = {data["slug"]: self.author(data) for data in demo_data.AUTHORS}
            articles = [
                self.article(sections[data["section"]], data, authors, topics)
                for data in demo_data.ARTICLES
            ]
            # Publishing makes an article's renditions; a demo loaded before that rule gets
            # them here, so no reader's first visit resizes an image.
            for article in articles:
                make_article_renditions(article)
            if home.lead_article_id is None:
                home.lead_article = articles[0]
                home.save_revision().publish()
            sources = {row[0]: self.source(*row) for row in demo_data.SOURCES}
            # The seed lists newest first; saving oldest first keeps that order on screen.
            for title, domain, published_on, language in reversed(demo_data.HEADLINES):
                self.headline(title, sources[domain], published_on, language)
        call_command("update_translation_fields", verbosity=0)
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready: {self.created} objects created.")
        )

    def count(self, created: bool):
        self.created += int(created)

    def home_page(self) -> HomePage:
        home = HomePage.objects.first()
        root = tree_root()
        if home is None:
            # Wagtail's install leaves a placeholder welcome page; the portal replaces it.
            for placeholder in root.get_children().filter(slug="home"):
                if not placeholder.specific_class or placeholder.specific_class is Page:
                    placeholder.delete()
            home = HomePage(
                slug="home",
                **translated("title", demo_data.SITE_TITLE),
                **translated("introduction", demo_data.SITE_INTRODUCTION),
            )
            root.add_child(instance=home)
            home.save_revision().publish()
            self.count(True)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name=demo_data.SITE_TITLE["en"],
            )
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.site_name = demo_data.SITE_TITLE["en"]
            site.save()
        return home

    def section(self, home, data) -> ArticleIndexPage:
        section = ArticleIndexPage.objects.child_of(home).filter(slug=data["slug"]).first()
        if section is None:
            section = ArticleIndexPage(slug=data["slug"], title_en=data["en"], title_mn=data["mn"])
            home.add_child(instance=section)
            section.save_revision().publish()
            self.count(True)
        return section

    def topic(self, data) -> Topic:
        topic, created = Topic.objects.get_or_create(
            slug=data["slug"], defaults={"name_en": data["en"], "name_mn": data["mn"]}
        )
        self.count(created)
        return topic

    def image(self, title, colour, size, draw=draw_image):
        Image = get_image_model()
        image = Image.objects.filter(title=title).first()
        if image is None:
            image = Image.objects.create(title=title, file=draw(title, colour, size))
            self.count(True)
        return image

    def author(self, data) -> Author:
        author = Author.objects.filter(slug=data["slug"]).first()
        if author is None:
            photo = self.image(
                f"author-{data['slug']}", (90, 98, 110), (400, 400), draw=draw_portrait
            )
            author = Author(
                slug=data["slug"],
                kind=data["kind"],
                photo=photo,
                **translated("name", data["name"]),
                **translated("credentials", data["credentials"]),
                **translated("bio", data["bio"]),
            )
            author.save()
            for label, url in data["links"]:
                AuthorLink.objects.create(author=author, label_en=label, url=url)
            self.count(True)
        return author

    def article(self, section, data, authors, topics) -> ArticlePage:
        article = ArticlePage.objects.child_of(section).filter(slug=data["slug"]).first()
        if article is not None:
            return article
        lead_image = None
        if data.get("image"):
            spec = data["image"]
            lead_image = self.image(spec["key"], spec["colour"], (1200, 675))
        body = {
            f"body_{code}": [
                (kind, RichText(value) if kind == "paragraph" else value) for kind, value in blocks
            ]
            for code, blocks in data["body"].items()
        }
        article = ArticlePage(
            slug=data["slug"],
            published_at=timezone.make_aware(data["published_at"]),
            lead_image=lead_image,
            original_source_name=data.get("original_source_name", ""),
            original_source_url=data.get("original_source_url", ""),
            republication_permitted=data.get("republication_permitted", False),
            **translated("title", data["title"]),
            **translated("summary", data["summary"]),
            **translated("lead_image_caption", data.get("caption", {})),
            **body,
        )
        article.article_authors = [
            ArticleAuthor(author=authors[slug], sort_order=index)
            for index, slug in enumerate(data["authors"])
        ]
        article.topics = [topics[slug] for slug in data["topics"]]
        section.add_child(instance=article)
        article.save_revision().publish()
        self.count(True)
        return article

    def source(self, domain, name_en, name_mn, site_url, language) -> Source:
        source, created = Source.objects.get_or_create(
            domain=domain,
            defaults={
                "name_en": name_en,
                "name_mn": name_mn,
                "site_url": site_url,
                "language": language,
            },
        )
        self.count(created)
        return source

    def headline(self, title, source, published_on, language):
        # Lines from the seed page carry no story link: they point at the source's site.
        _headline, created = Headline.objects.get_or_create(
            source=source,
            published_on=published_on,
            language=language,
            **{f"title_{language}": title},
            defaults={"url": source.site_url, "live": True},
        )
        self.count(created)
