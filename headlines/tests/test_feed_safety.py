"""The feed fetcher against hostile addresses and servers: it never reaches a private network
(not even through a redirect), says the same thing whatever it found there, and keeps to its
time limit however slowly a server answers."""

import logging
import socket
import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import translation

from headlines.factories import SourceFactory
from headlines.ingest.fetch import MAX_REDIRECTS
from headlines.ingest.polling import poll_source
from headlines.models import Headline, Source

from .feeds_samples import ATOM, RSS

pytestmark = pytest.mark.django_db

NEUTRAL = "The feed could not be fetched."
NEUTRAL_MN = "Сувгийг татаж чадсангүй."
PRIVATE = (
    "This address is on a private network, which the portal never fetches from. "
    "Give the feed's public web address."
)
PRIVATE_MN = (
    "Энэ хаяг дотоод сүлжээнд байгаа тул портал эндээс хэзээ ч татахгүй. "
    "Сувгийн олон нийтэд нээлттэй вэб хаягийг оруулна уу."
)
SOURCES_URL = "/admin/snippets/headlines/source/"


class RawServer:
    """A TCP port on this machine that counts the connections made to it and answers each
    with `handler(connection)` in a thread of its own: any bytes, at any pace."""

    def __init__(self, handler, host="127.0.0.1"):
        self.handler, self.host = handler, host
        self.listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
        self.listener.bind((host, 0))
        self.listener.listen(16)
        self.listener.settimeout(0.1)
        self.port = self.listener.getsockname()[1]
        self.connections = 0
        self.stopped = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def url(self, path="/rss"):
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}{path}"

    def stop(self):
        self.stopped.set()
        self.listener.close()

    def _serve(self):
        while not self.stopped.is_set():
            try:
                connection, _address = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._answer, args=(connection,), daemon=True).start()

    def _answer(self, connection):
        with connection:
            try:
                self.handler(connection)
            except OSError:
                pass  # the fetcher hung up, as it should when time is up


