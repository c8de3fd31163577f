"""A guest's profile proposal against the editor's decision: whatever the order, one proposal
per author, and an approved photo is never deleted by a save that crossed the approval."""

import io
import threading
import time

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test import Client
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection

from authors.models import Author, ProfileChange

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs row locks: PostgreSQL only"
)


def guest_photo(guest, colour=(200, 30, 30)):
    """A photo the guest uploaded themselves."""
    output = io.BytesIO()
    Image.new("RGB", (40, 40), colour).save(output, "PNG")
    return get_image_model().objects.create(
        title="me",
        file=ImageFile(output, name="me.png"),
        uploaded_by_user=guest.user,
    )


def public(guest):
    return Author.objects.get(pk=guest.pk)


@pytest.fixture
def guest(make_guest):
    return make_guest("saruul@uni.example", name_en="Saruul Bat", slug="saruul-bat")


@pytest.mark.django_db
class TestOneAfterTheOther:
    def test_two_quick_saves_leave_one_proposal(self, guest):
        ProfileChange.propose(guest, {"name_en": "Saruul B."})
        ProfileChange.propose(guest, {"name_en": "Saruul Batbayar"})

        assert list(ProfileChange.objects.values_list("values", flat=True)) == [
            {"name_en": "Saruul Batbayar"}
        ]

    def test_a_save_after_the_approval_keeps_the_approved_photo(self, guest):
        photo = guest_photo(guest)
        ProfileChange.propose(guest, {}, photo=photo)
        stale = ProfileChange.objects.get()  # what the guest's open form read

        ProfileChange.objects.get().approve()
        # The guest's form, opened before the approval, still holds the proposed photo.
        kept = ProfileChange.propose(guest, {}, photo=stale.photo)

        assert kept is None and not ProfileChange.objects.exists()
        assert public(guest).photo == photo
        assert get_image_model().objects.filter(pk=photo.pk).exists()

    def test_saving_a_pending_proposal_unchanged_keeps_its_time(self, guest):
        first = ProfileChange.propose(guest, {"bio_en": "Now writes on mining."})

        again = ProfileChange.propose(guest, {"bio_en": "Now writes on mining."})

        assert again.requested_at == first.requested_at
        assert ProfileChange.objects.get().requested_at == first.requested_at

    def test_saving_the_public_profile_keeps_a_rejection_and_its_reason(self, guest):
        ProfileChange.propose(guest, {"name_en": "Someone Else"}).reject("Keep your name.")

        assert ProfileChange.propose(guest, {"name_en": "Saruul Bat"}) is None

        change = ProfileChange.objects.get()
        assert change.status == ProfileChange.Status.REJECTED
        assert change.reason == "Keep your name."


def run_together(*jobs):
    """Runs each job in its own thread (and database connection); returns what they raised."""
    errors = []

    def run(job):
        try:
            job()
        except Exception as error:  # reported to the test, not lost in the thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return errors


def slowed(monkeypatch, cls, name, before=lambda: None):
    """Makes `cls.name` pause before it acts, so another thread's work falls in between."""
    original = getattr(cls, name)

    def slow(self, *args, **kwargs):
        before()
        time.sleep(0.7)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(cls, name, slow)


@on_postgresql
@pytest.mark.django_db(transaction=True)
class TestAtTheSameTime:
    @pytest.fixture(autouse=True)
    def root_collection(self):
        # A transactional test starts from an emptied database: images need their collection.
        if Collection.get_first_root_node() is None:
            Collection.add_root(name="Root")

    def test_two_saves_at_once_leave_one_proposal(self, guest, monkeypatch):
        slowed(monkeypatch, ProfileChange, "save")
        start = threading.Barrier(2)

        def save(name):
            start.wait()
            ProfileChange.propose(guest, {"name_en": name})

        errors = run_together(lambda: save("Saruul B."), lambda: save("Saruul Batbayar"))

        assert errors == []
        assert ProfileChange.objects.count() == 1

    def test_a_save_during_the_approval_keeps_the_approved_photo(self, guest, make_user):
        old, approved, newer = guest_photo(guest), guest_photo(guest), guest_photo(guest)
        Author.objects.filter(pk=guest.pk).update(photo=old)
        change = ProfileChange.propose(guest, {}, photo=approved)
        editor = Client()
        editor.force_login(make_user("editor", is_superuser=True))
        deciding = threading.Event()
        with pytest.MonkeyPatch.context() as patch:
            slowed(patch, ProfileChange, "approve", before=deciding.set)

            def approve():
                editor.post(
                    f"/admin/profile_changes/edit/{change.pk}/",
                    {"action": "approve", "version": change.requested_at.isoformat()},
                )

            def save_meanwhile():
                deciding.wait(10)
                ProfileChange.propose(guest, {}, photo=newer)

            errors = run_together(approve, save_meanwhile)

        assert errors == []
        assert public(guest).photo == approved
        assert ProfileChange.objects.get().photo == newer
