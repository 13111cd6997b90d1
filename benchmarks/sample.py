# Copyright (c) 2026 The newsdoc developers. MIT License.
"""The sample article every throughput benchmark uses, and a variant carrying one packaged image."""

from __future__ import annotations

import base64
import datetime as dt
import random
import struct
import zlib

import attrs

import newsdoc
from newsdoc import (
    Article,
    Author,
    Block,
    Emphasis,
    Figure,
    Heading,
    Image,
    Inline,
    Link,
    Paragraph,
    PullQuote,
    Strong,
    Text,
)

_SAMPLE_TEXT = (
    "the council said on tuesday that water levels in the reservoir had fallen to their lowest point "
    "since records began, and officials warned residents that restrictions could last through the "
    "summer months while engineers inspect pipes pumps and treatment works across the region farmers "
    "who depend on irrigation described a season of difficult choices as crops wilted in the fields "
    "scientists at the university have linked the drought to a shift in rainfall patterns over the "
    "past decade according to a report published last year by the national climate office"
)
_WORDS = _SAMPLE_TEXT.split()


def _sentence(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(_WORDS) for _ in range(words)]
    return " ".join(chosen).capitalize() + "."


def _paragraph(rng: random.Random, number: int) -> Paragraph:
    """About 80 words: plain sentences with an emphasis, a link and now and then bold."""
    content: list[Inline] = [Text(_sentence(rng, 18) + " " + _sentence(rng, 14) + " ")]
    content.append(Emphasis((Text(" ".join(rng.choice(_WORDS) for _ in range(3))),)))
    content.append(Text(" " + _sentence(rng, 12) + " A spokesperson for "))
    content.append(
        Link(
            f"https://example.org/news/2024/03/{number:02d}/water-authority-statement",
            (Text("the water authority"),),
            title="Statement" if number % 3 == 0 else None,
        )
    )
    content.append(Text(" said " + _sentence(rng, 16) + " "))
    if number % 4 == 0:
        content.append(Strong((Text("Restrictions remain in force"),)))
        content.append(Text(" " + _sentence(rng, 10)))
    else:
        content.append(Text(_sentence(rng, 14)))
    return Paragraph(tuple(content))


def build_article(words: int = 2_000) -> Article:
    """A normalized ~*words*-word article with a lead figure and one body figure."""
    rng = random.Random(2024)
    body: list[Block] = []
    number = 0
    while newsdoc.plain_text(tuple(body)).count(" ") < words:
        number += 1
        body.append(_paragraph(rng, number))
        if number == 6:
            body.append(
                Figure(
                    Image(
                        "https://example.org/img/pumping-station.jpg",
                        alt="A pumping station at dusk",
                        width=1600,
                        height=900,
                        media_type="image/jpeg",
                    ),
                    caption=(
                        Text("The pumping station at Lower Marsh, which engineers will inspect "),
                        Emphasis((Text("next month"),)),
                        Text("."),
                    ),
                    credit="Photograph: Jane Doe/Example Press",
                )
            )
        elif number == 10:
            body.append(Heading(2, (Text("What the restrictions mean for households"),)))
        elif number == 16:
            body.append(
                PullQuote(
                    (Text("We have never seen the reservoir this low."),),
                    (Text("Maria Silva, water engineer"),),
                )
            )
    lead = Figure(
        Image(
            "https://example.org/img/reservoir-lead.jpg",
            alt="The dry bed of the reservoir",
            width=2400,
            height=1350,
            media_type="image/jpeg",
        ),
        caption=(
            Text("Cracked mud where the reservoir's shoreline stood a year ago, seen on "),
            Link("https://example.org/maps/reservoir", (Text("the northern bank"),)),
            Text("."),
        ),
        credit="Photograph: John Roe/Example Press",
    )
    article = Article(
        headline="Reservoir falls to record low as drought tightens its grip",
        dek="Officials warn that hosepipe bans could last all summer as engineers inspect the network.",
        authors=(
            Author(
                "Ana Costa", title="Environment correspondent", url="https://example.org/profile/ana-costa"
            ),
            Author("Ben Okafor", title="Data reporter", organization="Example Wire"),
        ),
        dateline="LOWER MARSH",
        published=dt.datetime(2024, 3, 25, 6, 30, tzinfo=dt.UTC),
        updated=dt.datetime(2024, 3, 25, 14, 5, 12, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        section="Environment",
        tags=("drought", "water", "climate"),
        url="https://example.org/news/2024/03/25/reservoir-record-low",
        language="en-GB",
        publisher="Example News",
        lead=lead,
        body=tuple(body),
    )
    return newsdoc.normalize(article)


def sample_png(width: int = 240, height: int = 135) -> bytes:
    """A deterministic RGB PNG of a photo's thumbnail size: a gradient with noise, about 50 KiB."""
    rng = random.Random(2024)
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter type None for the row
        for x in range(width):
            # The noise keeps zlib from squeezing it to nothing, as it would a flat gradient.
            rows += bytes((x * 255 // width ^ rng.randrange(4), y * 255 // height, 128))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )


def data_uri(data: bytes, media_type: str) -> str:
    """*data* as a ``data:`` URI, the way pages inline small images."""
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"


def build_article_with_image(words: int = 2_000) -> Article:
    """The sample article with one image, inlined as a ``data:`` URI so every converter packages it.

    The lead figure carries the image; the body figure keeps its caption and credit
    but no image, so no converter has a remote image to fetch or link.
    """
    article = build_article(words)
    assert article.lead is not None
    assert article.lead.image is not None
    image = attrs.evolve(
        article.lead.image,
        src=data_uri(sample_png(), "image/png"),
        width=240,
        height=135,
        media_type="image/png",
    )
    body = tuple(attrs.evolve(b, image=None) if isinstance(b, Figure) else b for b in article.body)
    return newsdoc.normalize(attrs.evolve(article, lead=attrs.evolve(article.lead, image=image), body=body))
