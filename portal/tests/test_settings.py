import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_settings(module, start=False, show=(), **env):
    """Import a settings module in a clean interpreter with only the given environment; with
    `start`, also load every app under it, as the server does on starting (a second or two).
    Prints the database, DEBUG, ALLOWED_HOSTS and the settings named in `show`, as JSON."""
    code = (
        "import django, json; from django.conf import settings; "
        + ("django.setup(); " if start else "")
        + "print(json.dumps({'engine': settings.DATABASES['default']['ENGINE'], "
        "'name': str(settings.DATABASES['default']['NAME']), 'debug': settings.DEBUG, "
        "'hosts': settings.ALLOWED_HOSTS, "
        + "".join(f"{name!r}: settings.{name}, " for name in show)
        + "}, default=str))"
    )
    environment = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": module, **env}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def test_embedded_default_is_sqlite_with_no_configuration():
    result = load_settings("portal.settings.dev")

    assert result.returncode == 0, result.stderr
    assert '"engine": "django.db.backends.sqlite3"' in result.stdout
    assert "db.sqlite3" in result.stdout


def test_database_url_switches_to_postgresql():
    result = load_settings(
        "portal.settings.dev", DATABASE_URL="postgres://postgres@127.0.0.1:5432/newsroom"
    )

    assert '"engine": "django.db.backends.postgresql"' in result.stdout
    assert '"name": "newsroom"' in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = load_settings("portal.settings.production")

    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


@pytest.mark.parametrize("debug", ["true", "false"])
def test_production_reads_its_environment_and_never_debugs(debug):
    result = load_settings(
        "portal.settings.production",
        start=True,
        SECRET_KEY="s3cret",
        DEBUG=debug,
        ALLOWED_HOSTS="news.example.mn,www.news.example.mn",
    )

    assert result.returncode == 0, result.stderr
    assert '"debug": false' in result.stdout
    assert '"hosts": ["news.example.mn", "www.news.example.mn"]' in result.stdout
