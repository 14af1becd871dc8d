"""Accessibility of the built site: axe-core in chromium, the status badges' contrast, keyboard and language."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from .browser import (
    ARTIFACTS,
    DEMO,
    HOME,
    LABELS,
    MOBILE,
    Reader,
    SiteServer,
    assert_in_viewport,
    fixture_texts,
    open_reader,
)
from .browser import chromium_fixture as _chromium  # noqa: F401 - fixtures, found by pytest
from .browser import server_fixture as _server  # noqa: F401
from .conftest import FIXTURES
from .sitebuild import Build, build, make_project

pytestmark = pytest.mark.slow

# An explainer whose body places its boxes in the text and cites one claim three times, in both
# languages: the demo's claims and sources (real, sourced), with another body.
CITED = {"id": "explainers/citations/", "en": "en/explainers/citations/"}
CITED_BODIES = {
    "id": ("## Veto\n\nPada Maret 2024 Rusia memveto perpanjangan panel ahli [[panel-vetoed]]. "
           "Panel itu berakhir April 2024 [[panel-vetoed]].\n\n::: claim panel-vetoed\n\n"
           "## Sikap Pyongyang\n\nKorea Utara menyebut kerja samanya dengan Rusia damai [[cooperation-peaceful]], "
           "setelah veto [[panel-vetoed]].\n\n::: claim cooperation-peaceful\n\n::: sources\n"),
    "en": ("## The veto\n\nIn March 2024 Russia vetoed the renewal of the panel [[panel-vetoed]]. "
           "The panel ended in April 2024 [[panel-vetoed]].\n\n::: claim panel-vetoed\n\n"
           "## Pyongyang's position\n\nNorth Korea calls its cooperation with Russia peaceful [[cooperation-peaceful]], "
           "after the veto [[panel-vetoed]].\n\n::: claim cooperation-peaceful\n\n::: sources\n"),
}
BOX_NAMES = {
    "id": {"panel-vetoed": "Klaim 1 · Terkonfirmasi", "cooperation-peaceful": "Klaim 2 · Pernyataan sikap"},
    "en": {"panel-vetoed": "Claim 1 · Confirmed", "cooperation-peaceful": "Claim 2 · Stated position"},
}
MARKER_NAMES = {
    "id": {"panel-vetoed": "Klaim 1, Terkonfirmasi", "cooperation-peaceful": "Klaim 2, Pernyataan sikap"},
    "en": {"panel-vetoed": "Claim 1, Confirmed", "cooperation-peaceful": "Claim 2, Stated position"},
}


def _with_body(text: str, body: str) -> str:
    front, _, _ = text.partition("\n---\n")
    return f"{front}\n---\n\n{body}"


@pytest.fixture(scope="module", name="site")
def site_fixture(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The fixture site, plus the explainer ``citations`` (boxes in the text, a claim cited three times)."""
    texts = fixture_texts()
    texts["citations.md"] = _with_body((FIXTURES / "valid/demo.md").read_text(encoding="utf-8"), CITED_BODIES["id"])
    texts["citations.en.md"] = _with_body((FIXTURES / "valid/demo.en.md").read_text(encoding="utf-8"), CITED_BODIES["en"])
    result = build(make_project(tmp_path_factory.mktemp("site"), texts))
    assert result.returncode == 0, result.output
    return result

SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's palette
BLOCKING = {"serious", "critical"}
AA_NORMAL_TEXT = 4.5


def _reader(chromium: Any, server: SiteServer, scheme: str, path: str) -> Reader:
    reader = open_reader(chromium, server, color_scheme=scheme)
    reader.goto(path)
    chosen = reader.page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert chosen == SCHEMES[scheme], f"Material chose the {chosen!r} palette for prefers-color-scheme: {scheme}"
    return reader


# -- axe-core ---------------------------------------------------------------------------------

def _describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    target: {target}")
            for check in node.get("any", []) + node.get("all", []) + node.get("none", []):
                lines.append(f"      - {check['message']}")
    return "\n".join(lines)


AXE_PAGES = [HOME["id"], HOME["en"], DEMO["id"], DEMO["en"], "en/explainers/pending/", CITED["id"], CITED["en"]]


