"""An explainer as one language's page shows it: display records and the page's HTML fragments.

Rendering runs for every box of every page, so :class:`ExplainerView` resolves
each claim and source once into plain display records (labels translated,
dates formatted, citations numbered) that templates read by name. What a page
inserts and does not depend on the page's address (boxes, markers, source list,
corrections) is one :class:`Fragments` record: plain strings, rendered in one pass
and kept in the result cache between builds (see :mod:`explainers.site`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property

from markupsafe import Markup

from . import i18n
from .cache import Store
from .models import Claim, Explainer, text_in
from .templating import BACKLINKS_SLOT, OCCURRENCE, Templates, templates
from .vocabulary import Status


@dataclass(frozen=True, slots=True)
class Fragments:
    """One language's rendered pieces of an explainer, as plain (already escaped) HTML strings."""

    language: str
    boxes: dict[str, str]  # claim id -> its box
    markers: dict[str, str]  # claim id -> its inline citation marker
    sources_table: str
    corrections: str  # empty when there are none


def fragments_name(key: str | None, language: str) -> str | None:
    """A language's fragments are stored beside the checked explainer they were rendered from."""
    return f"{key}.{language}" if key else None


def cached_fragments(store: Store, key: str | None, language: str) -> Fragments | None:
    return store.get(fragments_name(key, language), Fragments)


def store_fragments(store: Store, key: str | None, fragments: Fragments) -> None:
    store.put(fragments_name(key, fragments.language), fragments)


# Where the methodology page (its status table, rows ``id="status-<status>"``) is seen from an
# explainer page: explainers live at ``<language root>explainers/<slug>/``, the methodology at
# ``<language root>methodology/``, in every language; so one relative address serves every page.
METHODOLOGY = "../../methodology/"


@dataclass(frozen=True, slots=True)
class DateDisplay:
    """A date as a page shows it: machine-readable and in the page's locale."""

    iso: str
    text: str

    @classmethod
    def of(cls, value: dt.date | None, language: str) -> DateDisplay | None:
        return None if value is None else cls(value.isoformat(), i18n.format_date(value, language))


@dataclass(frozen=True, slots=True)
class CitationDisplay:
    source_id: str
    number: int
    publisher: str
    stance: str
    stance_label: str  # every stance is shown: "supports" (confirms it) is not the same as "context" (reports it)
    locator: str | None


@dataclass(frozen=True, slots=True)
class CorrectionLink:
    """A link from a corrected claim's box to the correction's entry (``#correction-<n>``)."""

    anchor: str
    date: DateDisplay | None


@dataclass(frozen=True, slots=True)
class ClaimDisplay:
    id: str
    number: int
    name: str  # "Claim 3", in the page's language
    permalink_label: str
    status: str
    label: str
    text: str
    other_text: str
    claimant: str
    date: DateDisplay | None
    note: str | None
    citations: tuple[CitationDisplay, ...]
    short: str = ""  # "C3": the inline marker's visible form (sources are "[n]")
    methodology_url: str = ""  # the status's definition: METHODOLOGY + "#status-<status>"
    corrections: tuple[CorrectionLink, ...] = ()  # the corrections that changed it


@dataclass(frozen=True, slots=True)
class CitingClaim:
    """A claim that cites a source, as the source list names it."""

    claim_id: str
    name: str


@dataclass(frozen=True, slots=True)
class SourceDisplay:
    id: str
    number: int
    title: str
    url: str | None
    language: str
    kind_label: str
    language_name: str
    publisher: str
    published: DateDisplay | None
    accessed: DateDisplay | None
    archive_url: str | None
    cited_by: tuple[CitingClaim, ...]


@dataclass(frozen=True, slots=True)
class TagLink:
    label: str
    url: str | None  # None where the site has no tag listing


@dataclass(frozen=True, slots=True)
class CorrectionDisplay:
    anchor: str  # "correction-<n>", n its place in the front matter
    date: DateDisplay | None
    text: str
    claims: tuple[CitingClaim, ...] = ()  # the claims it changed


