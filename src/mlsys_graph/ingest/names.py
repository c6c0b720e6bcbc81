"""Read an author list as a list writes it: "Family, Given", initials, "et al.".

Each rule reads a *kind* of thing lists write — "Family, Given" pairs, BibTeX "A, B and
C, D", initials, ALL-CAPS names, "et al." — never one particular line. A trailing date,
parentheticals, footnote marks and a closing affiliation are dropped. Everything here is a
pure function of a string.

>>> parse_authors("Quill, Ada, Ben Ortiz, and Cy Tran.")
Authors(names=('Ada Quill', 'Ben Ortiz', 'Cy Tran'), truncated=False)
>>> parse_authors("VOSS, IDA, et al., 2018.")
Authors(names=('Ida Voss',), truncated=True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .text import normalise, wordset

__all__ = ["Authors", "is_organisation", "parse_authors"]


@dataclass(frozen=True, slots=True)
class Authors:
    """Names in list order, in natural order ("Given Family"); ``truncated`` for "et al.".

    ``affiliations`` are the organisations the list names, in order, each with the 1-based
    position of the author it follows in parentheses ("Ada Quill (MIT CSAIL)"), or ``None``
    when it stands on its own ("…, Tarn Labs"): the affiliation of the entry.
    """

    names: tuple[str, ...]
    truncated: bool
    affiliations: tuple[tuple[str, int | None], ...] = field(default=(), repr=False)


_PARTICLES = wordset(
    """
    van von der den de del della di da dos das du la le ter ten zu al el bin ibn st
    """
)
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# Words that are not parts of personal names (they mark descriptions and labels).
_NOT_NAME = wordset(
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

#: "et al." as lists write it: "et al", "et. al.", "et.al", and the slip "etc al.".
ET_AL = r"\bet(?:c\b\.?|\.)?\s*al\b\.?"
_TRUNCATION = re.compile(rf"(?i){ET_AL}|\band\s+so\s+on\b\.?|\betc\b\.?|\band\s+others\b\.?")
_AND = re.compile(r"(?i)\s*(?:,\s*)?(?:\band\b|&)\s*")


@lru_cache(maxsize=1 << 16)  # called per token, many times per author line
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


@lru_cache(maxsize=1 << 14)  # name words repeat: the same people write many papers
def _name_token_ok(token: str) -> bool:
    lower = token.casefold()
    return _is_initials(token) or _is_name_word(token) or lower in _PARTICLES or lower in _SUFFIXES


@lru_cache(maxsize=1 << 14)  # chunks are names, and names recur
def _is_family(chunk: str) -> bool:
    """One name word, optionally after particles: "Jia", "Ragan-Kelley", "van der Berg"."""
    words = chunk.split()
    if not words or not all(w.casefold() in _PARTICLES for w in words[:-1]):
        return False
    last = words[-1]
    return _is_name_word(last) and not _is_initials(last) and not last.endswith(".")


@lru_cache(maxsize=1 << 14)  # chunks are names, and names recur
def _is_given(chunk: str) -> bool:
    """Initials ("B.G.", "D. G."), one name word ("Daniel"), or a word + initials ("Jerome H.")."""
    words = chunk.split()
    if not words or words[0].casefold().rstrip(".") in _SUFFIXES:
        return False
    if all(_is_initials(w) for w in words):
        return True
    return _is_name_word(words[0]) and all(_is_initials(w) for w in words[1:])


def _pairs_with(chunk: str, given: str, family_first: bool) -> bool:
    """Whether ``chunk, given`` is one person written family first: "Jia, Zhihao", "Jia,
    Z."; a family name of two words only before initials alone in a list written family
    first throughout (``family_first``: "Giraud Carrier, C., Quill, A.")."""
    if not _is_given(given):
        return False
    if _is_family(chunk):
        return True
    words = chunk.split()
    return (
        family_first
        and len(words) == 2
        and all(_is_initials(w) for w in given.split())
        and all(_is_name_word(w) and not _is_initials(w) for w in words)
    )


@lru_cache(maxsize=1 << 14)  # chunks are names, and names recur
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


@lru_cache(maxsize=1 << 14)  # once per name read; the same names recur across entries
def _fix_caps(name: str) -> str:
    """Title-case a name written in capitals ("HANS-ARNO" → "Hans-Arno"); initials stay."""
    words = [w for w in name.split() if not _is_initials(w)]
    letters = [ch for w in words for ch in w if ch.isalpha()]
    if not words or not letters or not all(ch.isupper() for ch in letters):
        return name
    return " ".join(
        w
        if _is_initials(w) or w.casefold() in _SUFFIXES
        else _LETTERS.sub(lambda m: m.group()[0] + m.group()[1:].lower(), w)
        for w in name.split()
    )


@lru_cache(maxsize=1 << 14)  # a comma chunk is mostly one name, and names recur
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
    #: Organisation chunks standing on their own (the entry's affiliation), in order.
    organisations: tuple[str, ...] = ()
    #: (group, chunk) → organisations a parenthesis right after that chunk names.
    marks: tuple[tuple[tuple[int, int], tuple[str, ...]], ...] = ()


# Words naming an organisation: a comma chunk holding one is an affiliation ("…, and Ida
# Voss, Tarn Labs", "Alibaba Inc"), not a name. Generic words (kinds and legal forms of
# organisations), then companies that papers name as affiliations.
_ORGANISATION = wordset(
    """
    university univ universität universidad université universita universitat universiteit
    college academy school institute institut instituto institution research lab labs
    laboratory laboratories inc corp corporation company ltd llc gmbh foundation center centre
    department dept faculty polytechnic politecnico hospital
    microsoft google facebook meta amazon aws alibaba tencent baidu huawei bytedance ibm intel
    nvidia apple samsung qualcomm uber netflix linkedin twitter databricks deepmind openai
    oracle cisco vmware salesforce adobe xiaomi sensetime megvii
    """
)
# Institution acronyms, matched only as written (capitals, no dots): "UC Berkeley", "MIT
# CSAIL". Initials are written with dots or one letter ("B.G.", "J"), so these do not read
# as initials; a lone capital pair ("MJ" in "Franklin MJ") is never on this list.
_ORGANISATION_ACRONYMS = frozenset(
    (
        "UC", "MIT", "CMU", "CSAIL", "UCLA", "UCSD", "UCSB", "UIUC", "NYU", "USC", "EPFL",
        "ETH", "KAIST", "KTH", "NUS", "NTU", "HKUST", "CUHK", "USTC", "PKU", "SJTU", "ZJU",
        "THU", "HUST", "SUSTech", "MSR", "FAIR", "IBM", "AMD", "CNRS", "INRIA", "MPI", "RIKEN",
        "CSIRO",
    )
)  # fmt: skip
# Words that may stand between the capitalised words of an organisation's name.
_ORG_CONNECTORS = frozenset({"of", "for", "and", "the", "de", "&", "at"})
_ORG_WORD = re.compile(r"[^\W\d_][\w.&'-]*|&")


@lru_cache(maxsize=1 << 14)  # asked of every comma chunk of every author line
def _is_affiliation(chunk: str) -> bool:
    """A comma chunk naming an organisation ("Microsoft AI and Research", "Tarn Labs")."""
    return any(
        (word[0].isupper() and word.rstrip(".").casefold() in _ORGANISATION)
        or word in _ORGANISATION_ACRONYMS
        for word in _ORG_WORD.findall(chunk)
    )


@lru_cache(maxsize=1 << 14)  # asked of every comma chunk of every author line
def is_organisation(text: str) -> bool:
    """Whether ``text`` is the name of an organisation: at most eight words, capitalised or
    connectors, one of them a word organisations are named with or an institution acronym.

    >>> [is_organisation(t) for t in ("UC Berkeley", "Alibaba Inc", "MIT CSAIL", "Google Brain")]
    [True, True, True, True]
    >>> [is_organisation(t) for t in ("Ada Quill", "Franklin MJ", "Apache project", "research")]
    [False, False, False, False]
    """
    words = _ORG_WORD.findall(text)
    if not words or len(words) > 8 or not _is_affiliation(text):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.casefold() in _ORG_CONNECTORS for w in words)


_MARK = re.compile(r"\ue000(\d+)\ue001")
_LETTERS = re.compile(r"[^\W\d_]+")
_MARKUP = re.compile(r"[*_`\"{}\[\]]")
_PARENTHESIS = re.compile(r"\(([^()]*)\)")
_AFFILIATION_SPLIT = re.compile(r"[,;/]|\band\b")


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# A date closing an author list: ", 2018." / ", 2017, April." / "April 2017".
_TRAILING_DATE = re.compile(
    rf"(?i)(?:^|[,;\s])\s*(?:{_MONTH}\s+)?(?P<year>(?:19[5-9]\d|20[0-4]\d))[a-z]?"
    rf"(?:\s*,?\s*{_MONTH})?\s*[.,;]*\s*$"
)


def _unmarked(chunk: str) -> str:
    """A chunk with its affiliation marks blanked out."""
    return _MARK.sub(" ", chunk) if "\ue000" in chunk else chunk


@lru_cache(maxsize=1 << 12)  # a pure function of the line (the same paper may be listed twice)
def _read_author_text(text: str) -> _AuthorText:
    """Clean an author list and cut it into groups of comma chunks, not yet into names.

    Markdown, parentheticals, "et al." (→ ``truncated``), a closing date (→ ``year``) and
    closing affiliation chunks are taken off; :func:`_names` pairs the chunks up.
    """
    text = normalise(text)
    text = _MARKUP.sub(" ", text)
    # A parenthesis naming organisations is the affiliation of the author before it: it
    # stays as a mark on that chunk. Other parentheticals (notes) go.
    noted: list[tuple[str, ...]] = []

    def mark(m: re.Match[str]) -> str:
        parts = [p.strip() for p in _AFFILIATION_SPLIT.split(m.group(1)) if p.strip()]
        if parts and all(is_organisation(p) for p in parts):
            noted.append(tuple(parts))
            return f" \ue000{len(noted) - 1}\ue001"
        return " "

    if "(" in text:
        text = _PARENTHESIS.sub(mark, text)
        for _ in range(3):  # parentheticals (affiliations, notes), innermost first
            text = _PARENTHESIS.sub(" ", text)
    text = text.replace("(", " ").replace(")", " ")
    truncated = False
    while True:
        text, count = _TRUNCATION.subn(",", text)
        if not count:
            break
        truncated = True
    text = " ".join(text.split()).strip(" ,;")
    year = None
    m = _TRAILING_DATE.search(text) if "19" in text or "20" in text else None
    if m:
        year = int(m.group("year"))
        text = text[: m.start()].strip(" ,;")
    groups: list[tuple[str, ...]] = []
    organisations: list[str] = []
    marks: list[tuple[tuple[int, int], tuple[str, ...]]] = []
    # Closing comma chunks that name an organisation ("…, Fabrikam Cloud and Research").
    chunks_ = text.split(",")
    closing: list[str] = []
    while len(chunks_) > 1 and _is_affiliation(_unmarked(chunks_[-1])):
        raw = chunks_.pop()
        closing.insert(0, _tidy_chunk(_MARK.sub(" ", raw)))
        closing[1:1] = [org for k in _MARK.findall(raw) for org in noted[int(k)]]
    text = ",".join(chunks_).strip(" ,;")
    for part in text.split(";"):
        for group in _AND.split(part):
            chunks: list[str] = []
            for raw in group.split(","):
                found = (
                    [org for k in _MARK.findall(raw) for org in noted[int(k)]]
                    if "\ue000" in raw
                    else []
                )
                chunk = _tidy_chunk(_unmarked(raw))
                if chunk and is_organisation(chunk):
                    organisations.append(chunk)
                    organisations.extend(found)
                    continue
                if chunk:
                    chunks.append(chunk)
                    if found:
                        marks.append(((len(groups), len(chunks) - 1), tuple(found)))
                elif found:
                    organisations.extend(found)
            if chunks:
                groups.append(tuple(chunks))
    organisations.extend(org for org in closing if org)
    return _AuthorText(tuple(groups), truncated, year, tuple(organisations), tuple(marks))


def _names(groups: tuple[tuple[str, ...], ...]) -> list[str]:
    """The names the chunks of :func:`_read_author_text` spell, in natural order."""
    return [name for name, _ in _names_and_chunks(groups)]


def _affiliations(author_text: _AuthorText) -> tuple[tuple[str, int | None], ...]:
    """The organisations of an author text: (name, author position) for a parenthesis after
    an author, (name, None) for the entry's own; in order, each once."""
    marks = dict(author_text.marks)
    found: list[tuple[str, int | None]] = []
    for position, (_, chunks) in enumerate(_names_and_chunks(author_text.groups), start=1):
        for place in chunks:
            found.extend((org, position) for org in marks.get(place, ()))
    found.extend((org, None) for org in author_text.organisations)
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=1 << 8)  # asked twice per author line: for the names, the affiliations
def _names_and_chunks(
    groups: tuple[tuple[str, ...], ...],
) -> tuple[tuple[str, tuple[tuple[int, int], ...]], ...]:
    """Each name the chunks spell, with the (group, chunk) places it was read from."""
    names: list[str] = []
    places: list[list[tuple[int, int]]] = []
    # "Family, Given Given" is one person when nothing but a suffix or "et al." follows
    # ("Quill, Ada Mae, et al.") or when every group is such a pair (BibTeX: "Quill, Ada
    # Mae and Ortiz, Ben"). In "Quill, Ada, Ben Ortiz" a multi-word chunk is a name.
    paired = all(len(g) >= 2 and all(_is_suffix(c) for c in g[2:]) for g in groups)
    for g, chunks in enumerate(groups):
        # "Giraud Carrier, C., Quill, A.": every other chunk initials alone, family first
        initials = sum(1 for c in chunks if all(_is_initials(w) for w in c.split()))
        family_first = initials >= 2 and 2 * initials >= len(chunks) - 1
        i = 0
        while i < len(chunks):
            chunk = chunks[i]
            if _is_suffix(chunk) and names:
                names[-1] = f"{names[-1]} {chunk}"
                places[-1].append((g, i))
                i += 1
            elif (
                paired
                and i == 0
                and len(chunks) > 1
                and _is_family(chunk)
                and _is_long_given(chunks[1])
            ) or (i + 1 < len(chunks) and _pairs_with(chunk, chunks[i + 1], family_first)):
                names.append(f"{chunks[i + 1]} {chunk}")
                places.append([(g, i), (g, i + 1)])
                i += 2
            else:
                names.append(chunk)
                places.append([(g, i)])
                i += 1
    cleaned = []
    for name, where in zip(names, places, strict=True):
        name = _clean_name(name)
        if name:
            cleaned.append((name, tuple(where)))
    return tuple(cleaned)


