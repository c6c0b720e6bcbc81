"""Tests of :mod:`mlsys_graph.ingest.citation`: author lists, venues, years.

Golden cases live in ``fixtures/citation/*.txt`` (title / ``.`` / input / ``.`` / expected
JSON / ``.``); every name and title there is invented, each quirk in two or more variants.
A case's test id is ``file:line`` of its title.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import read_fixture_file
from mlsys_graph.ingest.citation import (
    Attribution,
    looks_like_authors,
    parse_attribution_line,
    parse_inline_citation,
)
from mlsys_graph.ingest.names import Authors, parse_authors
from mlsys_graph.ingest.text import is_remark
from mlsys_graph.ingest.venue_text import VenueYear, parse_venue, split_venue_tag
from mlsys_graph.ingest.venues import Venue, VenueTable, default_table

FIXTURES = Path(__file__).parent / "fixtures" / "citation"


def _cases(name: str) -> list:
    path = FIXTURES / name
    return [
        pytest.param(source.rstrip("\n"), json.loads(expected), id=f"{name}:{line}")
        for line, _title, source, expected in read_fixture_file(path)
    ]


def _picked(record: object, wanted: dict) -> dict:
    got = dataclasses.asdict(record)
    return {key: list(got[key]) if key == "authors" else got[key] for key in wanted}


# --- golden files -----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), _cases("attribution.txt"))
def test_attribution_golden(text: str, expected: dict | None) -> None:
    got = parse_attribution_line(text)
    if expected is None:
        assert got is None
    else:
        assert got is not None
        assert _picked(got, expected) == expected


@pytest.mark.parametrize(("text", "expected"), _cases("venues.txt"))
def test_venue_golden(text: str, expected: dict) -> None:
    assert _picked(parse_venue(text), expected) == expected


@pytest.mark.parametrize(("text", "expected"), _cases("inline.txt"))
def test_inline_golden(text: str, expected: dict | None) -> None:
    got = parse_inline_citation(text)
    if expected is None:
        assert got is None
        return
    assert got is not None
    title, attribution = got
    expected = dict(expected)
    assert title == expected.pop("title")
    assert _picked(attribution, expected) == expected


def test_fixture_files_have_cases() -> None:
    for name, least in (("attribution.txt", 60), ("venues.txt", 30), ("inline.txt", 6)):
        assert len(read_fixture_file(FIXTURES / name)) >= least, name


# --- parse_authors ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names", "truncated"),
    [
        ("Quill, Ada, et al.", ("Ada Quill",), True),
        ("Quill, Ada, et. al.", ("Ada Quill",), True),
        ("Quill, Ada et al", ("Ada Quill",), True),
        ("Ada Quill and Ben Ortiz", ("Ada Quill", "Ben Ortiz"), False),
        ("Ada Quill & Ben Ortiz", ("Ada Quill", "Ben Ortiz"), False),
        ("Quill, A.; Ortiz, B.", ("A. Quill", "B. Ortiz"), False),
        ("Obi, B.K., Pell, D. M.", ("B.K. Obi", "D. M. Pell"), False),
        ("Ada Quill, Ben Ortiz, etc.", ("Ada Quill", "Ben Ortiz"), True),
        ("Ada Quill and others", ("Ada Quill",), True),
        ("Zhang, Hao (CMU), Ada Quill (MIT)", ("Hao Zhang", "Ada Quill"), False),
        ("HAL FENWICK, D. G. PELL", ("Hal Fenwick", "D. G. Pell"), False),
        ("Li CHEN, Ada Quill", ("Li CHEN", "Ada Quill"), False),  # not all capitals: kept
        ("O'NEIL, MAEVE", ("Maeve O'Neil",), False),
        ("", (), False),
        # "Family, Given Given" closing the list (or before "et al.") is one person
        ("Quarrie, Anand Devi, et al.", ("Anand Devi Quarrie",), True),
        ("Okonkwo, Mary Ellen", ("Mary Ellen Okonkwo",), False),
        ("QUARRIE, ANAND DEVI et al.", ("Anand Devi Quarrie",), True),
        ("van der Berg, Anna Maria, et al.", ("Anna Maria van der Berg",), True),
        ("Varga, Ana Lucia and Brel, Tomas", ("Ana Lucia Varga", "Tomas Brel"), False),
        # ... but not when natural-order names follow the first author
        (
            "Harrow, Linus, Ana Paula Reyes, and Sam Lind",
            ("Linus Harrow", "Ana Paula Reyes", "Sam Lind"),
            False,
        ),
        ("Gold, Yara, Mina Osei, and Cy Tran", ("Yara Gold", "Mina Osei", "Cy Tran"), False),
        # footnote marks glued to names
        ("Ada Quill¹, Ben Ortiz²,³ and Cy Tran†", ("Ada Quill", "Ben Ortiz", "Cy Tran"), False),
        ("Ida Voss‡, Karl Brandt§, et al.", ("Ida Voss", "Karl Brandt"), True),
        ("Quill, Ada∗, Ben Ortiz¶", ("Ada Quill", "Ben Ortiz"), False),
        # a trailing affiliation chunk
        ("Ines Falk, Tomas Brel, Acme Research", ("Ines Falk", "Tomas Brel"), False),
        (
            "Ada Quill and Ben Ortiz, Northbridge University, 2019.",
            ("Ada Quill", "Ben Ortiz"),
            False,
        ),
        ("Sam Lind, Mina Osei, Fabrikam Labs Inc.", ("Sam Lind", "Mina Osei"), False),
    ],
)
def test_parse_authors(text: str, names: tuple[str, ...], truncated: bool) -> None:
    got = parse_authors(text)
    assert isinstance(got, Authors)
    assert (got.names, got.truncated) == (names, truncated)


def test_parse_authors_keeps_list_order() -> None:
    names = [f"Given{c} Family{c}" for c in "ABCDEFGHIJ"]
    text = ", ".join(names[:-1]) + ", and " + names[-1]
    assert parse_authors(text).names == tuple(names)


# --- looks_like_authors ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Quill, Ada, et al. (*NSDI 2021*)",
        "Ada Quill, Ben Ortiz, and Cy Tran.",
        "Quill, Ada and Ortiz, Ben",
        "Ngata, R., Obi, B.K. and Pell, D., 2016.",
        "R. Ngata, P. Vance and I. Voss.",
        "IDA VOSS, KARL-HEINZ BRANDT",
        "K Marrow, et al. (*OptML2019*)",
        "Harrow et al.",
        'Falk, Ines, et al. "',
        "Ada Quill∗, Ben Ortiz†(MIT), and Cy Tran‡",
        "Ines Falk¹, Tomas Brel²,³ (*SoCC 2022*)",
        "Dora Pell and Hal Fenwick, Northbridge University (*NSDI 2021*)",
    ],
)
def test_looks_like_authors_true(text: str) -> None:
    assert looks_like_authors(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tarn is a lightweight serving library.",
        "Stop waiting for slow builds.",
        "Summary: a scheduler for GPU clusters",
        "Start to watch.",
        "Strong Recommendation",
        "Machine Learning Systems",
        "Harrow",
        "NSDI 2017",
        "2019 {USENIX} Conference on Operational Machine Learning (OpML 19). 2019.",
        "ML.NET lets developers train models.",
        "",
    ],
)
def test_looks_like_authors_false(text: str) -> None:
    assert not looks_like_authors(text)


# --- is_remark ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "start to read",
        "Start to watch.",
        "(*On going*)",
        "ongoing",
        "I am a big fan",
        "Best intro course I think",
        "wait dataset",
        "Waiting for the code",
        "Strong Recommendation",
        "Highly recommended",
        "Must read",
        "work in progress",
        "TODO",
        "under review",
    ],
)
def test_is_remark_true(text: str) -> None:
    assert is_remark(text)


@pytest.mark.parametrize(
    "text",
    [
        "NSDI 2017",
        "Preprint",
        "Summary: a scheduler",
        "Quill, Ada, et al.",
        "Wait-free queues for model serving",
        "Kubernetes in Action",
        "",
        "I. Voss and J. Lind",
    ],
)
def test_is_remark_false(text: str) -> None:
    assert not is_remark(text)


# --- split_venue_tag ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "head", "venue_year"),
    [
        (
            "Tarn: Serving at the Edge (SOSP2019)",
            "Tarn: Serving at the Edge",
            VenueYear("SOSP", "SOSP2019", 2019, True),
        ),
        (
            "Pike: Batching Without Tears (*NSDI 2018*)",
            "Pike: Batching Without Tears",
            VenueYear("NSDI", "NSDI 2018", 2018, True),
        ),
        ("Harbor (preprint)", "Harbor", VenueYear("preprint", "preprint", None, True)),
        ("Harbor (FooConf 2020)", "Harbor", VenueYear("FooConf", "FooConf 2020", 2020, False)),
        ("Harbor (2020)", "Harbor", VenueYear(None, None, 2020, False)),
        ("Kubernetes in Action (start to read)", "Kubernetes in Action (start to read)", None),
        ("Survey of Schedulers (Part 2)", "Survey of Schedulers (Part 2)", None),
        ("Tarn (CPU only)", "Tarn (CPU only)", None),
        ("Tarn (lite edition 2019)", "Tarn (lite edition 2019)", None),
        ("(NSDI 2017)", "(NSDI 2017)", None),
        ("Tarn: Serving at the Edge", "Tarn: Serving at the Edge", None),
        ("Quill（OSDI 2016）", "Quill", VenueYear("OSDI", "OSDI 2016", 2016, True)),
    ],
)
def test_split_venue_tag(title: str, head: str, venue_year: VenueYear | None) -> None:
    assert split_venue_tag(title) == (head, venue_year)


# --- a custom table ---------------------------------------------------------------------------


def test_functions_take_a_table() -> None:
    table = VenueTable([Venue("tiny", "TinyConf", "Tiny Conference", "conference", ("TC",))])
    assert parse_venue("TC 2020", table) == VenueYear("TinyConf", "TC 2020", 2020, True)
    # NSDI is not in this table: read as an unknown venue.
    assert parse_venue("NSDI 2017", table) == VenueYear("NSDI", "NSDI 2017", 2017, False)
    att = parse_attribution_line("Quill, Ada, et al. (*Tiny Conference 19*)", table)
    assert att is not None and (att.venue, att.year, att.venue_known) == ("TinyConf", None, True)
    assert split_venue_tag("Tarn (TC)", table) == ("Tarn", VenueYear("TinyConf", "TC", None, True))


def test_venues_come_from_the_table() -> None:
    table = default_table()
    acronyms = {venue.acronym for venue in table.venues}
    for text in ("NSDI 2017", "NIPS 18, System for ML", "PVLDB 2020"):
        result = parse_venue(text)
        assert result.known and result.venue in acronyms


# --- properties -------------------------------------------------------------------------------

_ET_AL = re.compile(r"(?i)\bet\.?\s*al\b|\band\s+so\s+on\b")
_PIECES = st.sampled_from(
    [
        "Quill", "Ada", "Ortiz", "B.", "B.G.", "J", "IDA", "VOSS", "van", "der", "Jr.",
        ",", ", ", " and ", " & ", ";", " et al.", " et al", "et", "al", " and so on",
        "(*", "*)", "*", "_", "(", ")", '"', "“", "，", "（", "）", "\u00a0", "\u2009",
        "NSDI", "NIPS 18, System for ML", "OptML", "2017", " 17", "'19", "arXiv:2001.01234",
        "Summary:", "On going", "start to read", "[[Paper]](https://x.org/a.pdf)", " ", ".",
    ]
)  # fmt: skip
_NAMEISH = st.lists(_PIECES, max_size=24).map("".join)
_TEXT = st.one_of(st.text(max_size=200), _NAMEISH)


def _clean_names(names: tuple[str, ...]) -> None:
    for name in names:
        assert name == name.strip() and name
        assert not _ET_AL.search(name), name


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_parse_attribution_line_never_raises(text: str) -> None:
    result = parse_attribution_line(text)
    assert result is None or isinstance(result, Attribution)
    if result is not None:
        _clean_names(result.authors)
        assert result.year is None or 1950 <= result.year <= 2049
        assert not result.venue_known or result.venue is not None


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_parse_authors_names_are_clean(text: str) -> None:
    result = parse_authors(text)
    assert isinstance(result, Authors)
    _clean_names(result.names)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_parse_venue_never_raises(text: str) -> None:
    result = parse_venue(text)
    assert isinstance(result, VenueYear)
    assert result.year is None or 1950 <= result.year <= 2049
    if result.known:
        assert result.venue in {venue.acronym for venue in default_table().venues}
    if result.venue is not None:
        assert result.venue_raw is not None


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_split_venue_tag_only_cuts_the_end(text: str) -> None:
    head, tag = split_venue_tag(text)
    if tag is None:
        assert head == text
    else:
        assert text.startswith(head) and head


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_other_functions_never_raise(text: str) -> None:
    assert isinstance(is_remark(text), bool)
    assert isinstance(looks_like_authors(text), bool)
    inline = parse_inline_citation(text)
    if inline is not None:
        title, attribution = inline
        assert title
        _clean_names(attribution.authors)


# --- the real 2019 list -----------------------------------------------------------------------


def _nested_lines(path: Path) -> list[str]:
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^ +- (.*)$", line)
        if m:
            lines.append(m.group(1))
    return lines


@pytest.mark.seed
def test_seed_attribution_lines(seed_list: Path) -> None:
    lines = _nested_lines(seed_list)
    table = default_table().scoped("awesome-system-for-ml-2019", "README.md")
    results = [(line, parse_attribution_line(line, table)) for line in lines]
    found = [att for _, att in results if att is not None]

    # Every attribution the list writes names a venue of the table (its own typos included).
    assert all(att.venue_known for att in found if att.venue_raw), [
        att.venue_raw for att in found if att.venue_raw and not att.venue_known
    ]
    # Summaries, remarks and descriptions are not attributions.
    for line, att in results:
        if line.lstrip().startswith("Summary") or is_remark(line):
            assert att is None, line
    # An author-looking line always parses.
    for line, att in results:
        if looks_like_authors(line):
            assert att is not None and att.authors, line
    assert len([att for att in found if att.authors]) == 54

    def by_first_author(name: str, venue: str | None = None) -> Attribution:
        hits = [
            a for a in found if a.authors[:1] == (name,) and (venue is None or a.venue == venue)
        ]
        assert len(hits) >= 1, name
        return hits[0]

    clipper = by_first_author("Daniel Crankshaw", "NSDI")
    assert (clipper.truncated, clipper.venue_raw, clipper.year) == (True, "NSDI 2017", 2017)
    pretzel = by_first_author("Y. Lee")
    assert pretzel.authors[:3] == ("Y. Lee", "A. Scolari", "B.G. Chun")
    assert (pretzel.venue, pretzel.year) == ("OSDI", 2018)
    soifer = by_first_author("J Soifer")
    assert (soifer.truncated, soifer.venue, soifer.year) == (True, "OpML", 2019)
    workshop = by_first_author("Paras Jain")
    assert (workshop.venue, workshop.year) == ("NeurIPS Workshop on Systems for ML", 2018)
    gpipe = by_first_author("Yanping Huang")
    assert (gpipe.venue, gpipe.year, gpipe.arxiv) == ("arXiv", 2018, "1811.06965")
    assert by_first_author("Ruben Mayer").authors == ("Ruben Mayer", "Hans-Arno Jacobsen")
    assert by_first_author("C. Canel").authors[-3:] == ("D. G. Andersen", "M. Kaminsky", "Dulloo")
    assert by_first_author("Abhishek Verma").venue == "EuroSys"
    neurosurgeon = by_first_author("Y. Kang")
    assert (neurosurgeon.venue, neurosurgeon.year) == (None, 2017)
    ongoing = by_first_author("Jinliang Wei")
    assert (ongoing.venue, ongoing.venue_raw, ongoing.year) == (None, None, None)
    venue_only = [a for a in found if not a.authors]
    assert {a.venue for a in venue_only} >= {"OpML", "ACM SIGARCH Computer Architecture News"}