@dataclass(frozen=True, slots=True)
class StatusCount:
    status: str
    label: str
    count: int


def status_counts(explainer: Explainer, language: str) -> list[StatusCount]:
    """How many claims have each status some claim has, in the vocabulary's order."""
    counts = dict.fromkeys(Status, 0)
    for claim in explainer.claims:
        counts[claim.status] += 1
    return [StatusCount(s.value, i18n.gettext(language, s.label), n) for s, n in counts.items() if n]


@dataclass(frozen=True)
class ExplainerView:
    """An explainer as one language's page shows it: numbered claims and sources, back-links.

    ``tag_url`` gives the address of a tag's listing, when the site has one;
    ``prepared`` are fragments rendered earlier (by :mod:`explainers.site`).
    """

    explainer: Explainer
    language: str
    tag_url: Callable[[str], str] | None = None
    prepared: Fragments | None = None
    templates: Templates | None = None
    tag_label: Callable[[str], str] | None = None  # a tag's label in the page's language (default: the tag)

    @cached_property
    def _templates(self) -> Templates:
        return self.templates or templates(self.language)

    def _citations(self, claim: Claim, numbers: dict[str, int], publishers: dict[str, str]) -> tuple[CitationDisplay, ...]:
        return tuple(
            CitationDisplay(
                source_id=c.source,
                number=numbers[c.source],
                publisher=publishers[c.source],
                stance=c.stance.value,
                stance_label=i18n.gettext(self.language, c.stance.label),
                locator=c.locator,
            )
            for c in claim.sources
        )

    @cached_property
    def claims(self) -> dict[str, ClaimDisplay]:
        language, other = self.language, i18n.other_language(self.language)
        numbers = {source.id: n for n, source in enumerate(self.explainer.source_order(), start=1)}
        publishers = {source.id: source.publisher for source in self.explainer.sources}
        corrected = self._corrected()
        out = {}
        for number, claim in enumerate(self.explainer.reading_order(), start=1):
            out[claim.id] = ClaimDisplay(
                id=claim.id,
                number=number,
                name=i18n.gettext(language, "Claim %(number)s") % {"number": number},
                permalink_label=i18n.gettext(language, "Permanent link to claim %(number)s") % {"number": number},
                status=claim.status.value,
                label=i18n.gettext(language, claim.status.label),
                text=claim.text(language),
                other_text=claim.text(other),
                claimant=text_in(claim.claimant, language),
                date=DateDisplay.of(claim.date, language),
                note=claim.note(language) if claim.note else None,
                citations=self._citations(claim, numbers, publishers),
                short=i18n.gettext(language, "C%(number)s") % {"number": number},
                methodology_url=f"{METHODOLOGY}#status-{claim.status.value}",
                corrections=tuple(corrected.get(claim.id, ())),
            )
        return out

    def _corrected(self) -> dict[str, list[CorrectionLink]]:
        """Claim id -> the corrections that name it."""
        out: dict[str, list[CorrectionLink]] = {}
        for number, correction in enumerate(self.explainer.meta.corrections, start=1):
            for claim_id in dict.fromkeys(correction.claims):
                out.setdefault(claim_id, []).append(
                    CorrectionLink(f"correction-{number}", DateDisplay.of(correction.date, self.language))
                )
        return out

    @cached_property
    def sources(self) -> list[SourceDisplay]:
        cited: dict[str, list[CitingClaim]] = {source.id: [] for source in self.explainer.sources}
        for claim in self.claims.values():
            for citation in claim.citations:
                citing = CitingClaim(claim.id, claim.name)
                if citing not in cited[citation.source_id]:
                    cited[citation.source_id].append(citing)
        return [
            SourceDisplay(
                id=source.id,
                number=number,
                title=source.title,
                url=source.url,
                language=source.language,
                kind_label=i18n.gettext(self.language, source.kind.label),
                language_name=i18n.language_name(source.language, self.language),
                publisher=source.publisher,
                published=DateDisplay.of(source.published, self.language),
                accessed=DateDisplay.of(source.accessed, self.language),
                archive_url=source.archive_url,
                cited_by=tuple(cited[source.id]),
            )
            for number, source in enumerate(self.explainer.source_order(), start=1)
        ]

    @cached_property
    def fragments(self) -> Fragments:
        """Every box and marker, the source list and the corrections, each rendered in one pass."""
        if self.prepared is not None and self.prepared.language == self.language:
            return self.prepared
        return Fragments(
            self.language,
            self._each("boxes.html", "box"),
            self._each("markers.html", "marker"),
            self._templates.render("sources.html", sources=self.sources),
            self._corrections(),
        )

    def _each(self, template: str, macro: str) -> dict[str, str]:
        """The ``macro`` of ``template`` called for every claim, by claim id."""
        render = self._templates.macro(template, macro)
        return {claim.id: str(render(claim)) for claim in self.claims.values()}

    def claim_box(self, claim: Claim) -> Markup:
        return Markup(self.fragments.boxes[claim.id])

    def citation_marker(self, claim: Claim) -> Markup:
        return Markup(self.fragments.markers[claim.id])

    def sources_table(self) -> Markup:
        return Markup(self.fragments.sources_table)

    def unplaced(self, claims: Sequence[Claim]) -> Markup:
        return Markup("\n").join(self.claim_box(c) for c in claims)

    def header(self) -> Markup:
        meta = self.explainer.meta
        label = self.tag_label or (lambda tag: tag)
        return self._templates.render(
            "header.html",
            published=DateDisplay.of(meta.date, self.language),
            # An update on the day of publication is no update (SPEC 12).
            updated=DateDisplay.of(meta.updated, self.language) if meta.updated != meta.date else None,
            authors=[text_in(author, self.language) for author in meta.authors],
            tags=[TagLink(label(tag), self.tag_url(tag) if self.tag_url else None) for tag in meta.tags],
            translated=self.explainer.has_translation(self.language),
            outdated=self._outdated(),
            counts=status_counts(self.explainer, self.language),
        )

    def _outdated(self) -> str:
        """On a translation's page: why it no longer matches the Indonesian (SPEC 12), or nothing."""
        from .translation import state

        if self.language == i18n.DEFAULT_LANGUAGE or not self.explainer.has_translation(self.language):
            return ""
        found = state(self.explainer)
        return found.state.value if found.outdated else ""

    def corrections(self) -> Markup:
        return Markup(self.fragments.corrections)

    def backlinks(self, claim_id: str, count: int) -> str:
        """The links of a claim's box back to the ``count`` places of the page that cite it
        (``#cite-<claim id>-1`` …); empty when nothing cites it. Rendered once per count, per language."""
        return _backlinks_pattern(self._templates, count).replace(OCCURRENCE, claim_id) if count else ""

    def _corrections(self) -> str:
        if not self.explainer.meta.corrections:
            return ""
        entries = [
            CorrectionDisplay(
                f"correction-{number}", DateDisplay.of(c.date, self.language), c.text(self.language),
                tuple(CitingClaim(i, self.claims[i].name) for i in dict.fromkeys(c.claims) if i in self.claims),
            )
            for number, c in enumerate(self.explainer.meta.corrections, start=1)
        ]
        return self._templates.render("corrections.html", corrections=entries)


def citation_letter(index: int) -> str:
    """The n-th (from 0) citation's letter, as Wikipedia's references have them: a … z, aa, ab …"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


@cache
def _backlinks_pattern(templates: Templates, count: int) -> str:
    return str(templates.render("backlinks.html", claim_id=Markup(OCCURRENCE),
                                letters=[citation_letter(i) for i in range(count)]))


def fill_backlinks(box: str, view: ExplainerView, counts: dict[str, int]) -> str:
    """``box`` (one or more boxes' HTML) with each box's back-link slot filled from ``counts``."""
    if BACKLINKS_SLOT not in box:
        return box
    parts = box.split(BACKLINKS_SLOT)
    # The slot stands twice around the claim id: parts alternate text, id, text, id, text …
    for i in range(1, len(parts), 2):
        parts[i] = view.backlinks(parts[i], counts.get(parts[i], 0))
    return "".join(parts)