@pytest.fixture
def serve():
    servers = []

    def start(handler, host="127.0.0.1"):
        servers.append(RawServer(handler, host))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def connections(monkeypatch):
    """Every address a socket in this process connects to during the test."""
    made = []
    original = socket.socket.connect

    def connect(sock, address):
        made.append(address)
        return original(sock, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    return made


@pytest.fixture
def allow(settings):
    """Open these networks to the fetcher, as only tests do."""

    def open_networks(*networks):
        settings.HEADLINE_FEED_ALLOWED_PRIVATE_NETWORKS = list(networks)

    return open_networks


def read_request(connection):
    received = b""
    while b"\r\n\r\n" not in received and len(received) < 65536:
        chunk = connection.recv(4096)
        if not chunk:
            break
        received += chunk
    return received


def answer(status="200 OK", headers=(), body=b"", delay=0.0):
    def handle(connection):
        read_request(connection)
        time.sleep(delay)
        head = f"HTTP/1.1 {status}\r\n" + "".join(f"{name}: {value}\r\n" for name, value in headers)
        connection.sendall(head.encode() + b"Connection: close\r\n\r\n" + body)

    return handle


def feed(text, delay=0.0):
    body = text.encode()
    return answer(
        headers=[("Content-Type", "application/rss+xml"), ("Content-Length", len(body))],
        body=body,
        delay=delay,
    )


def redirect_to(location):
    return answer("302 Found", [("Location", location), ("Content-Length", 0)])


def trickle(head=b"", every=0.5, stop_after=10.0):
    """Sends `head` at once, then one byte every `every` seconds: never silent long enough
    for a socket timeout, never done."""

    def handle(connection):
        read_request(connection)
        connection.sendall(head)
        ends = time.monotonic() + stop_after
        while time.monotonic() < ends:
            connection.sendall(b" ")
            time.sleep(every)

    return handle


def slow_status_line(connection):
    read_request(connection)
    for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 20:
        connection.sendall(bytes([byte]))
        time.sleep(0.5)


def garbage(connection):
    """An open port that does not speak HTTP (a database, a mail server, SSH)."""
    connection.sendall(b"SSH-2.0-OpenSSH_9.6\r\n")


def closed_port():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def fetch_feeds(*options, timeout="1"):
    """fetch_headlines; the failed feeds are read from the sources, as editors see them."""
    try:
        call_command("fetch_headlines", "--timeout", timeout, *options)
    except CommandError:
        pass


def stored_error(source):
    source.refresh_from_db()
    return source.feed_error


# Finding 5: no way in.


@pytest.mark.parametrize(
    "address",
    [
        "http://127.0.0.1:{port}/rss",
        "http://localhost:{port}/rss",
        "http://2130706433:{port}/rss",  # 127.0.0.1 as one number: the resolver reads it
        "http://0.0.0.0:{port}/rss",
        "http://[::ffff:127.0.0.1]:{port}/rss",
        "http://[::1]:{port6}/rss",
        "http://10.20.30.40/rss",
        "http://192.168.1.1/rss",
        "http://100.64.0.1/rss",
        "http://169.254.169.254/latest/meta-data/",
        "https://[fe80::1]/rss",
    ],
)
def test_a_feed_on_a_private_address_is_refused_without_connecting(address, serve, connections):
    loopback = serve(feed(RSS))
    loopback6 = serve(feed(RSS), host="::1")
    source = SourceFactory(feed_url=address.format(port=loopback.port, port6=loopback6.port))

    fetch_feeds()

    assert stored_error(source) == NEUTRAL
    assert (loopback.connections, loopback6.connections, connections) == (0, 0, [])
    assert Headline.objects.count() == 0


@pytest.mark.parametrize(
    "target",
    ["http://127.0.0.2:{port}/rss", "http://169.254.169.254/latest/meta-data/"],
)
def test_a_redirect_to_a_private_address_is_refused_without_connecting(
    target, serve, connections, allow
):
    inside = serve(feed(RSS), host="127.0.0.2")
    outside = serve(redirect_to(target.format(port=inside.port)))
    allow("127.0.0.1/32")  # the redirecting server stands for a public one
    source = SourceFactory(feed_url=outside.url())

    fetch_feeds()

    assert stored_error(source) == NEUTRAL
    assert (outside.connections, inside.connections) == (1, 0)
    assert connections == [("127.0.0.1", outside.port)]


def test_redirects_between_public_addresses_are_followed_to_the_feed(serve, allow):
    final = serve(feed(RSS))
    first = serve(redirect_to(final.url("/moved")))
    allow("127.0.0.1/32")
    source = SourceFactory(feed_url=first.url())

    fetch_feeds()

    assert stored_error(source) == ""
    assert Headline.objects.count() == 2


def test_redirects_are_followed_a_bounded_number_of_times(serve, allow):
    loop = serve(lambda connection: redirect_to(loop.url())(connection))
    allow("127.0.0.1/32")
    source = SourceFactory(feed_url=loop.url())

    fetch_feeds()

    assert stored_error(source) == NEUTRAL
    assert loop.connections == MAX_REDIRECTS + 1


def test_open_closed_and_refused_ports_look_the_same_to_editors(serve, allow, caplog):
    """The stored error must not map the network: an open port that speaks something else, a
    closed port and a refused address give one message; the log says which it was."""
    open_port = serve(garbage)
    refused = serve(feed(RSS), host="127.0.0.2")
    allow("127.0.0.1/32")
    sources = [
        SourceFactory(feed_url=open_port.url()),
        SourceFactory(feed_url=f"http://127.0.0.1:{closed_port()}/rss"),
        SourceFactory(feed_url=refused.url()),
    ]

    with caplog.at_level(logging.WARNING, logger="headlines.ingest.fetch"):
        fetch_feeds()

    assert [stored_error(source) for source in sources] == [NEUTRAL] * 3
    assert refused.connections == 0
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "127.0.0.2, which is not a public address" in logged
    assert "Connection refused" in logged or "ConnectionRefusedError" in logged


def test_the_neutral_error_is_in_mongolian_for_a_mongolian_poll(serve):
    source = SourceFactory(feed_url=serve(feed(RSS)).url())

    with translation.override("mn"):
        poll_source(source, timeout=1)

    assert stored_error(source) == NEUTRAL_MN


@pytest.mark.parametrize(
    "address",
    [
        "http://127.0.0.1/rss",
        "http://localhost:8080/rss",
        "http://10.0.0.5/rss",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/rss",
        "http://[::ffff:10.0.0.1]/rss",
    ],
)
def test_the_admin_refuses_a_feed_address_on_a_private_network(address, chief_client):
    response = chief_client.post(
        f"{SOURCES_URL}add/",
        {
            "name_en": "Inside",
            "domain": "www.inside.mn",
            "site_url": "https://www.inside.mn/",
            "language": "en",
            "feed_url": address,
            "active": "on",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["feed_url"] == [PRIVATE]
    assert Source.objects.count() == 0


def test_a_private_feed_address_is_refused_in_mongolian():
    source = SourceFactory.build(feed_url="http://169.254.169.254/")

    with translation.override("mn"):
        with pytest.raises(ValidationError) as refused:
            source.full_clean()
        assert refused.value.message_dict["feed_url"] == [PRIVATE_MN]


def test_a_public_feed_address_is_accepted():
    SourceFactory.build(
        feed_url="https://www.montsame.mn/rss", domain="www.montsame.mn"
    ).full_clean()


# Finding 6: the time limit is a time limit.


@pytest.mark.parametrize(
    "handler",
    [
        trickle(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n\r\n<rss>"),
        slow_status_line,
    ],
    ids=["body", "headers"],
)
def test_a_feed_that_trickles_is_cut_off_at_the_deadline(handler, serve, allow):
    allow("127.0.0.1/32")
    source = SourceFactory(feed_url=serve(handler).url())

    started = time.monotonic()
    fetch_feeds(timeout="2")

    assert time.monotonic() - started < 2 + 1
    assert stored_error(source) == "No answer within 2.0 seconds."
    assert Headline.objects.count() == 0


def test_slow_feeds_are_fetched_at_the_same_time(serve, allow):
    allow("127.0.0.1/32")
    slow = [serve(trickle()) for _ in range(2)]
    sources = [SourceFactory(feed_url=server.url()) for server in slow]

    started = time.monotonic()
    fetch_feeds(timeout="2")

    assert time.monotonic() - started < 2 + 1  # one after the other: 4 s
    assert [stored_error(source) for source in sources] == ["No answer within 2.0 seconds."] * 2


def test_feeds_fetched_at_the_same_time_are_all_imported(serve, allow):
    allow("127.0.0.1/32")
    SourceFactory(domain="www.montsame.mn", feed_url=serve(feed(RSS, delay=1.5)).url())
    SourceFactory(domain="www.eguur.mn", language="mn", feed_url=serve(feed(ATOM, delay=1.5)).url())

    started = time.monotonic()
    fetch_feeds(timeout="3")

    assert time.monotonic() - started < 2.5  # one after the other: 3 s
    assert sorted(Headline.objects.values_list("source__domain", flat=True)) == [
        "www.eguur.mn",
        "www.eguur.mn",
        "www.montsame.mn",
        "www.montsame.mn",
    ]
    assert list(Source.objects.values_list("feed_error", flat=True)) == ["", ""]


def test_workers_bound_how_many_feeds_are_fetched_at_once(serve, allow):
    allow("127.0.0.1/32")
    for _ in range(2):
        SourceFactory(feed_url=serve(trickle()).url())

    started = time.monotonic()
    fetch_feeds("--workers", "1", timeout="1")

    assert time.monotonic() - started >= 2


def stream(size):
    def handle(connection):
        read_request(connection)
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n\r\n")
        block = b" " * 65536
        for _ in range(size // len(block) + 1):
            connection.sendall(block)

    return handle


@pytest.mark.parametrize(
    "handler",
    [
        stream(10 * 2**20 + 1),
        answer(headers=[("Content-Length", 20 * 2**20)]),  # refused before a byte is read
    ],
    ids=["streamed", "declared"],
)
def test_a_feed_larger_than_the_limit_is_refused(handler, serve, allow):
    allow("127.0.0.1/32")
    source = SourceFactory(feed_url=serve(handler).url())

    fetch_feeds(timeout="5")

    assert stored_error(source) == "The feed is larger than 10 MB."
