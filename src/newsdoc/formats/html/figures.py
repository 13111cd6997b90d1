"""Read ``<figure>``, ``<img>`` and ``<picture>``: the largest image, the caption, the credit.

Credits are split off by class names or, failing those, by a trailing credit line;
both kinds of marker are data tables below, each entry saying where it is seen.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

from attrs import frozen

from newsdoc._characters import scrub
from newsdoc.canonical import fold, normalize
from newsdoc.formats.html.authors import is_agency
from newsdoc.formats.html.embeds import EMBED_BLOCKQUOTES, provider_of
from newsdoc.formats.html.furniture import words_of
from newsdoc.model import (
    Block,
    CodeBlock,
    Embed,
    Emphasis,
    Figure,
    Image,
    Inline,
    LineBreak,
    Paragraph,
    Quote,
    Strong,
    Table,
    Text,
)
from newsdoc.plain import plain_text

if TYPE_CHECKING:
    from newsdoc.formats.html.blocks import BlockReader

#: Words that mark a credit in a class name, alone or as part of one ("credit",
#: "photo-credit", "c-caption__credit", "image-source"): WordPress, Arc XP,
#: Brightspot and hand-made templates alike.
CREDIT_CLASS_WORDS = frozenset(
    {"credit", "credits", "byline", "source", "copyright", "attribution", "photographer", "courtesy"}
)
#: Attributes of an ``<img>`` holding its caption or its credit, for lightbox and
#: gallery scripts to show (Fancybox's and PhotoSwipe's data-caption, data-credit
#: and data-source in German and British CMS templates).
CAPTION_ATTRIBUTES = ("data-caption", "data-title-caption")
CREDIT_ATTRIBUTES = ("data-credit", "data-source", "data-copyright", "data-photographer")
#: Longest data-* attribute value read for credit words: flags such as
#: ``data-fp-flag="main-image-source"`` or ``data-testid="caption-credit"``, not URLs or JSON.
_MAX_FLAG = 40
# Elements holding a credit line laid over or under an image, and its longest length.
_LINE_ELEMENTS = ("small", "span", "p", "div", "cite")
_MAX_COPYRIGHT_LINE = 120
# Levels between a figcaption and a credit marked inside it ("<figcaption><span><span class=author>").
_CAPTION_DEPTH = 3
#: Class words that name the photographer inside a ``<figcaption>`` only (elsewhere
#: "author" marks bylines): "author", German and Polish "autor", "fotograf".
CAPTION_AUTHOR_WORDS = frozenset({"author", "autor", "fotograf", "fotografo", "fotógrafo"})
#: Class words naming an image, which make an "author" element inside a figure the
#: photographer's ("image-box__author", "photo-author") and not a byline's.
IMAGE_WORDS = frozenset({"image", "img", "photo", "foto", "picture", "pic", "bild", "media"})
#: Microdata properties naming an image's credit (schema.org ImageObject).
CREDIT_ITEMPROPS = frozenset({"copyrightHolder", "copyrightNotice", "creditText", "author"})

#: Labels that introduce a photo credit, by language: English "Photo", "Photograph",
#: "Picture", "Image", "Credit", "Source", "Image credit" (tech and magazine sites);
#: "Foto" (German, Dutch, Scandinavian, Spanish, Italian, Polish, Czech), "Bild"
#: (German, Swedish), "Quelle" (German), "Fuente" (Spanish), "Fonte" (Italian,
#: Portuguese), "Kilde" (Danish, Norwegian), "Källa" (Swedish), "Kuva" (Finnish),
#: "Mynd" (Icelandic), "Фото" (Russian, Ukrainian), "Isithombe" (Zulu, Xhosa);
#: "source" in Russian ("Источник"), Ukrainian ("Джерело"), Polish ("Źródło"), Czech
#: and Slovak ("Zdroj"), Dutch ("Bron"), Turkish ("Kaynak").
CREDIT_LABELS = (
    "(?:Image|Photo|Picture) credits?|Photo(?:graph)?s?|Pictures?|Images?|Illustrations?|Credits?|Source"
    "|Foto|Fotos|Bild|Quelle|Fuente|Fonte|Kilde|Källa|Kuva|Mynd|Фото|Isithombe|Источник|Джерело|Źródło"
    "|Zdroj|Bron|Kaynak"
)
# A letter that is not a lowercase Latin one: the first letter of a name.
_CAPITAL = r"[^\W\d_a-z\xdf-\xf6\xf8-\xff]"
#: Credit lines at the end of a caption, tried in order on its last 300 characters.
CREDIT_PATTERNS: tuple[re.Pattern[str], ...] = (
    # "(AP Photo/Fatima Shbair)", "(AP Photo)", "(Pool Photo via AP)": AP style, the
    # credit in parentheses after the caption (AP and the papers printing its photos).
    re.compile(r"\((?P<credit>[^()]{0,60}\b(?:Photos?|Foto|Video|Illustration)\b[^()]{0,80})\)$"),
    # "(Symbolfoto: dpa)", "(Quelle: Reuters)", "(Picture: PA)": a label, compound words
    # too, and a colon in parentheses (German and Scandinavian papers, British tabloids).
    re.compile(
        r"\((?P<credit>[^():]{0,30}(?i:foto|photo|bild|quelle|source|image|picture|credit|kilde|källa|kuva|фото)"
        r"[^():]{0,10}:[^()]{1,100})\)$"
    ),
    # "(Mario Jasso/Cuartoscuro)", "(Jane Doe/Reuters)": a name and an agency or
    # archive after a slash, in parentheses (WordPress captions, wire photos).
    re.compile(r"\((?P<credit>[^\W\d][^()/]{1,40}/[^()]{2,60})\)$"),
    # "(Getty Images)", "(AFP via Getty Images)", "(Reuters)", "(Unsplash)": agency and
    # stock-photo library names in parentheses (wire captions, WordPress blogs).
    re.compile(
        r"\((?P<credit>[^()]{0,60}\b(?:Getty Images|AFP|Reuters|EPA|Shutterstock|Alamy|Unsplash|Pexels"
        r"|Pixabay|iStock|Adobe Stock|Depositphotos|Dreamstime|123RF|Freepik)\b[^()]{0,40})\)$"
    ),
    # "Photograph: Jane Doe/Example Press", "Photo: ...", "Credit: ...", "Foto: ...":
    # a label and a colon (British papers, most CMS caption templates).
    # Compound labels too: "Bildquelle:", "Symbolfoto:", "Pressefoto:" (German papers).
    re.compile(
        r"(?:^|(?<=\s))(?P<credit>(?:" + CREDIT_LABELS + r"|(?i:\w*(?:foto|photo|bild)\w*)) ?: ?[^:]{1,120})$"
    ),
    # "The harbour at dawn. Photo by Jane Doe/Example Press", "Foto von ...": a label
    # and "by" in English, German, French, Italian, Spanish captions; a name follows,
    # capitalised ("Foto de familia", Spanish for a group photo, is no credit).
    re.compile(
        r"(?:^|(?<=\s))(?P<credit>(?i:photo(?:graph)?|image|picture|foto|illustration)s?\s+"
        r"(?i:by|von|de|di|por)\s+" + _CAPITAL + r"[^.!?]{1,100})$"
    ),
    # "© Jane Doe", "Copyright 2024 Example Press": copyright notices.
    re.compile(r"(?:^|(?<=\s))(?P<credit>(?:©|Copyright\b)[^©]{1,120})$"),
    # "A crowd in the square | Jane Doe/Example Press": a short last part after a bar
    # (many WordPress themes and news templates print caption | credit).
    re.compile(r"(?<=\s)\|\s(?P<credit>[^|]{2,100})$"),
    # "The harbour at dawn — Jane Doe/Reuters": a name of two to four words and an
    # agency after a dash (a single word before the slash is "North — South/East").
    re.compile(
        r"(?<=\s)[\u2014\u2013-]\s(?P<credit>(?:[^\W\d_][\w'.-]*\s){1,3}[^\W\d_][\w'.-]*"
        r"\s?/[^\u2014\u2013/]{2,60})$"
    ),
    # "El puerto al amanecer. / EFE": Spanish papers set the credit after a slash
    # following the caption's last sentence.
    re.compile(r"(?<=[.!?])\s/\s(?P<credit>[^/.!?]{2,60})$"),
    # "Redada en el barrio / Jane Doe": Spanish regional papers' templates end the
    # caption with a slash and the photographer's name, a run of capitalised words
    # (a particle such as "de" between them), without a full stop before it.
    re.compile(
        r"(?<=\w)\s/\s(?P<credit>"
        + _CAPITAL
        + r"[\w'.-]*(?:\s(?:(?:de|del|da|la|van|von)\s)?"
        + _CAPITAL
        + r"[\w'.-]*){0,3})$"
    ),
    # Japanese papers end a caption with a fullwidth equals sign (U+FF1D) and the
    # credit: the police outside the Diet, "=AP", "=Reuters" in fullwidth letters.
    re.compile(r"(?<=\S)\uff1d(?P<credit>[^\uff1d\u3002\u3001\s]{1,20})$"),
    # "... 입장을 밝히고 있다. 홍길동 기자": Korean papers end a caption with the
    # photographer's name and "기자" (reporter); the credit is the name.
    re.compile(r"(?<=[.\s])(?P<credit>[\uac00-\ud7a3]{2,4}) ?\uae30\uc790$"),
)
#: A label before a credit's names ("Photo: ", "Credit: ", "Symbolfoto: ", "© ",
#: "Copyright ", "Courtesy of "): the credit is the names, as people cite it, so the
#: label is taken off.
CREDIT_LABEL = re.compile(
    r"^(?:(?:\w*(?:foto|photo|bild)\w*|" + CREDIT_LABELS + r") ?: ?|©\s*|\(c\)\s*|Copyright\b:?\s*"
    r"|(?:photo(?:graph)?|image|picture|foto|illustration)s?\s+(?:by|von|de|di|por)\s+|courtesy of\s+)+",
    re.IGNORECASE,
)
#: Photo libraries and agencies named in credit lines ("Anadolu via Getty Images",
#: "Unsplash/Jane Doe", "IMAGO/Jane Doe", "picture alliance/dpa"): stock libraries
#: on blogs and magazines, photo agencies on news sites.
PHOTO_SOURCES = re.compile(
    r"\b(?:Getty Images|Shutterstock|Alamy|Unsplash|Pexels|Pixabay|iStock(?:photo)?|Adobe Stock"
    r"|Depositphotos|Dreamstime|123RF|Freepik|IMAGO|imago images|picture alliance|Keystone|EPA|AFP"
    r"|Reuters|REUTERS|AP Photo)\b"
)
#: Words standing alone for a credit: "Supplied" and "Handout" (a photo given by the
#: people pictured or a company: Canadian, Australian, South African papers).
CREDIT_WORDS = frozenset({"supplied", "handout", "supplied image", "supplied photo"})
# A line opening with a credit label and a colon, or a copyright sign: "Фото: Jane Doe", "© Jane Doe".
_LABELLED = re.compile(r"(?:(?:" + CREDIT_LABELS + r") ?:|©)", re.IGNORECASE)
# Inlines a caption may be read as plain text through when its credit is set in a mark.
_PLAIN_MARKS = frozenset({Text, Emphasis, Strong})
# A credit on its own line: at most this long, and a line break and its text end the caption.
_MAX_CREDIT_LINE = 60
_LINE_AND_TEXT = 3
_NAME_SLASH = re.compile(r"[^\W\d_]\s*/\s*[^\W\d_]")  # "Doe/Reuters", not "2024/25"
# What separates a caption from its credit line when both share a line.
_SEPARATORS = " |/·—–-"  # noqa: RUF001 - the dashes captions use

#: Attributes lazy-loading scripts keep the real image address in, most common first
#: (lazysizes and most themes: data-src; WP Rocket: data-lazy-src; jQuery Lazy Load:
#: data-original; Slick carousels: data-lazy; Flickity carousels: data-flickity-lazyload).
LAZY_SOURCES = (
    "data-src", "data-lazy-src", "data-original", "data-hi-res-src", "data-lazy", "data-flickity-lazyload",
    "data-flickity-lazyload-src",
)  # fmt: skip
#: The same for ``srcset``, on an ``<img>`` or a ``<picture>``'s ``<source>`` (lazysizes,
#: WP Rocket, Flickity).
LAZY_SRCSETS = ("data-srcset", "data-lazy-srcset", "data-flickity-lazyload-srcset")

_DIMENSION = re.compile(r"\s*0*([1-9][0-9]{0,8})")
_DASH = re.compile(r"^\s*[—–―-]+\s*")  # noqa: RUF001 - "— Name", as attributions start


@frozen
class Candidate:
    """One image candidate from a ``srcset``: its URL, width or density, and media type."""

    url: str
    width: int | None = None
    density: float = 1.0
    media_type: str | None = None


def srcset_candidates(srcset: str, media_type: str | None = None) -> list[Candidate]:
    """The candidates of a ``srcset`` attribute (WHATWG 4.8.4.3.10, simplified).

    >>> [c.width for c in srcset_candidates("a.jpg 480w, b.jpg 1080w,c.jpg 800w")]
    [480, 1080, 800]
    """
    found = []
    position, end = 0, len(srcset)
    while position < end:
        while position < end and (srcset[position].isspace() or srcset[position] == ","):
            position += 1
        start = position
        while position < end and not srcset[position].isspace():
            position += 1
        url = srcset[start:position]
        descriptor = ""
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            comma = srcset.find(",", position)
            stop = end if comma == -1 else comma
            descriptor = srcset[position:stop].strip()
            position = stop + 1
        if url:
            found.append(_candidate(url, descriptor, media_type))
    return found


def _candidate(url: str, descriptor: str, media_type: str | None) -> Candidate:
    word = descriptor.split(maxsplit=1)[0] if descriptor else ""
    try:
        if word.endswith("w") and word[:-1].isdigit():
            return Candidate(url, width=int(word[:-1]), media_type=media_type)
        if word.endswith("x"):
            return Candidate(url, density=float(word[:-1]), media_type=media_type)
    except ValueError:
        pass
    return Candidate(url, media_type=media_type)


def largest(candidates: list[Candidate]) -> Candidate | None:
    """The widest candidate, or the densest when none gives a width."""
    if not candidates:
        return None
    widths = [c for c in candidates if c.width is not None]
    if widths:
        return max(widths, key=lambda c: c.width or 0)
    return max(candidates, key=lambda c: c.density)


def dimension(value: str | None) -> int | None:
    """A positive pixel size from a ``width``/``height`` attribute ("600", "600px"), or None."""
    if value is None:
        return None
    found = _DIMENSION.match(value)
    return int(found.group(1)) if found else None


def image_of(img: Any, reader: BlockReader) -> Image | None:
    """The :class:`~newsdoc.Image` an ``<img>`` shows, or None if it has no usable source."""
    media_type = None
    if reader.own:
        src = reader.exact(img, "src")
        media_type = img.get("data-media-type")
    else:
        pool = []
        for value in _srcsets(img):
            pool.extend(srcset_candidates(value))
        picture = next(img.iterancestors("picture"), None)
        if picture is not None:
            # <source> elements may hold the <img>: see MISPARSED_VOID in inlines.py.
            for source in picture.iter("source"):
                for value in _srcsets(source):
                    pool.extend(srcset_candidates(value, source.get("type")))
        # A "data:,1w" placeholder in a lazy <source>'s srcset is no candidate beside real ones.
        best = largest([candidate for candidate in pool if not candidate.url.startswith("data:")] or pool)
        if best is not None:
            src, media_type = best.url, best.media_type
        else:
            src = next((img.get(name) for name in LAZY_SOURCES if img.get(name)), None) or _lazy_source(img)
    url = reader.url(src, image=True)
    if url is None:
        return None
    alt = img.get("alt")
    alt = None if alt is None else reader.string(alt)
    width, height = dimension(img.get("width")), dimension(img.get("height"))
    if media_type is not None:
        try:
            return Image(url, alt, width, height, reader.string(media_type).strip().lower())
        except ValueError:
            pass  # not a media type; the image is still good
    return Image(url, alt, width, height)


def _srcsets(element: Any) -> Iterator[str]:
    """The values of *element*'s ``srcset`` and of the lazy loaders' copies of it."""
    for name in ("srcset", *LAZY_SRCSETS):
        value = element.get(name)
        if value:
            yield value
    for name, value in element.items():
        # Other loaders name theirs alike: "data-lazyimage-srcset", "data-bg-srcset".
        if name.startswith("data-") and name.endswith("-srcset") and name not in LAZY_SRCSETS and value:
            yield value


def _lazy_source(img: Any) -> str | None:
    """*img*'s address from an attribute a lazy loader names "data-...-src", or its ``src``."""
    src = img.get("src")
    if src and not src.startswith("data:"):
        return str(src)
    for name, value in img.items():
        if name.startswith("data-") and name.endswith("-src") and value and not value.startswith("data:"):
            return str(value)  # "data-lazyimage-src", "data-full-src": the real image behind a placeholder
    return None if src is None else str(src)


