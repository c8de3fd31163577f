"""Fixtures every app's tests share: the test database, a clean state per test, users, the
site and its newsroom, data built once per test class, and a browser."""

import contextlib
import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections, transaction
from django.test import Client
from django.utils import translation

from articles.factories import ArticleIndexPageFactory
from authors.factories import AuthorFactory
from authors.models import Author
from bilingual import languages
from bilingual.dates import iso_date
from bilingual.languages import Language
from portal.factories import make_site_home

ROOT = Path(__file__).resolve().parent
TEMPLATE_FOLDER = ROOT / "test-artifacts"
KEPT_TEMPLATES = 3
# Everything that decides the migrated schema. Wagtail's own page columns get their `_en`/`_mn`
# twins from the translation registrations and the language table, by raw SQL in `migrate`.
SCHEMA_INPUTS = (
    "*/migrations/*.py",
    "*/translation.py",
    "bilingual/languages.py",
    "portal/settings/*.py",
    "requirements*.txt",
)


def schema_key() -> str:
    """A digest of every file that decides the test database's schema."""
    digest = hashlib.sha256()
    for path in sorted({path for pattern in SCHEMA_INPUTS for path in ROOT.glob(pattern)}):
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def point_at(connection, name) -> None:
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = name
    connection.settings_dict["NAME"] = name


def migrate(connection) -> None:
    call_command(
        "migrate", database=connection.alias, interactive=False, run_syncdb=True, verbosity=0
    )


def missing_page_columns(connection) -> set[str]:
    """Translated page columns the database lacks: `migrate` adds them by raw SQL, not a migration."""
    from wagtail.models import Page

    with connection.cursor() as cursor:
        table = connection.introspection.get_table_description(cursor, Page._meta.db_table)
    return {field.column for field in Page._meta.concrete_fields} - {
        column.name for column in table
    }


def start_sqlite(connection, key: str, rebuild: bool, say) -> None:
    """Migrate in memory (fast) and keep a copy as the template file, or load the template."""
    template = TEMPLATE_FOLDER / f"test-db-{connection.alias}-{key}.sqlite3"
    test_name = connection.creation._get_test_db_name()
    point_at(connection, test_name)
    if not connection.creation.is_in_memory_db(test_name):
        Path(test_name).unlink(missing_ok=True)
    connection.ensure_connection()
    if rebuild or not template.exists():
        say(f"Migrating a new test database template: {template.relative_to(ROOT)}")
        migrate(connection)
        TEMPLATE_FOLDER.mkdir(exist_ok=True)
        building = template.with_name(f"{template.name}.{os.getpid()}.building")
        with contextlib.closing(sqlite3.connect(building)) as copy:
            connection.connection.backup(copy)
        building.replace(template)  # a run that dies while migrating leaves no template
    else:
        with contextlib.closing(sqlite3.connect(template)) as source:
            source.backup(connection.connection)
        template.touch()
    # Keep the templates of the last few schemas, for switching between branches.
    used = sorted(
        TEMPLATE_FOLDER.glob(f"test-db-{connection.alias}-*.sqlite3"),
        key=lambda path: path.stat().st_mtime,
        reverse=True,
    )
    for stale in used[KEPT_TEMPLATES:]:
        stale.unlink()


def start_postgresql(connection, key: str, rebuild: bool, say) -> None:
    test_name = connection.creation._get_test_db_name()
    template = f"{test_name}_template"
    quote = connection.ops.quote_name
    with connection._nodb_cursor() as cursor:
        cursor.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [template],
        )
        row = cursor.fetchone()
    if rebuild or row is None or row[0] != key:
        say(f"Migrating a new test database template: {template}")
        with connection._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quote(template)}")
            cursor.execute(f"CREATE DATABASE {quote(template)}")
        point_at(connection, template)
        migrate(connection)
        connection.close()
        with connection._nodb_cursor() as cursor:
            # Written last: a template whose migration failed keeps no key and is rebuilt.
            cursor.execute(f"COMMENT ON DATABASE {quote(template)} IS %s", [key])
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quote(test_name)}")
        cursor.execute(f"CREATE DATABASE {quote(test_name)} TEMPLATE {quote(template)}")
    point_at(connection, test_name)


