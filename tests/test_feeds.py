"""The Atom feeds, read back with feedparser as a feed reader would, and with lxml for the raw XML."""

from __future__ import annotations

from typing import Any

import feedparser
import pytest
from lxml import etree

from explainers.feeds import atom_feed, link_element

from .publishing_corpus import HOSTILE, SITE, make

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _corpus() -> list:  # type: ignore[type-arg]
    return [
        make("lama", date="2025-01-10"),
        # published before "baru", corrected after it: the correction moves it to the top.
        make("dikoreksi", date="2025-02-01", english={"title": "Corrected", "summary": "A corrected one"},
             corrections=[{"date": "2025-06-20", "text": {"id": "Angka diperbaiki.", "en": "A figure fixed."}}]),
        make("baru", date="2025-06-10", english={"title": "New", "summary": "The newest"}),
        make("diperbarui", date="2025-03-01", updated="2025-06-15"),
        make("rahasia", date="2025-06-25", draft=True),
    ]


def _parsed(language: str, corpus: list | None = None) -> Any:  # type: ignore[type-arg]
    data = atom_feed(_corpus() if corpus is None else corpus, language, SITE)
    feed = feedparser.parse(data)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.mark.parametrize("language", ["id", "en"])
def test_one_entry_per_published_explainer_most_recently_changed_first(language: str) -> None:
    entries = _parsed(language).entries
    assert [e.link.rsplit("/", 2)[-2] for e in entries] == ["dikoreksi", "diperbarui", "baru", "lama"]
    assert [e.updated[:10] for e in entries] == ["2025-06-20", "2025-06-15", "2025-06-10", "2025-01-10"]
    assert [e.published[:10] for e in entries] == ["2025-02-01", "2025-03-01", "2025-06-10", "2025-01-10"]


def test_the_feed_declares_its_language_and_its_own_address() -> None:
    for language, url in (("id", "https://news.example.org/desk/feed.xml"),
                          ("en", "https://news.example.org/desk/en/feed.xml")):
        parsed = _parsed(language)
        assert parsed.feed.language == language
        assert parsed.feed.id == url
        assert {link.rel: link.href for link in parsed.feed.links}["self"] == url
        assert parsed.feed.title == SITE.name(language)


def test_titles_summaries_and_links_in_the_feeds_language() -> None:
    english = {e.link: e for e in _parsed("en").entries}
    indonesian = {e.link: e for e in _parsed("id").entries}
    new_en = english["https://news.example.org/desk/en/explainers/baru/"]
    assert (new_en.title, new_en.summary) == ("New", "The newest")
    new_id = indonesian["https://news.example.org/desk/explainers/baru/"]
    assert (new_id.title, new_id.summary) == ("Judul baru", "Ringkasan baru")
    for entry in [*english.values(), *indonesian.values()]:
        assert entry.link.startswith("https://news.example.org/desk/") and entry.id == entry.link


def test_the_feeds_updated_is_its_newest_entry_not_the_clock() -> None:
    assert _parsed("id").feed.updated[:10] == "2025-06-20"
    assert atom_feed(_corpus(), "id", SITE) == atom_feed(list(reversed(_corpus())), "id", SITE)


def test_a_draft_never_appears() -> None:
    assert b"rahasia" not in atom_feed(_corpus(), "id", SITE) + atom_feed(_corpus(), "en", SITE)


def test_a_site_with_nothing_published_still_has_a_valid_feed() -> None:
    parsed = _parsed("en", [make("rahasia", draft=True)])
    assert parsed.entries == [] and parsed.feed.language == "en"


def test_hostile_titles_stay_text() -> None:
    hostile = make("hostile", title=HOSTILE, summary=HOSTILE, authors=[HOSTILE], tags=[HOSTILE])
    data = atom_feed([hostile], "id", SITE)
    root = etree.fromstring(data)
    entry = root.find(f"{ATOM}entry")
    assert entry is not None
    assert entry.findtext(f"{ATOM}title") == HOSTILE and entry.findtext(f"{ATOM}summary") == HOSTILE
    assert not entry.findall(f".//{ATOM}b") and not root.findall(".//{*}script"), "no markup got in"
    assert root.get(XML_LANG) == "id"
    assert _parsed("id", [hostile]).entries[0].title.startswith("A <b>&amp;")


def test_a_control_character_that_xml_cannot_carry_does_not_break_the_feed() -> None:
    explainer = make("bel", title="Bunyi \x07 bel")
    assert _parsed("id", [explainer]).entries[0].title == "Bunyi  bel"


def test_the_link_element_a_page_carries_in_its_head() -> None:
    link = str(link_element("../feed.xml", "en", SITE))
    assert link == '<link rel="alternate" type="application/atom+xml" title="Explainers" href="../feed.xml">'
