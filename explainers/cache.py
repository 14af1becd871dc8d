"""A cache of checked explainers on disk, so unchanged files are not read and checked again.

A build, a `mkdocs serve` restart or a pre-commit `explainers check` over hundreds of
explainers mostly meets files that have not changed since the last run. Each result is
stored under a key made of everything it depends on: the file's path and bytes (and its
English file's), the date (dates may not be in the future), and a fingerprint of this
package's code and of the libraries that shape a result. Any change makes a new key;
a cached result is never reused for different input.

The cache lives outside the project, in ``$EXPLAINERS_CACHE_DIR``, else
``$XDG_CACHE_HOME/explainers`` or ``~/.cache/explainers``; ``EXPLAINERS_CACHE=off``
turns it off. Entries are pickles of the check's own result objects, read only from
that per-user folder. A cache that cannot be read or written is simply not used.
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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .loading import Result

_LIBRARIES = ("pydantic", "pydantic-core", "PyYAML", "babel", "python-frontmatter")
STALE_AFTER = 7 * 24 * 3600  # seconds: older code versions' folders are removed after a week unused


@cache
def fingerprint() -> str:
    """What a result depends on besides its input: this package's code and key libraries."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(sys.version.encode())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(name.encode())
    package = Path(__file__).resolve().parent
    for source in sorted(package.rglob("*.py")):
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


class ResultCache:
    """Checked explainers, by their input."""

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
        if key is None or self.folder is None:
            return None
        try:
            result: Result = pickle.loads((self.folder / key).read_bytes())
        except Exception:
            return None
        return result

    def put(self, key: str | None, result: Result) -> None:
        if key is None or self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._prune()
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
            with os.fdopen(handle, "wb") as file:
                pickle.dump(result, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.folder / key)
        except OSError:
            return

    def _prune(self) -> None:
        """Remove the folders of code versions unused for a week (once per process)."""
        if self._pruned or self.folder is None:
            return
        self._pruned = True
        cutoff = time.time() - STALE_AFTER
        for sibling in self.folder.parent.iterdir():
            try:
                if sibling != self.folder and sibling.is_dir() and sibling.stat().st_mtime < cutoff:
                    shutil.rmtree(sibling, ignore_errors=True)
            except OSError:
                continue
