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

from dataclasses import dataclass, field
from typing import Union

import yaml

try:  # libyaml's C parser is about 20x faster; fall back to pure Python.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 16
NULLS = frozenset({"", "~", "null", "Null", "NULL"})


@dataclass(eq=False)
class Scalar:
    value: str
    line: int  # 1-based, in the file
    column: int  # 1-based
    plain: bool  # written without quotes or block style

    @property
    def is_null(self) -> bool:
        return self.plain and self.value in NULLS


@dataclass(eq=False)
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


@dataclass(eq=False)
class Sequence:
    line: int
    column: int
    items: list[Node] = field(default_factory=list)


Node = Union[Scalar, Mapping, Sequence]


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


def parse(text: str, line_offset: int = 0) -> Node | None:
    """Parse ``text`` into a node tree; ``line_offset`` lines precede it in the file.

    Returns ``None`` for an empty document. Raises :class:`YAMLProblems`.
    Duplicate keys are collected and reported together; a syntax error stops
    the parse (nothing after it can be trusted).
    """
    problems: list[Problem] = []
    stack: list[Mapping | Sequence] = []
    pending_key: list[Scalar | None] = []  # per open mapping: the key awaiting its value
    root: Node | None = None
    documents = 0

    def place(node: Node) -> bool:
        """Attach node to its parent; return False if it is a key awaiting a value."""
        nonlocal root
        if not stack:
            root = node
            return True
        parent = stack[-1]
        if isinstance(parent, Sequence):
            parent.items.append(node)
            return True
        key = pending_key[-1]
        if key is None:
            if not isinstance(node, Scalar):
                problems.append(
                    Problem(node.line, node.column, "a key must be a plain word, not a list or mapping")
                )
                # keep parsing; use a placeholder key that cannot clash
                pending_key[-1] = Scalar(f"\0{id(node)}", node.line, node.column, False)
                return False
            pending_key[-1] = node
            return False
        pending_key[-1] = None
        if key.value in parent.entries:
            first = parent.entries[key.value][0]
            problems.append(
                Problem(
                    key.line,
                    key.column,
                    f"duplicate key '{key.value}' (first given at line {first.line}): "
                    "keep one of them",
                )
            )
        else:
            parent.entries[key.value] = (key, node)
        return True

    try:
        for event in yaml.parse(text, Loader=_Loader):
            line = event.start_mark.line + 1 + line_offset
            column = event.start_mark.column + 1
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise YAMLProblems(
                        [Problem(line, column, "front matter must be a single YAML document")]
                    )
                continue
            if isinstance(event, yaml.AliasEvent):
                raise YAMLProblems(
                    [
                        Problem(
                            line,
                            column,
                            f"YAML aliases (*{event.anchor}) are not allowed in front matter: "
                            "write the value out",
                        )
                    ]
                )
            if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if event.anchor is not None:
                    raise YAMLProblems(
                        [
                            Problem(
                                line,
                                column,
                                f"YAML anchors (&{event.anchor}) are not allowed in front matter: "
                                "write the value out",
                            )
                        ]
                    )
                tag = event.tag
                if tag is not None and tag not in ("!", "tag:yaml.org,2002:str"):
                    problems.append(
                        Problem(line, column, f"YAML tags ({tag}) are not allowed: remove the tag")
                    )
            if isinstance(event, yaml.ScalarEvent):
                plain = bool(event.implicit[0]) and not event.style
                place(Scalar(event.value, line, column, plain))
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if len(stack) >= MAX_DEPTH:
                    raise YAMLProblems(
                        [Problem(line, column, f"front matter is nested more than {MAX_DEPTH} levels deep")]
                    )
                container: Mapping | Sequence = (
                    Mapping(line, column)
                    if isinstance(event, yaml.MappingStartEvent)
                    else Sequence(line, column)
                )
                place(container)
                stack.append(container)
                pending_key.append(None)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                pending_key.pop()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else 1 + line_offset
        column = mark.column + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        lines = text.splitlines()
        source_line = lines[mark.line] if mark and mark.line < len(lines) else ""
        context = ""
        if exc.context and exc.context_mark and exc.context_mark is not mark:
            context = f" ({exc.context} that starts at line {exc.context_mark.line + 1 + line_offset})"
        problems.append(Problem(line, column, f"invalid YAML: {problem}{context}{_hint(problem, source_line)}"))
        raise YAMLProblems(problems) from None
    except yaml.YAMLError as exc:  # reader errors: control characters and the like
        problems.append(Problem(1 + line_offset, None, f"invalid YAML: {exc}"))
        raise YAMLProblems(problems) from None
    if problems:
        raise YAMLProblems(problems)
    return root


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
