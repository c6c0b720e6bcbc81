"""sh:pattern: a translated pattern matches in Oxigraph exactly what Python's re matches."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib.namespace import SH

from mlsys_graph.kg.shacl.regex import python_search, translate
from mlsys_graph.kg.validate import load_shapes

STORE = ox.Store()


def oxigraph_search(pattern: str, flags: str, text: str) -> bool:
    query = (
        "SELECT ?r WHERE { VALUES (?text ?pattern ?flags) { ("
        f"{ox.Literal(text)} {ox.Literal(pattern)} {ox.Literal(flags)}) }} "
        "BIND (REGEX(?text, ?pattern, ?flags) AS ?r) }"
    )
    [row] = list(STORE.query(query))
    return row["r"].value == "true"


def shape_patterns() -> list[str]:
    return sorted({str(p) for p in load_shapes().objects(None, SH.pattern)})


TRICKY = [
    r"^\S+$",
    r"\s",
    r"\d{2}",
    r"\w+",
    r"[^\s\d]",
    r"a{",
    r"a{,2}b",
    r"{}",
    r"[[]",
    r"[a&&b]",
    r"[a-]",
    r"[]a]",
    r"[^]]",
    r"x\Z",
    r"\Ax",
    r"a|b$|c",
    r"(a|$)",
    r"\x41\u00e9",
    r"[\x00-\x1f]",
    r"a\.b\-c\/d",
    r"#",
    r"~",
    r"<",
]
CHARACTERS = "aAbBcxz019/\\~:.-_#{}[]&<> \t\n\r\x1c\x85\u2028\u0660\u0663\u00e9\u0301\u017f"
PIECES = ["10.1145/", "2017", "..", "repo/", "https://w3id.org/mlsys-graph/id/repo/"]
ALPHABET = st.sampled_from([*CHARACTERS, *PIECES])
TEXTS = st.lists(ALPHABET, max_size=8).map("".join)


@pytest.mark.parametrize("pattern", shape_patterns() + TRICKY)
def test_translated(pattern):
    assert translate(pattern, "") is not None


@pytest.mark.parametrize("pattern", shape_patterns() + TRICKY)
@settings(derandomize=True, max_examples=60, deadline=None)
@given(text=TEXTS)
def test_translation_matches_python(pattern, text):
    rust, flags = translate(pattern, "")
    assert oxigraph_search(rust, flags, text) == (re.search(pattern, text) is not None)


@settings(derandomize=True, max_examples=60, deadline=None)
@given(text=TEXTS)
def test_multiline(text):
    rust, flags = translate(r"^a$", "m")
    assert flags == "m"
    assert oxigraph_search(rust, flags, text) == (re.search(r"^a$", text, re.M) is not None)


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?=a)",
        r"(?!a)",
        r"(?<=a)b",
        r"(a)\1",
        r"\bword",
        r"\B",
        r"(?i)a",
        r"a*+",
        r"x$\n",
        r"(a$)?",
        r"\N{DASH}",
        r"(",
    ],
)
def test_untranslatable_falls_back_to_python(pattern):
    assert translate(pattern, "") is None


def test_case_insensitive_is_python():
    assert translate("a", "i") is None
    assert python_search("ſ", "i", "S") is (re.search("ſ", "S", re.I) is not None)
