"""Remote images, downloaded only when asked: bounded in time, size and concurrency."""

from __future__ import annotations

import http.client
import ipaddress
import socket
import time
import urllib.error
import urllib.request
import warnings
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPMessage
from typing import IO
from urllib.parse import urlsplit

from newsdoc.errors import NewsdocWarning
from newsdoc.formats.epub.images import CORE_TYPES, FetchOptions, image_type

_HTTP = ("http", "https")
_CHUNK = 64 * 1024


def fetch_all(urls: list[str], options: FetchOptions) -> dict[str, bytes]:
    """Download *urls* at most ``options.max_concurrent`` at a time; warn about each one left out."""
    with ThreadPoolExecutor(max_workers=max(1, options.max_concurrent)) as pool:
        results = list(pool.map(lambda url: _fetch(url, options), urls))
    found = {}
    for url, result in zip(urls, results, strict=True):
        if isinstance(result, bytes):
            found[url] = result
        else:
            # Warned here, not in the worker threads, so callers can catch the warnings.
            warnings.warn(
                f"epub: image {url} not packaged ({result}); the figure links to it",
                NewsdocWarning,
                stacklevel=4,
            )
    return found


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects to http and https only, never to file: or ftp:."""

    def redirect_request(  # noqa: PLR0917 - urllib's signature
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme.lower() not in _HTTP:
            return None
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _refuse_private_peer(sock: socket.socket, host: str | None) -> None:
    """Close *sock* and raise if it reached a private, loopback or link-local address.

    The address checked is the one connected to, after DNS and any redirect, so a
    name that resolves to an inside address (DNS rebinding included) is refused too.
    """
    address = ipaddress.ip_address(sock.getpeername()[0])
    mapped = address.ipv4_mapped if isinstance(address, ipaddress.IPv6Address) else None
    if not (mapped or address).is_global:
        sock.close()
        raise OSError(f"{host} is at {address}, a private address (fetch_private_hosts=True allows it)")


class _PublicHTTPConnection(http.client.HTTPConnection):
    def connect(self) -> None:
        super().connect()
        _refuse_private_peer(self.sock, self.host)


class _PublicHTTPSConnection(http.client.HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _refuse_private_peer(self.sock, self.host)


class _PublicHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_PublicHTTPConnection, req)


class _PublicHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_PublicHTTPSConnection, req)


def _opener(*, private_hosts: bool) -> urllib.request.OpenerDirector:
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler() if private_hosts else _PublicHTTPHandler(),
        urllib.request.HTTPSHandler() if private_hosts else _PublicHTTPSHandler(),
        _HttpOnlyRedirects(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


_OPENERS = {private: _opener(private_hosts=private) for private in (False, True)}


def _fetch(url: str, options: FetchOptions) -> bytes | str:
    """The image's bytes, or why it was not taken."""
    request = urllib.request.Request(url, headers={"User-Agent": "newsdoc", "Accept": "image/*"})  # noqa: S310 - http(s) only, checked by the caller
    # The timeout bounds each socket wait; the deadline bounds a server that drips bytes.
    deadline = time.monotonic() + options.timeout
    chunks: list[bytes] = []
    size = 0
    try:
        with _OPENERS[options.private_hosts].open(request, timeout=options.timeout) as response:
            media_type = response.headers.get_content_type()
            if media_type not in CORE_TYPES:
                return f"it is {media_type}, not a JPEG, PNG, GIF or WebP image"
            while chunk := response.read(_CHUNK):
                size += len(chunk)
                if size > options.max_bytes:
                    return f"it is larger than {options.max_bytes} bytes"
                if time.monotonic() > deadline:
                    return f"it took longer than {options.timeout} seconds"
                chunks.append(chunk)
    except (urllib.error.URLError, OSError, ValueError) as error:
        return str(getattr(error, "reason", error))
    data = b"".join(chunks)
    kind = image_type(data)
    if kind is None or kind[0] != media_type:
        return f"its bytes are not the {media_type} the server says"
    return data
