"""Remote images: fetched from a local server on 127.0.0.1 only when asked, within every limit."""

import http.server
import threading
import time

import pytest

from newsdoc import NewsdocWarning
from newsdoc.formats.epub.write import write_epub

from .test_epub_images import GIF, PNG, XHTML, _article, _book

# path: (content type, body, seconds to wait before answering)
ROUTES = {
    "/dot.png": ("image/png", PNG, 0.0),
    "/slow.png": ("image/png", PNG, 2.0),
    "/page.html": ("text/html", b"<html></html>", 0.0),
    "/lying.png": ("image/png", GIF, 0.0),
    "/big.png": ("image/png", PNG + bytes(5000), 0.0),
}


class _Server(http.server.ThreadingHTTPServer):
    requests = 0
    in_flight = 0
    most_in_flight = 0
    lock = threading.Lock()


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        server = self.server
        assert isinstance(server, _Server)
        with server.lock:
            server.requests += 1
            server.in_flight += 1
            server.most_in_flight = max(server.most_in_flight, server.in_flight)
        # A request counts as in flight until its answer starts: a client that keeps
        # to its limit cannot send another on that slot before the answer arrives,
        # whereas counting until the handler returns races with the client's next request.
        answering = False
        try:
            if self.path == "/redirect":
                self._answered(server)
                answering = True
                self.send_response(302)
                self.send_header("Location", "file:///etc/passwd")
                self.end_headers()
                return
            kind, body, wait = ROUTES.get(self.path.split("?")[0], ("image/png", PNG, 0.2))
            time.sleep(wait)
            self._answered(server)
            answering = True
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the timeout test)
        finally:
            if not answering:
                self._answered(server)

    @staticmethod
    def _answered(server):
        with server.lock:
            server.in_flight -= 1

    def log_message(self, *_args):
        pass


@pytest.fixture
def server():
    """A local HTTP server on 127.0.0.1, counting requests and how many run at once."""
    httpd = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def _url(server: _Server, path: str) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}{path}"


def test_remote_images_are_not_fetched_unless_asked(server):
    """Without fetch_images: no request, no <img>, a link to the image; caption and credit stay."""
    url = _url(server, "/dot.png")
    pictures, items, page = _book(write_epub(_article(url)))
    caption = "".join(page.find(f".//{XHTML}figcaption").itertext())
    assert ([("a", url)], [], 0, "Caption 0 Agency") == (pictures, items, server.requests, caption)


def test_remote_images_are_fetched_and_packaged_when_asked(server):
    """fetch_images=True downloads the image and packages it (the test server is on 127.0.0.1)."""
    pictures, items, _ = _book(
        write_epub(_article(_url(server, "/dot.png")), fetch_images=True, fetch_private_hosts=True)
    )
    assert ([("img", items[0][0])], "image/png", 1) == (pictures, items[0][1], server.requests)


@pytest.mark.parametrize(
    ("path", "options", "reason"),
    [
        ("/slow.png", {"fetch_timeout": 0.5}, "timed out"),
        ("/big.png", {"max_image_bytes": 1000}, "larger than 1000 bytes"),
        ("/page.html", {}, "it is text/html, not a JPEG, PNG, GIF or WebP image"),
        ("/lying.png", {}, "its bytes are not the image/png the server says"),
        ("/redirect", {}, "Found"),
    ],
)
def test_fetches_that_fail_a_check_fall_back_to_a_link(server, path, options, reason):
    """Timeout, size cap, content type, bytes that disagree, a redirect off the web: a warning and a link."""
    url = _url(server, path)
    with pytest.warns(NewsdocWarning, match=reason):
        pictures, items, _ = _book(
            write_epub(_article(url), fetch_images=True, fetch_private_hosts=True, **options)
        )
    assert ([("a", url)], []) == (pictures, items)


def test_concurrent_downloads_are_limited(server):
    """Eight images, max_concurrent_fetches=2: never more than two requests at once."""
    urls = [_url(server, f"/each.png?n={n}") for n in range(8)]
    _, items, _ = _book(
        write_epub(_article(*urls), fetch_images=True, fetch_private_hosts=True, max_concurrent_fetches=2)
    )
    assert (1, 8, 2) == (len(items), server.requests, server.most_in_flight)


def test_servers_on_private_addresses_are_refused_unless_allowed(server):
    """A stranger's article cannot make newsdoc fetch from 127.0.0.1: refused before any request is sent."""
    url = _url(server, "/dot.png")
    with pytest.warns(NewsdocWarning, match=r"is at 127\.0\.0\.1, a private address"):
        pictures, items, _ = _book(write_epub(_article(url), fetch_images=True))
    assert ([("a", url)], [], 0) == (pictures, items, server.requests)