@pytest.mark.browser
@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("path", AXE_PAGES, ids=lambda p: p or "home")
def test_axe_finds_no_serious_or_critical_violations(chromium: Any, server: SiteServer, path: str, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    with _reader(chromium, server, scheme, path) as reader:
        results = Axe().run(reader.page)
        violations = [v for v in results.response["violations"] if v["impact"] in BLOCKING]
        assert not violations, f"axe-core on /{path} ({scheme}):\n{_describe(violations)}"


# -- status badges: WCAG AA contrast ----------------------------------------------------------

# Each badge's text colour and the background colours behind it, innermost first, up to the
# first opaque one (so that translucent backgrounds are composited as the browser paints them).
COLOURS_JS = """els => els.map(el => {
  const layers = [];
  for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
    const bg = getComputedStyle(node).backgroundColor;
    layers.push(bg);
    if (/^rgb\\(/.test(bg) || /^rgba\\(.*,\\s*1\\)$/.test(bg)) break;
  }
  return {text: el.textContent.trim(), className: el.className, color: getComputedStyle(el).color, layers,
          opacity: getComputedStyle(el).opacity};
})"""

_NUMBER = r"\s*([0-9.]+%?)\s*"
_RGB = re.compile(rf"rgba?\({_NUMBER},{_NUMBER},{_NUMBER}(?:,{_NUMBER})?\)")
_SRGB = re.compile(rf"color\(srgb{_NUMBER}{_NUMBER}{_NUMBER}(?:/{_NUMBER})?\)")

Rgba = tuple[float, float, float, float]


def parse_colour(value: str) -> Rgba:
    """A computed CSS colour as (r, g, b, alpha), channels 0-255."""
    value = value.strip()
    if match := _RGB.fullmatch(value):
        r, g, b, a = match.groups()
        return float(r), float(g), float(b), _alpha(a)
    if match := _SRGB.fullmatch(value):
        r, g, b, a = match.groups()
        return float(r) * 255, float(g) * 255, float(b) * 255, _alpha(a)
    raise ValueError(f"cannot read the computed colour {value!r}")


def _alpha(text: str | None) -> float:
    if text is None:
        return 1.0
    return float(text[:-1]) / 100 if text.endswith("%") else float(text)


def composite(top: Rgba, bottom: Rgba) -> Rgba:
    """``top`` painted over an opaque ``bottom``."""
    alpha = top[3]
    r, g, b = (alpha * t + (1 - alpha) * u for t, u in zip(top[:3], bottom[:3], strict=True))
    return r, g, b, 1.0


def relative_luminance(colour: Rgba) -> float:
    """WCAG 2.x relative luminance of an opaque sRGB colour."""
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(one: Rgba, other: Rgba) -> float:
    lighter, darker = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_formula_matches_wcag_reference_values() -> None:
    black, white = parse_colour("rgb(0, 0, 0)"), parse_colour("rgb(255, 255, 255)")
    assert contrast_ratio(black, white) == pytest.approx(21.0)
    assert contrast_ratio(white, white) == pytest.approx(1.0)
    # #767676 on white is the well-known lightest grey that passes AA (4.54:1)
    assert contrast_ratio(parse_colour("rgb(118, 118, 118)"), white) == pytest.approx(4.54, abs=0.01)
    half = composite(parse_colour("rgba(0, 0, 0, 0.5)"), white)
    assert half[:3] == pytest.approx((127.5, 127.5, 127.5))


def _badge_contrasts(page: Any) -> list[tuple[str, str, float]]:
    found = []
    for badge in page.locator(".claim__status").evaluate_all(COLOURS_JS):
        background: Rgba = (255.0, 255.0, 255.0, 1.0)  # the canvas, if every layer is translucent
        for layer in reversed(badge["layers"]):
            background = composite(parse_colour(layer), background)
        foreground = composite(parse_colour(badge["color"]), background)
        assert float(badge["opacity"]) == 1.0, badge
        status = next(c.split("--")[1] for c in badge["className"].split() if c.startswith("claim__status--"))
        found.append((status, badge["text"], contrast_ratio(foreground, background)))
    return found


@pytest.mark.browser
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_status_badges_meet_wcag_aa_contrast(chromium: Any, server: SiteServer, scheme: str) -> None:
    # The methodology page shows every status's badge; the explainer and the home page show
    # them in the boxes, the counts and the list of explainers.
    seen: dict[str, float] = {}
    failures = []
    for path in ("methodology/", "en/methodology/", DEMO["id"], DEMO["en"], HOME["id"]):
        with _reader(chromium, server, scheme, path) as reader:
            for status, text, ratio in _badge_contrasts(reader.page):
                seen[status] = min(ratio, seen.get(status, ratio))
                if ratio < AA_NORMAL_TEXT:
                    failures.append(f"/{path}: .claim__status--{status} {text!r}: {ratio:.2f}:1")
    assert set(seen) == set(LABELS["id"]), f"not every status was measured: {sorted(seen)}"
    assert not failures, f"status badges below {AA_NORMAL_TEXT}:1 ({scheme}):\n" + "\n".join(failures)


# -- keyboard: "skip to content" --------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("path", [HOME["id"], "methodology/", DEMO["id"], DEMO["en"]], ids=lambda p: p or "home")
def test_skip_link_lands_at_the_start_of_the_content(chromium: Any, server: SiteServer, path: str) -> None:
    """Material's first focusable element, "skip to content", must not skip the content itself."""
    with _reader(chromium, server, "light", path) as reader:
        page = reader.page
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.classList.contains('md-skip')"), "Tab does not reach the skip link"
        href = page.evaluate("document.activeElement.getAttribute('href')")
        page.keyboard.press("Enter")
        page.wait_for_url(f"**{href}")
        where = page.evaluate(
            """hash => {
              const target = document.getElementById(decodeURIComponent(hash.slice(1)));
              const h1 = document.querySelector('.md-content h1');
              if (!target || !h1) return {target: !!target, h1: !!h1};
              const after = !!(h1.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING)
                            && !target.contains(h1);
              const skipped = [...document.querySelectorAll('.md-content article.claim, .md-content__inner > p')]
                .filter(el => !!(el.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING))
                .map(el => el.id ? '#' + el.id : el.tagName.toLowerCase() + ': ' + el.textContent.trim().slice(0, 40));
              return {target: true, h1: true, after, tag: target.tagName.toLowerCase(), skipped};
            }""",
            href,
        )
        assert where.get("target") and where.get("h1"), f"/{path}: skip link {href!r}: {where}"
        assert not where["after"], (
            f"/{path}: the skip link {href!r} jumps to a <{where['tag']}> after the page's <h1>, "
            f"past: {where['skipped']}"
        )


# -- language of parts (WCAG 3.1.2) -----------------------------------------------------------

def _language_of(element: Any) -> str | None:
    for node in [element, *element.parents]:
        if getattr(node, "attrs", None) and node.get("lang"):
            return str(node["lang"])
    return None


def test_untranslated_body_on_an_english_page_is_marked_indonesian(site: Build) -> None:
    """The English fallback page shows the Indonesian body: screen readers must read it as Indonesian."""
    page = site.page("en/explainers/pending/index.html")
    assert page.html["lang"] == "en"
    body = page.find("p", string=re.compile("Badan teks hanya dalam bahasa Indonesia"))
    title = page.select_one(".md-content h1")
    assert body is not None and title is not None
    problems = []
    for element, what in ((body, "the Indonesian body paragraph"), (title, "the Indonesian title <h1>")):
        language = _language_of(element)
        if language != "id":
            problems.append(f"{what} {element.get_text(strip=True)!r} is read as lang={language!r}")
    assert not problems, "\n".join(problems)
    notice = page.select_one(".translation-pending")
    assert notice is not None and _language_of(notice) == "en"


# -- claims, markers and back-links in the accessibility tree ---------------------------------

def _name(locator: Any) -> str:
    """The computed accessible name of an element, as Chromium's accessibility tree gives it."""
    first = yaml.safe_load(locator.aria_snapshot())[0]  # a YAML list: "role \"name\" [attributes]" or {that: children}
    line = first if isinstance(first, str) else next(iter(first))
    match = re.match(r'[\w-]+(?: "((?:[^"\\]|\\.)*)")?', line)
    assert match is not None, line
    return (match.group(1) or "").replace('\\"', '"')


@pytest.mark.browser
@pytest.mark.parametrize("language", ["id", "en"])
def test_boxes_and_markers_say_number_and_status_in_the_page_language(chromium: Any, server: SiteServer,
                                                                     language: str) -> None:
    with _reader(chromium, server, "light", CITED[language]) as reader:
        page = reader.page
        for claim, name in BOX_NAMES[language].items():
            box = page.get_by_role("article", name=name, exact=True)
            assert box.get_attribute("id") == f"claim-{claim}", name
            assert box.get_attribute("tabindex") == "-1"
            heading = box.get_by_role("heading", level=3, name=name, exact=True)
            assert heading.count() == 1, f"no heading {name!r} in its box"
            status = heading.get_by_role("link")
            assert status.get_attribute("href") == f"../../methodology/#status-{box.get_attribute('data-claim-status')}"
        for claim, name in MARKER_NAMES[language].items():
            markers = page.get_by_role("link", name=name, exact=True)
            expected = 3 if claim == "panel-vetoed" else 1
            assert markers.count() == expected, name
            assert [markers.nth(i).get_attribute("id") for i in range(expected)] == [
                f"cite-{claim}-{n}" for n in range(1, expected + 1)]
        assert reader.errors() == []


@pytest.mark.browser
@pytest.mark.parametrize("language", ["id", "en"])
def test_box_links_back_to_each_citation_and_a_marker_leads_into_the_box(chromium: Any, server: SiteServer,
                                                                        language: str) -> None:
    with open_reader(chromium, server, viewport={"width": 1280, "height": 500}, color_scheme="light") as reader:
        reader.goto(CITED[language])
        page = reader.page
        backlinks = page.locator("#claim-panel-vetoed a.claim__backlink")
        assert backlinks.count() == 3
        for n in range(1, 4):
            page.locator("#claim-panel-vetoed").scroll_into_view_if_needed()
            backlinks.nth(n - 1).click()
            page.wait_for_url(f"**#cite-panel-vetoed-{n}")
            marker = page.locator(f"#cite-panel-vetoed-{n}")
            assert_in_viewport(marker, f"citation {n} after its back-link")
            page.wait_for_function(f"document.activeElement && document.activeElement.id === 'cite-panel-vetoed-{n}'")
        page.locator("#cite-cooperation-peaceful-1").click()
        page.wait_for_url("**#claim-cooperation-peaceful")
        assert_in_viewport(page.locator("#claim-cooperation-peaceful"), "the box after its marker")
        page.wait_for_function("document.activeElement && document.activeElement.id === 'claim-cooperation-peaceful'")
        assert reader.errors() == []


@pytest.mark.browser
def test_marker_preview_is_readable_and_esc_dismisses_it(chromium: Any, server: SiteServer) -> None:
    with _reader(chromium, server, "light", CITED["en"]) as reader:
        page = reader.page
        preview = page.locator(".claim-preview")
        page.locator("#cite-panel-vetoed-1").hover()
        assert preview.is_visible()
        assert preview.inner_text().startswith("Claim 1 · Confirmed")
        assert float(preview.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 14
        page.keyboard.press("Escape")
        assert not preview.is_visible()
        page.locator("#cite-cooperation-peaceful-1").focus()
        assert preview.is_visible() and "Stated position" in preview.inner_text()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "focus-marker-preview.png"))
        page.keyboard.press("Escape")
        assert not preview.is_visible()
        assert page.evaluate("document.activeElement.id") == "cite-cooperation-peaceful-1"  # focus stays


