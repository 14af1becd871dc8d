"""Site listings built from the published explainers: the home list, tags, statuses.

Each function takes the explainers and the page's language templates, and a
function giving an explainer's address relative to the page being built.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from markupsafe import Markup

from . import i18n
from .models import Explainer, text_in
from .templating import Templates
from .views import DateDisplay, StatusCount, status_counts
from .vocabulary import Status

T = TypeVar("T")

UrlFor = Callable[[Explainer], str]


def tag_slug(tag: str) -> str:
    """A tag as its pages' folder names it: ``Korea Utara`` -> ``korea-utara``."""
    slug = re.sub(r"[^0-9a-z]+", "-", tag.casefold()).strip("-")
    return slug or "x"


def tag_anchor(tag: str) -> str:
    """The fragment id of a tag on the tags page: ``Korea Utara`` -> ``tag-korea-utara``."""
    return f"tag-{tag_slug(tag)}"


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


# Paginated listings (SPEC 9): every page bounded, every explainer a few links from home.

HOME_SIZE = 10  # explainers on the home page
ARCHIVE_SIZE = 50  # explainers per archive page
CLAIMS_SIZE = 100  # claims per page of the claims index


@dataclass(frozen=True, slots=True)
class PageLink:
    number: int
    url: str
    current: bool


@dataclass(frozen=True, slots=True)
class Pager:
    """Where a page stands among its listing's pages: links to every page (a listing has at most a few hundred)."""

    number: int
    pages: list[PageLink]

    @property
    def previous(self) -> PageLink | None:
        return self.pages[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> PageLink | None:
        return self.pages[self.number] if self.number < len(self.pages) else None


def page_count(items: int, size: int) -> int:
    return max(1, -(-items // size))


def page_of(items: Sequence[T], number: int, size: int) -> Sequence[T]:
    """The items on page ``number`` (from 1) of pages of ``size``."""
    return items[(number - 1) * size : number * size]


def page_path(base: str, number: int) -> str:
    """``base`` is the first page's path (``archive/``); later pages are ``archive/2/`` and on."""
    return base if number == 1 else f"{base}{number}/"


def pager(base: str, number: int, count: int, url_for: Callable[[str], str]) -> Pager:
    links = [PageLink(n, url_for(page_path(base, n)), n == number) for n in range(1, count + 1)]
    return Pager(number, links)


def newest(explainers: Iterable[Explainer], templates: Templates, url_for: UrlFor, more: str) -> Markup:
    """The home page's list: the newest explainers, and a link to the archive (``more``)."""
    language = _language(templates)
    entries = [list_entry(e, language, url_for(e)) for e in newest_first(explainers)[:HOME_SIZE]]
    return templates.render("list.html", entries=entries) + templates.render("more.html", url=more)


def archive_page(explainers: list[Explainer], templates: Templates, url_for: UrlFor, pages: Pager, size: int) -> Markup:
    """One page of the archive: explainers by date, newest first."""
    language = _language(templates)
    chunk = page_of(newest_first(explainers), pages.number, size)
    entries = [list_entry(e, language, url_for(e)) for e in chunk]
    return templates.render("list.html", entries=entries) + templates.render("pager.html", pager=pages)


@dataclass(frozen=True, slots=True)
class ClaimEntry:
    """A claim as the claims index lists it."""

    text: str
    status: str
    label: str
    claimant: str
    explainer_title: str
    explainer_url: str
    url: str  # its box


@dataclass(frozen=True, slots=True)
class StatusGroup:
    status: str
    label: str
    meaning: str
    count: int
    url: str


def claims_by_status(explainers: Iterable[Explainer]) -> dict[Status, list[tuple[Explainer, int]]]:
    """Every claim (as its explainer and index), grouped by status, newest explainer first."""
    groups: dict[Status, list[tuple[Explainer, int]]] = {s: [] for s in Status}
    for explainer in newest_first(explainers):
        for index, claim in enumerate(explainer.claims):
            groups[claim.status].append((explainer, index))
    return groups


def claims_overview(
    groups: dict[Status, list[tuple[Explainer, int]]], templates: Templates, url_for: Callable[[Status], str]
) -> Markup:
    """The claims index's first page: each status with its meaning, count and link."""
    language = _language(templates)
    rows = [
        StatusGroup(s.value, i18n.gettext(language, s.label), i18n.gettext(language, s.meaning), len(items), url_for(s))
        for s, items in groups.items()
    ]
    return templates.render("claims_overview.html", groups=rows)


def claims_page(
    items: list[tuple[Explainer, int]], templates: Templates, box_url: Callable[[Explainer, str], str], pages: Pager, size: int
) -> Markup:
    """One page of one status's claims."""
    language = _language(templates)
    entries = []
    for explainer, index in page_of(items, pages.number, size):
        claim = explainer.claims[index]
        entries.append(ClaimEntry(
            text=claim.text(language),
            status=claim.status.value,
            label=i18n.gettext(language, claim.status.label),
            claimant=text_in(claim.claimant, language),
            explainer_title=explainer.title(language),
            explainer_url=box_url(explainer, ""),
            url=box_url(explainer, claim.id),
        ))
    return templates.render("claims.html", claims=entries) + templates.render("pager.html", pager=pages)


def tags_of(explainers: Iterable[Explainer]) -> dict[str, tuple[str, list[Explainer]]]:
    """Tags by their slug (:func:`tag_slug`): (the tag as first written, its explainers)."""
    tagged: dict[str, tuple[str, list[Explainer]]] = {}
    for explainer in explainers:
        for tag in dict.fromkeys(explainer.meta.tags):
            slug = tag_slug(tag)
            tagged.setdefault(slug, (tag, []))[1].append(explainer)
    return tagged


@dataclass(frozen=True, slots=True)
class TagLinkCount:
    tag: str
    url: str
    count: int


def tag_links(
    tagged: dict[str, tuple[str, list[Explainer]]], templates: Templates, url_for: Callable[[str], str],
    label: Callable[[str], str] = str,
) -> Markup:
    """The tags page: every tag (its ``label`` in the page's language), linking to its own paginated page,
    with how many explainers carry it."""
    rows = [TagLinkCount(label(tag), url_for(slug), len(items)) for slug, (tag, items) in sorted(tagged.items())]
    return templates.render("tag_links.html", tags=rows)
