"""Accessibility of the built site: axe-core in chromium, the status badges' contrast, keyboard and language."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .browser import (
    DEMO,
    HOME,
    LABELS,
    Reader,
    SiteServer,
    open_reader,
)
from .browser import chromium_fixture as _chromium  # noqa: F401 - fixtures, found by pytest
from .browser import server_fixture as _server  # noqa: F401
from .browser import site_fixture as _site  # noqa: F401
from .sitebuild import Build

pytestmark = pytest.mark.slow

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


AXE_PAGES = [HOME["id"], HOME["en"], DEMO["id"], DEMO["en"], "en/explainers/pending/"]


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
