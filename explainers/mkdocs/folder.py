"""A preview's output folder, kept between ``mkdocs serve`` rebuilds: unchanged pages are not written again.

MkDocs empties the output folder before every build, then writes every page and
copies every static file again. On this machine's disk (ext4 with ``discard``) that
cost grows as the preview runs: at 500 explainers, emptying the folder and writing
its 1,182 pages took 0.3 s at the first rebuild and 1.2 s by the eighth (cProfile of
eight rebuilds in one process), most of a two-second rebuild.

So, in a preview, just before MkDocs empties the folder (``on_pre_build``), its
entries are moved into a hidden folder, which MkDocs leaves alone, and moved back
once it has (``on_files``). A page kept by :mod:`~explainers.mkdocs.kept` is then
not written at all: the file already holds its HTML. When the build is done, what
it did not make is swept away: files older than the build that are not one of its
files (a deleted explainer's page, a removed image), except what the finishing
steps rewrite after the build (open data, feeds, sitemaps, the search index).

A folder is trusted only if the previous build made it and finished; otherwise
MkDocs empties it as usual and every page is written.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from collections.abc import Iterable
from pathlib import Path

ASIDE = ".explainers-kept"  # hidden: MkDocs' emptying of the output folder leaves it alone
SKIPPED = "Page skipped: '{}'. Generated empty output."  # what MkDocs logs for a page it does not write
# A file written by this build is newer than its start: the kernel stamps files with a clock that
# may lag by a tick (up to 10 ms); the previous build's pages are older by the rebuild's delay (0.1 s).
TICK = 0.02


class KeptFolder:
    """The output folder of the last finished build, kept for the next one."""

    def __init__(self) -> None:
        self.folder: Path | None = None  # the last build's output folder
        self.complete = False  # the last build there finished: its files are what it made
        self.restored = False  # this build found the last one's files in place
        self.started = 0.0  # this build's start (seconds since the epoch)
        self.expected: set[str] = set()  # this build's files, by path below the folder
        self.rewritten: frozenset[str] = frozenset()  # files and folders the finishing steps write after the build
        self.silenced = _SkippedPages()

    def set_aside(self, folder: Path) -> None:
        """Before MkDocs empties ``folder``: a finished build's files are moved where it does not look."""
        aside = folder / ASIDE
        shutil.rmtree(aside, ignore_errors=True)  # left by a build that failed before on_files
        trusted = self.complete and self.folder == folder
        self.folder, self.complete, self.restored = folder, False, False
        self.started, self.expected = time.time(), set()
        if not trusted or not folder.is_dir():
            return
        aside.mkdir()
        for entry in os.scandir(folder):
            if not entry.name.startswith("."):
                os.rename(entry.path, aside / entry.name)

    def restore(self) -> None:
        """Once MkDocs has emptied the folder (before it writes anything): the last build's files, back."""
        if self.folder is None:
            return
        aside = self.folder / ASIDE
        if not aside.is_dir():
            return
        for entry in os.scandir(aside):
            target = self.folder / entry.name
            if os.path.lexists(target):  # written since the folder was emptied: the newer one stays
                shutil.rmtree(entry.path) if entry.is_dir(follow_symlinks=False) else os.unlink(entry.path)
            else:
                os.rename(entry.path, target)
        aside.rmdir()
        self.restored = True

    def expect(self, paths: Iterable[str]) -> None:
        """Files this build makes (its pages and static files), by path below the folder."""
        self.expected.update(paths)

    def holds(self, path: str) -> bool:
        """Whether the file at ``path`` is the last build's, in place (a kept page need not be written)."""
        return self.restored and self.folder is not None and (self.folder / path).is_file()

    def skip(self, uri: str) -> str:
        """The output that makes MkDocs not write a page (its log line about it is silenced)."""
        self.silenced.messages.add(SKIPPED.format(uri))
        return ""

    def sweep(self) -> list[str]:
        """After the build: remove what it did not make, and the folders left empty; the build is complete."""
        removed: list[str] = []
        if self.folder is None:
            return removed
        if self.restored:
            removed = self._remove_stale(self.folder)
        self.complete, self.silenced.messages = True, set()
        return removed

    def finished(self, folder: Path, written: Iterable[str]) -> None:
        """The finishing steps wrote ``written`` (files and folders) after the build; what they wrote
        last time and not now is removed. Whoever calls this holds the lock they write under."""
        now = frozenset(written)
        for path in self.rewritten - now:
            target = folder / path
            if target.is_file():
                target.unlink()
        self.rewritten = now

    def _remove_stale(self, folder: Path) -> list[str]:
        removed: list[str] = []
        emptied: set[str] = set()
        for parent, folders, names in os.walk(folder):
            base = os.path.relpath(parent, folder).replace(os.sep, "/")
            prefix = "" if base == "." else f"{base}/"
            folders[:] = [name for name in folders if not name.startswith(".") and f"{prefix}{name}" not in self.rewritten]
            for name in names:
                path = f"{prefix}{name}"
                if path in self.expected or path in self.rewritten or name.startswith("."):
                    continue
                full = os.path.join(parent, name)
                if os.stat(full).st_mtime < self.started - TICK:
                    os.unlink(full)
                    removed.append(path)
                    emptied.add(parent)
        for parent in sorted(emptied, key=len, reverse=True):
            _remove_empty(Path(parent), folder)
        return removed


def _remove_empty(path: Path, top: Path) -> None:
    """``path`` and its parents below ``top``, while they are empty."""
    while path != top and top in path.parents:
        try:
            path.rmdir()
        except OSError:
            return
        path = path.parent


class _SkippedPages(logging.Filter):
    """Silences MkDocs' line about each kept page it did not write (it would print one per page)."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        return not self.messages or record.getMessage() not in self.messages
