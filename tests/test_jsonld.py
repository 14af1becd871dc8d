"""schema.org structured data, as data: fields, languages, and a script element nothing can break out of."""

from __future__ import annotations

import json

from explainers.jsonld import Publisher, graph, script
from explainers.loading import check

from .conftest import FIXTURES, TODAY

PUBLISHER = Publisher("Penjelas", "https://explainers.example.org/")


def _explainer():  # type: ignore[no-untyped-def]
    result = check(FIXTURES / "site" / "hostile.md", today=TODAY)
    assert result.explainer is not None
    return result.explainer


def test_a_review_per_checkable_claim_in_the_page_language() -> None:
    data = graph(_explainer(), "en", "https://explainers.example.org/en/explainers/hostile/", PUBLISHER)
    article, *reviews = data["@graph"]
    assert article["@type"] == "Article" and article["inLanguage"] == "en"
    assert [r["reviewRating"]["alternateName"] for r in reviews] == ["Disputed"]
    review = reviews[0]
    assert review["url"] == "https://explainers.example.org/en/explainers/hostile/#claim-xss"
    assert review["author"] == PUBLISHER.as_schema()
    assert review["claimReviewed"].startswith("</script>")
    # a disputing source is not where the claim "appears"
    assert "appearance" not in review["itemReviewed"]


def test_the_script_element_cannot_be_closed_from_inside() -> None:
    data = graph(_explainer(), "id", "https://x/", PUBLISHER)
    element = str(script(data))
    inner = element.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert json.loads(inner) == data
