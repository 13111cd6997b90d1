"""Turn the byline strings pages put in their metadata into clean, separate authors.

"By Ana Ruiz and Tom Lee, Reuters" becomes two authors whose organization is Reuters;
every word list the rules use is a table below, with where it is seen.
"""

from __future__ import annotations

import re

from attrs import define

from newsdoc._characters import scrub
from newsdoc.model import Author

# Words that introduce a byline, by language; matched case-insensitively at the start
# and followed by a space or a colon. Italian "di" is matched in lowercase only, which
# keeps surnames such as "Di Maio" intact.
_BYLINE_PREFIXES: tuple[str, ...] = (
    "by",  # English bylines everywhere, also "BY" in wire copy
    "written by",
    "reporting by",
    "story by",
    "words by",
    "posted by",
    "von",  # German: "Von Anna Schmidt"
    "par",  # French
    "por",  # Spanish and Portuguese
    "av",  # Swedish and Norwegian
    "af",  # Danish
    "door",  # Dutch
    "autor",  # Polish, Czech, German: "Autor: Jan Kowalski"
    "autorka",  # Polish, Czech (feminine)
    "автор",  # Russian, Ukrainian
)
_LOWERCASE_PREFIXES: tuple[str, ...] = ("di",)  # Italian: "di Marco Rossi"
# Labels that introduce a byline only with a colon, being words on their own too.
_COLON_PREFIXES: tuple[str, ...] = ("text", "texte", "tekst")  # German, Scandinavian, French, Polish
_PREFIX = re.compile(
    r"(?i:(?:" + "|".join(re.escape(word) for word in _BYLINE_PREFIXES) + r"))(?:\s*:\s*|\s+)"
    r"|(?i:(?:" + "|".join(_COLON_PREFIXES) + r"))\s*:\s*"
    r"|(?:" + "|".join(_LOWERCASE_PREFIXES) + r")\s+"
)

# Words joining two names, by language. Matched as whole words between spaces.
_CONJUNCTIONS: tuple[str, ...] = (
    "and",  # English
    "with",  # English: "By Ana Ruiz with Tom Lee"
    "und",  # German
    "et",  # French
    "y",  # Spanish
    "e",  # Italian, Portuguese
    "og",  # Danish, Norwegian (Greenlandic papers too)
    "och",  # Swedish
    "en",  # Dutch
    "i",  # Polish, Catalan, Croatian
    "a",  # Czech, Slovak
    "ja",  # Finnish, Estonian
    "и",  # Russian, Ukrainian, Bulgarian
    "та",  # Ukrainian
)
_SPLIT = re.compile(r"\s*[,;&+]\s*|\s+(?:" + "|".join(_CONJUNCTIONS) + r")\s+")
# Strong separators put dates, titles and outlets after a name: "Ana Ruiz | 3 May 2024".
_SEGMENTS = re.compile("\\s*[|\u2022\u00b7\\n]\\s*|\\s+[-\u2013\u2014]\\s+")  # bars, bullets, dashes

