import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
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


def make_staff(username, *permissions):
    """An admin user holding exactly `permissions` ("app_label.codename") besides admin access."""
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@newsroom.example", password="staff-password"
    )
    for name in ("wagtailadmin.access_admin", *permissions):
        app_label, codename = name.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user