def _alt_credit(img: Any, reader: BlockReader) -> str | None:
    """The credit the end of *img*'s alt text names ("A dry riverbed. Photo: Jane Doe"), if any."""
    alt = img.get("alt")
    return split_credit((Text(fold(reader.string(alt))),))[1] if alt else None


def media_block(element: Any, reader: BlockReader) -> Block | None:
    """An ``<img>``, ``<picture>`` or ``<iframe>`` outside a figure, as a block."""
    tag = element.tag
    if tag == "iframe":
        found = provider_of(reader.url(element.get("src") or element.get("data-src")) or "")
        return Embed(found[1], found[0]) if found else None
    img = element if tag == "img" else next(element.iter("img"), None)
    image = image_of(img, reader) if img is not None else None
    if img is None or image is None:
        return None
    caption, credit = split_credit(_title_of(img, reader))
    if credit is None:
        credit = _alt_credit(img, reader)
    return Figure(image, caption, credit)


def read_figure(element: Any, reader: BlockReader, depth: int) -> list[Block]:
    """The blocks a ``<figure>`` holds: usually one Figure, Embed, Quote or Table."""
    if reader.own:
        return [_own_figure(element, reader, depth)]
    inner = [
        figure
        for figure in element.iterdescendants("figure")
        if next(figure.iterancestors("figure")) is element
    ]
    if inner:  # a gallery of figures, each with its own caption (one level: no recursion)
        return [block for figure in inner for block in _read_one(figure, reader, depth)]
    return _read_one(element, reader, depth)


