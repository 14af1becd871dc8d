"""What the published site is: its address, its name in each language, where its pages live,
and which explainers it publishes.

The open data (:mod:`explainers.exports`), the feeds (:mod:`explainers.feeds`) and the sharing
cards (:mod:`explainers.sharing`) all take their absolute URLs from one :class:`SiteInfo`,
so they can never disagree on where a page or a claim's box is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from . import i18n
from .jsonld import Publisher
from .models import Explainer

EXPLAINERS_FOLDER = "explainers"
FEED_FILE = "feed.xml"
DATA_FOLDER = "data"


def language_root(language: str, default_language: str = i18n.DEFAULT_LANGUAGE) -> str:
    """Where a language's site starts: the default language at ``""``, another under ``<language>/``."""
    return "" if language == default_language else f"{language}/"


@dataclass(frozen=True)
class SiteInfo:
    """The site's absolute base URL and its name in each language.

    ``base_url`` is where the Indonesian home page is (``https://example.org/`` or
    ``https://example.org/desk/``); the English site is under ``en/`` beside it.
    """

    base_url: str
    names: Mapping[str, str] = field(default_factory=dict)
    default_language: str = i18n.DEFAULT_LANGUAGE

    def __post_init__(self) -> None:
        if not self.base_url.startswith(("https://", "http://")):
            raise ValueError(f"the site's address must be an absolute http(s) URL, not {self.base_url!r}: "
                             "set site_url in mkdocs.yml")
        missing = [language for language in (self.default_language, *i18n.LANGUAGES) if not self.names.get(language)]
        if missing:
            raise ValueError(f"the site needs a name in every language; missing: {', '.join(missing)}")
        object.__setattr__(self, "base_url", self.base_url.rstrip("/") + "/")
        object.__setattr__(self, "names", MappingProxyType(dict(self.names)))

    def name(self, language: str) -> str:
        return self.names[language]

    def root(self, language: str) -> str:
        """Where a language's site starts, relative to the base: Indonesian at ``""``, English at ``"en/"``."""
        return language_root(language, self.default_language)

    def url(self, path: str, language: str) -> str:
        """The absolute URL of ``path`` (relative to the language's root, as ``tags/``) in ``language``."""
        return f"{self.base_url}{self.root(language)}{path}"

    def home_url(self, language: str) -> str:
        return self.url("", language)

    def explainer_url(self, slug: str, language: str) -> str:
        return self.url(f"{EXPLAINERS_FOLDER}/{slug}/", language)

    def claim_url(self, slug: str, claim_id: str, language: str) -> str:
        """The absolute URL of a claim's box on its explainer's page."""
        return f"{self.explainer_url(slug, language)}#claim-{claim_id}"

    def feed_url(self, language: str) -> str:
        return self.url(FEED_FILE, language)

    def data_url(self, name: str) -> str:
        """The absolute URL of an open-data file (one for both languages, under ``data/``)."""
        return f"{self.base_url}{DATA_FOLDER}/{name}"

    def publisher(self, language: str) -> Publisher:
        """The site as the author of its reviews, in ``language``."""
        return Publisher(self.name(language), self.home_url(language))


def published(explainers: Iterable[Explainer]) -> list[Explainer]:
    """The explainers readers may see (never a draft), in a stable order: by slug."""
    return sorted((e for e in explainers if not e.meta.draft), key=lambda e: e.slug)


def last_modified(explainer: Explainer) -> dt.date:
    """When readers last saw the explainer change: its date, its ``updated`` date or its latest correction."""
    dates = [explainer.meta.date, *(c.date for c in explainer.meta.corrections)]
    if explainer.meta.updated:
        dates.append(explainer.meta.updated)
    return max(dates)
