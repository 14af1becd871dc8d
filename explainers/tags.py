"""Tag labels (SPEC 12): each tag's name in both languages, from one file the site keeps.

``docs/explainers/tags.yml`` maps a tag, as explainers write it, to its label in
each language::

    korea-utara:
      id: Korea Utara
      en: North Korea

Tag pages and explainer headers show the label of their page's language. A tag
with no label shows the tag itself and is listed by ``explainers check
--translations``; neither that nor a mistake in the file ever fails a build
(mistakes are notes, at their line).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import i18n, yamltree
from .diagnostics import Diagnostic, Reporter, display_path

LABELS_FILE = "tags.yml"


def _key(tag: str) -> str:
    """Tags are matched as their listing's slug is: ``Korea Utara`` and ``korea-utara`` are one tag."""
    from .listings import tag_anchor

    return tag_anchor(tag)


@dataclass(frozen=True)
class TagLabels:
    """Labels by tag, each ``{language: label}``."""

    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    digest: bytes = b""  # the file's bytes: what a cache of anything showing a label must depend on

    def label(self, tag: str, language: str) -> str:
        return self.labels.get(_key(tag), {}).get(language) or tag

    def unlabelled(self, tags: Iterable[str]) -> list[str]:
        """The tags with no label in some language of the site."""
        return [t for t in tags if any(lang not in self.labels.get(_key(t), {}) for lang in i18n.LANGUAGES)]


def example(tag: str) -> str:
    return f"'{tag}:' with 'id: …' and 'en: …' below it"


def read(folder: Path) -> tuple[TagLabels, list[Diagnostic]]:
    """The labels of ``folder``'s tag file (none when it does not exist) and the notes on its mistakes."""
    path = folder / LABELS_FILE
    try:
        data = path.read_bytes()
    except OSError:
        return TagLabels(), []
    reporter = Reporter(display_path(path))
    try:
        tree, problems = yamltree.read(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        reporter.note(1, "the file is not UTF-8 text: save it with UTF-8 encoding; tags show their slugs")
        return TagLabels(digest=data), reporter.diagnostics
    except yamltree.YAMLProblems as exc:
        tree, problems = None, exc.problems
    for problem in problems:
        reporter.note(problem.line, f"{problem.message} (tag labels are not read from here)")
    labels: dict[str, dict[str, str]] = {}
    if tree is not None and not isinstance(tree, yamltree.Mapping):
        reporter.note(tree.line, f"the file must map each tag to its labels: {example('tag')}")
    elif isinstance(tree, yamltree.Mapping):
        for tag, (key, value) in tree.entries.items():
            found = _labels(value)
            if found is None:
                reporter.note(key.line, f"tag '{tag}' needs its labels below it: 'id: …' and 'en: …'")
            else:
                labels[_key(tag)] = found
    return TagLabels(labels, data), reporter.diagnostics


def _labels(node: yamltree.Node | None) -> dict[str, str] | None:
    if not isinstance(node, yamltree.Mapping):
        return None
    found = {
        language: value.value
        for language, (_, value) in node.entries.items()
        if language in i18n.LANGUAGES and isinstance(value, yamltree.Scalar) and value.value.strip()
    }
    return found or None
