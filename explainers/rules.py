"""The body rules (SPEC 4, rule 7): one judge of every directive and reference a body makes.

The checker (:func:`explainers.validation.check_body`) runs the judge over what the
fast line scanner (:mod:`explainers.body`) finds; the Markdown extension runs the
same judge over what Python-Markdown's parser meets, and places only what it is
allowed to. So both report the same problems in the same words, and a property
test compares what each of them saw.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

CLAIM, SOURCES = "claim", "sources"
EXPLAINER_BLOCKS = (CLAIM, SOURCES)


def suggest(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest of ``choices``, or nothing."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


@dataclass(frozen=True, slots=True)
class Verdict:
    """What to do with one directive or reference: place it, or report ``problem`` (and place nothing)."""

    problem: str | None = None

    @property
    def place(self) -> bool:
        return self.problem is None


PLACE = Verdict()


@dataclass
class BodyRules:
    """The judge of one body, fed its directives and references in reading order.

    ``claim_ids`` are the claims the body may refer to (None: unknown, judge the
    syntax only). ``blocks`` are the directive names a site page may place
    (None: the body is an explainer's, which places claims and the source list).
    """

    claim_ids: Collection[str] | None
    blocks: Collection[str] | None = None
    placed: dict[str, int | None] = field(default_factory=dict)  # claim id -> line of its box
    sources_at: int | None = None
    sources_placed: bool = False

    def directive(self, name: str, arg: str, line: int | None = None) -> Verdict:
        if self.blocks is not None:
            return self._site_block(name)
        if name == CLAIM:
            return self._claim_box(arg, line)
        if name == SOURCES:
            return self._sources(arg, line)
        return Verdict(
            f"unknown directive '::: {name}'{suggest(name, EXPLAINER_BLOCKS)}: use '::: claim <id>' or '::: sources'"
        )

    def reference(self, claim_id: str) -> Verdict:
        if self.blocks is not None or self.claim_ids is None or claim_id in self.claim_ids:
            return PLACE
        return Verdict(
            f"[[{claim_id}]] cites a claim that is not defined{suggest(claim_id, self.claim_ids)}: "
            "define it under claims or correct the id"
        )

    def title(self) -> Verdict:
        """A level-1 heading: a site page's own; in an explainer's body, a second title (SPEC 12)."""
        if self.blocks is not None:
            return PLACE
        return Verdict(
            "a level-1 heading ('# …') in an explainer's body gives the page a second title: the title comes "
            "from the front matter (title:); use '## …' for a section"
        )

    def _site_block(self, name: str) -> Verdict:
        assert self.blocks is not None
        if name in self.blocks:
            return PLACE
        names = sorted(self.blocks)
        return Verdict(
            f"unknown directive '::: {name}'{suggest(name, names)}: "
            f"a site page can place {', '.join(f'::: {n}' for n in names)}"
        )

    def _claim_box(self, arg: str, line: int | None) -> Verdict:
        if not arg:
            return Verdict("'::: claim' needs the id of a claim: ::: claim <id>")
        if self.claim_ids is not None and arg not in self.claim_ids:
            return Verdict(
                f"'::: claim {arg}' places a claim that is not defined"
                f"{suggest(arg, self.claim_ids)}: define it under claims or correct the id"
            )
        if arg in self.placed:
            first = self.placed[arg]
            where = f" at line {first}" if first is not None else ""
            return Verdict(
                f"the box of claim '{arg}' is already placed{where}: place it once and cite it elsewhere with [[{arg}]]"
            )
        self.placed[arg] = line
        return PLACE

    def _sources(self, arg: str, line: int | None) -> Verdict:
        if arg:
            return Verdict("'::: sources' takes nothing after it")
        if self.sources_placed:
            where = f" at line {self.sources_at}" if self.sources_at is not None else ""
            return Verdict(f"the source table is already placed{where}: place it once")
        self.sources_placed, self.sources_at = True, line
        return PLACE


def misplaced(name: str, arg: str) -> str:
    """The problem of a ``:::`` line inside a paragraph."""
    return (
        f"'::: {name}{' ' + arg if arg else ''}' is inside a paragraph, where it "
        "is read as text: put a blank line before it"
    )
