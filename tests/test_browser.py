"""The built site in a real browser (Debian's chromium through Playwright), used as a reader would."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

from .browser import (
    DEMO,
    EN_LABELS,
    HOME,
    ID_LABELS,
    LABELS,
    MOBILE,
    Reader,
    SiteServer,
    assert_in_viewport,
    geometry,
    open_reader,
    screenshot,
    top_in_view,
)
from .browser import chromium_fixture as _chromium  # noqa: F401 - fixtures, found by pytest
from .browser import reader_fixture as _reader  # noqa: F401
from .browser import server_fixture as _server  # noqa: F401
from .browser import site_fixture as _site  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CLAIMS = ["panel-vetoed", "cooperation-peaceful"]
STATUSES = ["confirmed", "position"]
SOURCES = ["un-sc15648", "anews-2025"]
# Where each claim cites its sources, as the demo fixture writes it.
CITATIONS = {"panel-vetoed": ["un-sc15648"], "cooperation-peaceful": ["anews-2025"]}
UI = {
    "id": {"sources": "Sumber", "claimed_by": "Diklaim oleh", "translation": "Baca dalam bahasa Inggris"},
    "en": {"sources": "Sources", "claimed_by": "Claimed by", "translation": "Read in Indonesian"},
}
OTHER = {"id": "en", "en": "id"}
# Short enough that the source table starts below the fold of the demo explainer: a click that
# does not scroll cannot pass the viewport checks.
SHORT = {"width": 1280, "height": 600}


def _short_reader(chromium: Any, server: SiteServer, **options: Any) -> Reader:
    return open_reader(chromium, server, viewport=SHORT, color_scheme="light", **options)


def _assert_explainer_in(page: Any, language: str) -> None:
    """Every claim box of the demo explainer is shown, with its labels in ``language``."""
    assert page.evaluate("document.documentElement.lang") == language
    boxes = page.locator("article.claim")
    assert boxes.evaluate_all("els => els.map(e => e.id)") == [f"claim-{c}" for c in CLAIMS]
    for index, (claim, status) in enumerate(zip(CLAIMS, STATUSES, strict=True)):
        box = boxes.nth(index)
        assert box.is_visible(), f"claim box #{claim} is not visible"
        assert box.get_attribute("data-claim-status") == status
        label = box.locator(".claim__status")
        assert label.is_visible()
        assert label.inner_text().strip() == LABELS[language][status]
        text = box.locator(".claim__text")
        assert text.is_visible() and text.get_attribute("lang") == language and text.inner_text().strip()
        assert box.locator(".claim__sources-label").inner_text().strip() == UI[language]["sources"]
        assert box.locator(".claim__meta dt").first.inner_text().strip() == UI[language]["claimed_by"]
        assert box.locator(".claim__translation summary").inner_text().strip() == UI[language]["translation"]
    assert page.locator("h2#sources").inner_text().strip().removesuffix("¶") == UI[language]["sources"]


def _switch_language(page: Any, to: str) -> None:
    """Open Material's language selector in the header, as a mouse user does, and pick ``to``."""
    select = page.locator(".md-header__option .md-select")
    select.locator("button").hover()
    link = select.locator(f"a.md-select__link[hreflang={to}]")
    link.wait_for(state="visible")
    link.click()


# -- reading an explainer ---------------------------------------------------------------------

def test_indonesian_explainer_shows_every_claim_box_in_indonesian(reader: Reader) -> None:
    reader.goto(DEMO["id"])
    _assert_explainer_in(reader.page, "id")
    labels = reader.page.locator("article.claim .claim__status").all_inner_texts()
    assert [label.strip() for label in labels] == [ID_LABELS["confirmed"], ID_LABELS["position"]]
    assert reader.errors() == []