def _read_one(element: Any, reader: BlockReader, depth: int) -> list[Block]:
    caption_element = next(element.iter("figcaption"), None)
    credit = _marked_credit(element, reader)
    caption: tuple[Inline, ...] = reader.content(caption_element) if caption_element is not None else ()
    if caption_element is not None:
        detach(caption_element)
    for quote in element.iter("blockquote"):
        embedded = _embedded_post(quote, reader)
        if embedded is not None:
            return [Embed(embedded[1], embedded[0], caption or reader.content(quote))]
    for frame in element.iter("iframe"):
        found = provider_of(reader.url(frame.get("src") or frame.get("data-src")) or "")
        if found is not None:
            return [Embed(found[1], found[0], caption)]
    shown: dict[str, Image] = {}  # once each: a <noscript> copy of a lazy image is the same image
    for img in element.iter("img"):
        image = image_of(img, reader)
        if image is not None:
            shown.setdefault(image.src, image)
    images = list(shown.values())
    if len(images) > 1 and any(image.src.startswith("data:") for image in images):
        # a lazy loader's inline placeholder beside the real image (often in <noscript>)
        images = [image for image in images if not image.src.startswith("data:")] or images[:1]
    if images:
        img = next(element.iter("img"))
        title = _title_of(img, reader)
        if not caption:
            stated = _attribute_text(img, CAPTION_ATTRIBUTES, reader)
            caption = (Text(stated),) if stated else title
        if credit is None:
            caption, credit = split_credit(caption)
        if credit is None and title:
            credit = split_credit(title)[1]  # the title may end with the credit the caption lacks
        if credit is None:
            credit = _alt_credit(img, reader)  # so may the alt text
        if credit is None:
            credit = clean_credit(_attribute_text(img, CREDIT_ATTRIBUTES, reader)) or None
        if credit is None:
            credit = _copyright_line(element, reader)
        first = Figure(images[0], caption, credit)
        return [first, *(Figure(image) for image in images[1:])]
    kinds = {child.tag: child for child in element if isinstance(child.tag, str)}
    if "blockquote" in kinds:
        body = tuple(reader.blocks(kinds["blockquote"], depth))
        return [Quote(body, _without_dash(caption))]
    if "table" in kinds:
        tables = reader.blocks(element, depth)
        if tables and isinstance(tables[0], Table) and not tables[0].caption:
            tables[0] = Table(tables[0].head, tables[0].body, caption)
            return tables
        return [*tables, Paragraph(caption)]
    if "pre" in kinds:
        return [*reader.blocks(element, depth), Paragraph(caption)]
    if caption or credit is not None:
        if credit is None:
            caption, credit = split_credit(caption)
        return [*reader.blocks(element, depth), Figure(None, caption, credit)]
    return reader.blocks(element, depth)


