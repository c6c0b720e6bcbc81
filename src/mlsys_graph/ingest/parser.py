"""The markdown-it parser we read lists with, made to lose no line without saying so.

CommonMark (and markdown-it) can swallow the rest of a document without a trace:

* **nesting**: markdown-it stops at ``maxNesting`` block levels (20 in the ``commonmark``
  preset: a list ten deep) and drops *every later line of the file*. We raise the limit and
  stop nesting a little below it ourselves (:data:`MAX_LEVEL`): a line deeper than that is
  read flat, as a bullet (or paragraph) of the enclosing item, and reported (``too-deep``).
* **unclosed blocks**: a code fence (```` ``` ````) or an HTML comment, ``<pre>``,
  ``<script>``, ``<?``, ``<!X``, ``<![CDATA[`` that is never closed runs to the end of its
  container — often the end of the file. Such a block is cut after its opening line, the
  lines after it are read as markdown, and it is reported (``unclosed-block``).
* **HTML blocks that run into markdown**: an HTML line (``<details>``, ``<img …>``) takes
  every following line up to a blank line as HTML. When one of them is a bullet or a
  heading, the block is cut before it and reported (``html-block``).

Problems are collected in the ``env`` mapping passed to ``parse`` under :data:`PROBLEMS` as
``(0-based line, level, code, message)``; :func:`parse` returns them with the tokens.

A long text can be parsed in two parts, on two CPUs (:func:`find_cut`, :func:`parse_before`,
:func:`parse_after`): the tokens and problems of the parts, joined, are those of the whole,
or :func:`parse_before` says the text must be parsed in one piece.

>>> tokens, problems = parse("```\\n- Tarn [[GitHub]](https://github.com/a/tarn)\\n")
>>> [t.type for t in tokens][:3]
['fence', 'bullet_list_open', 'list_item_open']
>>> [(line, level, code) for line, level, code, _ in problems]
[(0, 'warning', 'unclosed-block')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

__all__ = [
    "MAX_LEVEL",
    "PROBLEMS",
    "Cut",
    "cuts",
    "find_cut",
    "parse",
    "parse_after",
    "parse_before",
    "parser",
]

#: Block levels markdown-it may open before lines are read flat: a list level is two (the
#: list and its item), a quote one. 64 is a list 32 deep, far beyond any real list.
MAX_LEVEL = 64
#: markdown-it's own limit (block and inline): never reached by blocks, the guard stops first.
_MAX_NESTING = MAX_LEVEL + 8
#: Key of the problem list in the parser's ``env``.
PROBLEMS = "mlsys_graph.problems"
_DEEP = "mlsys_graph.too_deep"
_UNCLOSED = "mlsys_graph.unclosed"

_FENCE = re.compile(r"^(?:`{3,}|~{3,})")
_FENCE_MARKS = frozenset("`~")
_QUOTES = re.compile(r"^(?:>[ \t]?)+")
_BULLET = re.compile(r"^(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_STRUCTURE = re.compile(r"^(?:(?:[-*+]|\d{1,9}[.)])[ \t]+\S|#{1,6}[ \t]+\S)")
# CommonMark HTML blocks 1-5 end at a closing sequence, not at a blank line.
_HTML_ENDS = (
    (re.compile(r"^<(script|pre|style|textarea)(?=\s|>|$)", re.I),
     re.compile(r"</(?:script|pre|style|textarea)>", re.I)),
    (re.compile(r"^<!--"), re.compile(r"-->")),
    (re.compile(r"^<\?"), re.compile(r"\?>")),
    (re.compile(r"^<![A-Za-z]"), re.compile(r">")),
    (re.compile(r"^<!\[CDATA\["), re.compile(r"\]\]>")),
)  # fmt: skip


def _report(state, line: int, level: str, code: str, message: str) -> None:
    state.env.setdefault(PROBLEMS, []).append((line, level, code, message))


def _line_text(state, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _lines(first: int, last: int) -> str:
    """Human 1-based 'line 4' / 'lines 4-9' for 0-based first..last inclusive."""
    return f"line {first + 1}" if first == last else f"lines {first + 1}-{last + 1}"


def _last_text_line(state, begin: int, end: int) -> int | None:
    """The last non-empty line in ``[begin, end)``, or None."""
    for line in range(end - 1, begin - 1, -1):
        if not state.isEmpty(line):
            return line
    return None


def _too_deep(state, start: int, end: int, silent: bool) -> bool:
    """Read a bullet or quote nested deeper than MAX_LEVEL flat: a bullet (with its
    continuation lines) becomes a one-item list of the enclosing item, a quote or a line
    indented as code (the indentation of the levels read flat) a paragraph. Other lines
    (paragraphs, headings, fences) open no deeper level and are read as usual."""
    if silent or state.level < MAX_LEVEL:
        return False
    raw = _line_text(state, start)
    text = _QUOTES.sub("", raw)
    bullet = _BULLET.match(text)
    if bullet is None and text == raw and state.sCount[start] - state.blkIndent < 4:
        return False
    parts = [text[bullet.end() :] if bullet else text]
    line = start + 1
    while line < end and not state.isEmpty(line) and state.sCount[line] >= state.blkIndent:
        more = _QUOTES.sub("", _line_text(state, line))
        if _BULLET.match(more):
            break
        parts.append(more)
        line += 1
    if bullet:
        marker = bullet.group().strip()
        for kind, tag in (("bullet_list_open", "ul"), ("list_item_open", "li")):
            token = state.push(kind, tag, 1)
            token.map, token.markup = [start, line], marker
    token = state.push("paragraph_open", "p", 1)
    token.map = [start, line]
    token = state.push("inline", "", 0)
    token.content, token.map, token.children = "\n".join(parts).strip(), [start, line], []
    state.push("paragraph_close", "p", -1)
    if bullet:
        state.push("list_item_close", "li", -1)
        state.push("bullet_list_close", "ul", -1)
    state.line = line

    runs = state.env.setdefault(_DEEP, [])
    if runs and all(state.isEmpty(k) for k in range(runs[-1][1] + 1, start)):
        runs[-1][1] = line - 1
    else:
        runs.append([start, line - 1])
    return True


def _cut(state, token, start: int, line: int, indent: int) -> None:
    """End a block token (fence or html_block) before ``line``."""
    token.map = [start, line]
    first = start + 1 if token.type == "fence" else start
    token.content = state.getLines(first, line, indent, True) if line > first else ""
    state.line = line


def _known_unclosed(state, key: tuple, start: int, size: int) -> tuple[int, int | None] | None:
    """``(end, last text line)`` of the container when an earlier scan already showed that a
    block of this kind opened at ``start`` cannot close in it (no closer up to its end), else
    None. Keeps input with thousands of unclosed ``<!--`` or fences linear."""
    seen = state.env.get(_UNCLOSED, {}).get(key)
    if seen is None or not seen[0] < start < seen[1] or size < seen[2]:
        return None
    finish, swallowed = seen[1], seen[3]
    return finish, (swallowed if swallowed is not None and swallowed > start else None)


def _remember_unclosed(state, key: tuple, start: int, finish: int, size: int) -> int | None:
    """Note that a block opened at ``start`` found no closer up to ``finish``; its last text
    line (or None) is returned."""
    swallowed = _last_text_line(state, start + 1, finish)
    table = state.env.setdefault(_UNCLOSED, {})
    seen = table.get(key)
    if seen is None or seen[1] != finish or size <= seen[2]:
        table[key] = (start, finish, size, swallowed)
    return swallowed


def _first_char(state, line: int) -> str:
    """The first character of a line after its indentation ("" at the end of the text)."""
    pos = state.bMarks[line] + state.tShift[line]
    return state.src[pos : pos + 1]


def _checked_fence(rule):
    def fence(state, start: int, end: int, silent: bool) -> bool:
        if _first_char(state, start) not in _FENCE_MARKS:
            return False  # what the rule says of a line not opening with ` or ~, sooner
        if silent:
            return rule(state, start, end, True)
        opener = _FENCE.match(_line_text(state, start))
        key = ("fence", opener.group()[0] if opener else "", end, state.blkIndent)
        size = len(opener.group()) if opener else 0
        known = _known_unclosed(state, key, start, size) if opener else None
        mark = len(state.tokens)
        # A known unclosed fence is read as its opening line alone: no scan to the end.
        if not rule(state, start, start + 1 if known else end, False):
            return False
        token = state.tokens[mark]
        if known:
            swallowed = known[1]
        else:
            finish = token.map[1]
            # A closed fence spans opener + content + closer; an unclosed one has no closer.
            if finish - start != token.content.count("\n") + 1:
                return True
            swallowed = _remember_unclosed(state, key, start, finish, size)
            _cut(state, token, start, start + 1, state.sCount[start])
        if swallowed is not None:
            _report(
                state,
                start,
                "warning",
                "unclosed-block",
                f"the code block opened here with {token.markup} is never closed, so it would "
                f"take every later line as code; read as markdown instead: "
                f"{_lines(start + 1, swallowed)} (close the block with {token.markup})",
            )
        return True

    return fence


def _checked_html_block(rule):
    def html_block(state, start: int, end: int, silent: bool) -> bool:
        if _first_char(state, start) != "<":
            return False  # what the rule says of a line not opening with <, sooner
        if silent:
            return rule(state, start, end, True)
        opener = _line_text(state, start)
        kind = next(
            (
                (i, m, end_re)
                for i, (start_re, end_re) in enumerate(_HTML_ENDS)
                if (m := start_re.search(opener))
            ),
            None,
        )
        key = ("html", kind[0] if kind else -1, end, state.blkIndent)
        known = _known_unclosed(state, key, start, 0) if kind else None
        mark = len(state.tokens)
        if not rule(state, start, start + 1 if known else end, False):
            return False
        token = state.tokens[mark]
        shown = opener if len(opener) <= 40 else opener[:39] + "…"
        if kind is None:
            # Types 6 and 7 end at a blank line: cut before the first bullet or heading.
            for line in range(start + 1, token.map[1]):
                if _STRUCTURE.match(_line_text(state, line)):
                    _cut(state, token, start, line, state.blkIndent)
                    _report(
                        state,
                        start,
                        "warning",
                        "html-block",
                        f"the HTML block that starts here ({shown}) runs into markdown at line "
                        f"{line + 1} with no blank line between; from there the lines are read "
                        "as markdown (put a blank line after the HTML)",
                    )
                    break
            return True
        _, match, end_re = kind
        if known:
            swallowed = known[1]
        else:
            if end_re.search(token.content):
                return True
            swallowed = _remember_unclosed(state, key, start, token.map[1], 0)
            _cut(state, token, start, start + 1, state.blkIndent)
        if swallowed is not None:
            name = (
                f"</{match.group(1).lower()}>"
                if match.groups()
                else end_re.pattern.replace("\\", "")
            )
            _report(
                state,
                start,
                "warning",
                "unclosed-block",
                f"the HTML block opened here ({shown}) never ends with {name}, so it would hide "
                f"every later line; read as markdown instead: {_lines(start + 1, swallowed)} "
                f"(close it with {name})",
            )
        return True

    return html_block


@cache
def parser():
    """The configured parser: CommonMark with GFM tables, URLs kept exactly as written, the
    guards above."""
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import fence, html_block

    md = MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING}).enable("table")
    # Keep URLs exactly as written: no percent-encoding, no scheme filtering (the scheme is
    # judged later: ingest.links.unsafe_scheme).
    md.normalizeLink = lambda url: url
    md.validateLink = lambda url: True
    ruler = md.block.ruler
    alts = {rule.name: list(rule.alt) for rule in ruler.__rules__}
    ruler.at("fence", _checked_fence(fence), {"alt": alts["fence"]})
    ruler.at("html_block", _checked_html_block(html_block), {"alt": alts["html_block"]})
    ruler.before(ruler.get_all_rules()[0], "too_deep", _too_deep)
    return md


def parse(text: str) -> tuple[list[Any], list[tuple[int, str, str, str]]]:
    """Block and inline tokens of ``text`` and the problems the guards found."""
    env: dict[str, Any] = {}
    tokens = parser().parse(text, env)
    return tokens, _problems(env)


def _problems(env: dict[str, Any]) -> list[tuple[int, str, str, str]]:
    """The problems the guards noted in ``env``, in line order."""
    problems = list(env.get(PROBLEMS, []))
    for first, last in env.get(_DEEP, []):
        problems.append(
            (
                first,
                "warning",
                "too-deep",
                f"nested deeper than the parser reads ({MAX_LEVEL // 2} lists or {MAX_LEVEL} "
                f"quotes): read flat, as items of the enclosing bullet: {_lines(first, last)}",
            )
        )
    return sorted(problems)


# Parsing a long text in two parts. A blank line and then an ATX heading at column 0 end
# every block opened before them (a list item would need the heading indented; quotes,
# paragraphs, tables and type 6-7 HTML blocks end at the blank line) but two: a fenced code
# block and an HTML block that only its closing marker ends (types 1-5: <!--, <pre>,
# <script>, <?, <!X, CDATA). Before the heading, the parse looks past it only for those
# (parse_before refuses the cut when one reaches it) and for link reference definitions
# (any inline of the text may use one: a text that may define one is never cut). From the
# heading on, the parse starts at the top level as if the text began there: the guards'
# problems and caches never reach across a non-blank top-level line, and markdown-it's
# loose/tight flag is saved and restored by the list rule, never read at the top level.

#: markdown-it's line breaks (its ``normalize`` rule makes each one ``\n``).
_NEWLINES = re.compile(r"\r\n?|\n")
#: A blank line (spaces and tabs only, as markdown-it's ``isEmpty``) and then an ATX heading
#: at column 0; the match ends where the heading's line begins.
_CUT = re.compile(r"\n[ \t]*\n(?=#{1,6}[ \t])")
#: The blocks that end only at a closing line: a scan for it may reach past a cut.
_SCANNED = frozenset({"fence", "html_block"})


@dataclass(frozen=True, slots=True)
class Cut:
    """A line where a text may be parsed in two parts: ``src`` is the text with markdown-it's
    line breaks (each one ``\\n``), ``line`` (0-based) an ATX heading at column 0 after a
    blank line and ``offset`` the index in ``src`` where that line begins."""

    src: str
    line: int
    offset: int


def _source(text: str) -> str | None:
    """``text`` with markdown-it's line breaks, or None when it may define a link reference:
    a definition's label ends with ``]:``, and every inline of the text (before and after any
    cut) may use it."""
    if "]:" in text:
        return None
    return _NEWLINES.sub("\n", text) if "\r" in text else text


def cuts(text: str) -> list[Cut]:
    """Every line ``text`` may be cut at, in order (none when it may define a reference)."""
    src = _source(text)
    if src is None:
        return []
    return [Cut(src, src.count("\n", 0, m.end()), m.end()) for m in _CUT.finditer(src)]


def find_cut(text: str, share: float, low: float, high: float) -> Cut | None:
    """The cut nearest ``share`` of the text (as a fraction of its characters) among those
    between ``low`` and ``high`` of it, or None (the text is then parsed in one piece)."""
    src = _source(text)
    if src is None:
        return None
    target = int(len(src) * share)
    found = _CUT.finditer(src, int(len(src) * low), int(len(src) * high))
    best = min(found, key=lambda m: abs(m.end() - target), default=None)
    if best is None:
        return None
    return Cut(src, src.count("\n", 0, best.end()), best.end())


def _runs_to(line: int, tokens: list[Any], env: dict[str, Any]) -> bool:
    """Whether a fence or a type 1-5 HTML block of the text before ``line`` was read up to
    ``line``: in the whole text it would read on (to its closing line, or, unclosed, to the
    end of the text, and be reported so), so that part is not parsed as in the whole."""
    if any(seen[1] >= line for seen in env.get(_UNCLOSED, {}).values()):
        return True  # an unclosed block, cut after its opening line
    last = tokens[-1] if tokens else None
    return last is not None and last.type in _SCANNED and last.map[1] >= line


def parse_before(cut: Cut) -> tuple[list[Any], list[tuple[int, str, str, str]]] | None:
    """Tokens and problems of the lines before ``cut`` as :func:`parse` gives them for the
    whole text, or None when a block before it reaches it (then parse the text whole)."""
    env: dict[str, Any] = {}
    tokens = parser().parse(cut.src[: cut.offset], env)
    if _runs_to(cut.line, tokens, env):
        return None
    return tokens, _problems(env)


def parse_after(cut: Cut) -> tuple[list[Any], list[tuple[int, str, str, str]]]:
    """Tokens and problems of the lines from ``cut`` on as :func:`parse` gives them for the
    whole text (when :func:`parse_before` does not refuse the cut): the lines before it are
    read as blank lines, so lines are numbered as in the whole text."""
    env: dict[str, Any] = {}
    tokens = parser().parse("\n" * cut.line + cut.src[cut.offset :], env)
    return tokens, _problems(env)
