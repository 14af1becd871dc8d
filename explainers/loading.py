"""Loading explainers from ``docs/explainers/``: each pair of files read, checked and cached.

An explainer is ``<slug>.md`` (Indonesian, with all the front matter) and
optionally ``<slug>.en.md`` (the English body). :class:`Library` reads each
pair once and keeps the result until one of its files changes, so a site
build that runs once per language, or ``mkdocs serve`` rebuilding after an
edit, parses each explainer only once.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import body as body_marks
from . import document, placeholders, validation, yamltree
from .cache import Store
from .diagnostics import Diagnostic, Reporter, display_path
from .models import Body, Explainer, TranslationFrontMatter, is_slug
from .validation import check_body, check_front_matter, check_translation_front_matter

TRANSLATION_SUFFIX = ".en.md"
_LANGUAGE_SUFFIX = re.compile(r"\.[a-z]{2}(?:[-_][A-Za-z]+)?\.md$")


@dataclass(frozen=True)
class Result:
    """What loading one explainer gave: the explainer (when valid) and the problems found."""

    slug: str
    path: Path
    explainer: Explainer | None
    diagnostics: tuple[Diagnostic, ...]
    key: str | None = None  # what the result cache knows it by (None: not cached)
    draft: bool = False  # the front matter says draft: true (its warnings are notes in a site build)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]


def slug_of(path: Path) -> str:
    """``korea.md`` and ``korea.en.md`` both belong to the explainer ``korea``."""
    name = path.name
    if name.endswith(TRANSLATION_SUFFIX):
        return name[: -len(TRANSLATION_SUFFIX)]
    return name[:-3] if name.endswith(".md") else name


def original_of(path: Path) -> Path:
    return path.with_name(slug_of(path) + ".md")


def translation_of(path: Path) -> Path:
    return path.with_name(slug_of(path) + TRANSLATION_SUFFIX)


def is_translation(path: Path) -> bool:
    return path.name.endswith(TRANSLATION_SUFFIX)


def load(path: Path, today: dt.date | None = None) -> Result:
    """Read and check the explainer whose Indonesian file is ``path``, and its English file."""
    today = today or dt.date.today()
    slug = slug_of(path)
    shown = display_path(path)
    reporter = Reporter(shown)
    if not is_slug(slug):
        reporter.error(1, f"the file name '{path.name}' is not a slug: rename it with lowercase letters, "
                          "digits and single hyphens, for example korea-utara-rusia.md")
    english = translation_of(path)
    en_doc = _read_translation(english) if english.exists() else None
    meta = None
    body: Body | None = None
    claim_ids: set[str] | None = None  # what bodies may refer to; None: unknown, check syntax only
    draft = False
    text = document.read_text(path, reporter)
    if text is not None:
        doc = document.split(text, reporter)
        if doc is not None:
            en_body_text = en_doc[1].body if en_doc and en_doc[1] else ""
            # Scanned for the claim ids they use only when a claim id is given twice (0.35 ms of a 2.7 ms load).
            renamed = validation.renamed_claims(doc.front, lambda: _referenced(doc.body, en_body_text))
            if doc.front is not None or not reporter.has_errors:
                meta = check_front_matter(doc.front, reporter, today, renamed)
            body = Body(shown, doc.body, doc.body_line)
            claim_ids = validation.claim_ids(doc.front) if meta is None else {c.id for c in meta.claims}
            if claim_ids is not None:
                claim_ids |= renamed
            check_body(body, claim_ids, reporter)
            draft = _is_draft(doc.front)
            _placeholders(doc.front, body, draft, reporter)
    diagnostics = list(reporter.diagnostics)

    en_meta: TranslationFrontMatter | None = None
    en_body: Body | None = None
    if en_doc is not None:
        en_meta, en_body, en_diagnostics = _load_translation(english, en_doc, claim_ids, draft)
        diagnostics.extend(en_diagnostics)
    elif meta is not None:
        reporter_note = Reporter(shown)
        reporter_note.note(1, f"no English translation yet: the English page shows the Indonesian text "
                              f"with a notice until {display_path(english)} is written")
        diagnostics.extend(reporter_note.diagnostics)

    explainer = None
    if meta is not None and body is not None and not any(d.is_error for d in diagnostics):
        bodies = {"id": body}
        translated = {}
        if en_body is not None:
            bodies["en"] = en_body
            translated["en"] = en_meta or TranslationFrontMatter()
        explainer = Explainer(slug, meta, bodies, translated)
    order = sorted(diagnostics, key=lambda d: (d.path != shown, d.path, d.line, d.column or 0))
    return Result(slug, path, explainer, tuple(order), draft=draft)


def _referenced(*bodies: str) -> set[str]:
    """The claim ids the bodies place or cite."""
    ids: set[str] = set()
    for text in bodies:
        marks = body_marks.scan(text)
        ids.update(d.arg for d in marks.directives if d.name == "claim" and d.arg)
        ids.update(r.claim_id for r in marks.references)
    return ids


def _is_draft(front: yamltree.Node | None) -> bool:
    node = front.get("draft") if isinstance(front, yamltree.Mapping) else None
    return isinstance(node, yamltree.Scalar) and node.value == "true"


def _placeholders(front: yamltree.Node | None, body: Body, draft: bool, reporter: Reporter) -> None:
    """SPEC 12: a scaffold's placeholder is a note in a draft, an error once the explainer is published."""
    for line, text in placeholders.found(front, body.text, body.first_line):
        (reporter.note if draft else reporter.error)(line, placeholders.message(text, draft))


