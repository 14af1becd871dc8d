"""Site search with Pagefind: one index per language, chunked, stemmed (Indonesian included).

The search index is built after the whole site is written: Pagefind reads the
built HTML, keeps one index per ``<html lang>``, and splits it into small chunks
that a reader's browser fetches only as a query needs them (a query on 2,000
explainers fetches a few hundred kilobytes; Material's own search fetched its
whole index, both languages, on every page). Only the elements marked
``data-pagefind-body`` are indexed (the explainers' articles), so listings never
crowd the results; the other language's text inside claim boxes is left out.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

BUNDLE = "pagefind"  # the folder of the site that holds the index and its scripts
ENTRY = "pagefind-entry.json"  # the bundle's table of languages
BODY = "data-pagefind-body"
IGNORED = (".claim__translation", ".claim__permalink", ".headerlink", ".explainer-meta")  # not what a reader searches for


@dataclass(frozen=True)
class Indexed:
    pages: int
    folder: Path


class SearchIndexError(Exception):
    """Pagefind could not index the site; the message says why."""


def pages_of(roots: list[str], folder: str) -> str:
    """The pages that carry a search body: those in ``folder`` under each language root (a Pagefind glob).

    Pagefind skips every page without a body anyway, once it has read and parsed it:
    naming the pages spares it the listings, the same bundle coming out (at 500
    explainers, 1,000 of 1,183 pages: 4.8 s instead of 5.3 s).
    """
    return "{" + ",".join(f"{root}{folder}" for root in roots) + "}/*/index.html"


def index_site(site: Path, bundle: Path | None = None, pages: str | None = None) -> Indexed:
    """Index the built site in ``site`` (its ``pages``, a glob; all its pages by default) and write the
    bundle into ``bundle`` (``site/pagefind/``)."""
    bundle = bundle or site / BUNDLE
    try:
        # Pagefind never answers when it cannot write its bundle (tried: a file where its folder goes),
        # so the folder is made first: a problem there is said, instead of a build that hangs.
        bundle.mkdir(parents=True, exist_ok=True)
        return asyncio.run(_index(site, bundle, pages))
    except (OSError, RuntimeError, AssertionError) as exc:  # the backing binary failed, or is missing
        raise SearchIndexError(f"the search index could not be built: {exc}") from exc


def index_in_background(site: Path, bundle: Path, pages: str | None, moot: Callable[[], bool]) -> Indexed | None:
    """Index as :func:`index_site` does, in a child process at the lowest priority; stop it (and return
    None) as soon as ``moot()`` says a newer index is wanted.

    A preview indexes the site after each save. At 500 explainers Pagefind takes two to three
    seconds on both cores: a save made meanwhile was served after 2.7 s (median of five edits,
    ``benchmarks/serve_rebuild.py``), 1.5 s with Pagefind at the lowest priority; and an index
    made moot by a newer save no longer runs on beside the newer one.
    """
    package = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package, os.environ.get("PYTHONPATH")]))}
    command = [sys.executable, "-m", "explainers.search", str(site), str(bundle), pages or ""]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                             start_new_session=os.name == "posix")  # its own group: stopped with Pagefind
    while True:
        try:
            out, err = child.communicate(timeout=0.1)
            break
        except subprocess.TimeoutExpired:
            if moot():
                _stop(child)
                return None
    if child.returncode != 0:
        lines = err.decode("utf-8", "replace").strip().splitlines()
        raise SearchIndexError(lines[-1] if lines else f"the search index could not be built (exit {child.returncode})")
    return Indexed(int(out), bundle)


def _stop(child: subprocess.Popen[bytes]) -> None:
    if os.name == "posix":
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGTERM)
    else:
        child.terminate()
    child.communicate()


def main(argv: list[str] | None = None) -> int:
    """``python -m explainers.search SITE BUNDLE [PAGES]``: :func:`index_site`, at the lowest priority
    (Pagefind's process inherits it); prints the pages indexed."""
    site, bundle, *rest = argv if argv is not None else sys.argv[1:]
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(19)
    try:
        indexed = index_site(Path(site), Path(bundle), (rest[0] if rest else "") or None)
    except SearchIndexError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(indexed.pages)
    return 0


async def _index(site: Path, bundle: Path, pages: str | None) -> Indexed:
    config = IndexConfig(output_path=str(bundle), exclude_selectors=list(IGNORED))
    async with PagefindIndex(config=config) as index:
        result = await index.add_directory(str(site), glob=pages)
    _sort_entry(bundle / ENTRY)
    return Indexed(int(result.get("page_count", 0)), bundle)


def combine(bundles: list[Path], target: Path) -> None:
    """Bundles of different languages, each indexed on its own, as the one bundle an index of them all makes.

    Pagefind indexes each language apart: its files are named by language and content,
    and only the entry file lists the languages. So the bundles' files go into ``target``
    (those they share, its scripts, are the same) and their entries' languages are joined.
    """
    entry: dict[str, object] = {}
    languages: dict[str, object] = {}
    for bundle in bundles:
        found = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
        languages.update(found.get("languages", {}))
        entry = {**found, "languages": languages}
        for path in sorted(bundle.rglob("*")):
            if path.is_file() and path.name != ENTRY:
                moved = target / path.relative_to(bundle)
                moved.parent.mkdir(parents=True, exist_ok=True)
                os.replace(path, moved)
    entry["languages"] = dict(sorted(languages.items()))
    _write_entry(target / ENTRY, entry)


def _write_entry(path: Path, entry: dict[str, object]) -> None:
    path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _sort_entry(path: Path) -> None:
    """Pagefind lists the languages of its entry file in a different order on each run: sort them,
    so that the same site gives the same files (its script reads the languages by name)."""
    for _ in range(50):  # Pagefind may answer before the file is complete on disk
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            break
        except (OSError, ValueError):
            time.sleep(0.1)
    else:
        return  # left as Pagefind wrote it: any order works for its script
    if isinstance(entry.get("languages"), dict):
        entry["languages"] = dict(sorted(entry["languages"].items()))
    _write_entry(path, entry)


if __name__ == "__main__":
    sys.exit(main())
