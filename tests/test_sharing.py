"""Sharing cards: Open Graph and Twitter metadata in the page's language, escaped in HTML attributes."""

from __future__ import annotations

from bs4 import BeautifulSoup

from explainers.sharing import explainer_meta, meta_tags, page_meta

from .publishing_corpus import HOSTILE, SITE, make


def _explainer():  # type: ignore[no-untyped-def]
    return make("banjir", date="2025-05-01", updated="2025-05-20", tags=["iklim"],
                english={"title": "Floods", "summary": "About floods"},
                corrections=[{"date": "2025-06-01", "text": {"id": "Diperbaiki.", "en": "Fixed."}}])


def test_an_explainer_card_in_each_language() -> None:
    english = dict(explainer_meta(_explainer(), "en", SITE))
    assert english == {
        "og:type": "article", "og:title": "Floods", "og:description": "About floods",
        "og:url": "https://news.example.org/desk/en/explainers/banjir/", "og:site_name": "Explainers",
        "og:locale": "en_US", "og:locale:alternate": "id_ID", "twitter:card": "summary",
        "twitter:title": "Floods", "twitter:description": "About floods",
        "article:published_time": "2025-05-01", "article:modified_time": "2025-06-01", "article:tag": "iklim",
    }
    indonesian = dict(explainer_meta(_explainer(), "id", SITE))
    assert indonesian["og:title"] == "Judul banjir" and indonesian["og:description"] == "Ringkasan banjir"
    assert indonesian["og:url"] == "https://news.example.org/desk/explainers/banjir/"
    assert (indonesian["og:locale"], indonesian["og:locale:alternate"]) == ("id_ID", "en_US")
    assert indonesian["og:site_name"] == "Penjelas"


def test_any_other_page_is_a_website() -> None:
    meta = dict(page_meta("Metodologi", None, "https://news.example.org/desk/methodology/", "id", SITE))
    assert meta["og:type"] == "website" and meta["og:locale"] == "id_ID"
    assert meta["og:url"] == "https://news.example.org/desk/methodology/"
    assert "og:description" not in meta and "article:published_time" not in meta


def test_meta_tags_keep_quotes_and_markup_inside_the_attribute() -> None:
    hostile = make("hostile", title=HOSTILE, summary='" onload="alert(1)')
    html = str(meta_tags(explainer_meta(hostile, "id", SITE)))
    assert "<b>" not in html and 'onload="alert' not in html
    tags = BeautifulSoup(html, "html.parser").find_all("meta")
    by_key = {tag.get("property") or tag.get("name"): tag for tag in tags}
    assert by_key["og:title"]["content"] == HOSTILE
    assert by_key["og:description"]["content"] == '" onload="alert(1)'
    assert by_key["twitter:card"].get("name") == "twitter:card", "Twitter reads name=, Open Graph property="
    assert all(set(tag.attrs) in ({"property", "content"}, {"name", "content"}) for tag in tags)