@pytest.mark.parametrize(("start", "to"), [("id", "en"), ("en", "id")])
def test_language_switch_leads_to_the_same_explainer(reader: Reader, start: str, to: str) -> None:
    reader.goto(DEMO[start])
    _assert_explainer_in(reader.page, start)
    _switch_language(reader.page, to)
    reader.page.wait_for_url(lambda url: urlsplit(url).path.endswith("/" + DEMO[to]))
    reader.page.wait_for_load_state("load")
    assert urlsplit(reader.page.url).path == "/" + DEMO[to]
    _assert_explainer_in(reader.page, to)
    if to == "en":
        labels = reader.page.locator("article.claim .claim__status").all_inner_texts()
        assert [label.strip() for label in labels] == [EN_LABELS["confirmed"], EN_LABELS["position"]]
    assert reader.errors() == []


def test_the_other_language_text_opens_in_the_box(reader: Reader) -> None:
    reader.goto(DEMO["id"])
    box = reader.page.locator("#claim-panel-vetoed")
    other = box.locator(".claim__translation [lang=en]")
    assert not other.is_visible()  # folded away until asked for
    box.locator(".claim__translation summary").click()
    assert other.is_visible()
    assert other.inner_text().strip().startswith("Russia vetoed")


# -- citations, permalinks and back-links ------------------------------------------------------

@pytest.mark.parametrize("language", ["id", "en"])
def test_citation_link_brings_its_source_row_into_view(chromium: Any, server: SiteServer, language: str) -> None:
    with _short_reader(chromium, server) as reader:
        for claim, sources in CITATIONS.items():
            for source in sources:
                reader.goto(DEMO[language])
                page = reader.page
                row = page.locator(f"ol.sources > li#source-{source}")
                assert not top_in_view(geometry(row)), "test setup: the source row is already in view"
                link = page.locator(f"#claim-{claim} .claim__citations a[href='#source-{source}']")
                link.click()
                page.wait_for_url(f"**#source-{source}")
                assert_in_viewport(row, f"source row #source-{source} after clicking the citation in #claim-{claim}")
        assert reader.errors() == []


@pytest.mark.parametrize("language", ["id", "en"])
def test_claim_permalink_opens_with_the_box_in_view(chromium: Any, server: SiteServer, language: str) -> None:
    with _short_reader(chromium, server) as reader:
        reader.goto(DEMO[language])
        permalinks = {
            claim: urljoin(reader.page.url, reader.page.locator(f"#claim-{claim} a.claim__permalink").get_attribute("href"))
            for claim in CLAIMS
        }
        for claim, url in permalinks.items():
            assert url.endswith(f"/{DEMO[language]}#claim-{claim}")
            reader.page.goto("about:blank")
            reader.page.goto(url, wait_until="load")
            assert_in_viewport(reader.page.locator(f"article#claim-{claim}"), f"claim box #claim-{claim} at {url}")
        assert reader.errors() == []


@pytest.mark.parametrize("language", ["id", "en"])
def test_back_link_in_a_source_row_returns_to_the_claim(chromium: Any, server: SiteServer, language: str) -> None:
    with _short_reader(chromium, server) as reader:
        for claim, sources in CITATIONS.items():
            for source in sources:
                reader.page.goto("about:blank")
                reader.goto(f"{DEMO[language]}#source-{source}")
                page = reader.page
                box = page.locator(f"article#claim-{claim}")
                assert not top_in_view(geometry(box)), "test setup: the claim box is already in view"
                page.locator(f"li#source-{source} a.sources__backlink[href='#claim-{claim}']").click()
                page.wait_for_url(f"**#claim-{claim}")
                assert_in_viewport(box, f"claim box #claim-{claim} after the back-link in #source-{source}")
        assert reader.errors() == []


# -- errors, scripts and requests -------------------------------------------------------------

PAGES = [
    HOME["id"], HOME["en"], DEMO["id"], DEMO["en"], "methodology/", "en/methodology/",
    "explainers/pending/", "en/explainers/pending/", "explainers/hostile/", "en/explainers/hostile/",
]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_no_console_errors_and_nothing_leaves_the_site(reader: Reader, path: str) -> None:
    reader.goto(path)
    reader.page.wait_for_load_state("networkidle")  # Material's scripts fetch and log after load
    assert reader.errors() == []
    assert reader.dialogs == []  # the hostile fixture's alert() never runs
    # Nothing leaves 127.0.0.1: no fonts, no analytics, and no sitemap look-ups at the
    # production host (the hreflang links, x-default included, are relative).
    assert reader.outside_requests == []


