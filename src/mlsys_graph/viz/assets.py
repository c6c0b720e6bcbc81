"""What the page is made of, and the rules that keep list text inert inside it.

* **vis-network** is read at render time from the installed pyvis package (its
  ``templates/lib/vis-<version>/vis-network.min.js``): never a copy committed here, never a
  CDN. The newest version pyvis ships is used.
* **Our template** (``templates/graph.html.j2``) is rendered by a Jinja2 environment with
  autoescape on; our script and style sheet (``page.js``, ``page.css``) are inlined.
* **Data** goes in as JSON inside ``<script type="application/json">`` with ``<``, ``>``,
  ``&``, U+2028 and U+2029 written as ``\\u`` escapes (:func:`script_json`), so no text can
  close the element or start markup.
* A **Content-Security-Policy** allows only the page's own inline scripts and style sheet,
  by their SHA-256 hashes (:func:`content_security_policy`): an injected ``<script>`` or
  ``onerror=`` attribute would not run even if escaping failed; nothing may be fetched.

>>> script_json({"title": "</script><img src=x onerror=alert(1)>"})
'{"title":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import cache
from pathlib import Path

from ..errors import MlsysGraphError

__all__ = [
    "TEMPLATE",
    "AssetError",
    "content_security_policy",
    "environment",
    "page_asset",
    "script_json",
    "vis_script",
]

HERE = Path(__file__).parent / "templates"
#: Our page template, inside ``templates/``.
TEMPLATE = "graph.html.j2"

_CLOSERS = re.compile(r"</(script|style)|<!--", re.IGNORECASE)
_VERSION = re.compile(r"vis-(\d+(?:\.\d+)*)$")


class AssetError(MlsysGraphError):
    """A part of the page is missing or cannot be inlined safely."""


def script_json(data) -> str:
    """JSON that can sit inside a ``<script>`` element and be read back with JSON.parse.

    >>> import json
    >>> text = script_json({"a": "<&>\\u2028\\u2029"})
    >>> json.loads(text) == {"a": "<&>\\u2028\\u2029"}, any(c in text for c in "<&>\\u2028\\u2029")
    (True, False)
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def _inline(text: str, what: str) -> str:
    """Text that may go verbatim inside a ``<script>`` or ``<style>`` element."""
    if _CLOSERS.search(text):
        raise AssetError(f"{what} contains '</script', '</style' or '<!--' and cannot be inlined")
    return text


@cache
def vis_script() -> tuple[str, str]:
    """The vis-network script shipped with the installed pyvis, and its version.

    >>> text, version = vis_script()
    >>> int(version.split(".")[0]) >= 9, "vis-network" in text[:200]
    (True, True)
    """
    from importlib.util import find_spec

    spec = find_spec("pyvis")  # found, not imported (pyvis imports IPython and networkx)
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - a dependency
        raise AssetError("pyvis is not installed: pip install pyvis")
    lib = Path(next(iter(spec.submodule_search_locations))) / "templates" / "lib"
    found = []
    for folder in lib.glob("vis-*"):
        match = _VERSION.search(folder.name)
        script = folder / "vis-network.min.js"
        if match and script.is_file():
            found.append((tuple(int(p) for p in match.group(1).split(".")), script))
    if not found:
        raise AssetError(f"no vis-network script under {lib}; reinstall pyvis")
    version, script = max(found)
    return _inline(script.read_text(encoding="utf-8"), str(script)), ".".join(map(str, version))


@cache
def page_asset(name: str) -> str:
    """Our own ``page.js`` or ``page.css``."""
    return _inline((HERE / name).read_text(encoding="utf-8"), name)


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(scripts: list[str], styles: list[str]) -> str:
    """The page's policy: only these inline scripts and style sheets, nothing fetched.

    >>> for part in content_security_policy(["x"], []).split("; "):
    ...     print(part)
    default-src 'none'
    script-src 'sha256-LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE='
    style-src 'none'
    img-src data:
    base-uri 'none'
    form-action 'none'
    """
    return "; ".join(
        [
            "default-src 'none'",
            "script-src " + (" ".join(_sha256(s) for s in scripts) or "'none'"),
            "style-src " + (" ".join(_sha256(s) for s in styles) or "'none'"),
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


@cache
def environment():
    """The Jinja2 environment of our templates: autoescape on, undefined names fail."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
