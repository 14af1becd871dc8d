"""HTML fragments of an explainer page, from Jinja templates with autoescaping.

Everything an editor wrote reaches these templates as data and is escaped by
Jinja; nothing from the front matter is ever rendered as Markdown or
evaluated as a template. The fragments are site-generator neutral: the
MkDocs hooks insert them, another adapter could too.

Rendering runs for every box of every page, so the work is split for speed:
:class:`ExplainerView` resolves each claim and source once into plain
display records (labels translated, dates formatted, citations numbered), and
templates are compiled once per language with their literal ``_("…")``
strings already translated (:class:`Pretranslate`). What a page inserts and
does not depend on the page's address (boxes, markers, source table,
corrections) is one :class:`Fragments` record: plain strings, rendered in one
pass and kept in the result cache between builds (:mod:`explainers.prepare`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined, Template
from jinja2.bccache import Bucket
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from markupsafe import Markup

from . import cache as result_cache
from . import i18n
from .models import Claim, Explainer
from .vocabulary import Stance, Status

EXTERNAL_REL = "noopener noreferrer"
_SEPARATOR = "\x00"  # between fragments rendered in one pass; NUL cannot come from the front matter


class Pretranslate(Extension):
    """Translate ``_("literal")`` at compile time: one compiled template per language.

    Babel still extracts the strings from the template source; the page
    renders then do no catalog look-ups for them.
    """

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        gettext: Callable[[str], str] | None = getattr(self.environment, "pretranslate", None)
        tokens = list(stream)
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if (
                gettext is not None
                and token.type == "name"
                and token.value == "_"
                and i + 3 < len(tokens)
                and tokens[i + 1].type == "lparen"
                and tokens[i + 2].type == "string"
                and tokens[i + 3].type == "rparen"
            ):
                yield Token(token.lineno, "string", gettext(tokens[i + 2].value))
                i += 4
                continue
            yield token
            i += 1


class _CompiledTemplates(FileSystemBytecodeCache):
    """Compiled templates on disk; a folder removed meanwhile only means compiling again."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            return