# -- without JavaScript -----------------------------------------------------------------------

@pytest.mark.parametrize("language", ["id", "en"])
def test_without_javascript_boxes_and_sources_are_all_there(chromium: Any, server: SiteServer, language: str) -> None:
    with open_reader(chromium, server, viewport=SHORT, java_script_enabled=False) as reader:
        reader.goto(DEMO[language])
        page = reader.page
        assert page.evaluate("1 + 1") == 2  # evaluate still works: only the page's own scripts are off
        assert page.locator("html").get_attribute("class") == "no-js"  # Material's JS never ran
        _assert_explainer_in(page, language)
        sources = page.locator("ol.sources")
        assert sources.count() == 1 and sources.is_visible()
        rows = sources.locator(":scope > li")
        assert rows.evaluate_all("els => els.map(e => e.id)") == [f"source-{s}" for s in SOURCES]
        for index in range(rows.count()):
            assert rows.nth(index).is_visible()
        for part in ("cite a", ".sources__publisher", ".sources__published time", ".sources__backlink"):
            assert rows.first.locator(part).inner_text().strip(), part
        # plain anchors still work
        page.locator("#claim-panel-vetoed .claim__citations a").first.click()
        assert_in_viewport(page.locator("li#source-un-sc15648"), "source entry without JavaScript")
        box = page.locator("#claim-panel-vetoed")
        box.locator(".claim__translation summary").click()
        assert box.locator(f".claim__translation [lang={OTHER[language]}]").is_visible()


# -- a 390 px phone ---------------------------------------------------------------------------

def _phone(chromium: Any, server: SiteServer) -> Reader:
    return open_reader(chromium, server, viewport=MOBILE, is_mobile=True, has_touch=True, color_scheme="light")


WIDTHS_JS = """() => ({scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
  bodyScrollWidth: document.body.scrollWidth,
  wide: [...document.querySelectorAll('body *')]
    .filter(e => !e.closest('.sources-scroll') && e.getBoundingClientRect().right > window.innerWidth + 0.5
                 && getComputedStyle(e).visibility !== 'hidden')
    .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : ''))})"""


def _assert_no_sideways_scroll(page: Any, where: str) -> None:
    widths = page.evaluate(WIDTHS_JS)
    # With is_mobile, chromium widens the layout viewport when content overflows: check both.
    assert widths["innerWidth"] == MOBILE["width"], f"{where}: the layout viewport grew: {widths}"
    assert widths["scrollWidth"] <= widths["innerWidth"], f"{where}: the page scrolls sideways: {widths}"


SOURCE_PARTS = ("cite a", ".sources__publisher", ".sources__published", ".sources__backlink")


def _assert_sources_fit(page: Any, width: int, where: str) -> None:
    """Everything a reader needs of each source is inside the screen: no sideways scroll, inner or outer."""
    sources = page.locator("ol.sources")
    rect = geometry(sources)
    assert rect["left"] >= 0 and rect["right"] <= width, f"{where}: the source list overflows: {rect}"
    outside = sources.evaluate("""(list, parts) => [...list.querySelectorAll(parts.join(','))]
        .filter(e => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > window.innerWidth + 0.5; })
        .map(e => e.className || e.tagName)""", list(SOURCE_PARTS))
    assert outside == [], f"{where}: parts of the source list are off the screen: {outside}"
    scrollers = sources.evaluate("l => [l, ...l.querySelectorAll('*')].filter(e => e.scrollWidth > e.clientWidth + 1"
                                 " && getComputedStyle(e).overflowX !== 'visible').length")
    assert scrollers == 0, f"{where}: something in the source list scrolls sideways"


