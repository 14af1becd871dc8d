"""Where a body places claim boxes, cites claims and places the source table.

The body syntax (documented in EDITING.md):

``::: claim <id>``
    on a line of its own: the box of claim ``<id>`` goes here.
``::: sources``
    on a line of its own: the source table goes here (default: the end).
``[[<id>]]``
    inside a sentence: a numbered marker that links to the claim's box.

Rendering uses a real Markdown parser (:mod:`explainers.markdown`). This module
is the fast, line-based reading used to check the rules and to report their
lines: it skips fenced code, indented code and inline code spans as the
parser does, so a check and a build agree on what a body refers to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DIRECTIVE = re.compile(r"^:::[ \t]*(?P<name>[^\s]*)(?:[ \t]+(?P<arg>.*?))?[ \t]*$")
REFERENCE = re.compile(r"(?<!\\)\[\[(?P<id>[^\[\]\n]*)\]\]")
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_FENCE = re.compile(r"^(?:[ \t]*>)*[ \t]*(?P<fence>`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")

BLOCK_NAMES = ("claim", "sources")


@dataclass(frozen=True)
class Directive:
    """A ``::: name arg`` line."""

    name: str
    arg: str
    line: int


@dataclass(frozen=True)
class Reference:
    """A ``[[id]]`` citation of a claim inside a sentence."""

    claim_id: str
    line: int
    column: int


@dataclass
class Marks:
    directives: list[Directive] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def scan(body: str, first_line: int = 1) -> Marks:
    """Find the directives and references of ``body``, whose first line is ``first_line`` in its file."""
    marks = Marks()
    if ":::" not in body and "[[" not in body:
        return marks
    fence: str | None = None
    previous_blank = True
    in_list = False
    indented_code = False
    in_comment = False
    # Lines end at "\n" only, as in Markdown (str.splitlines would also break at U+2028).
    for number, line in enumerate(body.split("\n"), start=first_line):
        line = line.rstrip("\r")
        if fence is not None:
            stripped = line.strip().lstrip(">").strip()
            if stripped.startswith(fence) and set(stripped) == {fence[0]}:
                fence = None
            continue
        if in_comment:
            if "-->" not in line:
                continue
            line = " " * (line.index("-->") + 3) + line[line.index("-->") + 3 :]
            in_comment = False
        if "<!--" in line:
            in_comment = "-->" not in line[line.rindex("<!--") :]
            line = _COMMENT.sub(_blank, line)
        opened = _FENCE.match(line)
        if opened:
            fence = opened.group("fence")
            previous_blank = False
            continue
        blank = not line.strip()
        if blank:
            previous_blank = True
            continue
        indented = line.startswith(("    ", "\t"))
        indented_code = indented and (indented_code or (previous_blank and not in_list))
        previous_blank = False
        if indented_code:
            continue
        if not indented:
            in_list = bool(_LIST_ITEM.match(line))
        elif _LIST_ITEM.match(line):
            in_list = True
        directive = DIRECTIVE.match(line)
        if directive:
            marks.directives.append(Directive(directive.group("name"), (directive.group("arg") or "").strip(), number))
            continue
        if "[[" in line:
            visible = _CODE_SPAN.sub(_blank, line) if "`" in line else line
            for ref in REFERENCE.finditer(visible):
                marks.references.append(Reference(ref.group("id").strip(), number, ref.start() + 1))
    return marks
