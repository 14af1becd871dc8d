"""A build's explainer fragments for one language, rendered in one pass or taken from the cache.

A site generator converts one page at a time, between its own work on templates,
search and files; rendered there, each page's boxes cost about twice what they
cost in one loop over all explainers, where the templates and display code stay
hot. So an adapter asks here, once per language, for every published
explainer's :class:`~explainers.render.Fragments` (boxes, markers, source
table, corrections) and hands each page its own.

Fragments depend only on an explainer's files, the language, and this package's
templates, catalogs and code, which is what the result cache keys them by
(:mod:`explainers.cache`): a rebuild renders only the explainers that changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .cache import ResultCache
from .loading import Result
from .render import ExplainerView, Fragments


@dataclass
class Prepared:
    """One language's fragments, by slug, and how many had to be rendered (the others came from the cache)."""

    language: str
    fragments: dict[str, Fragments] = field(default_factory=dict)
    rendered: int = 0


def fragments(results: Iterable[Result], language: str, cache: ResultCache | None = None) -> Prepared:
    """``language``'s fragments of each valid, published explainer among ``results``."""
    prepared = Prepared(language)
    for result in results:
        explainer = result.explainer
        if explainer is None or explainer.meta.draft:
            continue
        found = cache.get_fragments(result.key, language) if cache is not None else None
        if found is None:
            found = ExplainerView(explainer, language).fragments
            prepared.rendered += 1
            if cache is not None:
                cache.put_fragments(result.key, found)
        prepared.fragments[result.slug] = found
    return prepared
