import json
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


# What the README's production section lists: the secret and the host names are required;
# every security setting is secure without a variable.
PRODUCTION_ENVIRONMENT = {
    "SECRET_KEY": "k9#Qv2!pLx7$Rz4@Wm8^Tn3&Yb6*Hc1(Jd5)Fg0-Se7+Ua2=Ko4~Li9",
    "ALLOWED_HOSTS": "news.example.mn",
    "DATABASE_URL": "postgres://portal@db.internal:5432/portal",
    "REDIS_URL": "redis://cache.internal:6379/0",
}


def deploy_check(**env):
    environment = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        **env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_production_passes_the_deploy_check_with_the_documented_variables():
    result = deploy_check(**PRODUCTION_ENVIRONMENT)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_security_settings_are_secure_by_default():
    secure = {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "SECURE_REFERRER_POLICY": "same-origin",
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "X_FRAME_OPTIONS": "DENY",
    }

    result = load_settings("portal.settings.production", show=secure, SECRET_KEY="s3cret")

    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert {name: loaded[name] for name in secure} == secure


def test_the_deploy_check_still_catches_security_turned_off_by_the_environment():
    result = deploy_check(
        **PRODUCTION_ENVIRONMENT, SECURE_HSTS_SECONDS="0", SECURE_SSL_REDIRECT="false"
    )

    assert result.returncode != 0
    assert "security.W004" in result.stderr and "security.W008" in result.stderr


# --- Deploy (issue 8): mail, database connections, media --------------------------------------


@pytest.mark.parametrize(
    "backend",
    [
        "django.core.mail.backends.console.EmailBackend",
        "django.core.mail.backends.locmem.EmailBackend",
    ],
)
def test_production_refuses_mail_that_goes_nowhere(backend):
    result = load_settings("portal.settings.production", SECRET_KEY="s3cret", EMAIL_BACKEND=backend)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"EMAIL_BACKEND is {backend}, which sends no mail" in result.stderr
    assert "ALLOW_CONSOLE_EMAIL=true" in result.stderr


def test_production_takes_the_console_backend_when_told_so_explicitly():
    result = load_settings(
        "portal.settings.production",
        show=["EMAIL_BACKEND"],
        SECRET_KEY="s3cret",
        EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",
        ALLOW_CONSOLE_EMAIL="true",
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["EMAIL_BACKEND"].endswith("console.EmailBackend")


def test_production_sends_mail_over_smtp_as_the_environment_says():
    mail = {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.example.mn",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "newsroom",
        "EMAIL_HOST_PASSWORD": "mail-pass",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
        "DEFAULT_FROM_EMAIL": "news@example.mn",
        "SERVER_EMAIL": "errors@example.mn",
    }
    environment = {name: str(value) for name, value in mail.items() if name != "EMAIL_BACKEND"}

    result = load_settings(
        "portal.settings.production", show=mail, SECRET_KEY="s3cret", **environment
    )

    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert {name: loaded[name] for name in mail} == mail


def test_production_refuses_tls_and_ssl_together():
    result = load_settings(
        "portal.settings.production",
        SECRET_KEY="s3cret",
        EMAIL_USE_TLS="true",
        EMAIL_USE_SSL="true",
    )

    assert result.returncode != 0
    assert "Set EMAIL_USE_TLS or EMAIL_USE_SSL, not both." in result.stderr


def database(module, **env):
    result = load_settings(module, show=["DATABASES"], **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["DATABASES"]["default"]


def test_production_keeps_database_connections_and_checks_them_before_reuse():
    assert database("portal.settings.production", SECRET_KEY="s3cret")["CONN_MAX_AGE"] == 600
    assert database("portal.settings.production", SECRET_KEY="s3cret")["CONN_HEALTH_CHECKS"]
    assert (
        database("portal.settings.production", SECRET_KEY="s3cret", CONN_MAX_AGE="0")[
            "CONN_MAX_AGE"
        ]
        == 0
    )
    assert database("portal.settings.dev")["CONN_MAX_AGE"] == 0


def test_media_stay_on_disk_without_a_bucket():
    result = load_settings("portal.settings.production", show=["STORAGES"], SECRET_KEY="s3cret")

    assert result.returncode == 0, result.stderr
    storage = json.loads(result.stdout)["STORAGES"]["default"]
    assert storage["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_a_bucket_moves_media_to_object_storage_and_lets_pages_show_its_images():
    result = load_settings(
        "portal.settings.production",
        start=True,
        show=["STORAGES", "CONTENT_SECURITY_POLICY", "WAGTAILDOCS_SERVE_METHOD"],
        SECRET_KEY="s3cret",
        AWS_STORAGE_BUCKET_NAME="newsroom-media",
        AWS_S3_REGION_NAME="eu-central-1",
        AWS_S3_CUSTOM_DOMAIN="media.example.mn",
        AWS_ACCESS_KEY_ID="key-id",
        AWS_SECRET_ACCESS_KEY="secret",
    )

    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    storage = loaded["STORAGES"]["default"]
    assert storage["BACKEND"] == "portal.media_storage.MediaStorage"
    assert storage["OPTIONS"]["bucket_name"] == "newsroom-media"
    assert storage["OPTIONS"]["region_name"] == "eu-central-1"
    assert storage["OPTIONS"]["access_key"] == "key-id"
    img_src = loaded["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"]
    assert "https://media.example.mn" in img_src
    # Documents pass through Django, which checks their collection's privacy.
    assert loaded["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"