@pytest.mark.browser
@pytest.mark.parametrize("path", [CITED["id"], CITED["en"], "methodology/", HOME["en"]])
def test_heading_names_carry_no_permalink_sign(chromium: Any, server: SiteServer, path: str) -> None:
    with _reader(chromium, server, "light", path) as reader:
        headings = reader.page.locator(".md-content").get_by_role("heading")
        names = [_name(headings.nth(i)) for i in range(headings.count())]
        assert len(names) >= 2
        assert [n for n in names if "¶" in n or not n.strip()] == [], names


@pytest.mark.browser
@pytest.mark.parametrize("language", ["id", "en"])
def test_language_links_say_their_language(chromium: Any, server: SiteServer, language: str) -> None:
    with _reader(chromium, server, "light", CITED[language]) as reader:
        links = reader.page.locator("a.md-select__link")
        pairs = links.evaluate_all("els => els.map(e => [e.getAttribute('hreflang'), e.getAttribute('lang')])")
        assert sorted(pairs) == [["en", "en"], ["id", "id"]]


# -- keyboard: every Tab stop in view, uncovered, with a visible ring ---------------------------

STOP_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  let ring = el;
  // The palette toggle: a visually hidden radio; its ring is drawn on the label shown.
  if (el.matches('input.md-option')) ring = [...el.parentElement.querySelectorAll('label')].find(l => l.offsetWidth > 0) || el;
  const r = ring.getBoundingClientRect();
  const style = getComputedStyle(ring);
  const cover = [...document.querySelectorAll('.md-header, .md-top:not([hidden])')].filter(c => !c.contains(el))
    .filter(c => { const b = c.getBoundingClientRect();
      if (!(b.height > 0 && b.bottom > r.top && b.top < r.bottom && b.right > r.left && b.left < r.right)) return false;
      const x = (Math.max(b.left, r.left) + Math.min(b.right, r.right)) / 2;
      const y = (Math.max(b.top, r.top) + Math.min(b.bottom, r.bottom)) / 2;
      const hit = document.elementFromPoint(x, y);
      return !!hit && c.contains(hit); });
  let hidden = false;
  for (let n = ring; n && n.nodeType === 1; n = n.parentElement) {
    const s = getComputedStyle(n);
    if (s.visibility === 'hidden' || s.display === 'none' || parseFloat(s.opacity) === 0) { hidden = true; break; }
  }
  const layers = [];
  const inset = parseFloat(style.outlineOffset) < 0;  // a ring drawn inside the element, on its own background
  const start = el.matches('.md-skip') ? document.querySelector('.md-header') : inset ? ring : ring.parentElement;
  for (let n = start; n && n.nodeType === 1; n = n.parentElement) {
    const bg = getComputedStyle(n).backgroundColor; layers.push(bg);
    if (/^rgb\\(/.test(bg) || /^rgba\\(.*,\\s*1\\)$/.test(bg)) break;
  }
  const tag = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '');
  const label = (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30);
  return {what: tag + (el.className ? '.' + String(el.className).split(' ')[0] : '') + ' ' + label,
          top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height,
          vw: window.innerWidth, vh: window.innerHeight, covered: cover.length > 0, hidden,
          outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth), outlineColor: style.outlineColor,
          opacity: parseFloat(style.opacity), layers};
}"""


def _walk(page: Any, key: str, limit: int = 300) -> list[dict[str, Any]]:
    stops: list[dict[str, Any]] = []
    seen: set[str] = set()
    for _ in range(limit):
        page.keyboard.press(key)
        page.wait_for_timeout(30)  # Material shows its back-to-top button on scrolling up
        stop = page.evaluate(STOP_JS)
        if stop is None:
            break
        if _stop_problems(stop):  # a menu or the skip link may still be fading in
            page.wait_for_timeout(400)
            stop = page.evaluate(STOP_JS)
        if stop["what"] in seen and len(stops) > 3 and stop["what"] == stops[0]["what"]:
            break
        seen.add(stop["what"])
        stops.append(stop)
    return stops


def _stop_problems(stop: dict[str, Any]) -> list[str]:
    problems = []
    if stop["hidden"] or stop["width"] <= 0 or stop["height"] <= 0:
        problems.append("invisible")
    elif stop["bottom"] <= 0 or stop["top"] >= stop["vh"] or stop["right"] <= 0 or stop["left"] >= stop["vw"]:
        problems.append(f"off screen {stop['left']:.0f},{stop['top']:.0f}")
    if stop["covered"]:
        problems.append(f"under the header or back-to-top button (top {stop['top']:.0f})")
    if stop["outlineStyle"] == "none" or stop["outlineWidth"] < 1.5:
        problems.append(f"no focus ring ({stop['outlineStyle']} {stop['outlineWidth']}px)")
    else:
        background: Rgba = (255.0, 255.0, 255.0, 1.0)
        for layer in reversed(stop["layers"]):
            background = composite(parse_colour(layer), background)
        ring = parse_colour(stop["outlineColor"])
        ring = composite((*ring[:3], ring[3] * stop["opacity"]), background)
        if (ratio := contrast_ratio(ring, background)) < 3:
            problems.append(f"focus ring {ratio:.1f}:1")
    return problems


@pytest.mark.browser
@pytest.mark.parametrize("direction", ["Tab", "Shift+Tab"])
@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("width", [MOBILE["width"], 1280])
def test_every_tab_stop_is_visible_uncovered_and_ringed(chromium: Any, server: SiteServer, width: int, scheme: str,
                                                        direction: str) -> None:
    options: dict[str, Any] = {"viewport": {"width": width, "height": 700}, "color_scheme": scheme}
    if width == MOBILE["width"]:
        options.update(is_mobile=True, has_touch=True)
    with open_reader(chromium, server, **options) as reader:
        reader.goto(CITED["id"])
        page = reader.page
        if direction == "Shift+Tab":
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
            page.locator("footer").last.evaluate("e => { e.tabIndex = -1; e.focus(); e.removeAttribute('tabindex'); }")
        stops = _walk(page, direction)
        assert len(stops) >= 15, [s["what"] for s in stops]
        assert any("cite-panel-vetoed" in s["what"] for s in stops), "the walk never reached the markers"
        problems = [f"{s['what']!r}: {', '.join(p)}" for s in stops if (p := _stop_problems(s))]
        assert not problems, f"{width}px {scheme} {direction}:\n" + "\n".join(problems)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_focus_states_screenshots(chromium: Any, server: SiteServer, scheme: str) -> None:
    """Screenshots for people to look at: a header control, a marker, a box's back-link, a source back-link."""
    ARTIFACTS.mkdir(exist_ok=True)
    with _reader(chromium, server, scheme, CITED["en"]) as reader:
        page = reader.page
        for name, selector in (("header-language", ".md-header .md-select button"), ("marker", "#cite-panel-vetoed-2"),
                               ("box-backlink", "#claim-panel-vetoed a.claim__backlink"),
                               ("source-backlink", "#source-un-sc15648 a.sources__backlink")):
            page.locator(selector).first.focus()
            page.keyboard.press("Shift+Tab")
            page.keyboard.press("Tab")  # focus from the keyboard, so :focus-visible applies
            page.screenshot(path=str(ARTIFACTS / f"focus-{name}-{scheme}.png"))
        palette = page.locator("input.md-option").first
        palette.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        page.screenshot(path=str(ARTIFACTS / f"focus-palette-{scheme}.png"), clip={"x": 0, "y": 0, "width": 1280, "height": 60})