def _copyright_line(figure: Any, reader: BlockReader) -> str | None:
    """The names of a short "© Name" or "Foto: Name" line in *figure* outside its caption.

    Templates lay such a line over the image, or set it in a box beside the caption.
    """
    for element in figure.iter(*_LINE_ELEMENTS):
        if any(type(child.tag) is str for child in element):
            continue
        text = fold(reader.string(element.text or ""))
        if len(text) <= _MAX_COPYRIGHT_LINE and (
            text.startswith(("©", "(c)", "(C)")) or _LABELLED.match(text) is not None
        ):
            return clean_credit(text) or None
    return None


def _attribute_text(img: Any, names: tuple[str, ...], reader: BlockReader) -> str:
    """The text of the first of the attributes *names* that *img* holds ("" if none; markup is none).

    The link around the image is asked too: lightboxes (Fancybox) put ``data-caption`` there.
    """
    link = img.getparent()
    holders = (img, link) if link is not None and link.tag == "a" else (img,)
    for holder in holders:
        for name in names:
            text = fold(reader.string(holder.get(name) or ""))
            if text and "<" not in text:
                return text
    return ""


def _title_of(img: Any, reader: BlockReader) -> tuple[Inline, ...]:
    """An image's ``title``, the page's own words about it, as a caption where it has none."""
    if reader.own:
        return ()
    title = fold(reader.string(img.get("title") or ""))
    return (Text(title),) if title else ()


