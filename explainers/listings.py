"""Site listings built from the published explainers: the home list, tags, statuses.

Each function takes the explainers and the page's language templates, and a
function giving an explainer's address relative to the page being built.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from markupsafe import Markup

from . import i18n
from .models import Explainer
from .templating import Templates
from .views import DateDisplay, StatusCount, status_counts
from .vocabulary import Status

UrlFor = Callable[[Explainer], str]


def tag_anchor(tag: str) -> str:
    """The fragment id of a tag on the tags page: ``Korea Utara`` -> ``tag-korea-utara``."""
    slug = re.sub(r"[^0-9a-z]+", "-", tag.casefold()).strip("-")
    return f"tag-{slug or 'x'}"


def newest_first(explainers: Iterable[Explainer]) -> list[Explainer]:
    """By last change (``updated`` or ``date``), then first publication, then slug: newest first."""
    return sorted(explainers, key=lambda e: (e.meta.updated or e.meta.date, e.meta.date, e.slug), reverse=True)


@dataclass(frozen=True, slots=True)
class ListEntry:
    url: str
    title: str
    summary: str
    published: DateDisplay
    updated: DateDisplay | None
    claims: int
    counts: list[StatusCount]


def list_entry(explainer: Explainer, language: str, url: str) -> ListEntry:
    meta = explainer.meta
    published = DateDisplay.of(meta.date, language)
    assert published is not None
    return ListEntry(
        url=url,
        title=explainer.title(language),
        summary=explainer.summary(language),
        published=published,
        updated=DateDisplay.of(meta.updated, language),
        claims=len(explainer.claims),
        counts=status_counts(explainer, language),
    )


def explainer_list(explainers: Iterable[Explainer], templates: Templates, url_for: UrlFor) -> Markup:
    """A list of explainers, newest first (the home page's)."""
    language = _language(templates)
    entries = [list_entry(e, language, url_for(e)) for e in newest_first(explainers)]
    return templates.render("list.html", entries=entries)


@dataclass(frozen=True, slots=True)
class TagGroup:
    tag: str
    anchor: str
    entries: list[ListEntry]


def tag_index(explainers: Iterable[Explainer], templates: Templates, url_for: UrlFor) -> Markup:
    """Every tag, with the explainers that carry it, newest first: the tags page."""
    language = _language(templates)
    tagged: dict[str, list[Explainer]] = {}
    for explainer in explainers:
        for tag in dict.fromkeys(explainer.meta.tags):
            tagged.setdefault(tag, []).append(explainer)
    groups = [
        TagGroup(tag, tag_anchor(tag), [list_entry(e, language, url_for(e)) for e in newest_first(items)])
        for tag, items in sorted(tagged.items(), key=lambda item: item[0].casefold())
    ]
    return templates.render("tags.html", groups=groups)


@dataclass(frozen=True, slots=True)
class StatusRow:
    status: str
    label: str
    meaning: str


def status_table(templates: Templates) -> Markup:
    """The methodology page's table of statuses, from the same vocabulary as the boxes."""
    language = _language(templates)
    rows = [StatusRow(s.value, i18n.gettext(language, s.label), i18n.gettext(language, s.meaning)) for s in Status]
    return templates.render("statuses.html", statuses=rows)


def _language(templates: Templates) -> str:
    return templates.language or i18n.DEFAULT_LANGUAGE
