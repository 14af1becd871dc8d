"""``explainers links``: are the explainers' sources still online? (SPEC section 11)

Every ``url`` and ``archive_url`` of the sources is checked over HTTP
(:mod:`explainers.linkcheck`); each problem is one line in the check's form,
at the line of its key. A broken ``url`` with no ``archive_url`` is told where
to look for an archived copy (:mod:`explainers.wayback`). The editor's
files are only read.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TextIO

from aiohttp.abc import AbstractResolver

from . import sources, wayback, web
from .diagnostics import Diagnostic, Severity
from .linkcheck import Checker, State, Verdict

KEYS = ("url", "archive_url")


@dataclass(frozen=True)
class Link:
    """One address in one source, at the line of its key."""

    path: str
    line: int
    key: str  # "url" or "archive_url"
    source: str | None  # the source's id
    url: str
    archived: bool  # the source has an archive_url


@dataclass(frozen=True)
class Options:
    timeout: float = 10.0
    wayback: bool = False
    require_archive: bool = False
    resolver: AbstractResolver | None = None  # tests answer name lookups themselves


def collect(files: Iterable[sources.FileSources]) -> list[Link]:
    links = []
    for file in files:
        for source in file.sources:
            archived = source.text("archive_url") is not None
            for key in KEYS:
                url = source.text(key)
                if url is not None:
                    links.append(Link(file.path, source.line(key), key, source.id, url, archived))
    return links


Archive = wayback.Snapshot | str | None  # what --wayback found: a capture, none, or why it could not ask


class _Progress:
    """``12/40 links checked`` on a terminal's stderr, rewritten in place; nothing when piped."""

    def __init__(self, total: int, err: TextIO) -> None:
        self.total, self.done, self.err = total, 0, err
        self.shown = total > 0 and err.isatty()

    def __call__(self, url: str, verdict: Verdict) -> None:
        self.done += 1
        if self.shown:
            self.err.write(f"\r{self.done}/{self.total} links checked")
            self.err.flush()

    def close(self) -> None:
        if self.shown:
            self.err.write("\r\x1b[K")
            self.err.flush()


async def _check(links: list[Link], options: Options, progress: _Progress) -> tuple[dict[str, Verdict], dict[str, Archive]]:
    async with web.session(options.resolver) as session:
        verdicts = await Checker(session, options.timeout).check_all((link.url for link in links), progress)
        archives: dict[str, Archive] = {}
        if options.wayback:
            wanted = sorted({link.url for link in links if _wants_archive(link, verdicts)})
            found = await asyncio.gather(*(wayback.closest(session, url, options.timeout) for url in wanted))
            archives = dict(zip(wanted, found, strict=True))
    return verdicts, archives


def _wants_archive(link: Link, verdicts: dict[str, Verdict]) -> bool:
    return link.key == "url" and not link.archived and verdicts[link.url].broken


def _archive_note(link: Link, archive: Archive, asked: bool) -> str:
    if isinstance(archive, wayback.Snapshot):
        return f"no archive_url; the Wayback Machine has a copy of {archive.date}: {archive.url} " \
               "(check that it shows the cited text, then add it as archive_url)"
    if archive is None and asked:
        return "no archive_url, and the Wayback Machine has no copy of it"
    why = f" ({archive})" if isinstance(archive, str) else ""
    return f"no archive_url: look for an archived copy at {wayback.lookup_address(link.url)}{why}"


def diagnose(link: Link, verdict: Verdict, archive: Archive, options: Options) -> list[Diagnostic]:
    """The lines to print about one link: one per problem, at the line of its key."""
    found = []
    without_archive = link.key == "url" and not link.archived
    if verdict.state is State.BROKEN:
        note = f"; {_archive_note(link, archive, options.wayback)}" if without_archive else ""
        found.append(Diagnostic(link.path, link.line, None, Severity.ERROR, f"{link.url}: {verdict.reason}{note}"))
        return found
    if verdict.state is State.MOVED:
        found.append(Diagnostic(link.path, link.line, None, Severity.WARNING, f"{link.url}: {verdict.reason}"))
    if without_archive and options.require_archive:
        found.append(Diagnostic(link.path, link.line, None, Severity.WARNING,
                                f"{link.url}: {_archive_note(link, None, False)}"))
    return found


def _as_json(links: list[Link], verdicts: dict[str, Verdict], archives: dict[str, Archive],
             diagnostics: list[Diagnostic]) -> str:
    def archive_of(url: str) -> object:
        found = archives.get(url)
        return asdict(found) if isinstance(found, wayback.Snapshot) else found

    rows = [
        {**asdict(link), "state": verdicts[link.url].state.value, "reason": verdicts[link.url].reason or None,
         "moved_to": verdicts[link.url].moved_to, "archive_copy": archive_of(link.url)}
        for link in links
    ]
    problems = [{"path": d.path, "line": d.line, "severity": d.severity.value, "message": d.message} for d in diagnostics]
    return json.dumps({
        "links": rows, "diagnostics": problems,
        "broken": sum(d.severity is Severity.ERROR for d in diagnostics),
        "warnings": sum(d.severity is Severity.WARNING for d in diagnostics),
    }, indent=2, ensure_ascii=False)


def run(paths: list[Path], options: Options, *, as_json: bool = False,
        out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Check the links of the explainers in ``paths``; 1 when any is broken (or a file unreadable), else 0."""
    out, err = out or sys.stdout, err or sys.stderr
    files = list(sources.read_all(paths))
    links = collect(files)
    diagnostics = [problem for file in files for problem in file.problems]
    progress = _Progress(len({link.url for link in links}), err)
    try:
        verdicts, archives = asyncio.run(_check(links, options, progress)) if links else ({}, {})
    finally:
        progress.close()
    for link in links:
        diagnostics.extend(diagnose(link, verdicts[link.url], archives.get(link.url), options))
    if as_json:
        print(_as_json(links, verdicts, archives, diagnostics), file=out)
    else:
        for diagnostic in diagnostics:
            print(diagnostic, file=out)
    broken = sum(verdict.broken for verdict in verdicts.values())
    warnings = sum(d.severity is Severity.WARNING for d in diagnostics)
    unreadable = sum(bool(file.problems) for file in files)
    print(f"{_count(len(verdicts), 'link')} in {_count(len(files), 'explainer')} checked: {broken} broken, "
          f"{_count(warnings, 'warning')}" + (f", {unreadable} not readable" if unreadable else ""), file=err)
    return 1 if any(d.severity is Severity.ERROR for d in diagnostics) else 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
