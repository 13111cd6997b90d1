"""Images that templates caption without ``<figure>``: marked as figures so their captions leave the body.

A ``<div>`` holding one image and an element whose class words say "caption" is a
figure in all but name; it is renamed so the figure reader takes its caption and credit.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Any

from newsdoc.formats.html.figures import CREDIT_CLASS_WORDS, credit_line, detach
from newsdoc.formats.html.furniture import FURNITURE_WORDS, PAGE_ROOTS, id_words, words_of
from newsdoc.formats.html.inlines import BLOCK_LEVEL, DROPPED, MISPARSED_VOID

#: Class or id words that mark an image's caption: "caption" and "figcaption" in
#: most templates, "legend" (French CMSs), "bildunterschrift"/"bildtext" (German),
#: "description"/"desc" and "image-text" in gallery widgets.
CAPTION_WORDS = frozenset(
    {
        "caption", "captions", "figcaption", "imagecaption", "legend", "bildunterschrift", "bildtext",
        "description", "desc", "imagetext", "phototext", "subtitle",
        # "img-info", "bild-info": German regional templates.
        "imginfo", "imageinfo", "bildinfo", "fotoinfo",
    }
)  # fmt: skip
#: Ancestors climbed from an image to find its box: templates wrap images in a few
#: layers ("image-box" > "image-container" > "img").
MAX_CLIMB = 5
#: A credit after a figure is a line of at most this many characters.
MAX_CREDIT = 200
#: Wrappers around a lone ``<figure>`` climbed to find the ``<figcaption>`` after them.
MAX_WRAPPERS = 3
#: A <picture> lists a few formats and sizes; libxml2 nests each <source> in the one
#: before, so an image deeper than this many is not in one picture.
MAX_SOURCES = 16
#: A box holding more text than this is not an image and its caption but story text.
MAX_CAPTION = 1200
#: The share of words an element must share with an image's alt or title to be its caption.
REPEAT_SHARE = 0.8
_MIN_DESCRIBED_WORDS = 3  # "Photo", "image 1": too few words to recognise a caption by
_WORD = re.compile(r"\w+")
#: Caption words that mark the element right after a figure as its caption: the
#: generic "description" and "subtitle" are left out, as a dek may follow a lead image.
FOLLOWING_CAPTION_WORDS = CAPTION_WORDS - {"description", "desc", "subtitle"}
#: Furniture words that, on a wrapper inside an image's box, mark a long caption's
#: expander ("ReadMore" around carousel slides' captions in Brightspot templates and
#: gallery widgets), not a teaser for another story.
CAPTION_EXPANDER_WORDS = frozenset({"readmore"})
#: Furniture words that, on a wrapper around one captioned figure, mark the lightbox
#: it opens in (a "ui-modal" around each photo in Russian and Eastern European CMSs,
#: "overlay" and "popup" in lightbox scripts), not a pop-up of its own.
LIGHTBOX_WORDS = frozenset({"modal", "overlay", "popup"})
#: Images looked at for captions in expanders: a 20 MB page of thumbnails stays fast.
MAX_IMAGES = 2000
# Elements that hold a caption's line of text in CMS figures.
_CAPTION_BOXES = ("p", "div", "span", "small")
_CAPTION_LINES = 2  # a caption line and a credit line
# Figures that are not images': their readers take their captions themselves.
_NOT_IMAGE_FIGURES = ("blockquote", "table", "pre", "iframe", "video", "audio")
# What makes a button around it an image's lightbox opener, not a control.
_IMAGE_TAGS = ("img", "figure", "picture")
# Elements whose text belongs to the story, never to an image inside them.
_PROSE = frozenset(
    {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "body"}
)


def mark_figures(root: Any) -> None:
    """Rename image boxes with a marked caption inside *root* to ``<figure>`` and ``<figcaption>``.

    Custom image elements (AMP's ``<amp-img>``, image web components) become ``<img>`` first.
    """
    for element in root.iter():
        tag = element.tag
        if type(tag) is str and "-" in tag and ("img" in tag or "image" in tag) and _has_source(element):
            element.tag = "img"
    for figure in list(root.iter("figure")):
        _adopt_caption(figure)
        _caption_inside(figure)
    for img in list(root.iter("img")):
        if not _in_figure(img, root):
            box_with_caption(img, root)


def open_lightboxes(tree: Any) -> None:
    """Buttons around an image (a lightbox's "Open image viewer") become plain boxes, kept as figures."""
    for button in tree.iter("button"):
        if next(button.iter(*_IMAGE_TAGS), None) is not None:
            button.tag = "div"


def free_captions(tree: Any) -> None:
    """Captioned images that pruning would take for furniture are kept, before pruning.

    A caption inside a "read more" expander in an image's box moves out of it: pruning
    removes the expander as a "read more" teaser, and the caption stays right after it.
    An ``<aside>`` holding just an image and its marked caption, no links but the
    image's own (WordPress themes float captioned images in one), becomes a figure.
    A captioned figure alone in a lightbox wrapper moves out before the wrapper.
    """
    figures_in: dict[Any, int] = {}  # wrapper -> figures in it (up to 2), counted once
    for figure in list(islice(tree.iter("figure"), MAX_IMAGES)):
        _out_of_lightbox(figure, figures_in)
    for img in list(islice(tree.iter("img"), MAX_IMAGES)):
        box = _box_of(img, None)
        caption = _marked(box, CAPTION_WORDS) if box is not None else None
        if caption is None:
            continue
        _aside_figure(img, box, caption)
        expander = None
        for ancestor in caption.iterancestors():
            if ancestor is box:
                break
            found = _furniture_words(ancestor)
            if found and found <= CAPTION_EXPANDER_WORDS:
                expander = ancestor
        if expander is not None:
            detach(caption)
            caption.tail = None
            expander.addnext(caption)


def _out_of_lightbox(figure: Any, figures_in: dict[Any, int]) -> None:
    """A captioned image's *figure* alone in a lightbox wrapper moves out before it, outlasting it.

    *figures_in* keeps each wrapper's count of figures, so a wrapper is counted once.
    """
    if next(figure.iter("img"), None) is None or next(figure.iter("figcaption"), None) is None:
        return
    node = figure
    for _ in range(MAX_WRAPPERS):
        node = node.getparent()
        if node is None or node.tag in PAGE_ROOTS:
            return  # a state class on <html> or <body> ("modal-open") is no wrapper to leave
        found = _furniture_words(node)
        if found:
            if node not in figures_in:
                figures_in[node] = sum(1 for _ in islice(node.iter("figure"), 2))
            if found <= LIGHTBOX_WORDS and figures_in[node] == 1:
                detach(figure)
                figure.tail = None
                node.addprevious(figure)
            return


def _furniture_words(element: Any) -> frozenset[str]:
    """The furniture words among *element*'s class and id words."""
    value, ident = element.get("class"), element.get("id")
    words = words_of(value) if value else frozenset()
    if ident:
        words |= id_words(ident)  # ids are unique: not worth the class words' cache
    return FURNITURE_WORDS.intersection(words)


def _aside_figure(img: Any, box: Any, caption: Any) -> None:
    """The ``<aside>`` around *img* and its *caption* becomes a figure if it has no links of its own."""
    for ancestor in img.iterancestors():
        if ancestor.tag == "aside":
            if any(each is ancestor for each in caption.iterancestors()) and not any(
                "".join(link.itertext()).strip() for link in ancestor.iter("a")
            ):
                ancestor.tag = "figure"
                paragraph = ancestor.getparent()
                if paragraph is not None and paragraph.tag == "p":
                    # An HTML parser ends the paragraph before an <aside>; libxml2 nests it.
                    detach(ancestor)
                    ancestor.tail = None
                    paragraph.addnext(ancestor)
            return
        if ancestor is box:
            return


def box_with_caption(img: Any, root: Any = None) -> Any:
    """The box around *img* holding a marked caption or credit, renamed to a figure; or None."""
    box = _box_of(img, root)
    if box is None:
        return None
    caption = _marked(box, CAPTION_WORDS)
    if caption is None and _marked(box, CREDIT_CLASS_WORDS) is None:
        caption = _repeating(box, img)
        if caption is None:
            caption = _caption_and_credit(box, img)
        if caption is None:
            return None
    box.tag = "figure"
    if caption is not None:
        caption.tag = "figcaption"
    return box


def _caption_and_credit(box: Any, img: Any) -> Any:
    """Two unmarked lines after the image in *box*, the second naming a photo source: the caption.

    Templates with generated class names ("sc-fHjqPf") set a caption line and a credit
    line ("REUTERS", "Jane Doe/Getty Images") under the image; the credit line moves into
    the caption as its last line, where the figure reader takes it as the credit.
    """
    lines: list[Any] = []
    seen_image = False
    for element in box.iterdescendants():
        if element is img:
            seen_image = True
        tag = element.tag
        if tag == "a":
            if "".join(element.itertext()).strip():
                return None  # a linked line: a teaser, not a caption
            continue
        if type(tag) is not str or tag in DROPPED:
            continue
        if any(type(child.tag) is str for child in element) or not (element.text or "").strip():
            continue
        if not seen_image or len(lines) == _CAPTION_LINES:
            return None
        lines.append(element)
    if len(lines) != _CAPTION_LINES or len(lines[0].text) > MAX_CREDIT:
        return None
    caption, credit = lines
    if credit.tag not in _CAPTION_BOXES or not credit_line(credit.text):
        return None
    detach(credit)
    credit.tail = None
    caption.text = caption.text.strip()
    caption.append(credit)
    credit.tag = "span"
    credit.text = credit.text.strip()
    return caption


def _box_of(img: Any, root: Any) -> Any:
    """The largest element around *img* holding no other image and little text, if any."""
    box = None
    node = img
    for _ in range(MAX_SOURCES):
        if node.getparent() is None or node.getparent().tag not in MISPARSED_VOID:
            break
        node = node.getparent()  # a <picture>'s <source>s, which the parser nests the <img> in
    else:
        return None  # sources nested deeper than any picture lists: no image box to find
    for _ in range(MAX_CLIMB):
        parent = node.getparent()
        if parent is None or parent is root or parent.tag in _PROSE:
            return box if parent is not None and parent.tag != "figure" else None
        if sum(1 for _ in islice(parent.iter("img"), 2)) > 1:
            break
        if len("".join(islice(parent.itertext(), 200))) > MAX_CAPTION:
            break
        box = node = parent
    return box


def _has_source(element: Any) -> bool:
    return any(element.get(name) for name in ("src", "srcset", "data-src", "data-srcset"))


def _repeating(box: Any, img: Any) -> Any:
    """The element in *box* whose words repeat the image's alt or title: its caption, unmarked."""
    described = _words(f"{img.get('alt') or ''} {img.get('title') or ''}")
    if len(described) < _MIN_DESCRIBED_WORDS:
        return None
    for element in box.iterdescendants():
        if (
            type(element.tag) is not str
            or element.tag == "img"
            or element.tag in DROPPED  # a script's JSON naming the image is no caption
            or any(child.tag in BLOCK_LEVEL for child in element)
        ):
            continue
        words = _words("".join(element.itertext()))
        if words and len(words & described) >= REPEAT_SHARE * min(len(words), len(described)):
            return element
    return None


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def _in_figure(img: Any, root: Any) -> bool:
    for ancestor in img.iterancestors():
        if ancestor.tag == "figure":
            return True
        if ancestor is root:
            return False
    return False


def _marked(box: Any, words: frozenset[str]) -> Any:
    for element in box.iterdescendants():
        if type(element.tag) is not str or element.tag == "img":
            continue
        value = f"{element.get('class') or ''} {element.get('id') or ''}"
        if value.strip() and not words.isdisjoint(words_of(value)) and "".join(element.itertext()).strip():
            return element
    return None


def _caption_inside(figure: Any) -> None:
    """A figure with an image and no ``<figcaption>``: its marked caption, or its one line of text, is one.

    CMS templates put the caption in ``<div class="caption">`` or a bare ``<p>`` inside the figure.
    """
    if next(figure.iter("figcaption"), None) is not None or next(figure.iter("img"), None) is None:
        return
    if next(figure.iter(*_NOT_IMAGE_FIGURES), None) is not None:
        return  # a quote's, a table's or an embed's figure: its reader finds the caption
    caption = _marked(figure, CAPTION_WORDS)
    if caption is None:
        lines = [
            element
            for element in figure.iterdescendants(*_CAPTION_BOXES)
            if "".join(element.itertext()).strip()
            and next(element.iter(*_IMAGE_TAGS), None) is None
            and CREDIT_CLASS_WORDS.isdisjoint(words_of(element.get("class") or ""))
        ]
        if len(lines) != 1 or any(child.tag in BLOCK_LEVEL for child in lines[0]):
            return
        caption = lines[0]
    caption.tag = "figcaption"


def _adopt_caption(figure: Any) -> None:
    """A ``<figcaption>`` (or an element marked as a caption) right after its ``<figure>`` moves into it.

    The figure may sit alone in a few wrappers ("image-container"), the caption after them.
    An element marked as a credit right after the figure moves in too.
    """
    if next(figure.iter("figcaption"), None) is None:
        following = _after(figure)
        if following is not None and (
            following.tag == "figcaption" or _marked_line(following, FOLLOWING_CAPTION_WORDS)
        ):
            following.tag = "figcaption"
            _move_into(figure, following)
    following = figure.getnext()
    if (
        following is not None
        and _marked_line(following, CREDIT_CLASS_WORDS)
        and not any(type(child.tag) is str for child in following.iterdescendants())
        and len(following.text or "") <= MAX_CREDIT
    ):
        _move_into(figure, following)  # a line of text alone, not a code block marked "sourceCode"


def _after(figure: Any) -> Any:
    """The element after *figure*, or after the wrappers it stands alone in."""
    node = figure
    following = node.getnext()
    for _ in range(MAX_WRAPPERS):
        parent = node.getparent()
        if following is not None or parent is None or parent.tag in _PROSE or len(parent) != 1:
            break
        node = parent
        following = node.getnext()
    return following


def _marked_line(element: Any, words: frozenset[str]) -> bool:
    """Whether *element* is a short line of text, without images, whose class words include *words*."""
    return (
        element.tag in _CAPTION_BOXES
        and not words.isdisjoint(words_of(element.get("class") or ""))
        and next(element.iter(*_IMAGE_TAGS), None) is None
        and len("".join(islice(element.itertext(), 200))) <= MAX_CAPTION
    )


def _move_into(figure: Any, element: Any) -> None:
    tail = element.tail
    element.tail = None
    figure.append(element)
    if tail:
        figure.tail = (figure.tail or "") + tail
