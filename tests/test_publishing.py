"""Where the published site's pages are, and which explainers it publishes."""

from __future__ import annotations

import datetime as dt

import pytest

from explainers.publishing import SiteInfo, last_modified, published

from .publishing_corpus import make


def test_urls_of_each_language() -> None:
    site = SiteInfo("https://example.org/desk", {"id": "Penjelas", "en": "Explainers"})
    assert site.base_url == "https://example.org/desk/"
    assert site.home_url("id") == "https://example.org/desk/"
    assert site.home_url("en") == "https://example.org/desk/en/"
    assert site.claim_url("banjir", "c-1", "en") == "https://example.org/desk/en/explainers/banjir/#claim-c-1"
    assert site.feed_url("id") == "https://example.org/desk/feed.xml"
    assert site.data_url("claims.csv") == "https://example.org/desk/data/claims.csv"
    assert site.publisher("en").name == "Explainers"


@pytest.mark.parametrize(("url", "names", "message"), [
    ("/", {"id": "A", "en": "B"}, "set site_url"),
    ("https://example.org/", {"id": "A"}, "missing: en"),
])
def test_a_site_without_an_address_or_a_name_is_refused_with_the_fix(url: str, names: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        SiteInfo(url, names)


def test_drafts_are_not_published_and_the_rest_come_by_slug() -> None:
    assert [e.slug for e in published([make("b"), make("c", draft=True), make("a")])] == ["a", "b"]


def test_last_modified_is_the_latest_of_date_updated_and_corrections() -> None:
    assert last_modified(make("a", date="2025-01-01")) == dt.date(2025, 1, 1)
    assert last_modified(make("a", date="2025-01-01", updated="2025-02-01")) == dt.date(2025, 2, 1)
    corrected = make("a", date="2025-01-01", updated="2025-02-01",
                     corrections=[{"date": "2025-03-01", "text": {"id": "x", "en": "y"}}])
    assert last_modified(corrected) == dt.date(2025, 3, 1)
