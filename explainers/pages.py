"""What a page being converted offers to its body: the collaborator of the Markdown extension."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from .models import Body
from .rules import BodyRules
from .views import ExplainerView

Block = Callable[[str], str]


@dataclass
class Page:
    """One page's language and what its body may place.

    ``view`` is set on explainer pages (claim boxes, citations, the source
    list); ``blocks`` maps the directive names of a site page to functions
    that render them (``::: explainers`` on the home page). ``source`` is the
    body as its file holds it, to report problems at their lines.
    """

    language: str
    view: ExplainerView | None = None
    blocks: Mapping[str, Block] = field(default_factory=dict)
    source: Body | None = None

    def rules(self) -> BodyRules:
        """A fresh judge of this page's directives and references."""
        if self.view is None:
            return BodyRules(None, frozenset(self.blocks))
        return BodyRules({claim.id for claim in self.view.explainer.claims})


class PageFinder(Protocol):
    """Finds the page a body belongs to, for a converter that was not told (None: not ours)."""

    def __call__(self, text: str) -> Page | None: ...