# -- reading at 390 px: sizes of text and targets ---------------------------------------------

TEXT_SIZES_JS = """root => {
  const small = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || el.closest('[aria-hidden=true], script, style')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || getComputedStyle(el).visibility === 'hidden') continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    const what = `${el.tagName.toLowerCase()}.${el.className}`;
    if (size < 13.95) small.push(`${what}: ${size}px ${node.textContent.trim().slice(0, 30)}`);
  }
  return small;
}"""

TARGETS = ("ol.sources a", ".claim__citations a", "a.claim__backlink", "a.sources__backlink", ".claim-ref a",
           "a.claim__status", "a.claim__permalink")


@pytest.mark.browser
@pytest.mark.parametrize("language", ["id", "en"])
def test_at_390px_text_is_14px_and_list_links_24px(chromium: Any, server: SiteServer, language: str) -> None:
    with open_reader(chromium, server, viewport=MOBILE, is_mobile=True, has_touch=True, color_scheme="light") as reader:
        reader.goto(CITED[language])
        page = reader.page
        small = page.locator(".md-content").evaluate(TEXT_SIZES_JS)
        assert small == [], "text under 14 px:\n" + "\n".join(small)
        short = page.evaluate("""sels => sels.flatMap(sel => [...document.querySelectorAll(sel)].map(e => {
            const r = e.getBoundingClientRect(); return [sel, e.textContent.trim().slice(0, 20), r.width, r.height]; }))
            .filter(([, , w, h]) => h < 24 || w < 24)""", list(TARGETS))
        assert short == [], f"targets under 24 px: {short}"
        uppercase = page.evaluate("""() => [...document.querySelectorAll('.claim__status, .claim__stance')]
            .filter(e => getComputedStyle(e).textTransform === 'uppercase').length""")
        assert uppercase == 0


@pytest.mark.browser
def test_notes_are_at_body_size_in_lines_of_at_most_75_characters(chromium: Any, server: SiteServer) -> None:
    with _reader(chromium, server, "light", "explainers/hostile/") as reader:
        page = reader.page
        measures = page.evaluate("""() => [...document.querySelectorAll('.claim__note')].map(note => {
            const body = document.querySelector('.md-content p');
            const canvas = document.createElement('canvas').getContext('2d');
            const style = getComputedStyle(note);
            canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
            // Characters per line of ordinary prose in the note's font (the fixture's own text is hostile markup).
            const text = 'North Korea and Russia signed a treaty; the panel of experts ended its work in April.';
            const perChar = canvas.measureText(text).width / text.length;
            return {size: parseFloat(getComputedStyle(note).fontSize), body: parseFloat(getComputedStyle(body).fontSize),
                    perLine: note.getBoundingClientRect().width / perChar, width: note.getBoundingClientRect().width};
        })""")
        assert measures, "the hostile fixture has a note"
        for measure in measures:
            assert measure["size"] == measure["body"], measure
            assert measure["perLine"] <= 75, measure
