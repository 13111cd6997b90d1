"""Authors as pages print them: "By" lines, bio lines, and names followed by their titles."""

from __future__ import annotations

import itertools
import re

from newsdoc.model import Author

# Words that end a journalist's title. Seen in Guardian bylines ("Environment
# editor"), BBC ("Ireland correspondent"), The Times of Israel bios ("US bureau chief").
ROLE_WORDS = frozenset(
    {
        "analyst",
        "columnist",
        "commentator",
        "contributor",
        "correspondent",
        "critic",
        "editor",
        "journalist",
        "photographer",
        "presenter",
        "producer",
        "reporter",
        "writer",
    }
)
# Roles of two words whose last word alone is no role ("chief executive" is not a journalist).
ROLE_PHRASES = frozenset({("bureau", "chief")})
# News agencies and outlets that follow a reporter's name in a byline ("By Ana Ruiz,
# Reuters") or stand alone as one ("By The Associated Press").
AGENCIES = frozenset(
    {
        "afp",
        "agence france-presse",
        "ansa",
        "ap",
        "associated press",
        "bbc news",
        "bloomberg",
        "cnn",
        "dpa",
        "efe",
        "kyodo",
        "pa",
        "pa media",
        "press association",
        "reuters",
        "the associated press",
        "tass",
        "upi",
        "xinhua",
        "yonhap",
    }
)
# Words that start a byline: "By Ana Ruiz", "Words by", "Written by" (magazines, blogs).
_BY = re.compile(r"(?:By|BY|Written by|Words by|Story by|Reporting by)\s+(?P<rest>\S.*)")
# Lower-case particles inside names: "Ursula von der Leyen", "Luiz Inácio Lula da Silva".
_PARTICLES = frozenset(
    [
        "al",
        "bin",
        "da",
        "das",
        "de",
        "del",
        "della",
        "der",
        "di",
        "dos",
        "du",
        "el",
        "la",
        "le",
        "van",
        "von",
        "y",
    ]
)
_NAME_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")
# "Jane Doe in Kyiv": Guardian bylines say where the reporter files from.
_IN_PLACE = re.compile(r"\s+in\s+[^\W\d_][\w .'\u2019-]*$")
_AND = re.compile(r"\s*,?\s+(?:and|&)\s+|\s*,\s+")
# "A is The Times of Israel's US bureau chief": the bio line under a story.
_BIO = re.compile(
    r"(?P<name>[^\W\d_][\w'\u2019.-]*(?: [^\W\d_][\w'\u2019.-]*){1,3}) is (?P<bio>.{3,200}?)\.?"
)
#: The longest name, in words; longer runs of capitalised words are headlines.
MAX_NAME_WORDS = 5
MAX_TITLE_WORDS = 8


def parse_byline(line: str) -> list[Author] | None:
    """Read "By A and B", "By A, B and C", "By A, Agency", "By A, Title"; None if not a byline.

    >>> [a.name for a in parse_byline("By Ana Ruiz and Tom Lee, Reuters")]
    ['Ana Ruiz', 'Tom Lee']
    >>> parse_byline("By the time the polls closed, turnout had doubled.") is None
    True
    """
    found = _BY.fullmatch(line.strip())
    if found is None or len(line) > 200:  # noqa: PLR2004 - bylines are short
        return None
    rest = found["rest"].rstrip(" .")
    if rest.lower() in AGENCIES:
        return [Author(rest)]
    names: list[str] = []
    titles: dict[int, str] = {}
    organization = None
    parts = [part for part in re.split(r",\s+", rest) if part]
    for index, part in enumerate(parts):
        clean = _IN_PLACE.sub("", part)
        if index and clean.lower() in AGENCIES:
            organization = clean
        elif index and names and is_title(clean):
            titles[len(names) - 1] = clean
        else:
            for name in _AND.split(clean):
                if not looks_like_name(name):
                    return None
                names.append(name)
    if not names:
        return None
    return [
        Author(_cased(name), title=titles.get(index), organization=organization)
        for index, name in enumerate(names)
    ]


def _cased(name: str) -> str:
    """AP prints bylines in capitals ("By ZEKE MILLER"); a name reads as a name."""
    return name.title() if name.isupper() and len(name) > 3 else name  # noqa: PLR2004 - "AP", "BBC"


def looks_like_name(text: str) -> bool:
    """Whether *text* could be a person's name: a few capitalised words, nothing else."""
    words = text.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or len(text) > 60:  # noqa: PLR2004
        return False
    if not words[0][:1].isupper():
        return False
    for word in words:
        if word in _PARTICLES:
            continue
        if not _NAME_WORD.fullmatch(word) or not word[:1].isupper():
            return False
        if word.lower() in ROLE_WORDS:
            return False
    return True


def is_title(text: str) -> bool:
    """Whether *text* is a journalist's title: a few words with a role among them."""
    words = text.replace(",", " ").split()
    return 0 < len(words) <= MAX_TITLE_WORDS and has_role(words)


def split_title(text: str) -> tuple[str, str | None]:
    """A title line's title and the agency or outlet after it: "Ireland correspondent, BBC News"."""
    title, comma, rest = text.rpartition(", ")
    if comma and rest.lower() in AGENCIES and is_title(title):
        return title, rest
    return text, None


def has_role(words: list[str]) -> bool:
    """Whether a role word or phrase ("correspondent", "bureau chief") is among *words*."""
    lower = [word.lower().strip(".,;:") for word in words]
    if any(word in ROLE_WORDS for word in lower):
        return True
    return any(pair in ROLE_PHRASES for pair in itertools.pairwise(lower))


def parse_bio(line: str) -> Author | None:
    """Read "A is the outlet's bureau chief" into an author with that bio.

    >>> parse_bio("Jacob Magid is The Times of Israel's US bureau chief").bio
    "The Times of Israel's US bureau chief"
    """
    if len(line) > 250:  # noqa: PLR2004 - bio lines are one sentence
        return None
    found = _BIO.fullmatch(line.strip())
    if found is None or not looks_like_name(found["name"]):
        return None
    bio = found["bio"]
    if not has_role(bio.split()):
        return None
    return Author(found["name"], bio=bio)


def parse_name_and_title(line: str) -> Author | None:
    """Read a "Name Title" line, as the Guardian prints "Damian Carrington Environment editor".

    The title is the run of words before the role word that are lower case, plus
    one capitalised word before them ("Environment", "US"), as long as a name of two
    words or more is left in front.
    """
    words = line.split()
    if not 3 <= len(words) <= MAX_NAME_WORDS + MAX_TITLE_WORDS or len(line) > 100:  # noqa: PLR2004
        return None
    last = tuple(word.lower() for word in words[-2:])
    if last[-1] not in ROLE_WORDS and last not in ROLE_PHRASES:
        return None
    start = len(words) - 1
    while start > 2 and words[start - 1][:1].islower():  # noqa: PLR2004 - keep two name words
        start -= 1
    if start > 2 and not words[start - 1][:1].islower():  # noqa: PLR2004
        start -= 1
    name = " ".join(words[:start])
    if not looks_like_name(name) or len(words[:start]) < 2:  # noqa: PLR2004
        return None
    return Author(name, title=" ".join(words[start:]))
