"""schema.org JSON-LD on the built explainer pages, read back with extruct as search engines' tools do."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlsplit

import extruct
import pytest
from bs4 import BeautifulSoup

from .browser import EXPLAINER_SLUGS, LABELS
from .browser import site_fixture as _site  # noqa: F401 - a fixture, found by pytest
from .sitebuild import Build

pytestmark = pytest.mark.slow

PAGES = [
    (f"{prefix}explainers/{slug}/index.html", language)
    for slug in EXPLAINER_SLUGS
    for prefix, language in (("", "id"), ("en/", "en"))
]


def _nodes(html: str) -> list[dict[str, Any]]:
    """Every top-level JSON-LD node on the page, ``@graph`` flattened."""
    blocks = extruct.extract(html, syntaxes=["json-ld"], errors="strict")["json-ld"]
    assert len(blocks) == 1, f"expected one JSON-LD block, found {len(blocks)}"
    nodes: list[dict[str, Any]] = []
    for block in blocks:
        nodes.extend(block.get("@graph", [block]))
        assert block.get("@context") in ("https://schema.org", "https://schema.org/", "http://schema.org"), block
    return nodes


def _of_type(nodes: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [n for n in nodes if n.get("@type") == kind or (isinstance(n.get("@type"), list) and kind in n["@type"])]


def _name(value: Any) -> str:
    """The name of a schema.org Person/Organization/Thing, or of the first of a list of them."""
    if isinstance(value, list):
        return _name(value[0]) if value else ""
    return str(value.get("name", "")).strip() if isinstance(value, dict) else ""


def _iso_date(value: Any) -> dt.date:
    return dt.date.fromisoformat(str(value)[:10])


def _read(site: Build, relative: str) -> tuple[str, BeautifulSoup]:
    html = (site.site / relative).read_text(encoding="utf-8")
    return html, BeautifulSoup(html, "lxml")


def test_every_built_explainer_page_is_checked(site: Build) -> None:
    built = {str(p.relative_to(site.site)) for p in site.site.glob("**/explainers/*/index.html")}
    assert built == {relative for relative, _ in PAGES}


@pytest.mark.parametrize(("relative", "language"), PAGES)
def test_every_claim_review_is_complete(site: Build, relative: str, language: str) -> None:
    html, page = _read(site, relative)
    assert page.html["lang"] == language
    canonical = page.select_one("link[rel=canonical]")["href"]
    reviews = _of_type(_nodes(html), "ClaimReview")
    assert reviews, "no ClaimReview on an explainer with checkable claims"
    labels = LABELS[language]
    for review in reviews:
        where = review.get("url", "?")
        assert isinstance(review.get("claimReviewed"), str) and review["claimReviewed"].strip(), where
        rating = review.get("reviewRating") or {}
        assert rating.get("alternateName") in labels.values(), (
            f"{where}: alternateName {rating.get('alternateName')!r} is not a {language} status label"
        )
        url = urlsplit(review.get("url", ""))
        assert url.scheme in ("http", "https") and url.netloc, f"the review url is not absolute: {where}"
        assert url.fragment.startswith("claim-"), f"the review url does not point at a claim box: {where}"
        assert review["url"].split("#")[0] == canonical, f"{where} is not on this page ({canonical})"
        box = page.find(id=url.fragment)
        assert box is not None, f"{where}: no element with id={url.fragment!r} on the page"
        assert "claim" in box.get("class", []), f"{where}: #{url.fragment} is not a claim box"
        status = box["data-claim-status"]
        assert rating["alternateName"] == labels[status], (
            f"{where}: the rating says {rating['alternateName']!r}, the box says {status!r}"
        )
        assert box.select_one(".claim__status").get_text(strip=True) == rating["alternateName"]
        text = box.select_one(f".claim__text[lang={language}]")
        assert text is not None and text.get_text(strip=True) == review["claimReviewed"].strip(), where
        assert _name(review.get("author")), f"{where}: no author"
        assert _iso_date(review.get("datePublished")), f"{where}: no datePublished"
        item = review.get("itemReviewed")
        assert isinstance(item, dict) and item, f"{where}: no itemReviewed"
        assert _name(item.get("author")), f"{where}: the reviewed claim has no claimant"
        for key in ("ratingValue", "bestRating", "worstRating"):
            assert key in rating, f"{where}: reviewRating has no {key}"
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"], where
        if "inLanguage" in review:
            assert review["inLanguage"] == language, where


@pytest.mark.parametrize(("relative", "language"), PAGES)
def test_one_review_per_checkable_claim_and_none_for_positions(site: Build, relative: str, language: str) -> None:
    html, page = _read(site, relative)
    reviewed = [urlsplit(r["url"]).fragment for r in _of_type(_nodes(html), "ClaimReview")]
    boxes = page.select("article.claim[data-claim-status]")
    checkable = [b["id"] for b in boxes if b["data-claim-status"] != "position"]
    positions = [b["id"] for b in boxes if b["data-claim-status"] == "position"]
    assert sorted(reviewed) == sorted(checkable), "one ClaimReview per checkable claim, and only those"
    assert not set(reviewed) & set(positions), f"a stated position has a ClaimReview: {set(reviewed) & set(positions)}"


def test_a_stated_position_is_on_the_page_but_not_reviewed(site: Build) -> None:
    for relative, _ in PAGES[:2]:  # demo, both languages
        html, page = _read(site, relative)
        assert page.find(id="claim-cooperation-peaceful")["data-claim-status"] == "position"
        urls = [r["url"] for r in _of_type(_nodes(html), "ClaimReview")]
        assert not any(u.endswith("#claim-cooperation-peaceful") for u in urls), urls


@pytest.mark.parametrize(("relative", "language"), PAGES)
def test_the_article_has_a_headline_and_its_language(site: Build, relative: str, language: str) -> None:
    html, page = _read(site, relative)
    articles = _of_type(_nodes(html), "Article")
    assert len(articles) == 1, f"expected one Article, found {len(articles)}"
    article = articles[0]
    assert isinstance(article.get("headline"), str) and article["headline"].strip()
    heading = page.select_one(".md-content h1")
    for permalink in heading.select("a.headerlink"):
        permalink.decompose()
    assert article["headline"].strip() == heading.get_text(strip=True)
    assert article.get("inLanguage") == language
    assert article.get("url") == page.select_one("link[rel=canonical]")["href"]
    assert _iso_date(article.get("datePublished"))
