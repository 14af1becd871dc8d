"""A store on disk for results worth keeping between runs: a generic, typed key-value cache.

A build, a `mkdocs serve` restart or a pre-commit `explainers check` over hundreds of
explainers mostly meets files that have not changed since the last run. Callers store
each result under a key made of everything it depends on (:meth:`Store.key` hashes
files and words); the store adds a fingerprint of this package's code, templates and
catalogs, of the libraries that shape a result, and of anything else the caller names
(a site's template overrides, in the key), so a cached value is never reused for different input.

This module knows nothing of what it stores: typed getters live beside their types
(:func:`explainers.loading.cached_result`, :func:`explainers.fragments.cached`).

The store lives outside the project, in ``$EXPLAINERS_CACHE_DIR``, else
``$XDG_CACHE_HOME/explainers`` or ``~/.cache/explainers``; ``EXPLAINERS_CACHE=off``
turns it off. Entries are pickles, read only from that per-user folder. A store that
cannot be read or written is simply not used. Entries unused for a week are removed,
and so are the folders of older fingerprints.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TypeVar

_LIBRARIES = ("pydantic", "pydantic-core", "PyYAML", "babel", "python-frontmatter", "Jinja2", "MarkupSafe")
_SHAPING = (".py", ".html", ".po")  # files that shape a result: code, templates, catalogs
STALE_AFTER = 7 * 24 * 3600  # seconds: entries, and older fingerprints' folders, unused for a week are removed
T = TypeVar("T")


@cache
def fingerprint() -> str:
    """What a result depends on besides its input: this package's files and key libraries."""
    return package_fingerprint(Path(__file__).resolve().parent)


def folder_digest(folder: Path, digest: hashlib.blake2b | None = None) -> str:
    """A digest of the shaping files (code, templates, catalogs) below ``folder``, by relative path."""
    digest = digest or hashlib.blake2b(digest_size=16)
    if folder.is_dir():
        for source in sorted(p for p in folder.rglob("*") if p.suffix in _SHAPING and p.is_file()):
            digest.update(source.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(source.read_bytes())
    return digest.hexdigest()


def package_fingerprint(package: Path) -> str:
    """A digest of the Python version, key libraries' versions, and ``package``'s code, templates and catalogs."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(sys.version.encode())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(name.encode())
    return folder_digest(package, digest)


def default_root() -> Path | None:
    """The per-user cache folder, or None when the cache is turned off."""
    if os.environ.get("EXPLAINERS_CACHE", "").lower() in ("0", "off", "no", "false"):
        return None
    configured = os.environ.get("EXPLAINERS_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "explainers"


class Store:
    """Values by name, in a folder of their own for each fingerprint of the code."""

    def __init__(self, root: Path | None) -> None:
        self.folder = root / fingerprint() if root is not None else None
        self._pruned = False

    @classmethod
    def default(cls) -> Store:
        return cls(default_root())

    def key(self, words: Iterable[str], files: Iterable[Path]) -> str | None:
        """A name for a value made from ``words`` and the bytes of ``files`` (an absent file counts as absent).

        None when the store is off, or a file cannot be read (let the caller report it).
        """
        if self.folder is None:
            return None
        digest = hashlib.blake2b(digest_size=20)
        for word in words:
            digest.update(word.encode() + b"\0")
        for part in files:
            try:
                data = part.read_bytes()
            except FileNotFoundError:
                digest.update(b"\0absent\0")
            except OSError:
                return None
            else:
                digest.update(len(data).to_bytes(8, "little"))
                digest.update(data)
        return digest.hexdigest()

    def subfolder(self, name: str) -> Path | None:
        """A folder of this fingerprint for files a library writes itself (compiled templates); None: no store."""
        if self.folder is None:
            return None
        folder = self.folder / name
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        return folder

    def get(self, name: str | None, kind: type[T]) -> T | None:
        """The value stored as ``name`` if there is one of type ``kind``."""
        if name is None or self.folder is None:
            return None
        path = self.folder / name
        try:
            value = pickle.loads(path.read_bytes())
            os.utime(path)  # in use: not stale
        except Exception:
            return None
        return value if isinstance(value, kind) else None

    def put(self, name: str | None, value: object) -> None:
        if name is None or self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._prune()
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
            with os.fdopen(handle, "wb") as file:
                pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.folder / name)
        except OSError:
            return

    def _prune(self) -> None:
        """Remove entries, and folders of other fingerprints, unused for a week (once per process, on its first write)."""
        if self._pruned or self.folder is None:
            return
        self._pruned = True
        cutoff = time.time() - STALE_AFTER
        for folder in (self.folder.parent, self.folder):
            with os.scandir(folder) as entries:
                for entry in entries:
                    try:
                        if entry.path == str(self.folder) or entry.stat().st_mtime >= cutoff:
                            continue
                        if entry.is_dir():
                            shutil.rmtree(entry.path, ignore_errors=True)
                        elif folder == self.folder:
                            os.unlink(entry.path)
                    except OSError:
                        continue