def _own_figure(element: Any, reader: BlockReader, depth: int) -> Block:
    classes = (element.get("class") or "").split()
    caption_element = next(element.iterchildren("figcaption"), None)
    if "embed" in classes:
        link = next(element.iterchildren("a"), None)
        href = reader.exact(link, "href") if link is not None else None
        words = reader.content(caption_element) if caption_element is not None else ()
        provider = element.get("data-provider")
        return Embed(reader.url(href) or "", None if provider is None else reader.string(provider), words)
    if "quote" in classes:
        quote = next(element.iterchildren("blockquote"), None)
        body = tuple(reader.blocks(quote, depth)) if quote is not None else ()
        return Quote(body, reader.content(caption_element) if caption_element is not None else ())
    credit = None
    caption: tuple[Inline, ...] = ()
    if caption_element is not None:
        for marked in caption_element.iterchildren("span"):
            if marked.get("class") == "credit":
                credit = reader.text_of(marked) or None
                detach(marked)
                break
        caption = reader.content(caption_element)
    img = next(element.iterchildren("img"), None)
    image = image_of(img, reader) if img is not None else None
    return Figure(image, caption, credit)


def _marked_credit(figure: Any, reader: BlockReader) -> str | None:
    """The text of the elements inside *figure* marked as its credit, taken out of the tree."""
    marked = []
    # An image's figure, not a quote's: "author" there names the photographer.
    photo = next(figure.iter("img"), None) is not None and next(figure.iter("blockquote"), None) is None
    for element in figure.iter():
        if not isinstance(element.tag, str):
            continue
        if (
            element.get("itemprop") in CREDIT_ITEMPROPS
            or _credit_class(element.get("class"))
            or _credit_flag(element)
            or _caption_credit(element, photo=photo)
            or (photo and _figure_footer(element, figure))
        ):
            marked.append(element)
    texts: dict[str, None] = {}  # in order, without the copies templates show twice
    for element in marked:
        if element.getparent() is None:
            continue  # inside an element already taken
        text = clean_credit(reader.text_of(element))
        if text:
            texts[text] = None
        detach(element)
    kept = [text for text in texts if not any(text != other and text in other for other in texts)]
    return clean_credit(" ".join(kept)) or None  # a part shown again whole ("©", "Name", "© Name")


