import factory
from django.contrib.auth import get_user_model
from django.utils import timezone
from factory.django import DjangoModelFactory

from authors.factories import AuthorFactory
from authors.models import Author

from .models import GuestSubmission


def make_guest(email="guest@example.org", password="a-long-guest-password", **author_fields):
    """A guest author who has accepted the invitation: an account with a password and a profile."""
    user = get_user_model().objects.create_user(username=email, email=email, password=password)
    return AuthorFactory(user=user, kind=Author.Kind.GUEST, **author_fields)


class GuestSubmissionFactory(DjangoModelFactory):
    """A guest's piece in English, submitted unless told otherwise."""

    title = factory.Sequence(lambda n: f"Guest piece {n}")
    summary = "A guest's summary."
    body = "<p>A guest's text.</p>"
    language = "en"
    consent = True
    status = GuestSubmission.Status.SUBMITTED
    submitted_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = GuestSubmission
