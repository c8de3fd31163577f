import factory
from factory.django import DjangoModelFactory

from .models import Author


class AuthorFactory(DjangoModelFactory):
    name_en = factory.Sequence(lambda n: f"Author {n}")
    slug = factory.Sequence(lambda n: f"author-{n}")
    kind = Author.Kind.GUEST
    credentials_en = "Researcher"
    bio_en = factory.LazyAttribute(lambda o: f"{o.name_en} writes about Mongolia.")

    class Meta:
        model = Author
