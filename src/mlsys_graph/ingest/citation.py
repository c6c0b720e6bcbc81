"""Read the citation text of a list entry: author lists, venue and year.

Everything here is a pure function of a string (and the venue table). Each rule reads
a *kind* of thing lists write — "Family, Given", "et al.", a venue in ``(*…*)``, a glued
year — never one particular line. Typos of venue names are data (``data/venues.toml``).

>>> att = parse_attribution_line("Quill, Ada, Ben Ortiz, and Cy Tran. (*NSDI 2021*)")
>>> att.authors, att.truncated, att.venue, att.venue_raw, att.year
(('Ada Quill', 'Ben Ortiz', 'Cy Tran'), False, 'NSDI', 'NSDI 2021', 2021)
>>> parse_attribution_line("Tarn is a tiny serving system for edge devices.") is None
True
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass

from .venues import VenueTable, default_table

__all__ = [
    "Attribution",
    "Authors",
    "VenueYear",
    "is_remark",
    "looks_like_authors",
    "parse_attribution_line",
    "parse_authors",
    "parse_inline_citation",
    "parse_venue",
    "split_venue_tag",
]


@dataclass(frozen=True, slots=True)
class Authors:
    """Names in list order, in natural order ("Given Family"); ``truncated`` for "et al."."""

    names: tuple[str, ...]
    truncated: bool


@dataclass(frozen=True, slots=True)
class VenueYear:
    """A venue text read against the venue table.

    ``venue`` is the table's acronym when ``known``; otherwise the cleaned text itself.
    ``venue_raw`` is the text as the list wrote it (without surrounding ``(*``/``*)``).
    """

    venue: str | None
    venue_raw: str | None
    year: int | None
    known: bool


@dataclass(frozen=True, slots=True)
class Attribution:
    """What one attribution line says: authors, venue, year, arXiv id."""

    authors: tuple[str, ...]
    truncated: bool
    venue: str | None
    venue_raw: str | None
    year: int | None
    venue_known: bool
    arxiv: str | None


_NO_VENUE = VenueYear(None, None, None, False)

# --- text normalisation -----------------------------------------------------------------

_PUNCT = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u3001": ",", "\u3002": ".", "\u2010": "-", "\u2011": "-", "\u2012": "-",
        "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None,
    }
)  # fmt: skip


# Footnote marks papers put after authors' names ("Song∗", "Zhu†", "Liu¹,²"): asterisk
# operators, daggers, section and pilcrow signs, superscript digits. Dropped before NFKC,
# which would turn "¹" into a "1". (A plain "*" is markdown; author lists drop it later.)
_FOOTNOTE_MARK = "\u2217\u204e\u2020\u2021\u00a7\u00b6\u00b9\u00b2\u00b3\u2070\u2074-\u2079"
_FOOTNOTES = re.compile(
    rf"(?:(?<=[^\W\d_])|(?<=[.)*]))[{_FOOTNOTE_MARK}]+(?:\s*,\s*[{_FOOTNOTE_MARK}]+)*"
)


def _normalise(text: str) -> str:
    """NFKC (full-width punctuation, odd spaces), straight quotes, one space between words.

    Footnote marks glued to a word ("Song∗", "Liu¹,²") are dropped.
    """
    text = unicodedata.normalize("NFKC", _FOOTNOTES.sub("", text)).translate(_PUNCT)
    return " ".join(text.split())


# A markdown link or image (one level of nested brackets/parentheses) and bare URLs.
_MD_LINK = re.compile(
    r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\)"
)
_URL = re.compile(r"<?\bhttps?://\S+>?", re.I)


def _strip_links(text: str) -> str:
    return " ".join(_URL.sub(" ", _MD_LINK.sub(" ", text)).split())


# --- remarks ----------------------------------------------------------------------------

_REMARK = re.compile(
    r"""^(?:
        (?:start(?:ed|ing)?|begin(?:ning)?|going|plan(?:ning)?|want(?:ing)?|need)
            \s+to\s+\w+(?:\s+\w+)?
      | to\s+(?:read|watch|do|try|learn|study)(?:\s+\w+)?
      | (?:read|watch)(?:ing)?\s+(?:later|soon|next|list|now)
      | (?:start(?:ed)?|began|currently|now|still)\s+(?:reading|watching|learning|studying)
      | on\s*-?\s*going | in\s+progress | work\s+in\s+progress | wip | to\s*-?\s*do
      | tb[ad] | coming\s+soon | under\s+(?:review|submission|construction)
      | (?:(?:strong(?:ly)?|high(?:ly)?|personal(?:ly)?)\s+)?recommend(?:ed|ation|s)?(?:\s+\w+)?
      | must[\s-]+(?:read|see|watch|have|know)
      | wait(?:ing)?(?:\s+for)?\s+(?:the\s+)?\w+
      | (?:i|we)\s+(?:am|'m|was|think|like|love|recommend|have|will|really|highly|strongly)\b.*
      | .*\bi\s+think\b.*
      | (?:my|our)\s+(?:favou?rite|pick|notes?|summary|own)\b.*
      | updating | update\s+soon | to\s+be\s+updated
    )$""",
    re.I | re.X,
)


def is_remark(text: str) -> bool:
    """Whether ``text`` is a curator's remark, not data ("start to read", "On going").

    Remarks are short: a reading plan, a status, a recommendation, a first-person aside.

    Examples
    --------
    >>> [is_remark(t) for t in ("Start to watch.", "(*On going*)", "I am a big fan")]
    [True, True, True]
    >>> [is_remark(t) for t in ("NSDI 2017", "Preprint", "Summary: a scheduler")]
    [False, False, False]
    """
    text = _normalise(text).strip(" \t*_()[]\"'`.!,;:~")
    if not text or len(text.split()) > 10:
        return False
    return _REMARK.match(text) is not None


# --- years, arXiv ids, pages -------------------------------------------------------------

_ARXIV = re.compile(
    r"(?i)(?:\barxiv\s*[:.]?\s*(?:abs/)?|\babs/)"
    r"(?P<id>\d{4}\.\d{4,5}|[a-z][a-z.-]*/\d{7})(?:v\d+)?"
)
_PAGES = re.compile(
    r"(?i)\b(?:vol(?:ume)?|no|num(?:ber)?|issue|pp|pages?|p)\b\.?\s*\d+(?:\s*-\s*\d+)?"
)
_YEAR4 = re.compile(r"(?<!\d)(?:19[5-9]\d|20[0-4]\d)(?!\d)")
_YEAR_TEXT = r"(?:19[5-9]\d|20[0-4]\d)"
# A journal's volume and issue before the year, and the pages after it, as MLA and
# numeric styles write them: "6 (2018): 64270-64277", "9.1 (2019): 108", "61(5), 2018",
# "12(3): 45-67". Not part of the venue's name.
_ISSUE = r"(?:\s*\.\s*\d{1,4}|\s*\(\s*\d{1,4}(?:\s*-\s*\d{1,4})?\s*\))"
_PAGE_RANGE = r"[a-z]?\d+(?:\s*-\s*[a-z]?\d+)?"
_VOLUME_YEAR = re.compile(
    rf"(?i)(?<![\w.])(?P<vol>\d{{1,4}}{_ISSUE}?)"
    rf"\s*(?:\(\s*{_YEAR_TEXT}\s*\)|,\s*{_YEAR_TEXT}(?!\d))"
    rf"(?:\s*(?P<pages>:\s*{_PAGE_RANGE}))?"
)
_VOLUME_PAGES = re.compile(
    rf"(?i)(?<![\w.])(?P<vol>\d{{1,4}}{_ISSUE})\s*(?P<pages>:\s*{_PAGE_RANGE})"
)
# A two-digit year after an acronym: "ICML 17", "OpML'19", "SysML19", "OSDI '18".
_YEAR2 = re.compile(
    r"(?<![\w'])(?P<word>[^\W\d_][^\W\d_-]*)(?P<sep>\s*'?\s*)(?P<yy>\d{2})(?![\w(])"
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# A date closing an author list: ", 2018." / ", 2017, April." / "April 2017".
_TRAILING_DATE = re.compile(
    rf"(?i)(?:^|[,;\s])\s*(?:{_MONTH}\s+)?(?P<year>(?:19[5-9]\d|20[0-4]\d))[a-z]?"
    rf"(?:\s*,?\s*{_MONTH})?\s*[.,;]*\s*$"
)


def _expand_year(yy: str) -> int:
    """Two-digit years: 00-49 are 20xx, 50-99 are 19xx."""
    value = int(yy)
    return 2000 + value if value < 50 else 1900 + value


_PUBLISHERS = frozenset({"acm", "ieee", "usenix", "springer", "elsevier", "pmlr", "jmlr"})


def _acronym_like(word: str, table: VenueTable) -> bool:
    """A word a two-digit year may follow: an acronym ("ICML 17"), never a publisher."""
    if word.casefold() in _PUBLISHERS:
        return False
    uppers = sum(1 for ch in word if ch.isupper())
    return uppers >= 2 or table.lookup(word) is not None


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " + text[end:]


@dataclass(frozen=True, slots=True)
class _VenueText:
    venue_year: VenueYear
    arxiv: str | None
    #: The text with ids, pages and years blanked out.
    residue: str


def _unwrap(text: str) -> str:
    """Take off surrounding emphasis and one pair of parentheses: ``(*NSDI 2017*)``."""
    text = text.strip()
    for _ in range(4):
        if not text:
            break
        emphasis = len(text) > 1 and text[0] in "*_" and text[-1] == text[0]
        parens = text[0] == "(" and text[-1] == ")" and _closing_paren(text) == len(text) - 1
        if not (emphasis or parens):
            return text
        text = text[1:-1].strip()
    return text


def _closing_paren(text: str) -> int:
    """Index of the parenthesis closing the one at ``text[0]`` (-1 when unbalanced)."""
    depth = 0
    for i, ch in enumerate(text):
        depth += (ch == "(") - (ch == ")")
        if depth == 0:
            return i
    return -1


# An edition number: "3rd", "11th", "Second", "Twenty-First".
_ORDINAL = (
    r"(?:\d+(?:st|nd|rd|th)"
    r"|(?:(?:twenty|thirty|forty|fifty)[\s-]?)?"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth"
    r"|(?:twen|thir|for|fif)tieth)"
)
# What precedes an unknown venue's name: "In", "Proceedings of the", "The 3rd", "Second".
_NOISE_PREFIX = re.compile(
    rf"(?i)^(?:in\s*:?\s+|in\s+)?(?:(?:the\s+)?proc(?:eedings|\.)?\s+(?:of\s+)?(?:the\s+)?)?"
    rf"(?:(?:the\s+)?{_ORDINAL}\s+)?"
)


def _read_venue(text: str, table: VenueTable) -> _VenueText:
    raw = _unwrap(_normalise(text))
    if not raw or is_remark(raw):
        return _VenueText(_NO_VENUE, None, "")
    work = raw
    arxiv = None
    for m in reversed(list(_ARXIV.finditer(work))):
        arxiv = arxiv or m.group("id")
        work = _blank(work, m.start("id"), m.end())
    for pattern in (_VOLUME_YEAR, _VOLUME_PAGES):
        for m in reversed(list(pattern.finditer(work))):
            if m.group("pages"):
                work = _blank(work, m.start("pages"), m.end("pages"))
            work = _blank(work, m.start("vol"), m.end("vol"))
    work = _PAGES.sub(" ", work)
    years: list[int] = []
    for m in reversed(list(_YEAR4.finditer(work))):
        years.insert(0, int(m.group()))
        work = _blank(work, m.start(), m.end())
    short_years: list[int] = []
    for m in reversed(list(_YEAR2.finditer(work))):
        if _acronym_like(m.group("word"), table):
            short_years.insert(0, _expand_year(m.group("yy")))
            work = _blank(work, m.start("sep"), m.end())
    year = years[-1] if years else (short_years[-1] if short_years else None)
    work = work.replace("{", " ").replace("}", " ")
    residue = " ".join(work.split())
    match = table.find(residue)
    # "ICML 2019 Workshop on X" is a workshop of ICML, not ICML; a venue whose own
    # spelling says "Workshop" ("International Workshop on Quality of Service") is itself.
    if match is not None and (
        match.venue.kind == "workshop"
        or not re.search(r"(?i)\bworkshops?\b", residue[: match.start] + residue[match.end :])
    ):
        return _VenueText(VenueYear(match.venue.acronym, raw, year, True), arxiv, residue)
    name = re.sub(r"\(\s*[.,;]*\s*\)", " ", residue)
    name = _NOISE_PREFIX.sub("", " ".join(name.split())).strip(" .,;:-'\"*_()")
    name = " ".join(name.split()) or None
    return _VenueText(VenueYear(name, raw if name else None, year, False), arxiv, residue)


def parse_venue(text: str, table: VenueTable | None = None) -> VenueYear:
    """Read a venue text such as ``NSDI 2017`` or ``ICML 17`` against the venue table.

    Parameters
    ----------
    text : str
        The venue text; surrounding ``(*``/``*)`` are ignored.
    table : VenueTable, optional
        The venue table; ``None`` means :func:`~.venues.default_table`.

    Returns
    -------
    VenueYear
        ``venue`` is the table's acronym when the text names a known venue (``known``),
        else the cleaned text; the year is the one the text states (two-digit years are
        expanded, glued years split), never one guessed from an arXiv id. A remark
        ("On going") gives no venue at all.

    Examples
    --------
    >>> parse_venue("(*NIPS 18, System for ML*)")  # doctest: +NORMALIZE_WHITESPACE
    VenueYear(venue='NeurIPS Workshop on Systems for ML', venue_raw='NIPS 18, System for ML',
              year=2018, known=True)
    >>> parse_venue("VLDB2017")
    VenueYear(venue='VLDB', venue_raw='VLDB2017', year=2017, known=True)
    >>> parse_venue("FooConf 2020")
    VenueYear(venue='FooConf', venue_raw='FooConf 2020', year=2020, known=False)
    >>> parse_venue("On going")
    VenueYear(venue=None, venue_raw=None, year=None, known=False)
    """
    return _read_venue(text, table if table is not None else default_table()).venue_year


# --- names --------------------------------------------------------------------------------


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PARTICLES = _wordset(
    """
    van von der den de del della di da dos das du la le ter ten zu al el bin ibn st
    """
)
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# Words that are not parts of personal names (they mark descriptions and labels).
_NOT_NAME = _wordset(
    """
    summary note notes paper papers github code slides video videos blog website book course
    survey thesis project tool tools start watch read must stop learning machine machines
    system systems data model models network networks neural inference training serving
    framework frameworks library platform toolkit update updated version introduction
    overview conference workshop symposium proceedings journal preprint arxiv acm ieee
    usenix the an is are was were be been of for to in on with or by from as this that it
    its we our you your recommendation recommended todo computing cloud ai ml gpu gpus cpu
    api sdk python pytorch tensorflow kubernetes docker open source highly strong best new
    how what why when which where who see also link links
    """
)
_INITIALS = re.compile(r"(?:[^\W\d_]\.?-?)*[^\W\d_]\.?")
_NAME_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['-](?=[^\W\d_]))*\.?")

_TRUNCATION = re.compile(
    r"(?i)\bet\.?\s*al\b\.?|\band\s+so\s+on\b\.?|\betc\b\.?|\band\s+others\b\.?"
)
_AND = re.compile(r"(?i)\s*(?:,\s*)?(?:\band\b|&)\s*")
_ALLOWED = re.compile(r"[^\W\d_]|[\s.,;'&-]")


def _is_initials(token: str) -> bool:
    """Initials such as "Y.", "B.G.", "J", "D.-G." — not "Li" (a name) nor "JE" (either)."""
    if not _INITIALS.fullmatch(token):
        return False
    letters = [ch for ch in token if ch.isalpha()]
    if not all(ch.isupper() for ch in letters):
        return False
    return len(letters) == 1 or "." in token


def _is_name_word(token: str) -> bool:
    if not _NAME_WORD.fullmatch(token) or not token[0].isupper():
        return False
    return token.rstrip(".").casefold() not in _NOT_NAME


def _name_token_ok(token: str) -> bool:
    lower = token.casefold()
    return _is_initials(token) or _is_name_word(token) or lower in _PARTICLES or lower in _SUFFIXES


def _is_family(chunk: str) -> bool:
    """One name word, optionally after particles: "Jia", "Ragan-Kelley", "van der Berg"."""
    words = chunk.split()
    if not words or not all(w.casefold() in _PARTICLES for w in words[:-1]):
        return False
    last = words[-1]
    return _is_name_word(last) and not _is_initials(last) and not last.endswith(".")


def _is_given(chunk: str) -> bool:
    """Initials ("B.G.", "D. G."), one name word ("Daniel"), or a word + initials ("Jerome H.")."""
    words = chunk.split()
    if not words or words[0].casefold().rstrip(".") in _SUFFIXES:
        return False
    if all(_is_initials(w) for w in words):
        return True
    return _is_name_word(words[0]) and all(_is_initials(w) for w in words[1:])


def _is_long_given(chunk: str) -> bool:
    """A given name of two to four words, at least two of them full ("Vijay Janapa")."""
    words = chunk.split()
    if not 2 <= len(words) <= 4 or not _is_name_word(words[0]):
        return False
    if not all(_is_name_word(w) or _is_initials(w) for w in words):
        return False
    return sum(1 for w in words if not _is_initials(w)) >= 2


def _is_suffix(chunk: str) -> bool:
    return chunk.casefold() in _SUFFIXES


def _fix_caps(name: str) -> str:
    """Title-case a name written in capitals ("HANS-ARNO" → "Hans-Arno"); initials stay."""
    words = [w for w in name.split() if not _is_initials(w)]
    letters = [ch for w in words for ch in w if ch.isalpha()]
    if not words or not letters or not all(ch.isupper() for ch in letters):
        return name
    return " ".join(
        w
        if _is_initials(w) or w.casefold() in _SUFFIXES
        else re.sub(r"[^\W\d_]+", lambda m: m.group()[0] + m.group()[1:].lower(), w)
        for w in name.split()
    )


def _tidy_chunk(chunk: str) -> str:
    words = [w.strip("\"'`*_") for w in chunk.split()]
    words = [w for w in words if w and w.strip(".-'")]
    if (
        words
        and words[-1].endswith(".")
        and not (_is_initials(words[-1]) or words[-1].casefold() in _SUFFIXES)
    ):
        words[-1] = words[-1].rstrip(".")
    return " ".join(words).strip(" -'")


@dataclass(frozen=True, slots=True)
class _AuthorText:
    #: Groups (split on "and"/";") of comma-separated chunks.
    groups: tuple[tuple[str, ...], ...]
    truncated: bool
    year: int | None


# Words naming an organisation: a comma chunk holding one, after the last author, is an
# affiliation ("…, and Ida Voss, Tarn Labs"), not a name. Generic words, then companies
# that papers name as affiliations.
_ORGANISATION = _wordset(
    """
    university univ universität universidad université universita college academy school
    institute institut institution research lab labs laboratory laboratories inc corp
    corporation company ltd llc gmbh foundation center centre department dept faculty
    microsoft google facebook meta amazon aws alibaba tencent baidu huawei bytedance ibm intel
    nvidia apple samsung qualcomm uber netflix linkedin twitter databricks deepmind openai
    oracle cisco vmware salesforce adobe xiaomi sensetime megvii
    """
)


def _is_affiliation(chunk: str) -> bool:
    """A comma chunk naming an organisation ("Microsoft AI and Research", "Tarn Labs")."""
    return any(
        word[0].isupper() and word.rstrip(".").casefold() in _ORGANISATION
        for word in re.findall(r"[^\W\d_][\w.&'-]*", chunk)
    )


def _read_author_text(text: str) -> _AuthorText:
    text = _normalise(text)
    text = re.sub(r"[*_`\"{}\[\]]", " ", text)
    for _ in range(3):  # parentheticals (affiliations, notes), innermost first
        text = re.sub(r"\([^()]*\)", " ", text)
    text = text.replace("(", " ").replace(")", " ")
    truncated = False
    while True:
        text, count = _TRUNCATION.subn(",", text)
        if not count:
            break
        truncated = True
    text = " ".join(text.split()).strip(" ,;")
    year = None
    m = _TRAILING_DATE.search(text)
    if m:
        year = int(m.group("year"))
        text = text[: m.start()].strip(" ,;")
    chunks = text.split(",")
    while len(chunks) > 1 and _is_affiliation(chunks[-1]):
        chunks.pop()
    text = ",".join(chunks).strip(" ,;")
    groups = []
    for part in re.split(r";", text):
        for group in _AND.split(part):
            chunks = tuple(c for c in (_tidy_chunk(c) for c in group.split(",")) if c)
            if chunks:
                groups.append(chunks)
    return _AuthorText(tuple(groups), truncated, year)


def _names(groups: tuple[tuple[str, ...], ...]) -> list[str]:
    names: list[str] = []
    # "Family, Given Given" is one person when nothing but a suffix or "et al." follows
    # ("Quill, Ada Mae, et al.") or when every group is such a pair (BibTeX: "Quill, Ada
    # Mae and Ortiz, Ben"). In "Quill, Ada, Ben Ortiz" a multi-word chunk is a name.
    paired = all(len(g) >= 2 and all(_is_suffix(c) for c in g[2:]) for g in groups)
    for chunks in groups:
        i = 0
        while i < len(chunks):
            chunk = chunks[i]
            if _is_suffix(chunk) and names:
                names[-1] = f"{names[-1]} {chunk}"
                i += 1
            elif (
                paired
                and i == 0
                and len(chunks) > 1
                and _is_family(chunk)
                and _is_long_given(chunks[1])
            ):
                names.append(f"{chunks[1]} {chunk}")
                i += 2
            elif i + 1 < len(chunks) and _is_family(chunk) and _is_given(chunks[i + 1]):
                names.append(f"{chunks[i + 1]} {chunk}")
                i += 2
            else:
                names.append(chunk)
                i += 1
    cleaned = []
    for name in names:
        name = " ".join(_TRUNCATION.sub(" ", name).split()).strip(" ,;")
        if name:
            cleaned.append(_fix_caps(name))
    return cleaned


def parse_authors(text: str) -> Authors:
    """Split an author list into names, in list order and natural order.

    Reads "Family, Given", "Given Family", BibTeX "A, B and C, D", initials ("Lee, Y.",
    "B.G."), a lone surname, ALL-CAPS names, and "et al." / "and so on" (→ ``truncated``).
    A trailing date (", 2018."), parentheticals, footnote marks ("Tran†", "Park¹") and a
    closing affiliation chunk (", Tarn Labs") are dropped. "Family, Given Given" is one
    person when the list ends there or "et al." follows. Family-name-first without a
    comma cannot be told apart and stays as written.

    Examples
    --------
    >>> parse_authors("Quill, Ada, Ben Ortiz, and Cy Tran.")
    Authors(names=('Ada Quill', 'Ben Ortiz', 'Cy Tran'), truncated=False)
    >>> parse_authors("Quill, Ada Mae, et al.")
    Authors(names=('Ada Mae Quill',), truncated=True)
    >>> parse_authors("Ben Ortiz∗, Cy Tran†, and Dee Park, Tarn Research").names
    ('Ben Ortiz', 'Cy Tran', 'Dee Park')
    >>> parse_authors("Ngata, R., Obi, B.K. and Pell, Dora, 2016.").names
    ('R. Ngata', 'B.K. Obi', 'Dora Pell')
    >>> parse_authors("IDA VOSS, KARL-HEINZ BRANDT et al.")
    Authors(names=('Ida Voss', 'Karl-Heinz Brandt'), truncated=True)
    """
    author_text = _read_author_text(text)
    return Authors(tuple(_names(author_text.groups)), author_text.truncated)


def _looks_like(author_text: _AuthorText, *, cited: bool) -> bool:
    chunks = [c for group in author_text.groups for c in group]
    if not chunks:
        return False
    if _is_suffix(chunks[0]):
        return False
    for chunk in chunks:
        words = chunk.split()
        if len(words) > 6 or not all(_name_token_ok(w) for w in words):
            return False
        if all(w in _PARTICLES for w in words):  # lower-case "van der", not the name "Al"
            return False
    if len(chunks) == 1 and len(chunks[0].split()) == 1:
        return author_text.truncated or cited
    return True


def looks_like_authors(text: str) -> bool:
    """Whether ``text`` reads as an author list (a trailing venue in ``(*…*)`` is allowed).

    Examples
    --------
    >>> looks_like_authors("Quill, Ada, et al. (*NSDI 2021*)")
    True
    >>> looks_like_authors("VOSS, IDA, KARL-HEINZ BRANDT")
    True
    >>> looks_like_authors("Tarn makes serving simple.")
    False
    >>> looks_like_authors("Summary: a scheduler")
    False
    """
    rest, venue = _peel(_strip_links(_normalise(text)), default_table())
    return _author_candidate(rest, cited=venue is not None) is not None


def _author_candidate(rest: str, *, cited: bool) -> _AuthorText | None:
    rest = rest.strip(" ,;:")
    if not rest.strip(".") or _LABEL.match(rest) or is_remark(rest):
        return None
    author_text = _read_author_text(rest)
    flat = " ".join(c for group in author_text.groups for c in group)
    if not all(_ALLOWED.match(ch) for ch in flat):
        return None
    return author_text if _looks_like(author_text, cited=cited) else None


# --- attribution lines --------------------------------------------------------------------

_LABEL = re.compile(r"^(?!in\s*:)[^\W\d_][\w .&/-]{0,30}:(?:\s|$)", re.I)
# A trailing group: (*venue*), *venue*, (venue) — each possibly followed by . , ;
_EMPH_PAREN = re.compile(
    r"\(\s*(?P<m>[*_]{1,3})(?P<v>(?:(?!\(\s*[*_]).)+?)(?P=m)\s*\)\s*[.,;]?\s*$"
)
_EMPH = re.compile(
    r"(?:^|(?<=[\s.,;]))(?P<m>[*_]{1,2})(?P<v>[^*_\s](?:[^*_]*[^*_\s])?)(?P=m)\s*[.,;]?\s*$"
)
_PAREN = re.compile(r"\((?P<v>[^()]*)\)\s*[.,;]?\s*$")
_CONNECTORS = _wordset(
    """
    of on the and for in at de des du et pp vol no preprint e prints proceedings proc
    conference symposium workshop international annual journal
    """
)


def _venue_looking(text: str | None, table: VenueTable | None = None) -> bool:
    """A name a venue could have: few words, capitalised or connectors, no sentence.

    With a ``table``, a word that is a venue's spelling counts however it is written
    ("arXiv", "arxiv").
    """
    if not text:
        return False
    words = re.findall(r"[^\W_]+", text)
    if not words or len(words) > 16:
        return False

    def spelled(word: str) -> bool:
        return table is not None and table.lookup(word) is not None

    if not any(ch.isupper() for ch in text) and not any(spelled(w) for w in words):
        return False
    return all(
        w[0].isupper() or w[0].isdigit() or w.casefold() in _CONNECTORS or spelled(w) for w in words
    )


@dataclass(frozen=True, slots=True)
class _Peeled:
    venue_year: VenueYear
    arxiv: str | None


def _accept(inner: str, *, emphasised: bool, table: VenueTable) -> _Peeled | None:
    found = _read_venue(inner, table)
    vy = found.venue_year
    if vy.known:
        return _Peeled(vy, found.arxiv)
    if vy.year is not None and vy.venue is None:
        # Only a date, "(2018)": a year, not a venue.
        return _Peeled(VenueYear(None, None, vy.year, False), found.arxiv)
    if vy.year is not None and _venue_looking(vy.venue):
        return _Peeled(vy, found.arxiv)
    if emphasised and _venue_looking(vy.venue):
        return _Peeled(vy, found.arxiv)
    return None


def _peel(text: str, table: VenueTable) -> tuple[str, _Peeled | None]:
    """Take trailing venue groups and remarks off ``text``; return the rest and the venue.

    Groups are read from the end ("(*NSDI 2017*) (*Best Paper*)" has two); a known venue
    wins over an unknown one, and a group with a year over one without.
    """
    found: list[_Peeled] = []
    for _ in range(6):
        m = _EMPH_PAREN.search(text)
        emphasised = True
        if m is None:
            m = _EMPH.search(text)
            if m is not None and m.start() == 0:  # the whole line is emphasised: unwrap
                text = m.group("v")
                continue
        if m is None:
            m = _PAREN.search(text)
            emphasised = False
        if m is None:
            break
        inner = m.group("v")
        if not is_remark(inner):
            peeled = _accept(inner, emphasised=emphasised, table=table)
            if peeled is None:
                break
            found.append(peeled)
        text = text[: m.start()].rstrip()
        if found and found[-1].venue_year.known:
            break
    if not found:
        return text, None
    ranked = sorted(
        found,
        key=lambda p: (
            not p.venue_year.known,
            p.venue_year.venue is None,
            p.venue_year.year is None,
        ),
    )
    best = ranked[0]
    if best.venue_year.year is None:
        year = next((p.venue_year.year for p in found if p.venue_year.year is not None), None)
        best = _Peeled(dataclasses.replace(best.venue_year, year=year), best.arxiv)
    return text, best


def _whole_line_venue(text: str, table: VenueTable) -> _Peeled | None:
    found = _read_venue(text, table)
    vy = found.venue_year
    if vy.venue is None or not _venue_looking(found.residue, table):
        return None
    if vy.known or vy.year is not None:
        return _Peeled(vy, found.arxiv)
    return None


def parse_attribution_line(text: str, table: VenueTable | None = None) -> Attribution | None:
    """Read the attribution line under an entry: authors, venue, year.

    Parameters
    ----------
    text : str
        The nested line without its bullet marker, markdown emphasis and all.
    table : VenueTable, optional
        The venue table; ``None`` means :func:`~.venues.default_table`.

    Returns
    -------
    Attribution or None
        ``None`` when the line is neither an author list nor a venue (a description, a
        ``Summary:`` line, a remark). A venue on its own line gives ``authors=()``. The
        venue comes from a trailing ``(*…*)``, ``*…*`` or ``(…)``, or is the whole line;
        the year is the venue's, else the one closing the author list (", 2018.").

    Examples
    --------
    >>> a = parse_attribution_line("Ortiz, Ben, Cy Tran, Dee Park et al. *arXiv 2018*")
    >>> a.authors, a.truncated, a.venue, a.year
    (('Ben Ortiz', 'Cy Tran', 'Dee Park'), True, 'arXiv', 2018)
    >>> parse_attribution_line("Voss, I., Obi, B.K. and Pell, D., 2016, May.").year
    2016
    >>> parse_attribution_line("Third Symposium on Edge Computing. ACM, 2018.").venue
    'SEC'
    >>> parse_attribution_line("Start to read.") is None
    True
    """
    table = table if table is not None else default_table()
    line = _strip_links(_normalise(text))
    if not line or is_remark(line) or _LABEL.match(line):
        return None
    arxiv_match = _ARXIV.search(line)
    rest, peeled = _peel(line, table)
    author_text = _author_candidate(rest, cited=peeled is not None)
    if author_text is None:
        if rest.strip(" .,;:\"'"):
            # A peeled venue with text before it that is no author list: a description.
            # A peeled bare year ("arXiv:2001.01234 (2020)") may close a venue line.
            if peeled is not None and peeled.venue_year.venue is not None:
                return None
            peeled = _whole_line_venue(line, table)
            if peeled is None:
                return None
        elif peeled is None:
            return None
        names: tuple[str, ...] = ()
        truncated, author_year = False, None
    else:
        names = tuple(_names(author_text.groups))
        truncated, author_year = author_text.truncated, author_text.year
    vy = peeled.venue_year if peeled is not None else _NO_VENUE
    arxiv = peeled.arxiv if peeled is not None and peeled.arxiv else None
    if arxiv is None and arxiv_match is not None:
        arxiv = arxiv_match.group("id")
    return Attribution(
        authors=names,
        truncated=truncated,
        venue=vy.venue,
        venue_raw=vy.venue_raw,
        year=vy.year if vy.year is not None else author_year,
        venue_known=vy.known,
        arxiv=arxiv,
    )


# --- inline (MLA-style) citations -----------------------------------------------------------

_INLINE = re.compile(r'^(?P<authors>[^"]+?)\s*"(?P<title>[^"]*[^"\s][^"]*)"\s*(?P<venue>[^"]*)$')


def parse_inline_citation(
    text: str, table: VenueTable | None = None
) -> tuple[str, Attribution] | None:
    """Read an MLA-style citation: ``Authors. "Title." Venue (Year).``

    Examples
    --------
    >>> title, att = parse_inline_citation(
    ...     'Quill, Ada, et al. "Tarn: Serving at the Edge." Proceedings of the 3rd ACM '
    ...     'Symposium on Cloud Computing (2019).')
    >>> title, att.authors, att.truncated, att.venue, att.year
    ('Tarn: Serving at the Edge', ('Ada Quill',), True, 'SoCC', 2019)
    >>> parse_inline_citation('Tarn: a "tiny" server') is None
    True
    """
    table = table if table is not None else default_table()
    line = _strip_links(_normalise(text))
    m = _INLINE.match(line)
    if m is None:
        return None
    author_text = _author_candidate(m.group("authors"), cited=True)
    title = m.group("title").strip().rstrip(".,;: ").strip()
    if author_text is None or not title:
        return None
    venue_text = m.group("venue").strip(" .,;")
    found = _read_venue(venue_text, table) if venue_text else None
    vy = found.venue_year if found is not None else _NO_VENUE
    return title, Attribution(
        authors=tuple(_names(author_text.groups)),
        truncated=author_text.truncated,
        venue=vy.venue,
        venue_raw=vy.venue_raw,
        year=vy.year if vy.year is not None else author_text.year,
        venue_known=vy.known,
        arxiv=found.arxiv if found is not None else None,
    )


# --- venue tags in titles -------------------------------------------------------------------

_TAG = re.compile(
    r"\s*[(\uff08]\s*(?P<m>[*_]{0,3})(?P<v>[^()\uff08\uff09]+?)(?P=m)\s*[)\uff09]\s*$"
)


def split_venue_tag(title: str, table: VenueTable | None = None) -> tuple[str, VenueYear | None]:
    """Split a trailing venue tag off a title: ``Fast Serving (SOSP2019)``.

    The parenthesised tag is removed only when it reads as a venue — a known venue, or a
    year (with a venue-like name or alone); remarks such as "(start to read)" stay.

    Examples
    --------
    >>> split_venue_tag("Tarn: Serving at the Edge (SOSP2019)")  # doctest: +NORMALIZE_WHITESPACE
    ('Tarn: Serving at the Edge',
     VenueYear(venue='SOSP', venue_raw='SOSP2019', year=2019, known=True))
    >>> split_venue_tag("Kubernetes in Action (start to read)")
    ('Kubernetes in Action (start to read)', None)
    """
    table = table if table is not None else default_table()
    m = _TAG.search(title)
    if m is None or is_remark(m.group("v")):
        return title, None
    head = title[: m.start()].rstrip()
    if not head:
        return title, None
    found = _read_venue(m.group("v"), table)
    vy = found.venue_year
    if vy.known or (vy.year is not None and (vy.venue is None or _venue_looking(vy.venue))):
        return head, vy
    return title, None
