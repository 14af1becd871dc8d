"""Sharing cards: the Open Graph and Twitter metadata a page carries in ``<head>``, in its language.

A messaging app or a social network that shows a link as a card reads these: an explainer
page is an ``article`` with its title, summary and dates; every other page a ``website``.
The metadata are (property, content) pairs; :func:`meta_tags` renders them as escaped
``<meta>`` elements.
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup

from . import i18n
from .models import Explainer
from .publishing import SiteInfo, last_modified

Meta = tuple[str, str]

# Open Graph names a locale as language_TERRITORY.
OG_LOCALES = {"id": "id_ID", "en": "en_US"}


def _card(title: str, description: str | None, url: str, language: str, site: SiteInfo, kind: str) -> list[Meta]:
    meta = [("og:type", kind), ("og:title", title)]
    if description:
        meta.append(("og:description", description))
    meta += [
        ("og:url", url),
        ("og:site_name", site.name(language)),
        ("og:locale", OG_LOCALES[language]),
        ("og:locale:alternate", OG_LOCALES[i18n.other_language(language)]),
        ("twitter:card", "summary"),
        ("twitter:title", title),
    ]
    if description:
        meta.append(("twitter:description", description))
    return meta


def explainer_meta(explainer: Explainer, language: str, site: SiteInfo) -> list[Meta]:
    """The card of an explainer's page in ``language``: an article, with its publication and last change dates."""
    meta = _card(explainer.title(language), explainer.summary(language), site.explainer_url(explainer.slug, language),
                 language, site, "article")
    meta += [
        ("article:published_time", explainer.meta.date.isoformat()),
        ("article:modified_time", last_modified(explainer).isoformat()),
    ]
    meta += [("article:tag", tag) for tag in explainer.meta.tags]
    return meta


def page_meta(title: str, description: str | None, page_url: str, language: str, site: SiteInfo) -> list[Meta]:
    """The card of any other page (home, tags, methodology...): a website. ``page_url`` is absolute."""
    return _card(title, description, page_url, language, site, "website")


def meta_tags(meta: Iterable[Meta]) -> Markup:
    """The ``<meta>`` elements, one a line: Open Graph's as ``property``, Twitter's as ``name``, values escaped."""
    lines = []
    for key, content in meta:
        attribute = "name" if key.startswith("twitter:") else "property"
        lines.append(Markup('<meta {}="{}" content="{}">').format(Markup(attribute), key, content))
    return Markup("\n").join(lines)
