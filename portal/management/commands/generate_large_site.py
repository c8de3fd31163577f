"""Fill the database with a newsroom's worth of content, to measure the site at its real size.

    manage.py generate_large_site [--articles 100000] [--headlines 1000000] [--years 10]

Adds to the site in the database (running `load_demo` first when there is no home page):
existing content is left as it is, and a second run adds as much again under new addresses.
Pages are written in bulk with their tree columns (path, depth, numchild, url_path)
computed here, so 100,000 articles take minutes, not hours; the tree stays valid
(`Page.find_problems()` finds nothing). The generated pages have no revisions and are not
in the search index.
"""

import datetime
import random
import uuid
from itertools import islice

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import BaseCommand, CommandError, call_command
from django.db import connection, reset_queries, transaction
from django.db.models import F
from django.utils import timezone, translation
from wagtail.models import Page

from articles.models import ArticleAuthor, ArticleIndexPage, ArticlePage, Topic
from authors.models import Author
from bilingual.slugs import ascii_slug
from headlines.identity import headline_key
from headlines.models import Headline, Source
from portal import large_site_text
from portal.models import HomePage

ARTICLES_PER_BATCH = 2000
HEADLINES_PER_BATCH = 5000
# Shares of the articles written in both languages, in English only and in Mongolian only.
BOTH, ENGLISH_ONLY = 0.7, 0.15
ARTICLES_PER_AUTHOR = 250
GUESTS_WITHOUT_PIECES = 3  # invited guests who have published nothing: no public page
GENERATED_SOURCES = 30
# Share of headlines in Mongolian, and of each language's headlines translated into the other.
MONGOLIAN_HEADLINES = 0.55
TRANSLATED_HEADLINES = 0.08
DRAFT_HEADLINES = 0.005


def chunks(iterable, size):
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


