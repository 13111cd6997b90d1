"""Lines that are page boilerplate wherever they stand in a story: copyright, ad labels, date lines.

The patterns are a data table below; a line is a leaf block of at most ``MAX_LINE`` characters.
"""

from __future__ import annotations

import re
from typing import Any

from newsdoc.canonical import fold
from newsdoc.formats.html.figures import detach
from newsdoc.formats.html.inlines import BLOCK_LEVEL
from newsdoc.model import Block, Paragraph
from newsdoc.plain import plain_text

#: Ad labels standing alone on a line, by language: "Advertisement", "Anzeige" and
#: "Werbung" (German), "Publicité" (French), "Publicidad" (Spanish), "Pubblicità"
#: (Italian), "Reklame" (Danish, German), "Reklama" and "Реклама" (Polish, Czech,
#: Russian, Ukrainian), "Annons" (Swedish), "Annonse" (Norwegian), "Mainos" (Finnish),
#: "Sponsored".
AD_LABELS = frozenset(
    {
        "advertisement", "ad", "ads", "anzeige", "werbung", "publicité", "publicidad", "pubblicità",
        "reklame", "reklama", "реклама", "annons", "annonse", "mainos", "sponsored", "sponsored content",
    }
)  # fmt: skip
#: A line this short that states a date or a time and little else is a date line:
#: "Publié le 30/04/2024 - 16:00", "09.09.2025, 14:55 Uhr", "21. Mai 2026", "February 11, 2025".
MAX_DATE_LINE = 80
DATE_LINE = re.compile(
    r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}"  # 30/04/2024, 09.09.2025, 2024-05-16
    r"|\b\d{1,2}:\d{2}\b"  # 14:55
    r"|\b\d{1,2}\.?\s+[^\W\d_]{3,}\.?,?\s+(?:19|20)\d{2}\b"  # 21. Mai 2026, 3 February 2025
    r"|\b[^\W\d_]{3,}\.?\s+\d{1,2},?\s+(?:19|20)\d{2}\b"  # February 11, 2025
)
#: A date line has at most this many words besides its numbers ("Published on ... Updated").
MAX_DATE_LINE_WORDS = 5
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
_CREDITED = frozenset({"figure", "figcaption", "picture"})
#: Longer blocks are story text whatever they hold.
MAX_LINE = 300
#: Lines that are never story text.
BOILERPLATE_LINES: tuple[re.Pattern[str], ...] = (
    # Copyright notices closing wire copy and newspaper articles: a copyright sign, a
    # circled c, "(c)" or the word, as in "© dpa-infocom" or "Copyright 2024 Example Press".
    re.compile(r"^[<(\[]?\s*(?:©|ⓒ|\(c\)|copyright\b)", re.IGNORECASE),
    # "Get in touch with our news team by emailing us at news@example.com", "Do you have
    # a story to tell? Email: ...", "Senden Sie uns Ihr Feedback an: briefe@...": a
    # short line giving the newsroom's e-mail address (British tabloids, German papers).
    re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"),
    # "Les også: Another story", "À lire aussi ...", "Lesen Sie auch: ...", "Read more: ...":
    # links to other stories set between paragraphs, opened by a "read also" label
    # (Scandinavian, French, German, Italian, Spanish, Portuguese, Polish, Russian papers).
    # "Read next: ..." and "Funda olunye udaba lapha | ..." ("read another story here",
    # South African isiZulu papers) too.
    re.compile(
        r"^(?:read (?:also|more|next)|see also|also read|les også|læs også|läs också|lue myös"
        r"|à lire aussi|lire aussi|lesen sie auch|leggi anche|lee también|leia também"
        r"|czytaj (?:też|także|więcej)|читайте (?:также|також)|funda olunye udaba)\b\s*:?",
        re.IGNORECASE,
    ),
    # "Follow Example News on Twitter and Facebook for the latest news", "Follow us on
    # Google News", "Folgst du schon ... auf WhatsApp?", "Suivez-nous sur Instagram":
    # prompts to follow the paper on a social network, closing British tabloid, tech-site
    # and Swiss and French commuter papers' stories. Only a line opening with the verb:
    # a story's "fans who follow her on Instagram" stays.
    re.compile(
        r"^(?:follow|folg\w*|suivez|síguenos|seguici|følg|följ)\b.{0,80}"
        r"\b(?:twitter|x|facebook|instagram|whatsapp|telegram|tiktok|google news|linkedin|threads"
        r"|bluesky|youtube|mastodon)\b",
        re.IGNORECASE,
    ),
    # "Article réservé aux abonnés", "Il vous reste 57% de cet article à lire. La suite est
    # réservée aux abonnés", "Create a FREE account to continue reading": paywall and
    # registration-wall notices where a saved page's story stops (French and British papers).
    re.compile(
        r"\b(?:réservée? aux abonnés|reserved for (?:subscribers|members)"
        r"|(?:create|register)\b[^.!?]{0,40}\bto continue reading)\b",
        re.IGNORECASE,
    ),
    # "For more stories like this, check our news page": British tabloids' closing line.
    re.compile(r"^for more (?:stories|news|articles) like this\b", re.IGNORECASE),
    # "$$ARTICLEAD$$", "{{ad}}", "[[inline-ad]]": a template's placeholder for an ad
    # slot, left unfilled in the saved markup (headless CMS bodies rendered by scripts).
    re.compile(r"^(?:\$\$|\{\{|\[\[|%%)[\w-]+(?:\$\$|\}\}|\]\]|%%)$"),
    # "For the latest news, sign up for our newsletter", "Check out more stories by
    # signing up to our free weekly newsletter": newsletter prompts closing British
    # and American tabloid stories.
    re.compile(r"\b(?:sign(?:ing)? up|subscribe)\b[^.!?]{0,80}\bnewsletters?\b", re.IGNORECASE),
    # "If you buy something using links in our stories, we may earn a commission":
    # affiliate disclosures heading product reviews and shopping guides.
    re.compile(r"\bwe may (?:earn|receive) (?:a )?(?:small )?commission\b", re.IGNORECASE),
)


def strip_boilerplate(root: Any) -> None:
    """Remove the lines inside *root* that match ``BOILERPLATE_LINES``."""
    doomed = []
    for element in root.iter("p", "div", "small", "section", "time"):
        if any(child.tag in BLOCK_LEVEL for child in element):
            continue  # only leaf blocks are lines
        text = fold("".join(element.itertext()))
        if (
            text
            and len(text) <= MAX_LINE
            and is_boilerplate(text)
            and not any(ancestor.tag in _CREDITED for ancestor in element.iterancestors())
        ):
            doomed.append(element)  # (a copyright line in a figure is its credit: kept)
    for element in doomed:
        detach(element)


def boilerplate_paragraph(block: Block) -> bool:
    """Whether *block* is a paragraph holding one boilerplate line (loose text the markup left unwrapped)."""
    if not isinstance(block, Paragraph):
        return False
    text = fold(plain_text(block))
    return bool(text) and len(text) <= MAX_LINE and is_boilerplate(text)


def is_boilerplate(text: str) -> bool:
    """Whether the line *text* is boilerplate: a copyright notice, an ad label, a date line, a prompt."""
    if any(pattern.search(text) for pattern in BOILERPLATE_LINES):
        return True
    if text.rstrip(":").strip().casefold() in AD_LABELS:
        return True
    return (
        len(text) <= MAX_DATE_LINE
        and DATE_LINE.search(text) is not None
        and len(_LETTER_WORD.findall(text)) <= MAX_DATE_LINE_WORDS
    )