def _caption_credit(element: Any, *, photo: bool = False) -> bool:
    """Whether *element* is a credit by its place in a ``<figcaption>``.

    A ``<small>`` or ``<cite>`` ending the caption (HTML's small print and source), a
    last line of its own naming a photo's source ("Unsplash/Jane Doe", "Getty Images"),
    or an element whose class words name the photographer ("author", "fotograf"):
    inside the caption, or anywhere in an image's figure (*photo*) as a short line.
    """
    parent = element.getparent()
    if parent is None:
        return False
    value = element.get("class")
    words = set(re.split(r"[\s_-]+", value.lower())) if value else set()
    if not CAPTION_AUTHOR_WORDS.isdisjoint(words):
        if parent.tag == "figcaption" or any(
            ancestor.tag == "figcaption" for ancestor in islice(element.iterancestors(), _CAPTION_DEPTH)
        ):
            return True
        # Outside the caption, only the image's author ("image-box__author"), not a byline's.
        return (
            photo
            and not IMAGE_WORDS.isdisjoint(words)
            and len("".join(islice(element.itertext(), 20))) <= _MAX_COPYRIGHT_LINE
        )
    if parent.tag != "figcaption" or element.getnext() is not None or (element.tail or "").strip():
        return False
    after_words = bool((parent.text or "").strip()) or element.getprevious() is not None
    if element.tag in ("small", "cite"):
        return after_words
    # "<span>The harbour at dawn.</span><span>Unsplash/Jane Doe</span>": the last of
    # the caption's lines, set apart without a separator the text would show.
    line = fold(element.text or "")
    return (
        after_words
        and element.tag in _LINE_ELEMENTS
        and not any(type(child.tag) is str for child in element)
        and (credit_line(line) or (_LABELLED.match(line) is not None and len(line) <= _MAX_COPYRIGHT_LINE))
    )