def paragraphs(texts) -> list[dict]:
    """A body as StreamField stores it (raw blocks), written without rendering anything."""
    return [
        {"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())} for text in texts
    ]


class Command(BaseCommand):
    help = "Generate a large site (articles, authors, topics, headlines) for measuring."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=100_000)
        parser.add_argument("--headlines", type=int, default=1_000_000)
        parser.add_argument("--years", type=int, default=10, help="How far back the dates go.")
        parser.add_argument("--seed", type=int, default=8, help="The same seed, the same site.")

    def handle(self, *args, **options):
        if options["articles"] < 0 or options["headlines"] < 0 or options["years"] < 1:
            raise CommandError("Sizes cannot be negative and --years must be at least 1.")
        self.rng = random.Random(options["seed"])
        self.writer = large_site_text.StoryWriter(self.rng)
        self.now = timezone.now().replace(microsecond=0)
        self.start = self.now - datetime.timedelta(days=365 * options["years"])
        with translation.override("en"):
            if not HomePage.objects.exists():
                call_command("load_demo", verbosity=0)
            # Numbers go on from what is there, so a second run's addresses are new ones.
            self.first_article = ArticlePage.objects.count()
            self.first_author = Author.objects.count()
            self.first_headline = Headline.objects.count()
            started = timezone.now()
            with transaction.atomic():
                topics = self.topics()
                authors = self.authors(options["articles"])
                self.articles(options["articles"], authors, topics)
            self.report("articles", started)
            started = timezone.now()
            self.headlines(options["headlines"])
            self.report("headlines", started)
        # Bulk writes send no signals: no cached page, fragment or count knows of them.
        cache.clear()
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            # Fresh statistics for the planner, and the visibility map index-only scans need.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")

    def report(self, what, started):
        seconds = (timezone.now() - started).total_seconds()
        self.stdout.write(f"{what} written in {seconds:.0f} s")

    # --- people and subjects -----------------------------------------------------------------

    def topics(self) -> list[Topic]:
        found = []
        for en, mn in large_site_text.TOPIC_NAMES:
            topic, _created = Topic.objects.get_or_create(
                slug=ascii_slug(en), defaults={"name_en": en, "name_mn": mn}
            )
            found.append(topic)
        return found + list(Topic.objects.exclude(pk__in=[t.pk for t in found]))

    def authors(self, articles: int) -> list[Author]:
        """Bylines for the articles (staff mostly, some guests), and a few invited guests who
        have published nothing (who must have no public page)."""
        count = max(4, articles // ARTICLES_PER_AUTHOR)
        rows = []
        for number in range(count + GUESTS_WITHOUT_PIECES):
            given, father = (
                large_site_text.GIVEN_NAMES[number % len(large_site_text.GIVEN_NAMES)],
                self.rng.choice(large_site_text.FATHERS_NAMES),
            )
            credentials = self.rng.choice(large_site_text.CREDENTIALS)
            name_en = f"{given[0]} {father[0][:1]}."
            kind = Author.Kind.GUEST if number % 5 == 4 or number >= count else Author.Kind.STAFF
            rows.append(
                Author(
                    name_en=name_en,
                    name_mn=f"{father[1]} {given[1]}",
                    slug=f"{ascii_slug(name_en)}-{self.first_author + number + 1}",
                    kind=kind,
                    credentials_en=credentials[0],
                    credentials_mn=credentials[1],
                    bio_en=f"{name_en} writes about Mongolia for the portal.",
                    bio_mn=f"{father[1]} {given[1]} портал дээр Монголын тухай бичдэг.",
                )
            )
        for row in rows:
            row.name = row.name_en
        Author.objects.bulk_create(rows)
        return list(Author.objects.filter(slug__in=[row.slug for row in rows[:count]]))

    # --- articles ----------------------------------------------------------------------------

    def articles(self, count: int, authors, topics):
        home = HomePage.objects.first()
        sections = list(ArticleIndexPage.objects.child_of(home).order_by("path"))
        if not sections:
            raise CommandError("The home page has no sections to put articles in.")
        content_type_id = ContentType.objects.get_for_model(ArticlePage).pk
        next_step = {}
        for section in sections:
            last = section.get_last_child()
            next_step[section.pk] = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
        # Oldest first, so that a section's tree order is also its order in time.
        seconds = int((self.now - self.start).total_seconds())
        moments = sorted(self.rng.randrange(seconds) for _ in range(count))
        added = dict.fromkeys(next_step, 0)
        for batch_start, batch in zip(
            range(0, count, ARTICLES_PER_BATCH), chunks(moments, ARTICLES_PER_BATCH), strict=True
        ):
            pages = []
            for offset, moment in enumerate(batch):
                number = batch_start + offset
                section = sections[self.rng.randrange(len(sections))]
                step = next_step[section.pk]
                next_step[section.pk] += 1
                added[section.pk] += 1
                when = self.start + datetime.timedelta(seconds=moment)
                pages.append(self.article(number, section, step, when, content_type_id))
            self.insert_pages(pages)
            self.link(pages, authors, topics)
            reset_queries()  # under DEBUG, Django keeps every statement (megabytes each)
            self.stdout.write(f"  {batch_start + len(batch)} articles", ending="\r")
            self.stdout.flush()
        for section in sections:
            Page.objects.filter(pk=section.pk).update(numchild=F("numchild") + added[section.pk])

    def article(self, number, section, step, when, content_type_id) -> ArticlePage:
        story = self.writer.story()
        share = self.rng.random()
        languages = (
            ["en", "mn"] if share < BOTH else ["en"] if share < BOTH + ENGLISH_ONLY else ["mn"]
        )
        written = {code: story[code] for code in languages}
        first = written[languages[0]]
        slug = f"{ascii_slug(first['title'])[:80].strip('-')}-{self.first_article + number + 1}"
        page = ArticlePage(
            content_type_id=content_type_id,
            path=Page._get_path(section.path, section.depth + 1, step),
            depth=section.depth + 1,
            numchild=0,
            slug=slug,
            url_path=f"{section.url_path}{slug}/",
            locale_id=section.locale_id,
            live=True,
            has_unpublished_changes=False,
            first_published_at=when,
            last_published_at=when,
            published_at=when,
            draft_title=first["title"],
        )
        for code in ("en", "mn"):
            text = written.get(code)
            setattr(page, f"title_{code}", text["title"] if text else None)
            setattr(page, f"summary_{code}", text["summary"] if text else None)
            setattr(page, f"body_{code}", paragraphs(text["paragraphs"]) if text else None)
        return page

    def insert_pages(self, pages):
        """Both tables of each page, a batch at a time: Django's bulk_create refuses
        multi-table inheritance, so the page rows go first and give the articles their ids."""
        page_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
        ids = Page.objects.all()._batched_insert(pages, page_fields, self.batch(page_fields))
        for page, (pk,) in zip(pages, ids, strict=True):
            page.id = page.page_ptr_id = pk
        article_fields = ArticlePage._meta.local_concrete_fields
        ArticlePage.objects.all()._batched_insert(pages, article_fields, self.batch(article_fields))

    def batch(self, fields) -> int:
        return max(1, min(1000, connection.ops.bulk_batch_size(fields, [None] * 1000)))

    def link(self, pages, authors, topics):
        bylines, filed = [], []
        through = ArticlePage.topics.through
        for page in pages:
            writers = self.rng.sample(authors, 2 if self.rng.random() < 0.15 else 1)
            bylines += [
                ArticleAuthor(page_id=page.pk, author_id=author.pk, sort_order=order)
                for order, author in enumerate(writers)
            ]
            filed += [
                through(articlepage_id=page.pk, topic_id=topic.pk)
                for topic in self.rng.sample(topics, self.rng.randint(0, 2))
            ]
        ArticleAuthor.objects.bulk_create(bylines, batch_size=1000)
        through.objects.bulk_create(filed, batch_size=1000)

    # --- headlines ---------------------------------------------------------------------------

    def sources(self) -> list[Source]:
        rows = []
        for number in range(GENERATED_SOURCES):
            language = "mn" if number % 2 else "en"
            domain = f"www.{'medee' if language == 'mn' else 'news'}{number + 1}.mn"
            rows.append(
                Source(
                    name_en=f"News site {number + 1}",
                    name_mn=f"Мэдээний сайт {number + 1}",
                    name=f"News site {number + 1}",
                    domain=domain,
                    site_url=f"https://{domain}/",
                    language=language,
                )
            )
        Source.objects.bulk_create(rows, ignore_conflicts=True)
        return list(Source.objects.all())

    def headlines(self, count: int):
        sources = {
            code: [s for s in self.sources() if s.language == code] or self.sources()
            for code in ("en", "mn")
        }
        days = (self.now.date() - self.start.date()).days + 1
        today = timezone.localdate()
        # Newest first in numbering; each batch is its own transaction, so memory stays flat.
        for batch_start in range(0, count, HEADLINES_PER_BATCH):
            rows = []
            for number in range(batch_start, min(count, batch_start + HEADLINES_PER_BATCH)):
                day = today - datetime.timedelta(days=number * days // max(count, 1))
                rows.append(self.headline(number, day, sources))
            with transaction.atomic():
                Headline.objects.bulk_create(rows, batch_size=1000)
            reset_queries()
            self.stdout.write(f"  {batch_start + len(rows)} headlines", ending="\r")
            self.stdout.flush()
        self.stdout.write("")

    def headline(self, number, day, sources) -> Headline:
        language = "mn" if self.rng.random() < MONGOLIAN_HEADLINES else "en"
        other = "en" if language == "mn" else "mn"
        source = self.rng.choice(sources[language])
        en, mn = self.writer.headline()
        titles = {"en": en, "mn": mn}
        serial = self.first_headline + number + 1
        url = f"https://{source.domain}/{day.year}/{day.month:02d}/story-{serial}"
        translated = self.rng.random() < TRANSLATED_HEADLINES
        live = number < 10 or self.rng.random() >= DRAFT_HEADLINES
        moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
        headline = Headline(
            url=url,
            source_id=source.pk,
            published_on=day,
            language=language,
            # The newest two of each list's first headlines are pinned, as an editor would.
            pinned=number < 4 and not self.first_headline,
            live=live,
            has_unpublished_changes=not live,
            first_published_at=moment if live else None,
            last_published_at=moment if live else None,
            dedup_key=headline_key(url, source.domain, day, titles[language]),
        )
        setattr(headline, f"title_{language}", titles[language])
        setattr(headline, f"title_{other}", titles[other] if translated else "")
        return headline
