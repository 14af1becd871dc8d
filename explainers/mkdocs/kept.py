"""Pages kept between ``mkdocs serve`` rebuilds: a page whose inputs did not change is not rendered again.

MkDocs and static-i18n rebuild every page of every language on each change. Here
each page's key, made of everything that went into it, is kept in memory, and its
finished HTML is left in the output folder (:mod:`~explainers.mkdocs.folder`); the
next build hands a page whose key is unchanged an empty template, instead of
converting its Markdown and rendering the theme around it, and does not write it.

What goes into a key:

- for every page: the *site's look* (the MkDocs config file, every file of the docs
  folder but the explainers, the theme's custom folder, the package's templates and
  catalogs, today's date), the page's language, output path, URL and language
  alternates;
- for an explainer's page: the bytes of its two files (and, if its bodies link to
  other pages, which explainers are published), decided before the page is read:
  nothing of it is converted or rendered;
- for any other page (home, listings, site pages): its converted content, title,
  table of contents and metadata, after the core has rendered its listings: only
  the theme's rendering is spared.

A key that differs in any of these renders the page again; so does a page the
previous build did not make, or whose file is not in place. Pages of a build are
kept for the next one only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from jinja2.bccache import Bucket, BytecodeCache

from ..cache import folder_digest
from .folder import KeptFolder

TEMPLATE = "explainers-kept.html"  # the template of a kept page: it writes nothing (the file is in place)
SOURCE = ""


@dataclass(frozen=True)
class KeptPage:
    key: str
    anchors: frozenset[str]  # the page's anchors, for the links of other pages to be checked against


def digest(*parts: object) -> str:
    hashed = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part if isinstance(part, bytes) else repr(part).encode()
        hashed.update(len(data).to_bytes(8, "little") + data)
    return hashed.hexdigest()


def read_files(paths: Iterable[Path]) -> dict[Path, bytes | None]:
    """The bytes of each of ``paths`` (None: absent or unreadable)."""
    found: dict[Path, bytes | None] = {}
    for path in paths:
        try:
            found[path] = path.read_bytes()
        except OSError:
            found[path] = None
    return found


def files_digest(files: Iterable[Path] | dict[Path, bytes | None]) -> str:
    """The names and bytes of files (paths, or what :func:`read_files` read of them; absent counts as absent)."""
    read = files if isinstance(files, dict) else read_files(files)
    return digest(*(part for path, data in read.items() for part in (str(path), data)))


def look_digest(
    config_file: Path | None, docs: Path, skipped: Path, folders: Iterable[Path], today: dt.date, shaped: str = ""
) -> str:
    """What every page depends on: the config, the docs but the explainers in ``skipped`` (their tag labels
    file is in), template folders, the date, and ``shaped``: a digest of other folders, already made."""
    explainers = f"{skipped}{os.sep}"  # a prefix, not p.parents: the docs hold thousands of explainer files
    site_files = sorted(p for p in docs.rglob("*") if (p.suffix != ".md" or not str(p).startswith(explainers)) and p.is_file())
    shaping = [folder_digest(folder) for folder in folders]
    return digest(files_digest([*([config_file] if config_file else []), *site_files]), shaping, today.isoformat(), shaped)


class CompiledTemplates(BytecodeCache):
    """The theme's templates, compiled once per preview (MkDocs makes a new environment for every build);
    Jinja checks each template's source against the one it was compiled from."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


@dataclass
class PageKeeper:
    """Each page of the previous build, by output path (its HTML is in ``folder``); this build's, for the next."""

    folder: KeptFolder = field(default_factory=KeptFolder)
    kept: dict[str, KeptPage] = field(default_factory=dict)
    made: dict[str, KeptPage] = field(default_factory=dict)
    reused: int = 0
    compiled: CompiledTemplates = field(default_factory=CompiledTemplates)

    def start(self) -> None:
        """A new build of the whole site (every language): what the last one made is what is kept."""
        if self.made:
            self.kept, self.made = self.made, {}
        self.reused = 0

    def find(self, path: str, key: str) -> KeptPage | None:
        """The kept page at ``path`` if its key is ``key`` (and its file is in place)."""
        found = self.kept.get(path)
        if found is None or found.key != key or not self.folder.holds(path):
            return None
        self.reused += 1
        self.made[path] = found
        return found

    def keep(self, path: str, key: str, anchors: Iterable[str]) -> None:
        self.made[path] = KeptPage(key, frozenset(anchors))