def _figure_footer(element: Any, figure: Any) -> bool:
    """Whether *element* is a short ``<footer>`` of *figure* itself: its credit line."""
    return (
        element.tag == "footer"
        and element.getparent() is figure
        and len("".join(islice(element.itertext(), 20))) <= _MAX_COPYRIGHT_LINE
    )


def _credit_flag(element: Any) -> bool:
    """Whether a short ``data-*`` value of *element* names a credit (``data-fp-flag="image-source"``)."""
    return any(
        name.startswith("data-") and len(value) <= _MAX_FLAG and _credit_class(value, humps=False)
        for name, value in element.items()
    )


def clean_credit(text: str) -> str:
    """A credit without its label, parentheses or a repeated copy: "Photo: Jane Doe" is "Jane Doe".

    >>> clean_credit("Copyright  AP Photo Copyright AP Photo")
    'AP Photo'
    """
    text = fold(text).strip()  # a no-break space around it too
    words = text.split()
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:]:
        text = " ".join(words[:half])  # a visible copy and a screen-reader copy
    if text.startswith("(") and text.endswith(")") and "(" not in text[1:]:
        text = text[1:-1]
    return fold(CREDIT_LABEL.sub("", text))


def _credit_class(value: str | None, *, humps: bool = True) -> bool:
    """Whether a class value has a credit word: split at ``-`` and ``_``, and at camelCase humps.

    Class names are split at humps ("widget__captionCredit"); flags in data attributes
    are not ("headerImageCaption, headerImageCopyright" names a caption with its credit).
    """
    if not value:
        return False
    if humps:
        return not CREDIT_CLASS_WORDS.isdisjoint(words_of(value))
    return any(
        word in CREDIT_CLASS_WORDS for token in value.lower().split() for word in re.split(r"[-_]+", token)
    )


def split_credit(caption: tuple[Inline, ...]) -> tuple[tuple[Inline, ...], str | None]:
    """Split a trailing credit line ("Photo: ...", "(AP Photo/...)") off *caption*.

    >>> split_credit((Text("Rafah, March 24, 2024. (AP Photo/Fatima Shbair)"),))
    ((Text(text='Rafah, March 24, 2024.'),), 'AP Photo/Fatima Shbair')
    >>> split_credit((Text("The dry reservoir. Photograph: Jane Doe/Example Press"),))
    ((Text(text='The dry reservoir.'),), 'Jane Doe/Example Press')
    """
    caption = normalize(caption) if caption else caption
    if not caption:
        return caption, None
    if len(caption) > 1 or type(caption[-1]) is not Text:
        found = _split_last_text(caption)
        if found[1] is not None or any(type(inline) not in _PLAIN_MARKS for inline in caption):
            return found
        # "Caption. <em>Photo: Jane Doe</em>", "<b>Foto:</b> Jane Doe": the credit set in
        # marks. Read as plain text; the caption loses its marks only when a credit is found.
        flat, credit = _split_last_text((Text(" ".join(plain_text(caption).split())),))
        return (flat, credit) if credit is not None else (caption, None)
    return _split_last_text(caption)