def start_from_template(connection, rebuild: bool, say) -> None:
    """Give `connection` a fresh copy of the migrated template, migrating the template first
    when the schema's files changed (or `rebuild`)."""
    starters = {"sqlite": start_sqlite, "postgresql": start_postgresql}
    start = starters[connection.vendor]
    start(connection, schema_key(), rebuild, say)
    if missing_page_columns(connection) and not rebuild:
        start(connection, schema_key(), True, say)
    if missing := missing_page_columns(connection):
        pytest.exit(f"The test database lacks the page columns {sorted(missing)}", returncode=1)


@pytest.fixture(scope="session")
def django_db_setup(  # replaces pytest-django's fixture of that name
    request,
    django_test_environment,
    django_db_blocker,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """Each run's test database is a copy of a template migrated once per schema (see
    SCHEMA_INPUTS), so runs skip the migrations; `--create-db` migrates the template afresh.

    Every run starts from the pristine copy, so what one run leaves behind (a transactional
    test's flush, an interrupted run) never reaches the next.
    """
    from pytest_django.fixtures import _get_databases_for_setup

    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    plugins = request.config.pluginmanager

    def say(message):
        with plugins.get_plugin("capturemanager").global_and_fixture_disabled():
            plugins.get_plugin("terminalreporter").write_line(message)

    originals = {alias: connections[alias].settings_dict["NAME"] for alias in aliases}
    with django_db_blocker.unblock():
        for alias in aliases:
            connection = connections[alias]
            start_from_template(connection, django_db_createdb, say)
            if alias in serialized_aliases:
                serialized = connection.creation.serialize_db_to_string()
                connection._test_serialized_contents = serialized
    yield
    with django_db_blocker.unblock():
        for alias, name in originals.items():
            point_at(connections[alias], name)


@pytest.fixture(autouse=True)
def _clean_state(request):
    """Site root paths are cached per language: never let one test see another's site; nor
    let a test in a class see the class's shared data without asking for it."""
    if _class_data.active and "class_db" not in request.fixturenames:
        pytest.fail(
            "This test runs inside a class whose data is built once (class_db) but does not "
            "ask for it: it would see that data. Request the class's fixture or move the test."
        )
    cache.clear()
    with translation.override("en"):
        yield
    cache.clear()


class _class_data:
    active = False


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    marked = bool(marker and (marker.kwargs.get("transaction") or marker.args[:1] == (True,)))
    return marked or {"transactional_db", "live_server"} & set(item.fixturenames)


@pytest.fixture(scope="class")
def class_db(request, django_db_setup, django_db_blocker):
    """Database access for data built once per test class and shared by its tests (each test's
    own changes are still rolled back after it); the data is undone after the class's last test.

    Build such data in a class-scoped fixture that asks for `class_db`. Outside a class it is
    built for each test, as a function fixture would be; so it is for a transactional test,
    which its own teardown flushes. A class cannot share data with transactional tests.
    """
    in_class = isinstance(request.node, pytest.Class)
    if not in_class and _is_transactional(request.node):
        # A transactional test commits what it builds; its own teardown flushes the database.
        with django_db_blocker.unblock(), translation.override("en"):
            yield
        return
    if in_class and any(
        _is_transactional(item)
        for item in request.session.items
        if item.getparent(pytest.Class) is request.node
    ):
        pytest.fail("class_db cannot serve transactional tests (live_server, transaction=True)")
    with django_db_blocker.unblock(), translation.override("en"), transaction.atomic():
        _class_data.active = in_class
        yield
        _class_data.active = False
        transaction.set_rollback(True)


class DemoSite:
    """What `load_demo` built. Pages are read afresh on each use, so a test that changes one
    never hands its in-memory changes to the next test of the class."""

    @property
    def home(self):
        from portal.models import HomePage

        return HomePage.objects.get()

    def section(self, slug: str):
        from articles.models import ArticleIndexPage

        return ArticleIndexPage.objects.get(slug=slug)


@pytest.fixture(scope="class")
def demo_site(class_db):
    """The whole demo site, as `python manage.py load_demo` builds it: once per test class
    (put the tests that read it in a class), or once per test outside a class."""
    call_command("load_demo", verbosity=0)
    return DemoSite()


@pytest.fixture(scope="class")
def home_page(class_db):
    """The site's home page, once per test class (in a class every test gets the same object:
    refresh it from the database rather than change it in memory)."""
    return make_site_home()


@pytest.fixture(scope="class")
def section(home_page):
    """The News section under `home_page`, once per test class."""
    return ArticleIndexPageFactory(parent=home_page, title_en="News", title_mn="Мэдээ", slug="news")


@pytest.fixture(scope="class")
def newsroom(section):
    """The News section under the "Editorial review" workflow, with the staff groups and their
    rights as `setup_editorial` leaves them, once per test class."""
    call_command("setup_editorial", verbosity=0)
    return section


@pytest.fixture(scope="session")
def make_user():
    """Creates a user (from a test with the database, or a fixture on `class_db`).

    make_user("writer", groups=["Writers"]); make_user("chief", is_superuser=True);
    make_user("importer", permissions=["wagtailadmin.access_admin", "headlines.add_headline"]);
    other keyword arguments (email, first_name, ...) go to the user model.
    """

    def make(
        username="user",
        *,
        password="pw",
        groups=(),
        permissions=(),
        is_staff=False,
        is_superuser=False,
        **fields,
    ):
        fields.setdefault("email", f"{username}@example.mn")
        user = get_user_model().objects.create_user(
            username,
            password=password,
            is_staff=is_staff or is_superuser,
            is_superuser=is_superuser,
            **fields,
        )
        user.groups.add(*(Group.objects.get(name=group) for group in groups))
        user.user_permissions.add(
            *(
                Permission.objects.get(content_type__app_label=app, codename=codename)
                for app, codename in (permission.split(".") for permission in permissions)
            )
        )
        return user

    return make


@pytest.fixture(scope="session")
def make_guest(make_user):
    """Creates a guest author who has accepted the invitation: an account named by its email
    address, with a guest profile. make_guest("saruul@uni.example", name_en="Saruul Bat")."""

    def make(email="guest@example.org", *, password="pw", **author_fields):
        user = make_user(email, email=email, password=password)
        return AuthorFactory(user=user, kind=Author.Kind.GUEST, **author_fields)

    return make


@pytest.fixture
def client_as(make_user, make_guest):
    """`client_as("editor")`: a client logged in as a member of that staff group ("writer",
    "translator", "editor"), a superuser, a guest author, or nobody ("anonymous")."""
    from editorial.roles import EDITORS, TRANSLATORS, WRITERS

    groups = {"writer": WRITERS, "translator": TRANSLATORS, "editor": EDITORS}

    def log_in(role):
        client = Client()
        if role == "superuser":
            client.force_login(make_user(role, is_superuser=True))
        elif role == "guest":
            client.force_login(make_guest("guest@example.org", name_en="Guest").user)
        elif role in groups:
            client.force_login(make_user(role, groups=[groups[role]]))
        return client

    return log_in


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what waits for the transaction's commit (purges, forgotten caches), as a real
    commit would: `with committed(): ...`."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


THIRD_LANGUAGE = Language(
    code="kk",
    name="Kazakh",
    native_name="Қазақша",
    aliases=("kk", "kaz", "kazakh"),
    list_title="Headlines in Kazakh",
    translated_from="Translated from Kazakh",
    long_date=iso_date,
    og_locale="kk_KZ",
    published_label="жарияланды",
)


@pytest.fixture
def third_language(settings, monkeypatch):
    """Kazakh added to the language table and the settings, and nothing else changed."""
    monkeypatch.setattr(languages, "LANGUAGE_TABLE", (*languages.LANGUAGE_TABLE, THIRD_LANGUAGE))
    settings.LANGUAGES = [*settings.LANGUAGES, ("kk", "Kazakh")]
    return THIRD_LANGUAGE


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright; skipped without it unless CI requires it."""
    if not os.path.exists(CHROMIUM):
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {CHROMIUM} is missing")
        pytest.skip(f"no browser at {CHROMIUM}")
    # Playwright runs an event loop in this thread; Django's ORM calls from the test stay synchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium):
    """A fresh browser tab with its own cookies; use with the `live_server` fixture."""
    context = chromium.new_context(locale="en-GB")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()
