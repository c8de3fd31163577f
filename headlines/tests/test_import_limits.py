"""Issue 10, findings 3 and 4: pasted lines are read in bounded pieces, and an upload waits on
the server between its preview and its confirmation (by its owner, once, within the hour)."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.users.models import UserProfile

from headlines.forms import MAX_PASTED_CHARACTERS
from headlines.ingest import parse_lines as parse_lines_module
from headlines.ingest import pipeline
from headlines.ingest.parse_lines import MAX_LINE_LENGTH, HouseFormat, parse_lines
from headlines.ingest.rows import Rejection
from headlines.models import PENDING_IMPORTS_PER_USER, Headline, PendingHeadlineImport

from .seed_lines import SEED_LINES
from .test_admin_import import IMPORT_URL, confirm_data, messages_shown, soup

pytestmark = pytest.mark.django_db

GOOD = "GOOD {} WWW.MONTSAME.MN PUBLISHED:2025/12/05"
NOT_WAITING = {
    "en": "There is no import waiting for this confirmation: it was imported already, "
    "or replaced by newer previews. Start again.",
    "mn": "Баталгаажуулах импорт олдсонгүй: аль хэдийн импортлогдсон, эсвэл шинэ урьдчилан "
    "харалтаар солигдсон байна. Дахин эхэлнэ үү.",
}
EXPIRED = {
    "en": "A preview waits 60 minutes for its confirmation; this one has expired. Start again.",
    "mn": "Урьдчилан харсан импортыг 60 минутын дотор баталгаажуулах ёстой; энэ хугацаа "
    "өнгөрсөн байна. Дахин эхэлнэ үү.",
}
TOO_LONG = {
    "en": "The line is 6037 characters long; lines over 5000 characters are not read. "
    "Put each headline on a line of its own.",
    "mn": "Мөр 6037 тэмдэгттэй байна; 5000 тэмдэгтээс урт мөрийг уншихгүй. "
    "Гарчиг бүрийг тусдаа мөрөнд бичнэ үү.",
}


def speaking(username, language):
    profile = UserProfile.get_for_user(get_user_model().objects.get(username=username))
    profile.preferred_language = language
    profile.save()


# Finding 3: long lines ---------------------------------------------------------------


class WatchedPattern:
    """A compiled pattern that remembers the longest text it was asked to read."""

    def __init__(self, pattern):
        self.pattern, self.longest = pattern, 0

    def _seen(self, text):
        self.longest = max(self.longest, len(text))
        return text

    def finditer(self, text):
        return self.pattern.finditer(self._seen(text))

    def match(self, text):
        return self.pattern.match(self._seen(text))


@pytest.fixture
def watched_patterns(monkeypatch):
    real = parse_lines_module.house_format()
    watched = HouseFormat(
        label_languages=real.label_languages,
        item_end=WatchedPattern(real.item_end),
        item=WatchedPattern(real.item),
    )
    monkeypatch.setattr(parse_lines_module, "house_format", lambda: watched)
    return watched


@pytest.mark.parametrize(
    "long_line",
    [
        "X" * 20_000,
        "X" * 20_000 + " WWW.MONTSAME.MN PUBLISHED:2025/12/05",
        "WORD " * 4_000 + "WWW.MONTSAME.MN PUBLISHED:2025/12/05",
    ],
)
def test_no_pattern_reads_more_than_one_line_allows(watched_patterns, long_line):
    """Whatever the patterns cost, they never see more than MAX_LINE_LENGTH characters."""
    text = "\n".join([GOOD.format(1), long_line, GOOD.format(2)] * 100)

    results = list(parse_lines(text))

    assert max(watched_patterns.item_end.longest, watched_patterns.item.longest) <= MAX_LINE_LENGTH
    refused = [result for result in results if isinstance(result, Rejection)]
    assert [result.line for result in refused] == list(range(2, 300, 3))
    assert refused[0].reason.startswith(f"The line is {len(long_line)} characters long;")
    assert len(refused[0].text) <= 80  # the report shows the start of the line, not all of it


def test_a_line_just_within_the_limit_is_read():
    title = "X" * 480
    line = f"{title} WWW.MONTSAME.MN PUBLISHED:2025/12/05".ljust(MAX_LINE_LENGTH)

    [row] = parse_lines(line)

    assert (row.title, row.source) == (title, "WWW.MONTSAME.MN")


@pytest.mark.parametrize("language", ["en", "mn"])
def test_an_over_long_pasted_line_is_reported_and_the_others_import(
    chief_client, language, watched_patterns
):
    speaking("chief", language)
    pasted = "\n".join([GOOD.format(1), "X" * 6_000 + " WWW.MONTSAME.MN PUBLISHED:2025/12/05"])
    pasted += "\n" + GOOD.format(3)

    preview = chief_client.post(IMPORT_URL, {"text": pasted})

    rejected = [
        [cell.get_text(strip=True) for cell in row.select("td")][:2]
        for row in soup(preview).select("table.import-rejected tbody tr")
    ]
    assert rejected == [["2", TOO_LONG[language]]]
    assert watched_patterns.item.longest <= MAX_LINE_LENGTH

    chief_client.post(IMPORT_URL, confirm_data(preview))

    assert sorted(Headline.objects.values_list("title_en", flat=True)) == ["GOOD 1", "GOOD 3"]


def test_a_paste_over_the_limit_is_refused_with_the_forms_message(chief_client):
    speaking("chief", "mn")
    pasted = (GOOD.format(1) + "\n") * (MAX_PASTED_CHARACTERS // len(GOOD.format(1)) + 1)

    response = chief_client.post(IMPORT_URL, {"text": pasted})

    assert response.status_code == 200
    assert "Нэг удаад хамгийн ихдээ 1000000 тэмдэгт" in soup(response).select_one("form").get_text()
    assert not PendingHeadlineImport.objects.exists()
    assert not Headline.objects.exists()


def test_each_request_reads_the_input_once(chief_client, monkeypatch):
    calls = []

    def counted(text):
        calls.append(len(text))
        return parse_lines(text)

    monkeypatch.setattr(pipeline, "parse_lines", counted)
    pasted = "\n".join(SEED_LINES)

    preview = chief_client.post(IMPORT_URL, {"text": pasted})
    assert len(calls) == 1
    chief_client.post(IMPORT_URL, confirm_data(preview))

    assert len(calls) == 2
    assert Headline.objects.count() == 20


# Finding 4: the upload waits on the server -------------------------------------------


def big_feed(items=30, body_chars=150_000) -> bytes:
    """An RSS feed of about 4.5 MB: few items, each with its full story, as some sites publish."""
    body = ("Herders across the country report the count. " * (body_chars // 46 + 1))[:body_chars]
    entries = "".join(
        f"<item><title>STORY {number}</title>"
        f"<link>https://www.montsame.mn/en/read/{number}</link>"
        "<pubDate>Fri, 05 Dec 2025 02:30:00 GMT</pubDate>"
        f"<description>{body}</description></item>"
        for number in range(1, items + 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>MONTSAME</title>'
        f"<link>https://www.montsame.mn/</link><description>News</description>{entries}"
        "</channel></rss>"
    ).encode()


def preview_upload(client, data: bytes, name="montsame.xml", **options):
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, data), **options})


def test_a_4_5_mb_upload_is_previewed_then_imported(chief_client):
    feed = big_feed()
    assert 4_400_000 < len(feed) < 5 * 1024 * 1024

    preview = preview_upload(chief_client, feed, language="en", publish="on")
    confirmation = confirm_data(preview)

    assert soup(preview).select_one(".import-summary").get_text(strip=True) == (
        "Dry run, nothing saved: 30 created, 0 updated, 0 duplicates skipped, 0 rejected."
    )
    assert Headline.objects.count() == 0

    done = chief_client.post(IMPORT_URL, confirmation)

    assert done.status_code == 200  # was 400: the file came back base64-encoded, too big to post
    assert "30 created, 0 updated, 0 duplicates skipped, 0 rejected." in done.content.decode()
    assert Headline.objects.filter(live=True, language="en").count() == 30
    assert sum(len(value) for value in confirmation.values()) < 1_000  # an id, not the file
    assert PendingHeadlineImport.objects.count() == 0  # used once, then gone


@pytest.mark.parametrize("language", ["en", "mn"])
def test_another_staff_member_cannot_confirm_someone_elses_import(
    client, chief_client, make_headlines_staff, language
):
    preview = chief_client.post(IMPORT_URL, {"text": "\n".join(SEED_LINES[:3])})
    other = make_headlines_staff("other", "add_headline", "change_headline", "publish_headline")
    speaking("other", language)
    client.force_login(other)

    refused = client.post(IMPORT_URL, confirm_data(preview), follow=True)

    assert messages_shown(refused) == [NOT_WAITING[language]]
    assert Headline.objects.count() == 0
    assert PendingHeadlineImport.objects.count() == 1  # still the owner's to confirm

    client.force_login(get_user_model().objects.get(username="chief"))
    client.post(IMPORT_URL, confirm_data(preview))

    assert Headline.objects.count() == 3


@pytest.mark.parametrize("language", ["en", "mn"])
def test_an_expired_preview_is_refused_and_removed(chief_client, language):
    speaking("chief", language)
    preview = chief_client.post(IMPORT_URL, {"text": "\n".join(SEED_LINES[:3])})
    PendingHeadlineImport.objects.update(
        created_at=timezone.now() - datetime.timedelta(hours=1, minutes=1)
    )

    refused = chief_client.post(IMPORT_URL, confirm_data(preview), follow=True)

    assert messages_shown(refused) == [EXPIRED[language]]
    assert (Headline.objects.count(), PendingHeadlineImport.objects.count()) == (0, 0)


def test_confirming_twice_at_once_imports_once(chief_client):
    """Two tabs, one preview: whichever confirmation comes second finds nothing to take."""
    preview = chief_client.post(IMPORT_URL, {"text": "\n".join(SEED_LINES[:3])})
    pending = PendingHeadlineImport.objects.get()
    stale_copy = PendingHeadlineImport.objects.get()

    assert PendingHeadlineImport.objects.claim(pending) is True
    assert PendingHeadlineImport.objects.claim(stale_copy) is False
    assert messages_shown(chief_client.post(IMPORT_URL, confirm_data(preview), follow=True)) == [
        NOT_WAITING["en"]
    ]
    assert Headline.objects.count() == 0


def test_waiting_imports_are_cleaned_up(chief_client, make_headlines_staff):
    owner = get_user_model().objects.get(username="chief")
    other = make_headlines_staff("other", "add_headline")
    forgotten = PendingHeadlineImport.objects.create(owner=other, format="lines", data=b"x")
    PendingHeadlineImport.objects.filter(pk=forgotten.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=2)
    )

    previews = [
        chief_client.post(IMPORT_URL, {"text": SEED_LINES[number]})
        for number in range(PENDING_IMPORTS_PER_USER + 1)
    ]

    # The expired upload of someone else is gone; each person keeps only their newest few.
    assert not PendingHeadlineImport.objects.filter(pk=forgotten.pk).exists()
    assert PendingHeadlineImport.objects.filter(owner=owner).count() == PENDING_IMPORTS_PER_USER
    oldest = chief_client.post(IMPORT_URL, confirm_data(previews[0]), follow=True)
    assert messages_shown(oldest) == [NOT_WAITING["en"]]
    chief_client.post(IMPORT_URL, confirm_data(previews[-1]))
    assert Headline.objects.count() == 1


def test_the_publish_permission_is_asked_again_at_confirmation(chief_client):
    preview = chief_client.post(IMPORT_URL, {"text": SEED_LINES[0], "publish": "on"})
    chief = get_user_model().objects.get(username="chief")
    chief.is_superuser = False
    chief.save()
    chief.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=["headlines", "wagtailadmin"],
            codename__in=["access_admin", "add_headline", "change_headline"],
        )
    )

    chief_client.post(IMPORT_URL, confirm_data(preview))

    assert list(Headline.objects.values_list("live", flat=True)) == [False]


def test_a_preview_with_nothing_new_keeps_nothing_waiting(chief_client, importer):
    importer(SEED_LINES[0])

    preview = chief_client.post(IMPORT_URL, {"text": SEED_LINES[0]})

    assert "0 created, 0 updated, 1 duplicate skipped" in preview.content.decode()
    assert soup(preview).select("input[name=import_id]") == []
    assert PendingHeadlineImport.objects.count() == 0
