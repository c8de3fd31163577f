import datetime

import factory
from factory.django import DjangoModelFactory

from .models import Headline, Source


class SourceFactory(DjangoModelFactory):
    name_en = factory.Sequence(lambda n: f"Source {n}")
    domain = factory.Sequence(lambda n: f"www.source{n}.mn")
    site_url = factory.LazyAttribute(lambda o: f"https://{o.domain}/")
    language = "en"

    class Meta:
        model = Source
        django_get_or_create = ("domain",)


class HeadlineFactory(DjangoModelFactory):
    """A published headline; pass `title_mn=...` with `language="mn"` for Mongolian ones."""

    title_en = factory.Sequence(lambda n: f"HEADLINE NUMBER {n}")
    source = factory.SubFactory(SourceFactory)
    url = factory.Sequence(lambda n: f"https://www.example.mn/story/{n}")
    published_on = datetime.date(2025, 12, 5)
    language = "en"
    live = True

    class Meta:
        model = Headline