@pytest.mark.parametrize("width", [MOBILE["width"], 1280])
@pytest.mark.parametrize("language", ["id", "en"])
def test_the_source_list_is_readable_without_sideways_scrolling(chromium: Any, server: SiteServer, language: str,
                                                                width: int) -> None:
    with open_reader(chromium, server, viewport={"width": width, "height": 844}, color_scheme="light") as reader:
        reader.goto(DEMO[language])
        _assert_sources_fit(reader.page, width, DEMO[language])
        entry = reader.page.locator("li#source-un-sc15648")
        for part in SOURCE_PARTS:
            assert entry.locator(part).first.is_visible(), part


@pytest.mark.parametrize("path", [HOME["id"], HOME["en"], DEMO["id"], DEMO["en"]], ids=lambda p: p or "home")
def test_at_390px_nothing_scrolls_sideways(chromium: Any, server: SiteServer, path: str) -> None:
    with _phone(chromium, server) as reader:
        reader.goto(path)
        page = reader.page
        _assert_no_sideways_scroll(page, path or "home")
        if path in DEMO.values():
            width = MOBILE["width"]
            boxes = page.locator("article.claim")
            assert boxes.count() == len(CLAIMS)
            for index in range(boxes.count()):
                rect = geometry(boxes.nth(index))
                assert rect["left"] >= 0 and rect["right"] <= width, f"claim box {index + 1} is wider than the screen: {rect}"
                text = boxes.nth(index).locator(".claim__text")
                assert text.evaluate("e => e.scrollWidth <= e.clientWidth"), "the claim text is cut off"
            _assert_sources_fit(page, width, path)
            # Material's language menu, opened with a tap, stays on the screen too.
            page.locator(".md-header__option .md-select button").tap()
            menu = page.locator(".md-header__option .md-select__inner")
            language = "id" if path == DEMO["id"] else "en"
            link = menu.locator(f"a[hreflang={OTHER[language]}]")
            link.wait_for(state="visible")
            rect = geometry(menu)
            assert rect["left"] >= 0 and rect["right"] <= width, f"the language menu overflows: {rect}"
            _assert_no_sideways_scroll(page, f"{path} with the language menu open")
        assert reader.errors() == []


# -- screenshots for people to look at --------------------------------------------------------

@pytest.mark.parametrize("language", ["id", "en"])
def test_screenshots_light_dark_and_mobile(chromium: Any, server: SiteServer, language: str) -> None:
    shots = {
        "light": {"color_scheme": "light"},
        "dark": {"color_scheme": "dark"},
        "mobile": {"color_scheme": "light", "viewport": MOBILE, "is_mobile": True, "has_touch": True},
    }
    for name, options in shots.items():
        with open_reader(chromium, server, **options) as reader:
            reader.goto(DEMO[language])
            page = reader.page
            scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            assert scheme == ("slate" if name == "dark" else "default"), f"{name}: Material chose {scheme}"
            path = screenshot(page, f"explainer-{language}-{name}")
            assert path.stat().st_size > 10_000, path


@pytest.mark.parametrize(("width", "form_shown"), [(1280, True), (390, False)])
def test_the_header_offers_one_way_to_search_at_each_width(
    chromium: Any, server: SiteServer, width: int, form_shown: bool
) -> None:
    with open_reader(chromium, server, viewport={"width": width, "height": 800}) as reader:
        reader.goto(DEMO["en"])
        form = reader.page.locator("form.explainers-search")
        link = reader.page.locator("a.explainers-search__link")
        assert form.is_visible() is form_shown and link.is_visible() is not form_shown
        if form_shown:
            reader.page.fill("#explainers-search-q", "panel")
            reader.page.press("#explainers-search-q", "Enter")
        else:
            link.click()
        reader.page.wait_for_load_state("load")
        assert reader.page.url.split("?")[0].endswith("/en/search/")


def test_search_results_show_hostile_titles_as_text(reader: Reader) -> None:
    """Pagefind's excerpt is inserted as HTML (for its <mark>): what it quotes from a page stays text."""
    reader.goto("search/?q=alert")
    reader.page.wait_for_selector("#search-results li", timeout=15000)
    results = reader.page.locator("#search-results")
    assert "<script>alert('title')</script>" in results.inner_text()
    assert results.locator("script, img, iframe").count() == 0
    assert reader.dialogs == [] and reader.errors() == []