@lru_cache(maxsize=1 << 14)  # once per name read; the same names recur across entries
def _clean_name(name: str) -> str:
    """A name without "et al." and stray separators, capitals tidied ("" when none is left)."""
    name = " ".join(_TRUNCATION.sub(" ", name).split()).strip(" ,;")
    return _fix_caps(name) if name else ""


def parse_authors(text: str) -> Authors:
    """Split an author list into names, in list order and natural order.

    Reads "Family, Given", "Given Family", BibTeX "A, B and C, D", initials ("Lee, Y.",
    "B.G."), a lone surname, ALL-CAPS names, and "et al." / "and so on" (→ ``truncated``).
    A trailing date (", 2018."), parentheticals, footnote marks ("Tran†", "Park¹") and a
    closing affiliation chunk (", Tarn Labs") are dropped. "Family, Given Given" is one
    person when the list ends there or "et al." follows. Family-name-first without a
    comma cannot be told apart and stays as written.

    Parameters
    ----------
    text : str
        The author list, markdown emphasis and all.

    Returns
    -------
    Authors
        The names in list order ("Given Family", capitals tidied, initials kept), and
        whether the list was cut short ("et al.").

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
    return Authors(
        tuple(_names(author_text.groups)), author_text.truncated, _affiliations(author_text)
    )


def _looks_like(author_text: _AuthorText, *, cited: bool) -> bool:
    """Whether every chunk is made of name words; one lone word only when ``cited``.

    A single surname passes only after "et al." or when a venue follows it (``cited``).
    """
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
