"""What marks page furniture: menus, share bars, teasers, ads, sign-ups, comments.

Data tables and the word splitter; :mod:`~newsdoc.formats.html.pruning` applies them. Class and id
values are split into words on white space, hyphens, underscores and camelCase humps.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

#: Elements that are furniture wherever they stand in a page: site menus, sidebars,
#: footers, forms and dialogs (HTML's sectioning and interactive elements).
FURNITURE_TAGS = frozenset(
    {"nav", "aside", "footer", "form", "dialog", "button", "select", "textarea", "menu"}
)

#: ARIA landmark and widget roles that are never the story (WAI-ARIA 1.2): site header
#: ("banner"), footer ("contentinfo"), sidebars ("complementary"), menus and dialogs.
FURNITURE_ROLES = frozenset(
    {
        "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
        "toolbar", "dialog", "alertdialog", "tablist", "form",
    }
)  # fmt: skip

#: Class or id words that mark furniture. Whole words only: "ad" matches "ad-slot"
#: and "top_ad", never "header", "shadow" or "lead".
FURNITURE_WORDS = frozenset(
    {
        # Share bars and social buttons: WordPress share plugins ("sharedaddy",
        # "social-share"), Arc XP and most newspaper templates ("share-bar").
        "share", "shares", "sharing", "sharebar", "sharebox", "sharedaddy", "social", "socials",
        "socialbar",
        # Related and recommended stories, teaser lists, "more on this": every news CMS;
        # outbrain and taboola are the widget vendors whose class names such boxes keep.
        "related", "recommended", "recommendation", "recommendations", "teaser", "teasers",
        "outbrain", "taboola", "trending", "popular", "mostread", "mostviewed", "readmore",
        "upnext", "seealso", "alsoread", "moreon", "morestories", "morearticles",
        # Newsletter sign-ups, subscription and paywall prompts, log-in walls.
        "newsletter", "newsletters", "subscribe", "subscription", "signup", "login", "register",
        # Advertising slots: Google Publisher Tag and Prebid wrappers ("ad-slot", "dfp"),
        # "advert", "anzeige" (German ad labels), "sponsored" content boxes.
        "ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "adslot",
        "adunit", "adcontainer", "dfp", "anzeige", "werbung", "sponsor", "sponsored", "promo",
        "promoted", "promotion", "commercial", "affiliate",
        # Cookie and consent notices (GDPR consent platforms).
        "cookie", "cookies", "consent", "gdpr", "cmp",
        # Comments and reader forums; "respond" is WordPress's comment form.
        "comment", "comments", "disqus", "forum", "discussion", "respond",
        # Breadcrumbs, tag lists and topic chips under the story.
        "breadcrumb", "breadcrumbs", "tags", "taglist", "topics", "keywords",
        # Author boxes repeated at the end of the story ("author-bio", "about-author").
        "bio", "authorbox", "biography", "authorbio", "authorinfo", "authorcard", "authorprofile",
        "aboutauthor", "writerprofile",
        # Page chrome: menus, sidebars, toolbars, pop-ups, skip links, print buttons.
        "nav", "navbar", "navigation", "menu", "toolbar",
        "modal", "popup", "overlay", "skip", "print", "masthead", "footer", "pagination",
        # Pop-up notices ("toast") and accessibility shortcut bars.
        "toast", "accessibility",
        # Fact and info boxes (BOX_WORDS below).
        "factbox", "infobox",
    }
)  # fmt: skip

#: Class words of boxes set beside the story ("factbox", "fact-box", "info-box",
#: "article-body-infobox"): background, a glossary or a full transcript, in British,
#: German, Austrian and Norwegian papers' and US wire services' templates. What a reader
#: is shown as the article is the story around them. Such a box is never the story's
#: wrapper, however much text it holds (a speech's transcript outgrows the story).
BOX_WORDS = frozenset({"factbox", "infobox"})

#: Class words of text shown to screen readers only, never on the page: Bootstrap's
#: and Tailwind's "sr-only", "visually-hidden" (Bootstrap 5, GOV.UK and many design
#: systems), WordPress's "screen-reader-text". Such text labels icons and repeats
#: headlines for assistive technology ("Open this photo in gallery", "Share this article").
SCREEN_READER_WORDS = frozenset({"sronly", "visuallyhidden", "screenreader", "screenreadertext"})

#: The page's own root elements: their class words state the page's state ("modal-open",
#: "menu-open", "nav--closed"), not that they are furniture or a wrapper to leave.
PAGE_ROOTS = frozenset({"html", "body"})

#: Blocks dropped when most of their text is link text: teaser lists, "read more" lines,
#: tag and topic lists (readability's and jusText's link-density rule). Figures, tables,
#: quotes and headings are not among them: a story's own links stay there.
LINK_DENSE_BLOCKS = frozenset({"div", "section", "ul", "ol", "li", "dl", "header"})

_HUMPS = re.compile(r"(?<=[a-z])(?=[A-Z])")
_SPLIT = re.compile(r"[\s\-_]+")


@lru_cache(maxsize=4096)
def words_of(value: str) -> frozenset[str]:
    """The words of a class or id value, lowercased, with each adjacent pair joined.

    Cached: pages repeat the same few class values thousands of times.

    >>> sorted(words_of("c-share-bar mostRead"))
    ['bar', 'c', 'cshare', 'most', 'mostread', 'read', 'share', 'sharebar']
    """
    return id_words(value)


def id_words(value: str) -> frozenset[str]:
    """The words of *value* as :func:`words_of` finds them, uncached: for ids, which a page never repeats."""
    words: list[str] = []
    if not value.islower():  # camelCase humps to split, or no letters at all
        value = _HUMPS.sub("-", value).lower()
    for token in value.split():
        if "-" not in token and "_" not in token:
            words.append(token)  # one word: most class and id tokens
            continue
        parts = _SPLIT.split(token)
        parts = [part for part in parts if part]
        words.extend(parts)
        words.extend(first + second for first, second in itertools.pairwise(parts))
    return frozenset(words)
