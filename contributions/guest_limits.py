"""How much one guest author may send: room for a prolific contributor, too little to stall the site.

The numbers are the newsroom's; each says why. Everything here is counted from the database
before anything expensive (sanitising a body, decoding a picture) is done with what was sent.
Each count is made with the guest's profile row locked, in the transaction that then saves the
piece or the picture: a guest's parallel requests are counted one after the other.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Sum
from django.db.transaction import TransactionManagementError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from authors.models import Author

from .models import GuestSubmission, GuestUpload

# --- one piece -----------------------------------------------------------------------------------
# About 15,000 words: longer than any opinion piece or long read the portal runs.
BODY_MAX_CHARACTERS = 100_000
# The sanitiser spends about a tenth of a millisecond on each HTML element; a long piece
# pasted as HTML has a few hundred (one per paragraph, link, list item).
BODY_MAX_ELEMENTS = 3_000
# A quote holding a list holding a list is four or five levels; the admin's rich-text
# converter recurses once per level and fails somewhere past 100.
BODY_MAX_NESTING = 20
# "One or two sentences under the title", with room to spare.
SUMMARY_MAX_CHARACTERS = 1_000

# --- pictures ------------------------------------------------------------------------------------
# A 24-megapixel camera's full frame (6000 x 4000); phones save 12. The staff library keeps
# its own, larger limit (WAGTAILIMAGES_MAX_IMAGE_PIXELS); a guest never gets more than that.
IMAGE_MAX_PIXELS = 24_000_000
# Pictures are stored no larger than this on the long side: the widest place the site shows
# one is 1,280 pixels, twice that for high-density screens.
IMAGE_STORED_MAX_SIDE = 2_560

# --- one guest, per day and at once --------------------------------------------------------------
DAY = timedelta(hours=24)
# A regular contributor sends a piece a week; five new pieces a day is already a flood.
NEW_PIECES_PER_DAY = 5
# The editors answer before a guest sends more: three pieces waiting is enough for any guest.
PIECES_WAITING_AT_ONCE = 3
# A piece and a profile need a picture each; twenty a day allows for many second tries.
UPLOADS_PER_DAY = 20
# Twenty pictures at the largest size the library accepts (10 MB) would be 200 MB.
UPLOAD_BYTES_PER_DAY = 100 * 1024 * 1024


def lock_guest(author) -> None:
    """Holds the guest's profile row until the transaction ends: the guest's next request
    waits here, and counts only once this one has saved what it counted for."""
    if not transaction.get_connection().in_atomic_block:
        # Without a transaction the lock would end at once and parallel requests would pass.
        raise TransactionManagementError(
            "A guest's limits must be counted inside transaction.atomic(), with what they allow."
        )
    Author.objects.select_for_update().get(pk=author.pk)


def pieces_started_today(author) -> int:
    return author.guest_submissions.filter(created_at__gte=timezone.now() - DAY).count()


def pieces_waiting(author, but=None) -> int:
    """Pieces with the editors, not counting `but` (the piece being sent again)."""
    waiting = author.guest_submissions.filter(status=GuestSubmission.Status.SUBMITTED)
    return waiting.exclude(pk=but.pk).count() if but is not None and but.pk else waiting.count()


def piece_limit_problem(author, *, new: bool, submitting: bool, piece=None):
    """Why this guest may not start or submit a piece now, as a message; None when they may.

    Call it inside the transaction that saves the piece: the guest stays locked until then.
    """
    lock_guest(author)
    if new and (started := pieces_started_today(author)) >= NEW_PIECES_PER_DAY:
        return _(
            "You have started %(count)s pieces in the last 24 hours, the most we accept in a day. "
            "You can start another tomorrow, or go on with one of your drafts."
        ) % {"count": started}
    if submitting and (waiting := pieces_waiting(author, but=piece)) >= PIECES_WAITING_AT_ONCE:
        return _(
            "You already have %(count)s pieces waiting for the editors. You can submit another "
            "once they have answered; until then, save this one as a draft."
        ) % {"count": waiting}
    return None


def spend_upload_allowance(author, size: int) -> None:
    """Counts one picture against the guest's day, before it is decoded; refuses it past the limit.

    Every picture that reaches decoding counts, saved or not: the decoding is the cost limited.
    """
    with transaction.atomic():
        lock_guest(author)
        used = GuestUpload.objects.filter(author=author, uploaded_at__gte=timezone.now() - DAY)
        used = used.aggregate(count=Count("pk"), size=Sum("size"))
        refuse_past_upload_limits(used["count"], used["size"] or 0, size)
        GuestUpload.objects.create(author=author, size=size)


def refuse_past_upload_limits(count: int, used: int, size: int) -> None:
    if count >= UPLOADS_PER_DAY:
        raise ValidationError(
            _(
                "You have sent %(count)s pictures in the last 24 hours, the most we accept in a "
                "day. You can send more tomorrow."
            ),
            code="uploads_per_day",
            params={"count": count},
        )
    if used + size > UPLOAD_BYTES_PER_DAY:
        raise ValidationError(
            _(
                "Your pictures of the last 24 hours add up to %(used)s; with this one they would "
                "pass the daily limit of %(limit)s. Choose a smaller picture or try again tomorrow."
            ),
            code="upload_bytes_per_day",
            params={
                "used": filesizeformat(used),
                "limit": filesizeformat(UPLOAD_BYTES_PER_DAY),
            },
        )
