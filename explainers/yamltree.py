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
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # libyaml's C parser is about 20x faster; fall back to pure Python.
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _CParser = None  # type: ignore[assignment,misc]


def _events(text: str) -> Iterator[Any]:
    """libyaml's events of ``text``, pulled straight from its C parser (no generator in between)."""
    if _CParser is None:  # pragma: no cover
        return yaml.parse(text, Loader=yaml.SafeLoader)
    return iter(_CParser(text).get_event, None)

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


_SCALAR, _MAPPING, _SEQUENCE, _END, _DOCUMENT, _ALIAS = range(6)
_KINDS = {
    yaml.ScalarEvent: _SCALAR,
    yaml.MappingStartEvent: _MAPPING,
    yaml.SequenceStartEvent: _SEQUENCE,
    yaml.MappingEndEvent: _END,
    yaml.SequenceEndEvent: _END,
    yaml.DocumentStartEvent: _DOCUMENT,
    yaml.AliasEvent: _ALIAS,
}
_PLAIN_TAGS = (None, "!", "tag:yaml.org,2002:str")


def _refuse(line: int, column: int, message: str) -> YAMLProblems:
    return YAMLProblems([Problem(line, column, message)])


def parse(text: str, line_offset: int = 0) -> Node | None:
    """Parse ``text`` into a node tree; ``line_offset`` lines precede it in the file.

    Returns ``None`` for an empty document. Raises :class:`YAMLProblems` for
    any problem; :func:`read` keeps the tree when the problems allow it.
    """
    tree, problems = read(text, line_offset)
    if problems:
        raise YAMLProblems(problems)
    return tree


_EXTRA_BREAKS = ("\u2028", "\u2029", "\x85")


def read(text: str, line_offset: int = 0) -> tuple[Node | None, list[Problem]]:
    """Parse ``text`` into a node tree and the problems that did not stop the parse.

    Duplicate keys, tags and keys that are not words are problems of their
    own: the tree (first key kept) is still returned, so the rest of the file
    can be checked. A syntax error, an anchor or alias, or nesting too deep
    raise :class:`YAMLProblems`: nothing after them can be trusted. This loop
    runs once per event of every explainer in a build: keep it lean.
    """
    problems: list[Problem] = []
    # libyaml also breaks lines at U+2028, U+2029 and U+0085, which editors and
    # Markdown do not: then count lines from the character index instead.
    breaks = [i for i, c in enumerate(text) if c == "\n"] if any(b in text for b in _EXTRA_BREAKS) else None
    stack: list[Mapping | Sequence] = []
    keys: list[Scalar | None] = []  # per open container: the mapping key awaiting its value
    root: Node | None = None
    documents = 0
    base = line_offset + 1
    try:
        event: Any
        for event in _events(text):
            kind = _KINDS.get(type(event))
            if kind == _END:
                stack.pop()
                keys.pop()
                continue
            if kind is None:
                continue
            mark = event.start_mark
            line, column = mark.line + base, mark.column + 1
            if breaks is not None:
                line = bisect.bisect_left(breaks, mark.index) + base
            if kind == _DOCUMENT:
                documents += 1
                if documents > 1:
                    raise _refuse(line, column, "front matter must be a single YAML document")
                continue
            if kind == _ALIAS:
                raise _refuse(line, column, f"YAML aliases (*{event.anchor}) are not allowed in front matter: "
                                            "write the value out")
            if event.anchor is not None:
                raise _refuse(line, column, f"YAML anchors (&{event.anchor}) are not allowed in front matter: "
                                            "write the value out")
            if event.tag not in _PLAIN_TAGS:
                problems.append(Problem(line, column, f"YAML tags ({event.tag}) are not allowed: remove the tag"))
            node: Node
            if kind == _SCALAR:
                node = Scalar(event.value, line, column, bool(event.implicit[0]) and not event.style)
            else:
                if len(stack) >= MAX_DEPTH:
                    raise _refuse(line, column, f"front matter is nested more than {MAX_DEPTH} levels deep")
                node = Mapping(line, column, {}) if kind == _MAPPING else Sequence(line, column, [])
            # Attach the node to its parent.
            if not stack:
                root = node
            else:
                parent = stack[-1]
                if type(parent) is Sequence:
                    parent.items.append(node)
                else:
                    key = keys[-1]
                    if key is None:
                        if type(node) is Scalar:
                            keys[-1] = node
                        else:
                            problems.append(Problem(line, column, "a key must be a plain word, not a list or mapping"))
                            keys[-1] = Scalar(f"\0{id(node)}", line, column, False)  # a key that cannot clash
                    else:
                        keys[-1] = None
                        entries = parent.entries  # type: ignore[union-attr]
                        if key.value in entries:
                            first = entries[key.value][0]
                            problems.append(Problem(
                                key.line, key.column,
                                f"duplicate key '{key.value}' (first given at line {first.line}): keep one of them",
                            ))
                        else:
                            entries[key.value] = (key, node)
            if kind != _SCALAR:
                stack.append(node)  # type: ignore[arg-type]
                keys.append(None)
    except yaml.MarkedYAMLError as exc:
        error_mark: Any = exc.problem_mark or exc.context_mark
        line = (error_mark.line + 1 + line_offset) if error_mark else 1 + line_offset
        column = error_mark.column + 1 if error_mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        lines = text.splitlines()
        source_line = lines[error_mark.line] if error_mark and error_mark.line < len(lines) else ""
        context = ""
        if exc.context and exc.context_mark and exc.context_mark is not error_mark:
            context = f" ({exc.context} that starts at line {exc.context_mark.line + 1 + line_offset})"
        problems.append(Problem(line, column, f"invalid YAML: {problem}{context}{_hint(problem, source_line)}"))
        raise YAMLProblems(problems) from None
    except yaml.YAMLError as exc:  # reader errors: control characters and the like
        problems.append(Problem(1 + line_offset, None, f"invalid YAML: {exc}"))
        raise YAMLProblems(problems) from None
    return root, problems


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
