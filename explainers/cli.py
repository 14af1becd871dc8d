"""The ``explainers`` command: ``check``, ``new`` and ``schema`` (SPEC section 8); ``links`` and ``cite`` (section 11)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import Store
from .diagnostics import Diagnostic, display_path

if TYPE_CHECKING:
    from .loading import Result

DEFAULT_FOLDER = Path("docs/explainers")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="explainers", description="Bilingual explainers: check, scaffold, describe.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser("check", help="validate explainers (default: all of docs/explainers/)")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="explainer files or folders")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument("--quiet", "-q", action="store_true", help="print only errors and warnings, no notes or summary")
    check.add_argument(
        "--translations", action="store_true", help="also report, for each explainer, what of it is translated into English"
    )
    check.add_argument("--stale", type=_days, metavar="DAYS",
                       help="also warn for sources whose accessed date is more than DAYS days old")
    new = commands.add_parser("new", help="scaffold docs/explainers/<slug>.md and <slug>.en.md")
    new.add_argument("slug")
    new.add_argument("--folder", type=Path, default=DEFAULT_FOLDER, help="where explainers live (default: %(default)s)")
    translated = commands.add_parser(
        "translated", help="record that <slug>.en.md translates the Indonesian text as it is now"
    )
    translated.add_argument("slug")
    translated.add_argument("--folder", type=Path, default=DEFAULT_FOLDER, help="where explainers live (default: %(default)s)")
    commands.add_parser("schema", help="print the JSON Schema of the front matter")
    _add_links_and_cite(commands)
    return parser


def _days(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of days (write a whole number, for example 180)")
    return int(text)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds between 0 and 3600")
    return value


def _add_links_and_cite(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    links = commands.add_parser("links", help="check that the sources' url and archive_url still work")
    links.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="explainer files or folders")
    links.add_argument("--timeout", type=_seconds, default=10.0, metavar="SECONDS",
                       help="deadline for the whole check of one link, redirects included (default: %(default)g)")
    links.add_argument("--json", action="store_true", help="print the results as JSON")
    links.add_argument("--wayback", action="store_true",
                       help="ask the Wayback Machine for an archived copy of each broken link without archive_url")
    links.add_argument("--require-archive", action="store_true", help="warn for every source with no archive_url")
    cite = commands.add_parser("cite", help="print a source entry for sources: from a web page's own metadata")
    cite.add_argument("url")
    cite.add_argument("--timeout", type=_seconds, default=10.0, metavar="SECONDS",
                      help="deadline for fetching the page (default: %(default)g)")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


PARALLEL_FROM = 64  # explainers; below this, starting worker processes costs more than it saves


@dataclass(frozen=True)
class Checked:
    """What the command prints of one explainer (small, so worker processes can send it back)."""

    slug: str
    diagnostics: tuple[Diagnostic, ...]
    translation: str
    tags: tuple[str, ...] = ()
    translation_work: bool = True  # the English file needs a translator (anything but translated)


def _translation_state(result: Result) -> tuple[str, bool]:
    """``path: <state>[: details]`` (SPEC 12), the path the English file's; whether it needs work."""
    from .loading import translation_of
    from .translation import State, state

    path = display_path(translation_of(result.path))
    explainer = result.explainer
    if explainer is None:
        return f"{path}: not known: fix the errors first", True
    found = state(explainer)
    details = found.details
    if found.state is State.TRANSLATED:
        own = explainer.translated["en"]
        missing = [name for name in ("title", "summary") if getattr(own, name) is None]
        details = f"no English {' or '.join(missing)}: the Indonesian one is shown" if missing else ""
    return f"{path}: {found.state.value}" + (f": {details}" if details else ""), found.needs_work


@cache
def _result_cache() -> Store:
    return Store.default()


def _check_one(path: Path) -> Checked:
    from .loading import check

    result = check(path, cache=_result_cache())
    tags = tuple(result.explainer.meta.tags) if result.explainer is not None else ()
    line, work = _translation_state(result)
    return Checked(result.slug, result.diagnostics, line, tags, work)


