"""The sources of explainer files as YAML nodes, with their lines, for passes that need no validation.

``explainers links`` and ``explainers check --stale`` look at a few fields of each
source (``url``, ``archive_url``, ``accessed``) and report at the line of the key;
they read the front matter with the same strict reader as the check, never write,
and leave every other rule to the check.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import document
from .diagnostics import Diagnostic, Reporter, display_path
from .loading import discover, is_translation
from .yamltree import Mapping, Scalar, Sequence


@dataclass(frozen=True)
class SourceNode:
    """One entry of a file's ``sources:`` list."""

    path: str  # as shown to the editor
    node: Mapping

    @property
    def id(self) -> str | None:
        return self.text("id")

    def text(self, key: str) -> str | None:
        """The field's text, or None when it is missing, empty or not text."""
        value = self.node.get(key)
        if isinstance(value, Scalar) and not value.is_null and value.value.strip():
            return value.value.strip()
        return None

    def line(self, key: str) -> int:
        return self.node.key_line(key)


@dataclass(frozen=True)
class FileSources:
    """The sources of one explainer file, and the problems that kept them from being read."""

    path: str
    sources: tuple[SourceNode, ...]
    problems: tuple[Diagnostic, ...]


def read(path: Path) -> FileSources:
    """The sources of the explainer file ``path`` (an English file has none)."""
    shown = display_path(path)
    if is_translation(path):
        return FileSources(shown, (), ())
    reporter = Reporter(shown)
    text = document.read_text(path, reporter)
    doc = document.split(text, reporter) if text is not None else None
    front = doc.front if doc is not None else None
    listed = front.get("sources") if isinstance(front, Mapping) else None
    items = listed.items if isinstance(listed, Sequence) else []
    found = tuple(SourceNode(shown, item) for item in items if isinstance(item, Mapping))
    errors = tuple(d for d in reporter.diagnostics if d.is_error)
    return FileSources(shown, found, errors)


def read_all(paths: list[Path]) -> Iterator[FileSources]:
    """The sources of every explainer named by ``paths`` (files or folders), in order."""
    for path in discover(paths):
        yield read(path)
