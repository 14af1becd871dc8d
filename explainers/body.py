"""Where a body places claim boxes, cites claims and places the source table.

The body syntax (documented in EDITING.md):

``::: claim <id>``
    on a line of its own: the box of claim ``<id>`` goes here.
``::: sources``
    on a line of its own: the source table goes here (default: the end).
``[[<id>]]``
    inside a sentence: a numbered marker that links to the claim's box.

Rendering uses a real Markdown parser (Python-Markdown, with the extension of
:mod:`explainers.extension`). This module is the fast, line-based reading used
to check the rules and to report their lines: it skips fenced code, indented
code and inline code spans as the parser does, so a check and a build agree on
what a body refers to.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

DIRECTIVE = re.compile(r"^:::[ \t]*(?P<name>[^\s]*)(?:[ \t]+(?P<arg>.*?))?[ \t]*$")
REFERENCE = re.compile(r"(?<!\\)\[\[(?P<id>[^\[\]\n]*)\]\]")
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_FENCE = re.compile(r"^(?:[ \t]*>)*[ \t]*(?P<fence>`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)", re.S)
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
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
    misplaced: list[Directive] = field(default_factory=list)  # ``:::`` lines inside a paragraph


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def scan(body: str, first_line: int = 1) -> Marks:
    """Find the directives and references of ``body``, whose first line is ``first_line`` in its file.

    Like Python-Markdown, it reads a directive only at the start of a block (after a blank
    line or another directive: a ``:::`` line inside a paragraph is marked ``starts_block
    = False``), and looks for ``[[id]]`` paragraph by paragraph, so that an inline code
    span may run over several lines.
    """
    marks = Marks()
    if ":::" not in body and "[[" not in body:
        return marks
    fence: str | None = None
    previous_blank = True
    previous_directive = False
    in_list = False
    indented_code = False
    in_comment = False
    paragraph: list[tuple[int, str]] = []  # (line number, text) of the paragraph being read

    def flush() -> None:
        if not paragraph:
            return
        text = "\n".join(line for _, line in paragraph)
        if "[[" in text:
            visible = _CODE_SPAN.sub(_blank, text) if "`" in text else text
            starts = [0]
            for _, line in paragraph:
                starts.append(starts[-1] + len(line) + 1)
            for ref in REFERENCE.finditer(visible):
                index = bisect.bisect_right(starts, ref.start()) - 1
                marks.references.append(
                    Reference(ref.group("id").strip(), paragraph[index][0], ref.start() - starts[index] + 1)
                )
        paragraph.clear()

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
            flush()
            fence = opened.group("fence")
            previous_blank = previous_directive = False
            continue
        if not line.strip():
            flush()
            previous_blank = True
            previous_directive = False
            continue
        indented = line.startswith(("    ", "\t"))
        indented_code = indented and (indented_code or (previous_blank and not in_list))
        starts_block = previous_blank or previous_directive
        previous_blank = False
        if indented_code:
            flush()
            continue
        if not indented:
            in_list = bool(_LIST_ITEM.match(line))
        elif _LIST_ITEM.match(line):
            in_list = True
        directive = DIRECTIVE.match(line)
        # A heading is a block of its own: the line after it starts a new block.
        previous_directive = (bool(directive) and starts_block) or bool(_HEADING.match(line))
        if directive and starts_block:
            flush()
            name, arg = directive.group("name"), (directive.group("arg") or "").strip()
            marks.directives.append(Directive(name, arg, number))
            continue
        if directive:
            marks.misplaced.append(Directive(directive.group("name"), (directive.group("arg") or "").strip(), number))
        paragraph.append((number, line))
    flush()
    return marks
