"""Hostile values into every public address, every guest form field and every import format.

Whatever arrives, the site answers without a server error, and a refused form saves nothing:
the tables behind the guest area hold exactly what they held before. Runs on SQLite and
PostgreSQL (the CI runs the suite on both).
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.core.cache import cache
from django.db import models
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from articles.models import ArticlePage, Topic
from authors.models import Author
from contributions.invitations import invitation_tokens
from contributions.tests.guest_form import piece
from headlines.ingest.pipeline import run_import
from headlines.models import Headline

pytestmark = pytest.mark.django_db

HOSTILE = {
    "nul": "a\x00b",
    "ten_thousand": "x" * 10_000,
    "crlf": "Title\r\nBcc: all@example.com",
    "bidi": "gnp\u202eexe.doc",
    "zero_width": "Bat\u200bbold",
    "huge_number": "9" * 40,
    "negative": "-1",
    "fraction": "1.5",
    "exponent": "1e309",
    "not_a_number": "NaN",
}
ONE_LINE_SPOILERS = ("\x00", "\r", "\n", "\u202e", "\u200b")
SERVER_ERROR = 500


def assert_no_server_error(response, what):
    assert response.status_code < SERVER_ERROR, f"{what} answered {response.status_code}"


# --- public addresses -----------------------------------------------------------------------------


@pytest.fixture
def public_site(demo_site):
    """Every kind of public address, on the demo content."""
    article = ArticlePage.objects.live().first()
    author = Author.objects.filter(article_bylines__isnull=False).first()
    topic = Topic.objects.filter(articlepage__isnull=False).first()
    return [
        "/",
        f"/{{lang}}{article.url[3:]}",
        f"/{{lang}}/authors/{author.slug}/",
        f"/{{lang}}/topics/{topic.slug}/",
        "/{lang}/",
        "/{lang}/news/",
        "/{lang}/search/",
        "/{lang}/headlines/",
        "/{lang}/headlines/en/",
        "/{lang}/headlines/mn/",
        "/{lang}/headlines/en/2025-12-05/",
        "/{lang}/headlines/en/feed/",
        "/{lang}/feeds/rss/",
        "/{lang}/feeds/sections/news/atom/",
        f"/{{lang}}/feeds/authors/{author.slug}/rss/",
        f"/{{lang}}/feeds/topics/{topic.slug}/atom/",
        "/{lang}/contribute/login/",
        "/language/{lang}/",
        "/sitemap.xml",
        "/sitemap-news-{lang}.xml",
        "/robots.txt",
    ]


@pytest.mark.parametrize("lang", ["en", "mn"])
def test_hostile_query_values_never_give_a_server_error(client, public_site, lang):
    for address in public_site:
        path = address.format(lang=lang)
        for label, value in HOSTILE.items():
            # Every parameter a public view reads, all at once.
            params = dict.fromkeys(
                ("q", "page", "source", "next", "day", "section", "language", "type"), value
            )
            response = client.get(path, params)
            assert_no_server_error(response, f"{path}?…=<{label}>")


def test_hostile_path_segments_never_give_a_server_error(client, public_site):
    for label, value in HOSTILE.items():
        for path in (
            f"/mn/news/{value}/",
            f"/mn/authors/{value}/",
            f"/mn/topics/{value}/",
            f"/mn/headlines/{value}/",
            f"/en/headlines/en/{value}/",
            f"/en/contribute/{value}/",
            f"/mn/feeds/sections/{value}/rss/",
            f"/en/feeds/authors/{value}/atom/",
            f"/mn/feeds/topics/{value}/rss/",
            f"/en/feeds/{value}/",
        ):
            assert_no_server_error(client.get(path), f"path <{label}>")


# --- guest forms ----------------------------------------------------------------------------------


def guest_tables():
    """Every row behind the guest area, to compare before and after a refused form."""
    names = ["contributions.GuestSubmission", "authors.Author", "authors.AuthorLink"]
    names += [model._meta.label for model in apps.get_app_config("contributions").get_models()]
    snapshot = {}
    for name in sorted(set(names)):
        model = apps.get_model(name)
        snapshot[name] = sorted(map(repr, model.objects.values_list()))
    return snapshot


def one_line_texts():
    """Every stored value of a one-line text field in the guest area's tables."""
    found = []
    for label in ("contributions.GuestSubmission", "authors.Author"):
        model = apps.get_model(label)
        fields = [f.attname for f in model._meta.concrete_fields if type(f) is models.CharField]
        for row in model.objects.values_list(*fields):
            found += [(label, field, value) for field, value in zip(fields, row, strict=True)]
    return found


def form_fields(response):
    """The names and current values of the posted form on a page (csrf token left out)."""
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.select_one("main form[method=post]")
    assert form is not None, "no form on the page"
    values = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = field["name"]
        if name == "csrfmiddlewaretoken" or field.get("type") in ("file", "submit"):
            continue
        if field.name == "textarea":
            values[name] = field.get_text()
        elif field.name == "select":
            chosen = field.select_one("option[selected]") or field.select_one("option")
            values[name] = chosen.get("value", "") if chosen else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                values[name] = field.get("value", "on")
        else:
            values[name] = field.get("value", "")
    return values


