"""Media on object storage (AWS_STORAGE_BUCKET_NAME), against a real S3 API server: moto in
server mode on a free local port, spoken to over HTTP by boto3 exactly as a bucket at AWS
or any S3-compatible store would be. Readers load renditions straight from the bucket;
originals, documents and guests' pictures are private there, reached only through the app.
"""

import io
import re
import socket
import urllib.error
import urllib.request
import uuid
from urllib.parse import urlsplit

import boto3
import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from moto.server import ThreadedMotoServer
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from articles.factories import ArticlePageFactory
from contributions.models import GuestSubmission
from contributions.tests.guest_form import piece

pytestmark = pytest.mark.django_db

REGION = "us-east-1"
KEYS = {"aws_access_key_id": "portal-test", "aws_secret_access_key": "portal-test-secret"}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def s3_server():
    """A local S3 API server for the whole run; its address."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_server, settings):
    """A fresh bucket for this test, and the site's media pointed at it as base.py does when
    AWS_STORAGE_BUCKET_NAME is set; the boto3 client to look inside."""
    name = f"media-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=s3_server, region_name=REGION, **KEYS)
    client.create_bucket(Bucket=name)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "portal.media_storage.MediaStorage",
            "OPTIONS": {
                "bucket_name": name,
                "endpoint_url": s3_server,
                "region_name": REGION,
                "addressing_style": "path",
                "access_key": KEYS["aws_access_key_id"],
                "secret_key": KEYS["aws_secret_access_key"],
                "querystring_expire": 300,
            },
        },
    }
    settings.WAGTAILDOCS_SERVE_METHOD = "serve_view"
    client.bucket_name = name
    return client


def keys(bucket, prefix):
    listed = bucket.list_objects_v2(Bucket=bucket.bucket_name, Prefix=prefix)
    return [entry["Key"] for entry in listed.get("Contents", [])]


def fetch(url):
    """GET as an anonymous browser would: no credentials, no signature unless in the URL."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, None, b""


def plain_url(bucket, key):
    return f"{bucket.meta.endpoint_url}/{bucket.bucket_name}/{key}"


def jpeg(name="harbour.jpg", size=(800, 600)):
    output = io.BytesIO()
    Image.new("RGB", size, (20, 90, 160)).save(output, "JPEG")
    return SimpleUploadedFile(name, output.getvalue(), content_type="image/jpeg")


def png(name="photo.png"):
    output = io.BytesIO()
    Image.new("RGB", (40, 30)).save(output, "PNG")
    return SimpleUploadedFile(name, output.getvalue(), content_type="image/png")


def test_an_editors_image_goes_to_the_bucket_and_readers_load_it_from_there(
    client, bucket, newsroom, make_user
):
    client.force_login(make_user("editor", groups=["Editors"]))

    response = client.post(
        "/admin/images/add/",
        {
            "title": "Harbour at dawn",
            "file": jpeg(),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get(title="Harbour at dawn")
    assert keys(bucket, "original_images/") == [image.file.name]
    ArticlePageFactory(
        parent=newsroom, title_en="Port reopens", slug="port-reopens", lead_image=image
    )
    client.logout()

    page = client.get("/en/news/port-reopens/")

    assert page.status_code == 200
    sources = [
        img["src"]
        for img in BeautifulSoup(page.content, "html.parser").select("img[src]")
        if img["src"].startswith(bucket.meta.endpoint_url)
    ]
    assert sources, "the article shows no image from the bucket"
    # Link previews get the bucket's address as it is, not glued to this site's host.
    share = BeautifulSoup(page.content, "html.parser").select_one('meta[property="og:image"]')
    assert share["content"].startswith(bucket.meta.endpoint_url)
    rendition_keys = keys(bucket, "images/")
    assert rendition_keys, "no rendition was written to the bucket"
    for source in sources:
        assert urlsplit(source).path.split(f"/{bucket.bucket_name}/", 1)[1] in rendition_keys
        status, content_type, body = fetch(source)
        assert (status, content_type) == (200, "image/jpeg"), source
        assert Image.open(io.BytesIO(body)).format == "JPEG"
        assert "Signature=" not in source and "X-Amz-" not in source  # one URL for every reader
    # The original, of which readers only ever see renditions, stays private.
    assert fetch(plain_url(bucket, image.file.name))[0] == 403


def test_a_guests_picture_lands_in_the_bucket_readable_only_through_the_app(
    client, bucket, home_page, make_guest
):
    client.force_login(make_guest("saruul@uni.example", name_en="Saruul Bat").user)

    response = client.post("/en/contribute/new/", piece(image=png(), action="save"))

    assert response.status_code == 302
    submission = GuestSubmission.objects.get()
    assert submission.status == GuestSubmission.Status.DRAFT
    assert keys(bucket, "guest-submissions/") == [submission.image.name]
    # Nobody reads it at the bucket's plain address...
    assert fetch(plain_url(bucket, submission.image.name))[0] == 403
    # ...but its guest sees it on the piece's page, through a short-lived signed address.
    detail = client.get(f"/en/contribute/{submission.pk}/")
    img = BeautifulSoup(detail.content, "html.parser").select_one("main img[src]")
    assert img is not None
    assert re.search(r"X-Amz-Expires=300\b", img["src"])
    status, content_type, _body = fetch(img["src"].replace("&amp;", "&"))
    assert (status, content_type) == (200, "image/png")


def test_a_document_lands_in_the_bucket_and_is_served_only_through_the_app(
    client, bucket, home_page, make_user
):
    client.force_login(make_user("chief", is_superuser=True))
    report = b"%PDF-1.4\n% the annual report\n"

    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Annual report",
            "file": SimpleUploadedFile("report.pdf", report, content_type="application/pdf"),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    document = get_document_model().objects.get(title="Annual report")
    assert keys(bucket, "documents/") == [document.file.name]
    assert fetch(plain_url(bucket, document.file.name))[0] == 403
    client.logout()

    served = client.get(document.url)

    assert served.status_code == 200
    assert b"".join(served.streaming_content) == report
    assert served["Content-Security-Policy"] == "default-src 'none'"
