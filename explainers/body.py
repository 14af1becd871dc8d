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
_TITLE = re.compile(r"^ {0,3}#(?:[ \t]|$)")  # a level-1 heading: the page's title, which comes from the front matter
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")


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
    titles: list[int] = field(default_factory=list)  # the lines of level-1 headings (``# Title``)


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def scan(body: str, first_line: int = 1) -> Marks:
    """Find the directives and references of ``body``, whose first line is ``first_line`` in its file.

    Like Python-Markdown, it reads a directive only at the start of a block (after a blank
    line or another directive: a ``:::`` line inside a paragraph is ``misplaced``), and
    looks for ``[[id]]`` paragraph by paragraph, so that an inline code span may run over
    several lines.
    """
    if ":::" not in body and "[[" not in body and "#" not in body:
        return Marks()
    scanner = _Scanner()
    # Lines end at "\n" only, as in Markdown (str.splitlines would also break at U+2028).
    for number, line in enumerate(body.split("\n"), start=first_line):
        scanner.line(number, line.rstrip("\r"))
    scanner.flush()
    return scanner.marks


@dataclass
class _Scanner:
    """The state of one pass over a body's lines."""

    marks: Marks = field(default_factory=Marks)
    fence: str | None = None
    previous_blank: bool = True
    previous_directive: bool = False
    in_list: bool = False
    indented_code: bool = False
    in_comment: bool = False
    paragraph: list[tuple[int, str]] = field(default_factory=list)  # (line number, text) of the paragraph being read

    def line(self, number: int, line: str) -> None:
        if self.fence is not None:
            self._in_fence(line)
            return
        visible = self._without_comments(line)
        if visible is None:
            return  # inside a comment
        line = visible
        opened = _FENCE.match(line)
        if opened:
            self.flush()
            self.fence = opened.group("fence")
            self.previous_blank = self.previous_directive = False
        elif not line.strip():
            self.flush()
            self.previous_blank, self.previous_directive = True, False
        else:
            self._text(number, line)

    def _in_fence(self, line: str) -> None:
        assert self.fence is not None
        stripped = line.strip().lstrip(">").strip()
        if stripped.startswith(self.fence) and set(stripped) == {self.fence[0]}:
            self.fence = None

    def _without_comments(self, line: str) -> str | None:
        """The line with HTML comments (also those that span lines) blanked out; None: all comment."""
        if self.in_comment:
            if "-->" not in line:
                return None
            end = line.index("-->") + 3
            line = " " * end + line[end:]
            self.in_comment = False
        if "<!--" in line:
            self.in_comment = "-->" not in line[line.rindex("<!--") :]
            line = _COMMENT.sub(_blank, line)
        return line

    def _text(self, number: int, line: str) -> None:
        indented = line.startswith(("    ", "\t"))
        self.indented_code = indented and (self.indented_code or (self.previous_blank and not self.in_list))
        starts_block = self.previous_blank or self.previous_directive
        self.previous_blank = False
        if self.indented_code:
            self.flush()
            return
        if not indented:
            self.in_list = bool(_LIST_ITEM.match(line))
        elif _LIST_ITEM.match(line):
            self.in_list = True
        if _TITLE.match(line):
            self.marks.titles.append(number)
        directive = DIRECTIVE.match(line)
        # A heading is a block of its own: the line after it starts a new block.
        self.previous_directive = (bool(directive) and starts_block) or bool(_HEADING.match(line))
        if directive is not None:
            found = Directive(directive.group("name"), (directive.group("arg") or "").strip(), number)
            if starts_block:
                self.flush()
                self.marks.directives.append(found)
                return
            self.marks.misplaced.append(found)
        self.paragraph.append((number, line))

    def flush(self) -> None:
        """The paragraph read so far is complete: find its references, outside code spans."""
        paragraph = self.paragraph
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
                self.marks.references.append(
                    Reference(ref.group("id").strip(), paragraph[index][0], ref.start() - starts[index] + 1)
                )
        paragraph.clear()
