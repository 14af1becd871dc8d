"""A cache of checked and rendered explainers on disk, so unchanged files are not done again.

A build, a `mkdocs serve` restart or a pre-commit `explainers check` over hundreds of
explainers mostly meets files that have not changed since the last run. Each result is
stored under a key made of everything it depends on: the file's path and bytes (and its
English file's), the date (dates may not be in the future), and a fingerprint of this
package's code, templates and catalogs and of the libraries that shape a result. Any
change makes a new key; a cached result is never reused for different input. A build
also keeps each language's rendered :class:`~explainers.render.Fragments` under the
same key.

The cache lives outside the project, in ``$EXPLAINERS_CACHE_DIR``, else
``$XDG_CACHE_HOME/explainers`` or ``~/.cache/explainers``; ``EXPLAINERS_CACHE=off``
turns it off. Entries are pickles of the core's own records, read only from that
per-user folder. A cache that cannot be read or written is simply not used. Entries
unused for a week are removed, and so are the folders of older code versions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import shutil
import sys
import tempfile
import time
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from .loading import Result
    from .render import Fragments

_LIBRARIES = ("pydantic", "pydantic-core", "PyYAML", "babel", "python-frontmatter", "Jinja2", "MarkupSafe")
_SHAPING = (".py", ".html", ".po")  # this package's files that shape a result: code, templates, catalogs
STALE_AFTER = 7 * 24 * 3600  # seconds: entries, and older code versions' folders, unused for a week are removed
T = TypeVar("T")


@cache
def fingerprint() -> str:
    """What a result depends on besides its input: this package's code, templates and catalogs, and key libraries."""
    return package_fingerprint(Path(__file__).resolve().parent)


def package_fingerprint(package: Path) -> str:
    """A digest of the Python version, key libraries' versions, and ``package``'s code, templates and catalogs."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(sys.version.encode())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(name.encode())
    for source in sorted(p for p in package.rglob("*") if p.suffix in _SHAPING):
        digest.update(source.relative_to(package).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


def _root() -> Path | None:
    if os.environ.get("EXPLAINERS_CACHE", "").lower() in ("0", "off", "no", "false"):
        return None
    configured = os.environ.get("EXPLAINERS_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "explainers"


def template_folder(language: str) -> Path | None:
    """Where this code version keeps its compiled templates for ``language`` (None: no cache)."""
    root = _root()
    if root is None:
        return None
    folder = root / fingerprint() / "templates" / language
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


def _fragments_name(key: str | None, language: str) -> str | None:
    """A language's fragments are kept beside the result they were rendered from."""
    return f"{key}.{language}" if key else None


class ResultCache:
    """Checked explainers, and their rendered fragments, by their input."""

    def __init__(self, root: Path | None) -> None:
        self.folder = root / fingerprint() if root is not None else None
        self._pruned = False

    @classmethod
    def default(cls) -> ResultCache:
        return cls(_root())

    def key(self, path: Path, english: Path, today: dt.date) -> str | None:
        if self.folder is None:
            return None
        digest = hashlib.blake2b(digest_size=20)
        # The working directory too: diagnostics name files relative to it.
        digest.update(f"{path.resolve()}\0{Path.cwd()}\0{today.isoformat()}\0".encode())
        for part in (path, english):
            try:
                data = part.read_bytes()
            except FileNotFoundError:
                digest.update(b"\0absent\0")
            except OSError:
                return None  # unreadable: let the check report it
            else:
                digest.update(len(data).to_bytes(8, "little"))
                digest.update(data)
        return digest.hexdigest()

    def get(self, key: str | None) -> Result | None:
        from .loading import Result

        return self._read(key, Result)

    def put(self, key: str | None, result: Result) -> None:
        self._write(key, result)

    def get_fragments(self, key: str | None, language: str) -> Fragments | None:
        from .render import Fragments

        return self._read(_fragments_name(key, language), Fragments)

    def put_fragments(self, key: str | None, fragments: Fragments) -> None:
        self._write(_fragments_name(key, fragments.language), fragments)

    def _read(self, name: str | None, kind: type[T]) -> T | None:
        if name is None or self.folder is None:
            return None
        path = self.folder / name
        try:
            value = pickle.loads(path.read_bytes())
            os.utime(path)  # in use: not stale
        except Exception:
            return None
        return value if isinstance(value, kind) else None

    def _write(self, name: str | None, value: object) -> None:
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
        """Remove entries, and folders of other code versions, unused for a week (once per process, on its first write)."""
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