def _split_last_text(caption: tuple[Inline, ...]) -> tuple[tuple[Inline, ...], str | None]:
    if type(caption[-1]) is not Text:
        return caption, None
    last = caption[-1]
    assert isinstance(last, Text)
    text = last.text.rstrip(_SEPARATORS)  # "... (AP Photo/Jane Doe) - " as some templates end
    cut = max(0, len(text) - 300)
    tail = text[cut:]
    for pattern in CREDIT_PATTERNS:
        found = pattern.search(tail)
        if found is not None:
            before = (text[:cut] + tail[: found.start()]).rstrip(_SEPARATORS)
            rest = (*caption[:-1], Text(before)) if before else caption[:-1]
            return normalize(rest) if rest else (), clean_credit(found.group("credit")) or None
    # "... in Seoul on Monday. Yonhap", "... the lobby. Supplied": a news agency or a
    # credit line after the last sentence.
    before, stop, agency = text.rpartition(". ")
    if stop and credit_line(agency):
        rest = (*caption[:-1], Text(before + "."))
        return normalize(rest), clean_credit(agency) or None
    # "The harbour at dawn<br>Jane Doe/Reuters": a last line of names with a slash, or
    # an agency, after a line break (captions set in two lines by many CMS templates).
    if len(caption) >= _LINE_AND_TEXT and type(caption[-2]) is LineBreak and credit_line(text):
        return normalize(caption[:-2]), clean_credit(text) or None
    return caption, None


def credit_line(text: str) -> bool:
    """Whether *text* is a short line naming a photo's source: "Jane Doe/Reuters", "AFP", "Supplied"."""
    line = text.strip()
    return (
        0 < len(line) <= _MAX_CREDIT_LINE
        and not line.endswith((".", "!", "?"))
        and (
            _NAME_SLASH.search(line) is not None
            or is_agency(line)
            or PHOTO_SOURCES.search(line) is not None
            or line.casefold() in CREDIT_WORDS
        )
    )


def _embedded_post(quote: Any, reader: BlockReader) -> tuple[str, str] | None:
    """Provider and URL of an embed blockquote (a tweet, an Instagram post), or None."""
    for token in (quote.get("class") or "").split():
        if token in EMBED_BLOCKQUOTES:
            provider, attribute = EMBED_BLOCKQUOTES[token]
            if attribute is not None:
                url = reader.url(quote.get(attribute))
            else:
                links = [reader.url(a.get("href")) for a in quote.iter("a")]
                url = next((link for link in reversed(links) if link), None)
            return provider, url or ""
    return None


def embedded_post(quote: Any, reader: BlockReader) -> Embed | None:
    """A provider's embed blockquote outside a figure, as an Embed with the post's words."""
    found = _embedded_post(quote, reader)
    if found is None:
        return None
    return Embed(found[1], found[0], reader.content(quote))


def _without_dash(attribution: tuple[Inline, ...]) -> tuple[Inline, ...]:
    if attribution and type(attribution[0]) is Text:
        first = attribution[0]
        assert isinstance(first, Text)
        text = _DASH.sub("", first.text)
        return (Text(text), *attribution[1:]) if text else attribution[1:]
    return attribution


def attribution_of(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """An attribution as pages write it ("— Name"), without its leading dash."""
    return _without_dash(normalize(inlines) if inlines else inlines)


def code_block(pre: Any, reader: BlockReader) -> CodeBlock:
    """A ``<pre>`` as a CodeBlock, with the language its classes name."""
    code = next(pre.iterchildren("code"), None)
    language = None
    for element in (pre, code):
        if element is None:
            continue
        if reader.own and element.get("data-language") is not None:
            language = reader.string(element.get("data-language"))
        language = language or _language_class(element.get("class"))
    return CodeBlock(reader.string("".join(pre.itertext())), language)


def _language_class(value: str | None) -> str | None:
    if not value:
        return None
    tokens = value.split()
    for token in tokens:
        # "language-*" (HTML standard's suggestion, CommonMark, highlight.js), "lang-*" (Prism's alias)
        for prefix in ("language-", "lang-"):
            if token.startswith(prefix) and len(token) > len(prefix):
                return token[len(prefix) :]
    # pandoc writes class="sourceCode python"
    marker = "sourceCode"
    if marker in tokens:
        return next((token for token in tokens if token != marker), None)
    return None


def detach(element: Any) -> None:
    """Remove *element* from its parent, keeping the text that followed it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        # lxml refuses to set text holding control characters that a character
        # reference put in the tree; the model refuses them too.
        previous = element.getprevious()
        if previous is not None:
            previous.tail = scrub((previous.tail or "") + tail)
        else:
            parent.text = scrub((parent.text or "") + tail)
    parent.remove(element)
