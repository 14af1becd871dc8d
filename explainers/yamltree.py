"""A strict YAML reader for front matter: every scalar stays a string.

YAML's implicit typing changes what editors mean (``status: false`` becomes a
boolean, ``language: no`` too, ``2023-13-45`` crashes the date constructor).
Following the StrictYAML approach, this module builds the document from
libyaml's event stream into a small tree of :class:`Scalar`, :class:`Mapping`
and :class:`Sequence` nodes that keep their line and column, and leaves typing
to the models. It also refuses what front matter never needs and attackers
love: anchors and aliases ("billion laughs"), explicit tags, nesting deeper
than a handful of levels, and duplicate keys.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # libyaml's parser is about 20x faster than PyYAML's own; both have the same events.
    from yaml import CBaseLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import BaseLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 16
NULLS = frozenset({"", "~", "null", "Null", "NULL"})


@dataclass(eq=False, slots=True)
class Scalar:
    value: str
    line: int  # 1-based, in the file
    column: int  # 1-based
    plain: bool  # written without quotes or block style

    @property
    def is_null(self) -> bool:
        return self.plain and self.value in NULLS


@dataclass(eq=False, slots=True)
class Mapping:
    line: int
    column: int
    # key -> (key node, value node); insertion order is the file's order
    entries: dict[str, tuple[Scalar, Node]] = field(default_factory=dict)

    def get(self, key: str) -> Node | None:
        entry = self.entries.get(key)
        return entry[1] if entry else None

    def key_line(self, key: str) -> int:
        entry = self.entries.get(key)
        return entry[0].line if entry else self.line


@dataclass(eq=False, slots=True)
class Sequence:
    line: int
    column: int
    items: list[Node] = field(default_factory=list)


Node = Scalar | Mapping | Sequence


@dataclass(frozen=True)
class Problem:
    """A problem found while reading YAML, at a 1-based place in the file."""

    line: int
    column: int | None
    message: str


class YAMLProblems(Exception):
    """The text is not front matter this reader accepts."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


def _hint(problem: str, source_line: str) -> str:
    if "\t" in source_line or "'\\t'" in problem:
        return " (indent with spaces: YAML does not allow tabs)"
    if "mapping values are not allowed" in problem:
        return ' (put text that contains ": " in quotes)'
    if "could not find expected ':'" in problem:
        return " (each line needs `key: value`; check the indentation and quotes)"
    if "found unexpected end of stream" in problem or "found unknown escape" in problem:
        return " (check that every quote is closed)"
    return ""


_PLAIN_TAGS = (None, "!", "tag:yaml.org,2002:str")
# libyaml also breaks lines at these, which editors and Markdown do not.
_EXTRA_BREAKS = ("\u2028", "\u2029", "\x85")


def _refuse(line: int, column: int, message: str) -> YAMLProblems:
    return YAMLProblems([Problem(line, column, message)])


Container = Mapping | Sequence


