"""Fetching a feed over HTTP: conditional requests, a hard time limit, a size limit."""

import http.client
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

USER_AGENT = "MongoliaNewsPortal/1.0 (headline fetcher)"
DEFAULT_TIMEOUT = 10.0
MAX_BYTES = 10 * 1024 * 1024
CHUNK = 64 * 1024


class FetchError(Exception):
    """The feed could not be fetched; the message says why."""


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to other web addresses only (never ftp: or anything else)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise urllib.error.HTTPError(newurl, code, msg, headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_opener = urllib.request.build_opener(_WebOnlyRedirects)


@dataclass
class Fetched:
    status: int  # 200, or 304 when the feed has not changed since the ETag / date we sent
    body: bytes = b""
    etag: str = ""
    last_modified: str = ""
    content_type: str = ""
    url: str = ""


def fetch(url: str, *, etag="", last_modified="", timeout=DEFAULT_TIMEOUT) -> Fetched:
    """GET `url`, asking only for news when `etag` or `last_modified` is known."""
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise FetchError(_("Only http:// and https:// feeds can be fetched."))
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(url, headers=headers)
    try:
        with _opener.open(request, timeout=timeout) as response:
            body = _read(response, deadline)
            return Fetched(
                status=response.status,
                body=body,
                etag=response.headers.get("ETag", "")[:255],
                last_modified=response.headers.get("Last-Modified", "")[:100],
                content_type=response.headers.get("Content-Type", ""),
                url=response.url,
            )
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return Fetched(status=304, etag=etag, last_modified=last_modified, url=url)
        raise FetchError(
            _("The server answered %(status)d %(reason)s.")
            % {"status": error.code, "reason": error.reason}
        ) from None
    except TimeoutError:
        raise FetchError(
            _("No answer within %(seconds)s seconds.") % {"seconds": timeout}
        ) from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError | socket.timeout):
            raise FetchError(
                _("No answer within %(seconds)s seconds.") % {"seconds": timeout}
            ) from None
        raise FetchError(
            _("The feed could not be reached: %(error)s.") % {"error": error.reason}
        ) from None
    except (http.client.HTTPException, OSError, ValueError) as error:
        raise FetchError(
            _("The feed could not be fetched: %(error)s.") % {"error": error}
        ) from None


def _read(response, deadline: float) -> bytes:
    """The body, refused when it is too large or trickles in past the deadline."""
    chunks, size = [], 0
    while chunk := response.read(CHUNK):
        chunks.append(chunk)
        size += len(chunk)
        if size > MAX_BYTES:
            raise FetchError(
                _("The feed is larger than %(megabytes)d MB.") % {"megabytes": MAX_BYTES // 2**20}
            )
        if time.monotonic() > deadline:
            raise TimeoutError
    return b"".join(chunks)
