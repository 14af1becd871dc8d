"""HTML fragments of an explainer page, from Jinja templates with autoescaping.

Everything an editor wrote reaches these templates as data and is escaped by
Jinja; nothing from the front matter is ever rendered as Markdown or
evaluated as a template. The fragments are site-generator neutral: the
MkDocs hooks insert them, another adapter could too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import i18n
from .models import Claim, Explainer, Source
from .vocabulary import Stance, Status

EXTERNAL_REL = "noopener noreferrer"


@lru_cache(maxsize=None)
def environment(language: str | None = None) -> Environment:
    """The template environment, with the gettext catalog of ``language`` installed."""
    env = Environment(
        loader=PackageLoader("explainers", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
        keep_trailing_newline=False,
    )
    if language is not None:
        env.install_gettext_translations(i18n.translations(language), newstyle=True)  # type: ignore[attr-defined]
        env.globals.update(
            language=language,
            other_language=i18n.other_language(language),
            format_date=lambda value: i18n.format_date(value, language),
            language_name=lambda code: i18n.language_name(code, language),
            rel=EXTERNAL_REL,
            Stance=Stance,
        )
    else:
        env.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
    return env


def _render(language: str, template: str, **context: object) -> Markup:
    return Markup(environment(language).get_template(template).render(**context))


@dataclass(frozen=True)
class ExplainerView:
    """An explainer as one language's page shows it: numbered claims and sources, back-links."""

    explainer: Explainer
    language: str

    @cached_property
    def claim_numbers(self) -> dict[str, int]:
        return {claim.id: number for number, claim in enumerate(self.explainer.claims, start=1)}

    @cached_property
    def source_numbers(self) -> dict[str, int]:
        return {source.id: number for number, source in enumerate(self.explainer.sources, start=1)}

    @cached_property
    def citing(self) -> dict[str, list[Claim]]:
        """For each source, the claims that cite it, in claim order."""
        found: dict[str, list[Claim]] = {source.id: [] for source in self.explainer.sources}
        for claim in self.explainer.claims:
            for citation in claim.sources:
                if claim not in found[citation.source]:
                    found[citation.source].append(claim)
        return found

    def source(self, source_id: str) -> Source:
        source = self.explainer.source(source_id)
        assert source is not None, "citations are checked before rendering"
        return source

    def claim_box(self, claim: Claim) -> Markup:
        return _render(self.language, "claim.html", view=self, claim=claim, number=self.claim_numbers[claim.id])

    def citation_marker(self, claim: Claim) -> Markup:
        return _render(self.language, "citation.html", claim=claim, number=self.claim_numbers[claim.id])

    def sources_table(self) -> Markup:
        return _render(self.language, "sources.html", view=self)

    def unplaced(self, claims: Sequence[Claim]) -> Markup:
        return _render(self.language, "unplaced.html", view=self, claims=claims)

    def header(self) -> Markup:
        return _render(
            self.language,
            "header.html",
            explainer=self.explainer,
            translated=self.explainer.has_translation(self.language),
            counts=status_counts(self.explainer),
        )

    def corrections(self) -> Markup:
        if not self.explainer.meta.corrections:
            return Markup("")
        return _render(self.language, "corrections.html", explainer=self.explainer)


def status_counts(explainer: Explainer) -> list[tuple[Status, int]]:
    """How many claims have each status, in the vocabulary's order, zeros left out."""
    counts = {status: 0 for status in Status}
    for claim in explainer.claims:
        counts[claim.status] += 1
    return [(status, count) for status, count in counts.items() if count]


def explainer_list(explainers: Iterable[Explainer], language: str, url_for: Callable[[Explainer], str]) -> Markup:
    """The list of explainers for the home page, newest first."""
    ordered = sorted(explainers, key=lambda e: (e.meta.updated or e.meta.date, e.meta.date, e.slug), reverse=True)
    entries = [(e, url_for(e), status_counts(e)) for e in ordered]
    return _render(language, "list.html", entries=entries)


def status_table(language: str) -> Markup:
    """The methodology page's table of statuses, from the same vocabulary as the boxes."""
    return _render(language, "statuses.html", statuses=list(Status))


def translation_notice(language: str) -> Markup:
    return _render(language, "notice.html")