class _Builder:
    """Builds the tree from a loader's events.

    A node is opened from its first event (its own checks); a container is then
    filled from the events up to its end. A value is opened, and its key checked
    against the keys before it, before what it holds is read: problems come in
    the file's order.
    """

    def __init__(self, loader: Any, text: str, line_offset: int, problems: list[Problem]) -> None:
        self.next_event = loader.get_event
        self.base = line_offset + 1
        # With extra line breaks, count lines from the character index instead.
        self.breaks = [i for i, c in enumerate(text) if c == "\n"] if any(b in text for b in _EXTRA_BREAKS) else None
        self.problems = problems

    def document(self) -> Node | None:
        """The stream's one document: its root node, or None when empty."""
        root: Node | None = None
        documents = 0
        while (event := self.next_event()) is not None:
            if type(event) is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _refuse(*self.place(event), "front matter must be a single YAML document")
            elif isinstance(event, yaml.NodeEvent):
                root = self.node(event, 0)
        return root

    def place(self, event: Any) -> tuple[int, int]:
        mark = event.start_mark
        if self.breaks is not None:
            return bisect.bisect_left(self.breaks, mark.index) + self.base, mark.column + 1
        return mark.line + self.base, mark.column + 1

    def node(self, event: Any, depth: int) -> Node:
        """The node ``event`` starts, with what it holds; ``depth`` containers are open around it."""
        node = self.open(event, depth)
        if not isinstance(node, Scalar):
            self.fill(node, depth + 1)
        return node

    def open(self, event: Any, depth: int) -> Node:
        """The node ``event`` starts, still empty if it is a container."""
        line, column = self.place(event)
        if type(event) is yaml.AliasEvent:
            raise _refuse(line, column, f"YAML aliases (*{event.anchor}) are not allowed in front matter: "
                                        "write the value out")
        if event.anchor is not None:
            raise _refuse(line, column, f"YAML anchors (&{event.anchor}) are not allowed in front matter: "
                                        "write the value out")
        if event.tag not in _PLAIN_TAGS:
            self.problems.append(Problem(line, column, f"YAML tags ({event.tag}) are not allowed: remove the tag"))
        if type(event) is yaml.ScalarEvent:
            return Scalar(event.value, line, column, bool(event.implicit[0]) and not event.style)
        if depth >= MAX_DEPTH:
            raise _refuse(line, column, f"front matter is nested more than {MAX_DEPTH} levels deep")
        if type(event) is yaml.MappingStartEvent:
            return Mapping(line, column, {})
        return Sequence(line, column, [])

    def fill(self, node: Container, depth: int) -> None:
        if isinstance(node, Mapping):
            self.fill_mapping(node, depth)
        else:
            self.fill_sequence(node, depth)

    def fill_sequence(self, node: Sequence, depth: int) -> None:
        items = node.items
        while type(event := self.next_event()) is not yaml.SequenceEndEvent:
            items.append(self.node(event, depth))

    def fill_mapping(self, node: Mapping, depth: int) -> None:
        entries = node.entries
        while type(event := self.next_event()) is not yaml.MappingEndEvent:
            key = self.key(event, depth)
            value = self.open(self.next_event(), depth)
            if key.value in entries:
                first = entries[key.value][0]
                self.problems.append(Problem(
                    key.line, key.column,
                    f"duplicate key '{key.value}' (first given at line {first.line}): keep one of them",
                ))
            else:
                entries[key.value] = (key, value)
            if not isinstance(value, Scalar):
                self.fill(value, depth + 1)

    def key(self, event: Any, depth: int) -> Scalar:
        """A mapping's key; a list or mapping as key is a problem, and gets a key that cannot clash."""
        key = self.open(event, depth)
        if isinstance(key, Scalar):
            return key
        self.problems.append(Problem(key.line, key.column, "a key must be a plain word, not a list or mapping"))
        self.fill(key, depth + 1)
        return Scalar(f"\0{id(key)}", key.line, key.column, False)


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, line_offset: int) -> Problem:
    """A parse error, at its place in the file, with a hint at the usual fix."""
    mark: Any = exc.problem_mark or exc.context_mark
    line = (mark.line + 1 + line_offset) if mark else 1 + line_offset
    column = mark.column + 1 if mark else None
    problem = exc.problem or exc.context or "invalid YAML"
    lines = text.splitlines()
    source_line = lines[mark.line] if mark and mark.line < len(lines) else ""
    context = ""
    if exc.context and exc.context_mark and exc.context_mark is not mark:
        context = f" ({exc.context} that starts at line {exc.context_mark.line + 1 + line_offset})"
    return Problem(line, column, f"invalid YAML: {problem}{context}{_hint(problem, source_line)}")


def read(text: str, line_offset: int = 0) -> tuple[Node | None, list[Problem]]:
    """Parse ``text`` into a node tree and the problems that did not stop the parse.

    ``line_offset`` lines precede ``text`` in the file; the tree is None for an
    empty document. Duplicate keys, tags and keys that are not words are
    problems of their own: the tree (first key kept) is still returned, so the
    rest of the file can be checked. A syntax error, an anchor or alias, or
    nesting too deep raise :class:`YAMLProblems`: nothing after them can be
    trusted. This runs once per event of every explainer in a build: keep it lean.
    """
    problems: list[Problem] = []
    try:
        loader = _Loader(text)  # PyYAML's own reader checks the characters here already
        try:
            return _Builder(loader, text, line_offset, problems).document(), problems
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        problems.append(_syntax_problem(exc, text, line_offset))
    except yaml.YAMLError as exc:  # reader errors: control characters and the like
        problems.append(Problem(1 + line_offset, None, f"invalid YAML: {exc}"))
    raise YAMLProblems(problems)


def to_python(node: Node | None) -> object:
    """Plain Python data for the models: strings, lists, dicts and ``None``."""
    if node is None:
        return None
    if isinstance(node, Scalar):
        return None if node.is_null else node.value
    if isinstance(node, Sequence):
        return [to_python(item) for item in node.items]
    return {key: to_python(value) for key, (_, value) in node.entries.items()}


def locate(node: Node | None, path: tuple[int | str, ...]) -> tuple[int, int | None] | None:
    """The (line, column) of the node at ``path`` (keys and list indexes).

    For a key, the line of the key itself; where the path leaves the tree (a
    missing field), the line of the deepest node that exists.
    """
    here: Node | None = node
    place: tuple[int, int | None] | None = (node.line, node.column) if node else None
    for step in path:
        if isinstance(here, Mapping) and isinstance(step, str) and step in here.entries:
            key, value = here.entries[step]
            place = (key.line, key.column)
            here = value
        elif isinstance(here, Sequence) and isinstance(step, int) and 0 <= step < len(here.items):
            here = here.items[step]
            place = (here.line, here.column)
        else:
            break
    return place
