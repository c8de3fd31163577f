import datetime

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from .models import ArticleIndexPage, ArticlePage, Topic


class TopicFactory(DjangoModelFactory):
    name_en = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")

    class Meta:
        model = Topic


class ArticleIndexPageFactory(wagtail_factories.PageFactory):
    title_en = factory.Sequence(lambda n: f"Section {n}")
    title = factory.LazyAttribute(lambda o: o.title_en)
    slug = factory.Sequence(lambda n: f"section-{n}")

    class Meta:
        model = ArticleIndexPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    """A live English article; add `title_mn`, `summary_mn`, `body_mn` for a translated one."""

    title_en = factory.Sequence(lambda n: f"Article {n}")
    title = factory.LazyAttribute(lambda o: o.title_en)
    slug = factory.Sequence(lambda n: f"article-{n}")
    summary_en = "A short summary."
    body_en = factory.LazyFunction(lambda: [("paragraph", "<p>Body text.</p>")])
    published_at = factory.Sequence(
        lambda n: timezone.make_aware(datetime.datetime(2025, 1, 1)) + datetime.timedelta(hours=n)
    )

    class Meta:
        model = ArticlePage
