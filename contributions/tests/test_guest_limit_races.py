"""A guest's parallel requests are counted one after the other: each count of the daily limits
is made with the guest locked, in the transaction that saves what it allowed."""

import threading
import time
from unittest import mock

import pytest
from django import forms
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models.signals import post_save
from django.db.transaction import TransactionManagementError
from django.test import Client

from contributions import guest_limits
from contributions.factories import GuestSubmissionFactory
from contributions.guest_images import GuestImageField
from contributions.models import GuestSubmission, GuestUpload
from contributions.tests.guest_form import piece
from contributions.tests.test_guest_limits import png


class Timeline:
    """What happened, in order, each with the transactions (atomic blocks) open at the time."""

    def __init__(self):
        self.events = []

    def record(self, event):
        self.events.append((event, list(connection.atomic_blocks)))

    def spy(self, name):
        real = getattr(guest_limits, name)

        def wrapper(*args, **kwargs):
            self.record(name)
            return real(*args, **kwargs)

        return mock.patch.object(guest_limits, name, wrapper)

    def on_insert(self, model):
        def receiver(sender, created, **kwargs):
            if created:
                self.record(f"insert {model.__name__}")

        post_save.connect(receiver, sender=model, weak=False)
        return receiver

    def names(self):
        return [event for event, _blocks in self.events]

    def blocks(self, event):
        return next(blocks for name, blocks in self.events if name == event)


def assert_locked_until_saved(timeline, lock, count, insert, test_depth):
    """The guest is locked before the count, and the lock's transaction is still the one
    open when the row counted for is saved (it was not committed in between)."""
    names = timeline.names()
    assert names.index(lock) < names.index(count) < names.index(insert), names
    locked_in, saved_in = timeline.blocks(lock), timeline.blocks(insert)
    assert len(locked_in) > test_depth, "the lock was taken outside the view's own transaction"
    assert saved_in[: len(locked_in)] == locked_in


@pytest.mark.django_db
@pytest.mark.usefixtures("newsroom")
class TestSerialised:
    def test_a_new_piece_is_counted_and_saved_with_the_guest_locked(self, client, guest):
        timeline = Timeline()
        receiver = timeline.on_insert(GuestSubmission)
        test_depth = len(connection.atomic_blocks)
        try:
            with timeline.spy("lock_guest"), timeline.spy("pieces_started_today"):
                response = client.post("/en/contribute/new/", piece())
        finally:
            post_save.disconnect(receiver, sender=GuestSubmission)

        assert response.status_code == 302
        assert_locked_until_saved(
            timeline, "lock_guest", "pieces_started_today", "insert GuestSubmission", test_depth
        )

    def test_a_picture_is_counted_and_recorded_with_the_guest_locked(self, client, guest):
        timeline = Timeline()
        receiver = timeline.on_insert(GuestUpload)
        test_depth = len(connection.atomic_blocks)
        try:
            with timeline.spy("lock_guest"), timeline.spy("refuse_past_upload_limits"):
                response = client.post("/en/contribute/new/", piece(image=png()))
        finally:
            post_save.disconnect(receiver, sender=GuestUpload)

        assert response.status_code == 302
        # The last lock is the picture's: the piece's limits locked the guest first.
        assert timeline.names().count("lock_guest") == 2
        timeline.events = timeline.events[1:]
        assert_locked_until_saved(
            timeline, "lock_guest", "refuse_past_upload_limits", "insert GuestUpload", test_depth
        )
        assert GuestUpload.objects.filter(author=guest).count() == 1


@pytest.mark.django_db(transaction=True)
def test_limits_counted_outside_a_transaction_are_refused_loudly(make_guest):
    """Outside a transaction the lock would be released at once: nothing would be serialised."""
    guest = make_guest("saruul@uni.example")

    with pytest.raises(TransactionManagementError):
        guest_limits.piece_limit_problem(guest, new=True, submitting=False)
    assert guest_limits.spend_upload_allowance(guest, 1_000) is None  # opens its own
    assert GuestUpload.objects.filter(author=guest).count() == 1


class FormThatForgetsTheUploader(forms.Form):
    image = GuestImageField(required=False)


@pytest.mark.django_db
def test_an_image_field_without_an_uploader_refuses_to_take_pictures_uncounted():
    form = FormThatForgetsTheUploader(data={}, files={"image": png()})

    with pytest.raises(ImproperlyConfigured, match="uploader is not set"):
        form.is_valid()
    assert GuestUpload.objects.count() == 0


# --- PostgreSQL: two requests at once ------------------------------------------------------------


def at_once(*requests):
    """Runs each request in its own thread (own database connection), all at the same time."""
    errors = []

    def run(request):
        try:
            request()
        except Exception as error:  # noqa: BLE001 - reported below, in the test's thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(request,)) for request in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors


def slowly(owner, name, *, before):
    """Widens the gap between a count and the save after it, as a busy server would."""
    real = getattr(owner, name)

    def wrapper(*args, **kwargs):
        if before:
            time.sleep(0.5)
        result = real(*args, **kwargs)
        if not before:
            time.sleep(0.5)
        return result

    return mock.patch.object(owner, name, wrapper)


def guest_client(author):
    client = Client()
    client.force_login(author.user)
    return client


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite has no row locks to wait on"
)


@postgresql_only
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("newsroom")
def test_two_sixth_pieces_sent_at_once_are_not_both_started(make_guest):
    guest = make_guest("saruul@uni.example")
    GuestSubmissionFactory.create_batch(guest_limits.NEW_PIECES_PER_DAY - 1, author=guest)
    first, second = guest_client(guest), guest_client(guest)

    with slowly(guest_limits, "pieces_started_today", before=False):
        at_once(
            lambda: first.post("/en/contribute/new/", piece(action="save")),
            lambda: second.post("/en/contribute/new/", piece(action="save")),
        )

    assert guest.guest_submissions.count() == guest_limits.NEW_PIECES_PER_DAY


@postgresql_only
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("newsroom")
def test_two_last_pictures_sent_at_once_are_not_both_taken(make_guest):
    guest = make_guest("saruul@uni.example")
    GuestUpload.objects.bulk_create(
        GuestUpload(author=guest, size=1_000) for _n in range(guest_limits.UPLOADS_PER_DAY - 1)
    )
    first, second = guest_client(guest), guest_client(guest)

    with slowly(GuestUpload.objects, "create", before=True):
        at_once(
            lambda: first.post("/en/contribute/new/", piece(action="save", image=png())),
            lambda: second.post("/en/contribute/new/", piece(action="save", image=png())),
        )

    assert GuestUpload.objects.filter(author=guest).count() == guest_limits.UPLOADS_PER_DAY
    assert guest.guest_submissions.count() == 1
