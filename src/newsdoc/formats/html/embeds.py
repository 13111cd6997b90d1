"""Known embed providers: which iframes and embed blockquotes become an :class:`~newsdoc.Embed`.

Any other iframe is dropped: it is an ad, a widget or a tracker as often as content.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

from attrs import frozen


def _youtube(parts: tuple[str, str, str]) -> str:
    video = parts[1].removeprefix("/embed/").split("/")[0]
    return f"https://www.youtube.com/watch?v={video}" if video else ""


def _vimeo(parts: tuple[str, str, str]) -> str:
    video = parts[1].removeprefix("/video/").split("/")[0]
    return f"https://vimeo.com/{video}" if video.isdigit() else ""


def _tweet(parts: tuple[str, str, str]) -> str:
    tweet = parse_qs(parts[2]).get("id", [""])[0]
    return f"https://twitter.com/i/status/{tweet}" if tweet.isdigit() else ""


def _instagram(parts: tuple[str, str, str]) -> str:
    path = parts[1].rstrip("/")
    for suffix in ("/captioned", "/embed"):  # .../embed and .../embed/captioned
        path = path.removesuffix(suffix)
    return f"https://www.instagram.com{path}/"


@frozen
class Provider:
    """An embed provider: its name, the hosts and path its player iframes use, and the page URL."""

    name: str
    hosts: tuple[str, ...]
    path: str
    #: From (host, path, query) of the iframe's address to the address of the embedded
    #: thing itself; None keeps the iframe's address.
    page_url: Callable[[tuple[str, str, str]], str] | None = None


#: Iframe players, by the host and path of their src (each provider's embed docs).
PROVIDERS: tuple[Provider, ...] = (
    # youtube.com/embed/ID, and youtube-nocookie.com for the privacy-enhanced player
    Provider("YouTube", ("youtube.com", "youtube-nocookie.com"), "/embed/", _youtube),
    # player.vimeo.com/video/ID
    Provider("Vimeo", ("player.vimeo.com",), "/video/", _vimeo),
    # platform.twitter.com/embed/Tweet.html?id=ID: the iframe X's widgets.js writes
    Provider("X", ("platform.twitter.com",), "/embed/", _tweet),
    # instagram.com/p/CODE/embed (and /reel/CODE/embed)
    Provider("Instagram", ("instagram.com",), "/", _instagram),
    # tiktok.com/embed/v2/ID and tiktok.com/player/v1/ID
    Provider("TikTok", ("tiktok.com",), "/", None),
    # google.com/maps/embed?pb=..., and maps.google.com/maps?...&output=embed on older pages
    Provider("Google Maps", ("google.com", "maps.google.com"), "/maps", None),
)

#: Embed blockquotes: the markup providers hand out for pasting (a blockquote a script
#: later turns into a widget). Class -> provider and the attribute holding the post's
#: address; None means the last link inside points to it.
EMBED_BLOCKQUOTES: dict[str, tuple[str, str | None]] = {
    "twitter-tweet": ("X", None),  # publish.twitter.com
    "instagram-media": ("Instagram", "data-instgrm-permalink"),  # Instagram's "Embed" menu
    "tiktok-embed": ("TikTok", "cite"),  # TikTok's "Embed" menu
}


def provider_of(url: str) -> tuple[str, str] | None:
    """The provider name and page URL of an iframe *url*, or None if no known provider serves it.

    >>> provider_of("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=3")
    ('YouTube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ')
    """
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    if parts.scheme not in {"http", "https"}:
        return None
    for provider in PROVIDERS:
        if any(host == known or host.endswith("." + known) for known in provider.hosts) and (
            parts.path.startswith(provider.path)
        ):
            if provider.page_url is None:
                return provider.name, url
            page = provider.page_url((host, parts.path, parts.query))
            return provider.name, page or url
    return None