# News agencies whose name follows a reporter's as the organization she files for
# ("Ana Ruiz, Reuters", "Tom Lee (AP)", "Jan Novak/ČTK"), or stands alone as the
# author of wire copy. Compared case-insensitively.
_AGENCIES: frozenset[str] = frozenset(
    name.casefold()
    for name in (
        "AP",  # Associated Press, United States
        "Associated Press",
        "The Associated Press",
        "Reuters",
        "Thomson Reuters",
        "AFP",  # Agence France-Presse
        "Agence France-Presse",
        "dpa",  # Deutsche Presse-Agentur, Germany
        "Deutsche Presse-Agentur",
        "dpa-AFX",
        "KNA",  # Katholische Nachrichten-Agentur, Germany
        "epd",  # Evangelischer Pressedienst, Germany
        "SID",  # Sport-Informations-Dienst, Germany
        "APA",  # Austria Presse Agentur
        "Keystone-SDA",  # Switzerland
        "SDA",
        "ATS",
        "ANSA",  # Italy
        "EFE",  # Spain
        "Europa Press",
        "Lusa",  # Portugal
        "Belga",  # Belgium
        "ANP",  # Netherlands
        "TT",  # Sweden
        "NTB",  # Norway
        "Ritzau",  # Denmark
        "STT",  # Finland
        "PAP",  # Poland
        "ČTK",  # Czech Republic
        "TASR",  # Slovakia
        "MTI",  # Hungary
        "Anadolu",  # Turkey
        "Anadolu Ajans\u0131",  # its Turkish name, with a dotless i
        "AA",
        "TASS",  # Russia
        "Interfax",
        "RIA Novosti",
        "Ukrinform",  # Ukraine
        "Xinhua",  # China
        "Kyodo",  # Japan
        "Kyodo News",
        "Jiji",
        "Jiji Press",
        "Yonhap",  # South Korea
        "연합뉴스",  # Yonhap, as Korean papers credit it under photos
        "뉴시스",  # Newsis, South Korea
        "뉴스1",  # News1, South Korea
        "PTI",  # Press Trust of India
        "IANS",
        "ANI",
        "AAP",  # Australian Associated Press
        "The Canadian Press",
        "CP",
        "UPI",  # United Press International
        "Bloomberg",
        "SAPA",  # South Africa
        "NAN",  # Nigeria
        "Agencies",  # "Staff and agencies" style credits in British papers
        "agencias",  # Spanish papers
        "Agenturen",  # German papers
    )
)