def sweep_form(client, path, valid):
    """Post `valid` with each field in turn replaced by each hostile value."""
    opened = client.get(path, follow=True)
    path = opened.request["PATH_INFO"]  # a welcome link moves its token into the session
    fields = {**form_fields(opened), **valid}
    for name in fields:
        if name in ("form_key", "action"):
            continue
        for label, value in HOSTILE.items():
            before = guest_tables()
            data = {**fields, name: value}
            if "form_key" in data:
                data["form_key"] = f"{data['form_key'][:30]}{label[:6]}"
            response = client.post(path, data)
            what = f"{path} {name}=<{label}>"
            assert_no_server_error(response, what)
            if response.status_code == 200:
                assert guest_tables() == before, f"{what} was refused but saved something"
    stored = [
        (table, field, value)
        for table, field, value in one_line_texts()
        if isinstance(value, str) and any(char in value for char in ONE_LINE_SPOILERS)
    ]
    assert stored == [], "line breaks or invisible characters stored in one-line fields"


@pytest.mark.usefixtures("newsroom")
class TestGuestForms:
    @pytest.fixture(autouse=True)
    def forget_login_failures(self):
        yield
        cache.clear()  # login throttling counts failures in the cache

    @pytest.fixture
    def guest(self, client, make_guest):
        author = make_guest("saruul@uni.example", name_en="Saruul Bat")
        client.force_login(author.user)
        return author

    def test_the_login_form(self, client, home_page):
        sweep_form(client, "/mn/contribute/login/", {"username": "x@y.mn", "password": "pw"})

    def test_a_new_piece(self, client, guest):
        sweep_form(client, "/mn/contribute/new/", piece(action="save"))

    def test_editing_a_saved_piece(self, client, guest):
        client.post("/en/contribute/new/", piece(action="save"))
        from contributions.models import GuestSubmission

        draft = GuestSubmission.objects.get()
        sweep_form(client, f"/mn/contribute/{draft.pk}/edit/", piece(action="save"))

    def test_the_profile(self, client, guest):
        sweep_form(client, "/mn/contribute/profile/", {})

    def test_the_welcome_link(self, client, home_page, make_guest):
        user = make_guest("new@uni.example", name_en="Tuya Bold").user
        user.set_unusable_password()
        user.save()
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        token = invitation_tokens.make_token(user)
        password = "Steppe-and-sky-2025"
        sweep_form(
            client,
            f"/mn/contribute/welcome/{uid}/{token}/",
            {"new_password1": password, "new_password2": password},
        )


# --- import formats -------------------------------------------------------------------------------

GOOD_LINE = "FUEL SUPPLY STRENGTHENED WWW.MONTSAME.MN PUBLISHED:2025/12/04"


def hostile_imports():
    """(format, text, rows in it) with each hostile value in each place a row can hold it."""
    cases = []
    for label, value in HOSTILE.items():
        lines = [
            GOOD_LINE,
            f"{value} WWW.MONTSAME.MN PUBLISHED:2025/12/04",
            f"A STORY {label.upper()} WWW.{value}.MN PUBLISHED:2025/12/04",
            f"A STORY {label.upper()} WWW.MONTSAME.MN PUBLISHED:{value}",
        ]
        text = "\n".join(lines)
        cases.append((f"lines-{label}", "lines", text, len(text.splitlines())))
        rows = [
            "title,url,published,language,source",
            "GOOD ROW,https://www.montsame.mn/en/read/1,2025-12-04,en,",
            f'"{value}",https://www.montsame.mn/en/read/2,2025-12-04,en,',
            f'STORY {label},"https://www.montsame.mn/{value}",2025-12-04,en,',
            f'STORY {label} DATE,https://www.montsame.mn/en/read/3,"{value}",en,',
            f'STORY {label} LANG,https://www.montsame.mn/en/read/4,2025-12-04,"{value}",',
            f'STORY {label} SOURCE,https://www.montsame.mn/en/read/5,2025-12-04,en,"{value}"',
        ]
        cases.append((f"csv-{label}", "csv", "\n".join(rows), len(rows) - 1))
        escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace("\x00", "&#0;")
        feed = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
            "<item><title>GOOD ITEM</title><link>https://www.montsame.mn/en/read/9</link>"
            "<pubDate>Thu, 04 Dec 2025 10:00:00 +0000</pubDate></item>"
            f"<item><title>{escaped}</title><link>https://www.montsame.mn/en/read/10</link>"
            "<pubDate>Thu, 04 Dec 2025 10:00:00 +0000</pubDate></item>"
            f"<item><title>ITEM {label}</title><link>{escaped}</link>"
            f"<pubDate>{escaped}</pubDate></item>"
            "</channel></rss>"
        )
        cases.append((f"rss-{label}", "rss", feed, 3))
    return cases


@pytest.mark.parametrize(
    "format, text, rows",
    [case[1:] for case in hostile_imports()],
    ids=[c[0] for c in hostile_imports()],
)
def test_hostile_import_rows_are_accounted_for_and_nothing_bad_is_stored(format, text, rows):
    report = run_import(text.encode(), format=format, language="en", publish=True)

    if format == "rss" and "&#0;" in text:
        # XML cannot hold a NUL, even escaped: the feed as a whole is refused, with its reason.
        assert "not well-formed" in report.failure.reason
        assert Headline.objects.count() == 0
        return
    accounted = report.created + report.updated + report.duplicates + len(report.rejected_rows)
    assert report.failure is None
    assert accounted == rows, report.summary()
    assert Headline.objects.count() == report.created
    for headline in Headline.objects.all():
        for title in (headline.title_en, headline.title_mn):
            assert not any(char in (title or "") for char in ONE_LINE_SPOILERS), title
        assert headline.published_on <= datetime.date.today() + datetime.timedelta(days=2)