@cache
def environment(language: str | None = None) -> Environment:
    """The template environment of ``language`` (None: no translation, for scaffolds).

    Compiled templates are kept with the result cache, by language (their
    UI strings are translated when they are compiled): compiling them all
    costs more than rendering a small site's boxes.
    """
    compiled = result_cache.template_folder(language or "untranslated")
    env = Environment(
        loader=PackageLoader("explainers", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n", Pretranslate],
        auto_reload=False,  # templates ship with the package; never re-stat them per page
        cache_size=-1,
        bytecode_cache=_CompiledTemplates(str(compiled)) if compiled is not None else None,
    )
    if language is not None:
        translations = i18n.translations(language)
        env.pretranslate = translations.gettext  # type: ignore[attr-defined]
        env.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
        env.globals.update(
            language=language, other_language=i18n.other_language(language), rel=EXTERNAL_REL, separator=Markup(_SEPARATOR)
        )
    else:
        env.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
    return env


@cache
def _template(language: str, name: str) -> Template:
    return environment(language).get_template(name)


def _render(language: str, template: str, **context: object) -> Markup:
    return Markup(_template(language, template).render(**context))


@dataclass(frozen=True, slots=True)
class Fragments:
    """One language's rendered pieces of an explainer, as plain (already escaped) HTML strings."""

    language: str
    boxes: dict[str, str]  # claim id -> its box
    markers: dict[str, str]  # claim id -> its inline citation marker
    sources_table: str
    corrections: str  # empty when there are none


@dataclass(frozen=True)
class CitationDisplay:
    source_id: str
    number: int
    publisher: str
    stance: str
    stance_label: str | None  # None for the default, "supports"
    locator: str | None


@dataclass(frozen=True)
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
    date_iso: str | None
    date_text: str | None
    note: str | None
    citations: tuple[CitationDisplay, ...]


@dataclass(frozen=True)
class SourceDisplay:
    id: str
    number: int
    title: str
    url: str | None
    language: str
    kind_label: str
    language_name: str
    publisher: str
    published_iso: str | None
    published_text: str | None
    accessed_iso: str | None
    accessed_text: str | None
    archive_url: str | None
    cited_by: tuple[tuple[str, str], ...]  # (claim id, "Claim 3")


def tag_anchor(tag: str) -> str:
    """The fragment id of a tag on the tags page: ``Korea Utara`` -> ``tag-korea-utara``."""
    slug = re.sub(r"[^0-9a-z]+", "-", tag.casefold()).strip("-")
    return f"tag-{slug or 'x'}"


@dataclass(frozen=True)
class ExplainerView:
    """An explainer as one language's page shows it: numbered claims and sources, back-links.

    ``tag_url`` gives the address of a tag's listing, when the site has one.
    """

    explainer: Explainer
    language: str
    tag_url: Callable[[str], str] | None = None
    prepared: Fragments | None = None  # rendered earlier (see :mod:`explainers.prepare`)

    def _date(self, value: dt.date | None) -> tuple[str | None, str | None]:
        if value is None:
            return None, None
        return value.isoformat(), i18n.format_date(value, self.language)

    @cached_property
    def claims(self) -> dict[str, ClaimDisplay]:
        language, other = self.language, i18n.other_language(self.language)
        numbers = {source.id: n for n, source in enumerate(self.explainer.sources, start=1)}
        publishers = {source.id: source.publisher for source in self.explainer.sources}
        out = {}
        for number, claim in enumerate(self.explainer.claims, start=1):
            citations = tuple(
                CitationDisplay(
                    c.source,
                    numbers[c.source],
                    publishers[c.source],
                    c.stance.value,
                    None if c.stance is Stance.SUPPORTS else i18n.gettext(language, c.stance.label),
                    c.locator,
                )
                for c in claim.sources
            )
            date_iso, date_text = self._date(claim.date)
            out[claim.id] = ClaimDisplay(
                claim.id, number,
                i18n.gettext(language, "Claim %(number)s") % {"number": number},
                i18n.gettext(language, "Permanent link to claim %(number)s") % {"number": number},
                claim.status.value, i18n.gettext(language, claim.status.label),
                claim.text(language), claim.text(other), claim.claimant, date_iso, date_text,
                claim.note(language) if claim.note else None, citations,
            )
        return out

    @cached_property
    def sources(self) -> list[SourceDisplay]:
        cited: dict[str, list[tuple[str, str]]] = {source.id: [] for source in self.explainer.sources}
        for claim in self.claims.values():
            for citation in claim.citations:
                if (claim.id, claim.name) not in cited[citation.source_id]:
                    cited[citation.source_id].append((claim.id, claim.name))
        out = []
        for number, source in enumerate(self.explainer.sources, start=1):
            published = self._date(source.published)
            accessed = self._date(source.accessed)
            out.append(SourceDisplay(
                source.id, number, source.title, source.url, source.language,
                i18n.gettext(self.language, source.kind.label), i18n.language_name(source.language, self.language),
                source.publisher, *published, *accessed, source.archive_url, tuple(cited[source.id]),
            ))
        return out

    @cached_property
    def fragments(self) -> Fragments:
        """Every box and marker, the source table and the corrections, each rendered in one pass."""
        if self.prepared is not None and self.prepared.language == self.language:
            return self.prepared
        return Fragments(
            self.language,
            self._split("boxes.html"),
            self._split("markers.html"),
            _render(self.language, "sources.html", sources=self.sources),
            self._corrections(),
        )

    def _split(self, template: str) -> dict[str, str]:
        claims = list(self.claims.values())
        parts = _render(self.language, template, claims=claims).split(_SEPARATOR)
        return {claim.id: part for claim, part in zip(claims, parts, strict=True)}

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
        return _render(
            self.language,
            "header.html",
            published=self._date(meta.date),
            updated=self._date(meta.updated),
            authors=meta.authors,
            tags=[(tag, self.tag_url(tag) if self.tag_url else None) for tag in meta.tags],
            translated=self.explainer.has_translation(self.language),
            counts=status_counts(self.explainer, self.language),
        )

    def corrections(self) -> Markup:
        return Markup(self.fragments.corrections)

    def _corrections(self) -> str:
        if not self.explainer.meta.corrections:
            return ""
        entries = [(*self._date(c.date), c.text(self.language)) for c in self.explainer.meta.corrections]
        return _render(self.language, "corrections.html", corrections=entries)


def status_counts(explainer: Explainer, language: str) -> list[tuple[str, str, int]]:
    """(status, label, count) for each status some claim has, in the vocabulary's order."""
    counts = dict.fromkeys(Status, 0)
    for claim in explainer.claims:
        counts[claim.status] += 1
    return [(s.value, i18n.gettext(language, s.label), n) for s, n in counts.items() if n]


def explainer_list(explainers: Iterable[Explainer], language: str, url_for: Callable[[Explainer], str]) -> Markup:
    """The list of explainers for the home page, newest first."""
    ordered = sorted(explainers, key=lambda e: (e.meta.updated or e.meta.date, e.meta.date, e.slug), reverse=True)
    entries = [
        {
            "url": url_for(e),
            "title": e.title(language),
            "summary": e.summary(language),
            "published": (e.meta.date.isoformat(), i18n.format_date(e.meta.date, language)),
            "updated": (e.meta.updated.isoformat(), i18n.format_date(e.meta.updated, language)) if e.meta.updated else None,
            "claims": len(e.claims),
            "counts": status_counts(e, language),
        }
        for e in ordered
    ]
    return _render(language, "list.html", entries=entries)


def tag_index(explainers: Iterable[Explainer], language: str, url_for: Callable[[Explainer], str]) -> Markup:
    """Every tag, with the explainers that carry it, newest first: the tags page."""
    tagged: dict[str, list[Explainer]] = {}
    for explainer in explainers:
        for tag in dict.fromkeys(explainer.meta.tags):
            tagged.setdefault(tag, []).append(explainer)
    groups = [
        {
            "tag": tag,
            "anchor": tag_anchor(tag),
            "entries": [
                (url_for(e), e.title(language), e.meta.date.isoformat(), i18n.format_date(e.meta.date, language))
                for e in sorted(items, key=lambda e: (e.meta.updated or e.meta.date, e.slug), reverse=True)
            ],
        }
        for tag, items in sorted(tagged.items(), key=lambda item: item[0].casefold())
    ]
    return _render(language, "tags.html", groups=groups)


def status_table(language: str) -> Markup:
    """The methodology page's table of statuses, from the same vocabulary as the boxes."""
    rows = [(s.value, i18n.gettext(language, s.label), i18n.gettext(language, s.meaning)) for s in Status]
    return _render(language, "statuses.html", statuses=rows)

