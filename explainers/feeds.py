"""Atom feeds, one per language (``feed.xml``, ``en/feed.xml``), written with feedgen.

One entry per published explainer, the most recently changed first; an entry's ``updated``
is the latest of its date, its ``updated`` date and its corrections (a correction moves it
up the feed). Titles and summaries are in the feed's language, every link is absolute, and
the feed's own ``updated`` is its newest entry's, never the clock: the same explainers give
the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from feedgen.feed import FeedGenerator
from markupsafe import Markup

from .models import Explainer, text_in
from .publishing import SiteInfo, last_modified, published

# XML 1.0 cannot carry most control characters (lxml refuses them): a text that slipped
# one past the checks loses it in the feed rather than breaking the build.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The feed of a site with nothing published yet still needs an `updated` that is not the clock.
_EMPTY_FEED_UPDATED = dt.date(1970, 1, 1)
MIME_TYPE = "application/atom+xml"


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


def _instant(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def newest_first(explainers: Iterable[Explainer]) -> list[Explainer]:
    """Published explainers, the most recently changed first; those changed the same day by slug."""
    return sorted(published(explainers), key=last_modified, reverse=True)  # stable: slug order stays


def _add_entry(feed: FeedGenerator, explainer: Explainer, language: str, site: SiteInfo) -> None:
    url = site.explainer_url(explainer.slug, language)
    entry = feed.add_entry(order="append")
    entry.id(url)
    entry.title(_xml_text(explainer.title(language)))
    entry.summary(_xml_text(explainer.summary(language)))
    entry.link(href=url, rel="alternate", type="text/html", hreflang=language)
    entry.published(_instant(explainer.meta.date))
    entry.updated(_instant(last_modified(explainer)))
    for name in explainer.meta.authors:
        entry.author(name=_xml_text(text_in(name, language)))
    for tag in explainer.meta.tags:
        entry.category(term=_xml_text(tag))


def atom_feed(explainers: Iterable[Explainer], language: str, site: SiteInfo) -> bytes:
    """The Atom feed of ``language`` (``feed.xml`` at that language's root), as UTF-8 bytes."""
    entries = newest_first(explainers)
    feed = FeedGenerator()
    feed.id(site.feed_url(language))
    feed.title(_xml_text(site.name(language)))
    feed.author(name=_xml_text(site.name(language)), uri=site.home_url(language))
    feed.link(href=site.feed_url(language), rel="self", type=MIME_TYPE)
    feed.link(href=site.home_url(language), rel="alternate", type="text/html", hreflang=language)
    feed.language(language)
    feed.generator("explainers")
    for explainer in entries:
        _add_entry(feed, explainer, language, site)
    feed.updated(_instant(last_modified(entries[0]) if entries else _EMPTY_FEED_UPDATED))
    data: bytes = feed.atom_str(pretty=True, encoding="UTF-8")
    return data


def link_element(href: str, language: str, site: SiteInfo) -> Markup:
    """The ``<link>`` a page's ``<head>`` carries to its language's feed.

    Pass a relative ``href`` (``../feed.xml``): Material's JavaScript fetches a ``sitemap.xml``
    beside every ``rel="alternate"`` link, and an absolute one would send readers' browsers to
    ``site_url`` from any host (a placeholder, in previews).
    """
    return Markup('<link rel="alternate" type="{}" title="{}" href="{}">').format(MIME_TYPE, site.name(language), href)
