"""Fetching a feed over HTTP: public addresses only, one deadline for everything, a size limit.

Redirects are followed here, not by a library, so that every hop's address is checked
(see `addresses`) before anything connects to it. The time limit covers connecting, each
redirect, the headers and the body: a server that trickles one byte at a time is cut off
when it runs out, not when it stops sending.
"""

import http.client
import logging
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

from django.utils.translation import gettext as _

from .addresses import AddressRefused, public_addresses

logger = logging.getLogger(__name__)

USER_AGENT = "MongoliaNewsPortal/1.0 (headline fetcher)"
DEFAULT_TIMEOUT = 10.0
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
READ_SIZE = 16 * 1024
DEFAULT_PORTS = {"http": 80, "https": 443}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
_TLS = ssl.create_default_context()


class FetchError(Exception):
    """The feed could not be fetched; the message says why, in words safe to show editors."""


class _Unreachable(Exception):
    """Why a feed could not be fetched, for the operators' log only (see `fetch`)."""


class _TooLarge(Exception):
    pass


@dataclass
class Fetched:
    status: int  # 200, or 304 when the feed has not changed since the ETag / date we sent
    body: bytes = b""
    etag: str = ""
    last_modified: str = ""
    content_type: str = ""
    url: str = ""


def fetch(url: str, *, etag="", last_modified="", timeout=DEFAULT_TIMEOUT) -> Fetched:
    """GET `url`, asking only for news when `etag` or `last_modified` is known.

    Whatever keeps the feed from answering (a refused address, a closed or silent port, a
    server that does not speak HTTP) gives editors one and the same message, so the stored
    error cannot be used to map the network; the real reason goes to the log.
    """
    if _scheme(url) not in DEFAULT_PORTS:
        raise FetchError(_("Only http:// and https:// feeds can be fetched."))
    deadline = _Deadline(timeout)
    try:
        fetched = _follow(url, _request_headers(etag, last_modified), deadline)
    except _TooLarge:
        raise FetchError(
            _("The feed is larger than %(megabytes)d MB.") % {"megabytes": MAX_BYTES // 2**20}
        ) from None
    except (_Unreachable, AddressRefused, http.client.HTTPException, OSError, ValueError) as error:
        if deadline.passed or isinstance(error, TimeoutError):
            raise FetchError(_timed_out(timeout)) from None
        logger.warning("Feed %s could not be fetched: %s: %s", url, type(error).__name__, error)
        raise FetchError(_("The feed could not be fetched.")) from None
    if fetched.status == 304:
        fetched.etag, fetched.last_modified = etag, last_modified
    return fetched


def _follow(url: str, headers: dict, deadline: "_Deadline") -> Fetched:
    """Request `url`, then each address it redirects to, each checked before it is reached."""
    for _hop in range(MAX_REDIRECTS + 1):
        response = _get(url, headers, deadline)
        location = response.headers.get("Location", "")
        if response.status in REDIRECT_STATUSES and location:
            url = urljoin(url, location.strip())
            if _scheme(url) not in DEFAULT_PORTS:
                raise _Unreachable(f"redirected to {url}, which is not a web address")
            continue
        if response.status == 304:
            return Fetched(304, url=url)
        if response.status != 200:
            raise FetchError(
                _("The server answered %(status)d %(reason)s.")
                % {"status": response.status, "reason": response.reason[:100]}
            )
        return Fetched(
            status=200,
            body=response.body,
            etag=response.headers.get("ETag", "")[:255],
            last_modified=response.headers.get("Last-Modified", "")[:100],
            content_type=response.headers.get("Content-Type", ""),
            url=url,
        )
    raise _Unreachable(f"more than {MAX_REDIRECTS} redirects")


@dataclass
class _Answer:
    status: int
    reason: str
    headers: http.client.HTTPMessage
    body: bytes


def _get(url: str, headers: dict, deadline: "_Deadline") -> _Answer:
    """One GET on a fresh connection to a checked address; a 200's body is read in full."""
    parts = urlsplit(url)
    if not parts.hostname:
        raise _Unreachable(f"{url} names no host")
    host = parts.hostname
    if not host.isascii():
        host = host.encode("idna").decode("ascii")
    port = parts.port or DEFAULT_PORTS[_scheme(url)]
    addresses = public_addresses(host, port)
    connection = _CheckedConnection(_scheme(url), host, port, addresses, deadline)
    try:
        connection.request("GET", _target(parts), headers=headers)
        response = connection.getresponse()
        body = _read_body(response, deadline) if response.status == 200 else b""
        return _Answer(response.status, response.reason, response.headers, body)
    finally:
        connection.close()


def _read_body(response: http.client.HTTPResponse, deadline: "_Deadline") -> bytes:
    """The body in small reads, so the deadline and the size limit apply within a slow answer."""
    if response.length is not None and response.length > MAX_BYTES:
        raise _TooLarge
    chunks, size = [], 0
    while chunk := response.read1(READ_SIZE):
        size += len(chunk)
        if size > MAX_BYTES:
            raise _TooLarge
        chunks.append(chunk)
        deadline.check()
    deadline.check()  # the watchdog ends a late answer as if it were complete: it is not
    if response.length:
        raise http.client.IncompleteRead(b"".join(chunks), response.length)
    return b"".join(chunks)


class _Deadline:
    """One time limit for a whole fetch: every connection, redirect, header and body byte."""

    def __init__(self, seconds: float):
        self.ends_at = time.monotonic() + seconds

    @property
    def passed(self) -> bool:
        return time.monotonic() >= self.ends_at

    def remaining(self) -> float:
        self.check()
        return self.ends_at - time.monotonic()

    def check(self):
        if self.passed:
            raise TimeoutError("the deadline passed")


class _CheckedConnection(http.client.HTTPConnection):
    """HTTP or HTTPS to addresses already checked, never to a fresh DNS answer, with a watchdog
    that shuts the socket when the deadline passes (a socket timeout restarts at every byte)."""

    def __init__(self, scheme: str, host: str, port: int, addresses: list, deadline: _Deadline):
        super().__init__(host, port, timeout=deadline.remaining())
        self.default_port = DEFAULT_PORTS[scheme]  # the Host header names other ports only
        self.scheme, self.addresses, self.deadline = scheme, addresses, deadline
        self._watchdog = self._cutter = None

    def connect(self):
        raw = _connect_first(self.addresses, self.deadline)
        self.sock = raw
        # A duplicate of the socket lets the watchdog shut the connection even after TLS has
        # taken the original over.
        self._cutter = raw.dup()
        self._watchdog = threading.Timer(self.deadline.remaining(), self._cut)
        self._watchdog.daemon = True
        self._watchdog.start()
        if self.scheme == "https":
            self.sock = _TLS.wrap_socket(raw, server_hostname=self.host)

    def close(self):
        if self._watchdog is not None:
            self._watchdog.cancel()
        if self._cutter is not None:
            self._cutter.close()
        super().close()

    def _cut(self):
        try:
            self._cutter.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # already closed


def _connect_first(addresses: list, deadline: _Deadline) -> socket.socket:
    """A socket connected to the first of the checked addresses that answers."""
    failure = OSError("no address to connect to")
    for family, sockaddr in addresses:
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.settimeout(deadline.remaining())
            sock.connect(sockaddr)
            return sock
        except OSError as error:
            sock.close()
            failure = error
    raise failure


def _request_headers(etag: str, last_modified: str) -> dict:
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5",
        "Connection": "close",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _target(parts) -> str:
    """The path and query to request, with anything outside ASCII percent-encoded."""
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    return quote(target, safe="!#$%&'()*+,/:;=?@[]~")


def _scheme(url: str) -> str:
    return urlsplit(url).scheme.lower()


def _timed_out(seconds: float) -> str:
    return _("No answer within %(seconds)s seconds.") % {"seconds": seconds}
