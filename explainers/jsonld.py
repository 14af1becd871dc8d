"""schema.org structured data for an explainer page: its ``Article`` and a ``ClaimReview`` per checkable claim."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from . import i18n
from .models import Claim, Explainer, text_in
from .vocabulary import Stance

# Characters that could end the <script> element or confuse an HTML parser, as JSON escapes.
_SCRIPT_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


@dataclass(frozen=True)
class Publisher:
    """Who publishes the site: the author of every review."""

    name: str
    url: str

    def as_schema(self) -> dict[str, Any]:
        return {"@type": "Organization", "name": self.name, "url": self.url}


def claim_review(explainer: Explainer, claim: Claim, language: str, page_url: str, publisher: Publisher) -> dict[str, Any]:
    """The schema.org ``ClaimReview`` of ``claim`` on the page at ``page_url`` (the page's JSON-LD and the data feed)."""
    appearances = []
    for citation in claim.sources:
        source = explainer.source(citation.source)
        if source is not None and source.url and citation.stance is Stance.SUPPORTS:
            appearance: dict[str, Any] = {"@type": "CreativeWork", "url": source.url, "name": source.title}
            if source.published:
                appearance["datePublished"] = source.published.isoformat()
            appearances.append(appearance)
    item: dict[str, Any] = {"@type": "Claim", "author": {"@type": "Thing", "name": text_in(claim.claimant, language)}}
    if claim.date:
        item["datePublished"] = claim.date.isoformat()
    if appearances:
        item["appearance"] = appearances
    return {
        "@type": "ClaimReview",
        "url": f"{page_url}#claim-{claim.id}",
        "claimReviewed": claim.text(language),
        "datePublished": explainer.meta.date.isoformat(),
        "inLanguage": language,
        "author": publisher.as_schema(),
        "itemReviewed": item,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": claim.status.rating,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": i18n.gettext(language, claim.status.label),
        },
    }


def graph(
    explainer: Explainer, language: str, page_url: str, publisher: Publisher, tag_label: Callable[[str], str] = str
) -> dict[str, Any]:
    """The JSON-LD document of one language's page of ``explainer`` (its tags as ``tag_label`` names them)."""
    article: dict[str, Any] = {
        "@type": "Article",
        "headline": explainer.title(language),
        "description": explainer.summary(language),
        "url": page_url,
        "inLanguage": language,
        "datePublished": explainer.meta.date.isoformat(),
        "dateModified": (explainer.meta.updated or explainer.meta.date).isoformat(),
        "author": [{"@type": "Person", "name": text_in(name, language)} for name in explainer.meta.authors]
        or publisher.as_schema(),
        "publisher": publisher.as_schema(),
    }
    if explainer.meta.tags:
        article["keywords"] = [tag_label(tag) for tag in explainer.meta.tags]
    reviews = [
        claim_review(explainer, claim, language, page_url, publisher)
        for claim in explainer.claims
        if claim.status.checkable
    ]
    return {"@context": "https://schema.org", "@graph": [article, *reviews]}


def script(data: dict[str, Any]) -> Markup:
    """A ``<script type="application/ld+json">`` element that no text inside can break out of."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    for character, escaped in _SCRIPT_ESCAPES:
        if character in text:
            text = text.replace(character, escaped)
    return Markup(f'<script type="application/ld+json">{text}</script>')