# Words naming a role rather than a person: a piece holding one is the title of the
# author before it ("Ana Ruiz, Environment correspondent", "Tom Lee (Korrespondent)").
_ROLE_WORDS: frozenset[str] = frozenset(
    (
        "correspondent",  # English
        "editor",
        "reporter",
        "writer",
        "columnist",
        "contributor",
        "journalist",
        "producer",
        "analyst",
        "critic",
        "korrespondent",  # German, Danish, Norwegian, Swedish
        "korrespondentin",
        "redakteur",
        "redakteurin",
        "reporterin",
        "journalistin",
        "correspondant",  # French
        "correspondante",
        "journaliste",
        "rédacteur",
        "rédactrice",
        "corresponsal",  # Spanish
        "redactor",
        "redactora",
        "periodista",
        "corrispondente",  # Italian
        "inviato",
        "inviata",
        "giornalista",
        "корреспондент",  # Russian
        "обозреватель",
    )
)
# Roles written after the name, with or without a space: "신현주 기자" on Korean
# pages, "山田太郎記者" on Japanese and Chinese ones.
_ROLE_SUFFIXES: tuple[str, ...] = ("기자", "특파원", "記者", "记者", "特派員")
# "and N others" tails that stand for names the byline leaves out: "박준석 기자 외 1명"
# (Korean), "Ana Ruiz and 2 others" (English aggregators).
_OTHERS = re.compile(r"\s*(?:외\s*\d+\s*명|and \d+ others?)\s*$")
# Labels that mark a picture credit, not a byline, when an image's credit leaks into an
# author field ("(Image: Getty Images)" in Reach plc microdata, "Foto: dpa").
_CREDIT_LABEL = re.compile(
    r"\(?\s*(?:image|images|photo|photos|picture|pictures|credit|source|foto|fotos|bild|bilder|quelle)\s*:",
    re.IGNORECASE,
)
# Reporters' initials in parentheses after the name, as German-language papers sign
# ("Elena Oberholzer (obe)"): a short lowercase code, dropped.
_INITIALS = re.compile(r"[a-zäöü.]{1,6}")
_WORD = re.compile(r"[^\W\d_]+")
# Punctuation left at a piece's edges by the splits: dashes, colons, quotation marks.
_PIECE_EDGES = " \t.:-\u2013\u2014\"'\u201c\u201d\u201e\u00ab\u00bb"
_URL = re.compile(r"[a-z][a-z0-9+.-]*://|www\.|/", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_PARENTHESES = re.compile(r"\s*\(([^()]*)\)\s*")
_SPACE = re.compile(r"\s+")

#: A piece longer than this is a sentence or a bio, not a name.
MAX_NAME_WORDS = 7
MAX_NAME_LENGTH = 80


def authors_from_byline(byline: str) -> tuple[Author, ...]:
    """Split a byline into authors with clean names, titles and agencies.

    >>> [(a.name, a.organization) for a in authors_from_byline("By Ana Ruiz and Tom Lee, Reuters")]
    [('Ana Ruiz', 'Reuters'), ('Tom Lee', 'Reuters')]
    """
    text = _SPACE.sub(" ", scrub(byline)).strip()
    if not text or len(text) > 4 * MAX_NAME_LENGTH:
        return ()
    text = _PREFIX.sub("", text, count=1) if _PREFIX.match(text) else text
    names: list[_Credit] = []
    segments = _SEGMENTS.split(text)
    for index, segment in enumerate(segments):
        if index > 0 and names:
            # After the first segment only titles and outlets belong to the names.
            _annotate(names, segment)
            continue
        for piece in _SPLIT.split(segment):
            if _is_prose(piece):
                # A sentence among the pieces: the field holds prose, not a byline.
                return ()
            _add_piece(names, piece)
    return tuple(Author(each.name, title=each.title, organization=each.organization) for each in names)


def is_agency(text: str) -> bool:
    """Whether *text* names a news agency (AP, Reuters, AFP, dpa, ...)."""
    return text.strip().casefold() in _AGENCIES


@define
class _Credit:
    """One author as the byline is read: the name, then what later pieces add."""

    name: str
    title: str | None = None
    organization: str | None = None


def _add_piece(names: list[_Credit], piece: str) -> None:
    piece = piece.strip(_PIECE_EDGES)
    if not piece or _CREDIT_LABEL.match(piece):
        return
    title = organization = None
    inside = _PARENTHESES.search(piece)
    if inside is not None:
        # "Tom Lee (AP)", "Ana Ruiz (Korrespondentin)"; other asides stay in the name.
        aside = inside.group(1).strip()
        if is_agency(aside):
            organization = aside
        elif _is_role(aside):
            title = aside
        if organization or title or _INITIALS.fullmatch(aside):
            piece = (piece[: inside.start()] + " " + piece[inside.end() :]).strip()
    if "/" in piece and not _URL.match(piece):
        # "Jan Novak/ČTK": a slash before an agency names the reporter's agency.
        person, _, agency = piece.rpartition("/")
        if is_agency(agency) and person.strip():
            piece, organization = person.strip(), agency.strip()
    if is_agency(piece):
        people = [credit for credit in names if credit.organization is None and not is_agency(credit.name)]
        if people:
            # A trailing agency credits everyone before it: "A und B, dpa".
            for credit in people:
                credit.organization = piece
        else:
            names.append(_Credit(piece))
        return
    name, suffix = _split_role_suffix(_OTHERS.sub("", piece))
    if suffix is None and _is_role(name):
        if names and names[-1].title is None:
            names[-1].title = name
        return
    if _is_name(name):
        names.append(_Credit(name, title or suffix, organization))


def _annotate(names: list[_Credit], segment: str) -> None:
    """Give the last author the title or agency a later segment names; ignore the rest."""
    segment = segment.strip()
    if not names or not segment or _DIGIT.search(segment):
        return
    if is_agency(segment):
        for credit in names:
            if credit.organization is None:
                credit.organization = segment
    elif _is_role(segment) and names[-1].title is None:
        names[-1].title = segment


def _is_role(text: str) -> bool:
    return any(word.casefold() in _ROLE_WORDS for word in _WORD.findall(text))


def _split_role_suffix(piece: str) -> tuple[str, str | None]:
    for role in _ROLE_SUFFIXES:
        if piece.endswith(role) and len(piece) > len(role):
            return piece[: -len(role)].strip(), role
    return piece, None


def _is_prose(text: str) -> bool:
    return len(text) > MAX_NAME_LENGTH or len(text.split()) > MAX_NAME_WORDS


def _is_name(text: str) -> bool:
    return (
        bool(text)
        and not _is_prose(text)
        and _DIGIT.search(text) is None
        and _URL.search(text) is None
        and "@" not in text
        and _WORD.search(text) is not None
    )
