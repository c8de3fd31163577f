"""With DEBUG off and media on disk, Django serves MEDIA_ROOT only when SERVE_MEDIA says so
(one machine with no reverse proxy in front; scripts/serve-production runs that way)."""

import importlib
import io

import pytest
from django.test import override_settings
from django.urls import clear_url_caches
from PIL import Image

import portal.urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def media_file(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "images").mkdir()
    output = io.BytesIO()
    Image.new("RGB", (40, 30)).save(output, "PNG")
    (tmp_path / "images" / "harbour.png").write_bytes(output.getvalue())
    return "/media/images/harbour.png"


@pytest.fixture
def routes():
    """Rebuilds the URL patterns under the given settings (they are read when urls.py loads)."""

    def build(**overrides):
        with override_settings(**overrides):
            importlib.reload(portal.urls)
        clear_url_caches()

    yield build
    build(DEBUG=False, SERVE_MEDIA=False)


def test_media_are_served_with_serve_media(client, settings, media_file, routes):
    settings.SERVE_MEDIA = True
    routes(SERVE_MEDIA=True)

    response = client.get(media_file)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(b"".join(response.streaming_content))).size == (40, 30)


def test_media_are_not_served_without_it(client, media_file, routes, home_page):
    routes(SERVE_MEDIA=False)

    assert client.get(media_file).status_code == 404