def _check_all(files: list[Path]) -> Iterator[Checked]:
    """Check the files in order; a large tree is spread over the machine's cores."""
    workers = min(os.cpu_count() or 1, 8)
    if len(files) < PARALLEL_FROM or workers < 2:
        return map(_check_one, files)
    pool = ProcessPoolExecutor(max_workers=workers)
    try:
        return iter(list(pool.map(_check_one, files, chunksize=max(1, len(files) // (workers * 8)))))
    finally:
        pool.shutdown()


def _translation_report(results: list[Checked], paths: list[Path]) -> None:
    """One line per explainer, then the tags with no label: what a translator has to do."""
    from . import tags

    print("\nEnglish translation:")
    for result in results:
        print(result.translation)
    folder = next((p if p.is_dir() else p.parent for p in paths), DEFAULT_FOLDER)
    labels, problems = tags.read(folder)
    for problem in problems:
        print(problem)
    used = sorted({tag for result in results for tag in result.tags})
    for tag in labels.unlabelled(used):
        print(f"{display_path(folder / tags.LABELS_FILE)}: tag '{tag}' has no label: add {tags.example(tag)}")
    sys.stdout.flush()
    work = [r for r in results if r.translation_work]
    print(f"{_count(len(work), 'explainer')} of {len(results)} need translation work", file=sys.stderr)


def _check(paths: list[Path], strict: bool, quiet: bool, translations: bool = False, stale: int | None = None) -> int:
    from .loading import discover

    paths = paths or [DEFAULT_FOLDER]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"explainers check: {missing[0]}: no such file or folder", file=sys.stderr)
        return 2
    files = discover(paths)
    errors = warnings = 0
    results = []
    for path, result in zip(files, _check_all(files), strict=True):
        results.append(result)
        for diagnostic in (*result.diagnostics, *_stale(path, stale)):
            if diagnostic.severity.value == "note" and quiet:
                continue
            print(diagnostic)
            errors += diagnostic.severity.value == "error"
            warnings += diagnostic.severity.value == "warning"
    if translations:
        _translation_report(results, paths)
    failed = errors > 0 or (strict and warnings > 0)
    if not quiet:
        summary = (
            f"{_count(len(files), 'explainer')} checked: {_count(errors, 'error')}, {_count(warnings, 'warning')}"
        )
        if strict and warnings and not errors:
            summary += " (warnings are errors under --strict)"
        print(summary, file=sys.stderr)
        if warnings:
            print("the site build is strict: fix these before publishing", file=sys.stderr)
    return 1 if failed else 0


def _translated(slug: str, folder: Path) -> int:
    """``explainers translated <slug>``: the only command that writes into an editor's file (SPEC 12)."""
    from .loading import check
    from .translation import MarkError, fingerprint, mark, missing_parts

    original = folder / f"{slug}.md"
    english = folder / f"{slug}.en.md"
    if not original.is_file():
        print(f"explainers translated: {original}: no such explainer", file=sys.stderr)
        return 2
    if not english.is_file():
        print(f"explainers translated: {english}: no English file to mark: write it first", file=sys.stderr)
        return 1
    result = check(original)
    if result.explainer is None or not result.explainer.has_translation("en"):
        print(f"explainers translated: {original}: fix the errors first (explainers check {original})", file=sys.stderr)
        return 1
    try:
        mark(english, fingerprint(result.explainer))
    except (MarkError, OSError) as exc:
        print(f"explainers translated: {exc}", file=sys.stderr)
        return 1
    print(f"marked {english} as translating the Indonesian text as it is now")
    missing = missing_parts(result.explainer)
    if missing:
        print(f"note: the English body still lacks {', '.join(missing)}", file=sys.stderr)
    return 0


def _stale(path: Path, days: int | None) -> list[Diagnostic]:
    if days is None:
        return []
    from .freshness import stale

    return stale(path, days, dt.date.today())


def _links(args: argparse.Namespace) -> int:
    from .links import Options, run

    paths = args.paths or [DEFAULT_FOLDER]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"explainers links: {missing[0]}: no such file or folder", file=sys.stderr)
        return 2
    options = Options(timeout=args.timeout, wayback=args.wayback, require_archive=args.require_archive)
    return run(paths, options, as_json=args.json)


def _cite(args: argparse.Namespace) -> int:
    from .cite import cite

    return cite(args.url, args.timeout, dt.date.today())


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    try:
        if args.command == "check":
            return _check(args.paths, args.strict, args.quiet, args.translations, args.stale)
        if args.command == "links":
            return _links(args)
        if args.command == "cite":
            return _cite(args)
        if args.command == "translated":
            return _translated(args.slug, args.folder)
        if args.command == "new":
            from .scaffold import ScaffoldError, create

            try:
                written = create(args.slug, args.folder)
            except ScaffoldError as exc:
                print(f"explainers new: {exc}", file=sys.stderr)
                return exc.exit_code
            for path in written:
                print(f"created {path}")
            return 0
        from .models import json_schema

        print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
        return 0
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
