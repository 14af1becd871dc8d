"""What a web page says about itself: JSON-LD articles, Open Graph, ``<title>``, ``<html lang>``.

Read with the standard library's HTML parser: these four are a handful of
tags, and the parser tolerates the broken markup of real pages. (extruct, which
the tests use to cross-check this module, would bring lxml, rdflib and more
into the tool's dependencies for the same few fields.) Nothing is inferred:
a field is what the page states, or None.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

NEWS_TYPES = frozenset({
    "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle", "BackgroundNewsArticle",
    "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle",
})
ARTICLE_TYPES = NEWS_TYPES | {"Article", "Report", "ScholarlyArticle", "BlogPosting", "TechArticle"}
KINDS = {**dict.fromkeys(NEWS_TYPES, "news"), "Report": "report"}  # schema.org type -> source kind


@dataclass(frozen=True)
class Stated:
    """One value and where on the page it was found."""

    value: str
    where: str  # "JSON-LD", "Open Graph", "<title>", "<html lang>"


@dataclass(frozen=True)
class PageMetadata:
    title: Stated | None = None
    publisher: Stated | None = None
    published: Stated | None = None
    language: Stated | None = None
    kind: Stated | None = None


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang: str | None = None
        self.meta: dict[str, str] = {}
        self.title: list[str] | None = None
        self.scripts: list[str] = []
        self._in: str | None = None  # "title" or "script" while inside one
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "html" and self.lang is None and found.get("lang", "").strip():
            self.lang = found["lang"].strip()
        elif tag == "meta" and "content" in found:
            key = (found.get("property") or found.get("name") or "").strip().lower()
            if key and key not in self.meta:
                self.meta[key] = found["content"]
        elif tag == "title" and self.title is None:
            self._in, self._text = "title", []
        elif tag == "script" and found.get("type", "").strip().lower() == "application/ld+json":
            self._in, self._text = "script", []

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._in == tag == "title":
            self.title = self._text
        elif self._in == tag == "script":
            self.scripts.append("".join(self._text))
        if self._in == tag:
            self._in = None


def _clean(text: object) -> str | None:
    """Text as a reader sees it: entities decoded, runs of white space one space."""
    if not isinstance(text, str):
        return None
    cleaned = " ".join(html.unescape(text).split())
    return cleaned or None


def _objects(data: Any) -> list[dict[str, Any]]:
    """Every JSON-LD object of a script: top-level lists and ``@graph`` flattened."""
    if isinstance(data, list):
        return [obj for item in data for obj in _objects(item)]
    if not isinstance(data, dict):
        return []
    return [data, *_objects(data.get("@graph"))]


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    names = kind if isinstance(kind, list) else [kind]
    return {name.rsplit("/", 1)[-1] for name in names if isinstance(name, str)}


def _article(scripts: list[str]) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """The page's article object (news first), and all objects (to resolve ``@id`` references)."""
    objects = []
    for script in scripts:
        try:
            objects.extend(_objects(json.loads(script)))
        except ValueError:
            continue
    for wanted in (NEWS_TYPES, ARTICLE_TYPES):
        for obj in objects:
            if _types(obj) & wanted:
                return obj, objects
    return None, objects


def _name(value: Any, objects: list[dict[str, Any]]) -> str | None:
    """A name from a string, an object with ``name``, a reference by ``@id``, or the first of a list."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str):
        value = next((obj for obj in objects if obj.get("@id") == value["@id"] and "name" in obj), value)
    if isinstance(value, dict):
        value = value.get("name") or value.get("alternateName")
    return _clean(value)


def _first(*candidates: tuple[object, str]) -> Stated | None:
    for value, where in candidates:
        text = _clean(value)
        if text:
            return Stated(text, where)
    return None


def read(page: str) -> PageMetadata:
    """What ``page`` (HTML) states about itself."""
    reader = _Reader()
    reader.feed(page)
    reader.close()
    article, objects = _article(reader.scripts)
    art = article or {}
    meta = reader.meta
    kinds = sorted({KINDS[name] for name in _types(art) if name in KINDS})
    return PageMetadata(
        title=_first((art.get("headline") or art.get("name"), "JSON-LD"), (meta.get("og:title"), "Open Graph"),
                     ("".join(reader.title or []), "<title>")),
        publisher=_first((_name(art.get("publisher"), objects), "JSON-LD"), (meta.get("og:site_name"), "Open Graph")),
        published=_first((art.get("datePublished"), "JSON-LD"), (meta.get("article:published_time"), "Open Graph")),
        language=_first((_name(art.get("inLanguage"), objects), "JSON-LD"), (reader.lang, "<html lang>"),
                        ((meta.get("og:locale") or "").replace("_", "-"), "Open Graph")),
        kind=Stated(kinds[0], "JSON-LD") if len(kinds) == 1 else None,
    )
