import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from .models import GuestSubmission


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
