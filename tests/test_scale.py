"""A newsroom-sized site (SPEC section 9): 1,000 generated explainers, built once for this module.

Every page but an explainer stays under 200 KB, every explainer is reachable from its
language's home page in at most 4 links, the claims index leads to every claim's box,
and (in Chromium) a page view and a search each fetch at most 600 KB besides the HTML.
"""

from __future__ import annotations

import re
import sys
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from .browser import SiteServer, need_chromium, serving
from .browser import chromium_fixture as _chromium  # noqa: F401
from .conftest import ROOT
from .sitebuild import Build, build, make_project

sys.path.insert(0, str(ROOT / "benchmarks"))
import corpus

pytestmark = pytest.mark.slow
COUNT = 1000
KB = 1000


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = make_project(tmp_path_factory.mktemp("large"))
    corpus.write(root / "docs" / "explainers", COUNT)
    result = build(root)
    assert result.returncode == 0, result.output[-3000:]
    return result


def _links(site: Path, page: Path) -> Iterator[Path]:
    """The site pages a page links to (same site, as files)."""
    url = "http://site/" + page.relative_to(site).as_posix().removesuffix("index.html")
    html = page.read_text(encoding="utf-8")
    for href in re.findall(r'<a [^>]*href="([^"#]*)[^"]*"', html):
        target = urlparse(urljoin(url, href))
        if target.netloc != "site" or not target.path.endswith("/"):
            continue
        found = site / target.path.lstrip("/") / "index.html"
        if found.exists():
            yield found


@pytest.mark.parametrize("root", ["", "en/"])
def test_every_explainer_is_at_most_four_links_from_home(large: Build, root: str) -> None:
    site = large.site
    home = site / root / "index.html"
    depth = {home: 0}
    queue = deque([home])
    while queue:
        page = queue.popleft()
        if depth[page] == 4:
            continue
        for target in _links(site, page):
            if target not in depth:
                depth[target] = depth[page] + 1
                queue.append(target)
    explainers = {p for p in (site / root / "explainers").glob("*/index.html")}
    assert len(explainers) == COUNT
    assert explainers <= set(depth), sorted(str(p) for p in explainers - set(depth))[:5]


def test_no_page_but_an_explainer_is_over_200_kb(large: Build) -> None:
    heavy = [
        (p.relative_to(large.site), p.stat().st_size)
        for p in large.site.rglob("*.html")
        if "/explainers/" not in f"/{p.relative_to(large.site).as_posix()}" and p.stat().st_size > 200 * KB
    ]
    assert heavy == []
    assert (large.site / "index.html").stat().st_size < 100 * KB


def test_the_sitemap_is_a_small_index(large: Build) -> None:
    for index in (large.site / "sitemap.xml", large.site / "en" / "sitemap.xml"):
        text = index.read_text(encoding="utf-8")
        assert "<sitemapindex" in text and len(text) < 2 * KB
    english = (large.site / "en" / "sitemap-en.xml").read_text(encoding="utf-8")
    assert english.count("/en/explainers/") >= COUNT and "/en/claims/" in english
    assert "<loc>https://explainers.example.org/explainers/" not in english


@pytest.mark.parametrize("root", ["", "en/"])
def test_the_claims_index_leads_to_every_claim_box(large: Build, root: str) -> None:
    site = large.site
    boxes: set[str] = set()
    for page in (site / root / "claims").glob("*/**/index.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        for item in soup.select(".claims-index__item"):
            assert item.select_one(".claim__status").get_text(strip=True)
            assert item.select_one(".claims-index__explainer").get_text(strip=True)
            href = item.select_one(".claims-index__text a")["href"]
            boxes.add(urlparse(urljoin(f"http://site/{page.relative_to(site).parent.as_posix()}/", href)).path + "#"
                      + href.partition("#")[2])
    assert len(boxes) == COUNT * 10  # the corpus gives every explainer 10 claims
    sample = sorted(boxes)[:: COUNT]
    for box in sample:
        path, _, anchor = box.partition("#")
        page = (site / path.lstrip("/") / "index.html").read_text(encoding="utf-8")
        assert f'id="{anchor}"' in page


def _bytes(chromium: Any, server: SiteServer, path: str, wait_for: str | None = None) -> tuple[int, int, Any]:
    """(bytes of the page's HTML, bytes of everything else it fetched), and the page."""
    context = chromium.new_context()
    page = context.new_page()
    sizes: list[tuple[str, int]] = []
    page.on("requestfinished", lambda request: sizes.append((request.url, request.sizes()["responseBodySize"])))
    page.goto(server.url(path), wait_until="networkidle")
    if wait_for:
        page.wait_for_selector(wait_for, timeout=15000)
        page.wait_for_load_state("networkidle")
    html = sum(size for url, size in sizes if url == server.url(path))
    return html, sum(size for url, size in sizes if url != server.url(path)), (context, page)


@pytest.fixture(scope="module")
def large_server(large: Build) -> Iterator[SiteServer]:
    with serving(large.site) as server:
        yield server


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "en/", "explainers/explainer-00007/", "en/claims/disputed/", "archive/2/", "search/"])
def test_a_page_view_fetches_at_most_600_kb_besides_its_html(chromium: Any, large_server: SiteServer, path: str) -> None:
    need_chromium()
    _, other, (context, _page) = _bytes(chromium, large_server, path)
    context.close()
    assert other <= 600 * KB, f"{path}: {other} bytes"


@pytest.mark.browser
@pytest.mark.parametrize(("root", "query", "expect"), [("", "dibantah", "/explainers/"), ("en/", "denies", "/en/explainers/")])
def test_a_search_is_stemmed_in_the_page_language_and_light(
    chromium: Any, large_server: SiteServer, root: str, query: str, expect: str
) -> None:
    need_chromium()
    _empty_html, empty_other, (context, _page) = _bytes(chromium, large_server, f"{root}search/")
    context.close()
    _html, other, (context, page) = _bytes(chromium, large_server, f"{root}search/?q={query}", "#search-results li")
    links = page.eval_on_selector_all("#search-results a", "links => links.map(a => new URL(a.href).pathname)")
    context.close()
    assert links and all(link.startswith(expect) for link in links), links
    assert all(not link.startswith("/en/") for link in links) if root == "" else True
    assert other - empty_other <= 600 * KB, f"a query fetched {other - empty_other} bytes"
