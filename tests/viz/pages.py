"""Fixtures of the page tests (imported by them): the payload list's graph, a headless Chromium.

Browser tests drive the system's Chromium (Debian's ``chromium`` package, which
``.ci/run`` installs) through Playwright; nothing is downloaded. Without Chromium or
Playwright they skip with the reason, except under CI (``CI`` set), where they fail.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
PAYLOADS = FIXTURES / "payloads.md"
CHROMIUM = Path(os.environ.get("MLSYS_GRAPH_CHROMIUM", "/usr/bin/chromium"))
#: Chromium flags: no sandbox (root in containers), no GPU, no background traffic.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


#: Records every element that could carry a payload (images, frames, SVG, an on...
#: attribute) added to the document after it loaded: ``window.__injected``.
WATCH = """
window.__injected = [];
document.addEventListener("DOMContentLoaded", () => {
  const risky = (el) => /^(img|svg|iframe|object|embed|video|audio|script|link|meta)$/i
    .test(el.tagName) || [...el.attributes].some((a) => /^on/i.test(a.name));
  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) {
        if (node.nodeType !== 1) continue;
        for (const el of [node, ...node.querySelectorAll("*")]) {
          if (risky(el)) window.__injected.push(el.outerHTML.slice(0, 200));
        }
      }
    }
  }).observe(document.documentElement, {childList: true, subtree: true});
});
"""


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"browser tests must run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def payload_graph():
    """The rdflib graph of fixtures/payloads.md (titles, names, summaries, links with
    script payloads that would set ``window.__xss``)."""
    from mlsys_graph.pipeline import build

    return build([str(PAYLOADS)]).graph


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ModuleNotFoundError:
        _unavailable("playwright is not installed (pip install -e '.[dev]')")
    if not CHROMIUM.is_file():
        _unavailable(f"{CHROMIUM} is absent (apt-get install chromium; .ci/run installs it)")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Visit:
    """One page opened offline: every request outside ``file:`` is aborted and recorded,
    console errors and uncaught exceptions are recorded."""

    def __init__(self, browser, path: Path, *, width: int = 1400, height: int = 900) -> None:
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.page.add_init_script(WATCH)
        self.page.route("**/*", self._route)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        self.page.goto(path.resolve().as_uri())

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith("file:") or url.startswith("about:"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _console(self, message) -> None:
        if message.type in ("error", "warning"):
            self.errors.append(f"{message.type}: {message.text}")

    def wait_drawn(self, frame=None) -> None:
        (frame or self.page).wait_for_function(
            "window.mlsysGraph && window.mlsysGraph.firstDrawMs !== null", timeout=60_000
        )

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser):
    opened = []

    def open_page(path: Path, **size) -> Visit:
        v = Visit(browser, path, **size)
        opened.append(v)
        return v

    yield open_page
    for v in opened:
        v.close()