def _read_translation(path: Path) -> tuple[Reporter, document.Document | None]:
    reporter = Reporter(display_path(path))
    text = document.read_text(path, reporter)
    return reporter, document.split(text, reporter, required=False) if text is not None else None


def _load_translation(
    path: Path, read: tuple[Reporter, document.Document | None], claim_ids: set[str] | None, draft: bool
) -> tuple[TranslationFrontMatter | None, Body | None, list[Diagnostic]]:
    reporter, doc = read
    if doc is None:
        return None, None, reporter.diagnostics
    meta = (
        check_translation_front_matter(doc.front, display_path(original_of(path)), reporter)
        if doc.has_front_matter
        else TranslationFrontMatter()
    )
    body = Body(reporter.path, doc.body, doc.body_line)
    check_body(body, claim_ids, reporter)
    _placeholders(doc.front, body, draft, reporter)
    return meta, body, reporter.diagnostics


def orphan(path: Path) -> Result:
    """Rule 8: an English file with no Indonesian original."""
    reporter = Reporter(display_path(path))
    reporter.error(1, f"no Indonesian original: {display_path(original_of(path))} does not exist; "
                      "create it (it holds the front matter) or rename this file")
    return Result(slug_of(path), path, None, tuple(reporter.diagnostics))


def discover(paths: list[Path]) -> list[Path]:
    """The explainer files (Indonesian originals, and orphan translations) named by ``paths``."""
    found: dict[Path, None] = {}
    for given in paths:
        files = sorted(given.rglob("*.md")) if given.is_dir() else [given]
        for path in files:
            if is_translation(path) and original_of(path).exists():
                path = original_of(path)
            elif not is_translation(path) and _LANGUAGE_SUFFIX.search(path.name):
                continue  # another language's file, not ours
            found[path] = None
    return list(found)


def cached_result(store: Store, key: str | None) -> Result | None:
    """The checked explainer the store keeps as ``key``, if any."""
    return store.get(key, Result)


def result_key(store: Store, original: Path, today: dt.date) -> str | None:
    """What the store knows an explainer's check by: its files' bytes, where they are, and the date.

    The working directory too: diagnostics name files relative to it.
    """
    return store.key((str(original.resolve()), str(Path.cwd()), today.isoformat()), (original, translation_of(original)))


def check(path: Path, today: dt.date | None = None, cache: Store | None = None) -> Result:
    """Check the explainer ``path`` belongs to: given an English file, its pair.

    With a ``cache``, an explainer whose files have not changed since it was last checked
    (by this version of the code, on the same day) is not read and checked again.
    """
    today = today or dt.date.today()
    original = original_of(path) if is_translation(path) else path
    key = result_key(cache, original, today) if cache is not None else None
    if cache is not None and (hit := cached_result(cache, key)) is not None:
        return hit
    result = orphan(path) if is_translation(path) and not original.exists() else load(original, today)
    if cache is not None and key is not None:
        result = replace(result, key=key)
        cache.put(key, result)
    return result


def _signature(path: Path) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size)


@dataclass
class Library:
    """All explainers of a folder, each loaded once until its files change."""

    folder: Path
    disk: Store = field(default_factory=Store.default)
    _cache: dict[Path, tuple[tuple[object, ...], Result]] = field(default_factory=dict)
    parsed: int = 0  # how many explainers the last call to results() had to read

    def results(self, today: dt.date | None = None, only: frozenset[str] | None = None) -> list[Result]:
        """Every explainer's result (or only those whose slug is in ``only``), reading changed files only."""
        results = []
        self.parsed = 0
        paths = discover([self.folder]) if self.folder.is_dir() else []
        if only is not None:
            paths = [path for path in paths if slug_of(path) in only]
        for path in paths:
            key = (_signature(path), _signature(translation_of(path)), today)
            cached = self._cache.get(path)
            if cached is None or cached[0] != key:
                cached = (key, check(path, today, self.disk))
                self._cache[path] = cached
                self.parsed += 1
            results.append(cached[1])
        for gone in set(self._cache) - set(paths):
            del self._cache[gone]
        return results
