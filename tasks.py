#!/usr/bin/env python3
"""Project tasks that need nothing but Python 3.11+: `python3 tasks.py serve`, `python3 tasks.py test`.

Each task first makes sure `.venv` exists with the project and its test tools
installed (it reinstalls when pyproject.toml changes), then runs inside it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".installed"

TASKS = {
    "serve": "build and serve the site at http://127.0.0.1:8000/, rebuilding on every edit "
    "(--only SLUG[,SLUG]: just those explainers, for fast previews)",
    "build": "build the site into site/ (strict: any broken rule fails the build; the languages in parallel "
    "when there are cores for it, extra arguments go to a sequential `mkdocs build`)",
    "test": "run the whole test suite (extra arguments go to pytest)",
    "check": "check every explainer (extra arguments go to `explainers check`)",
    "links": "check that the sources' url and archive_url still work (extra arguments go to `explainers links`)",
    "lint": "ruff and mypy on the code",
    "catalogs": "extract UI strings and update the gettext catalogs",
    "guide": "regenerate EDITING.md's tables of statuses and stances from explainers/vocabulary.py",
    "bench": "run the build-speed benchmark (extra arguments go to it)",
}


def setup() -> None:
    if sys.version_info < (3, 11):
        sys.exit("explainers needs Python 3.11 or newer")
    pyproject = ROOT / "pyproject.toml"
    if STAMP.exists() and STAMP.stat().st_mtime >= pyproject.stat().st_mtime:
        return
    if not (BIN / "python").exists():
        print("Creating .venv ...", flush=True)
        venv.create(VENV, with_pip=True)
    print("Installing the project and its test tools into .venv ...", flush=True)
    pip = [str(BIN / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-e", f"{ROOT}[test,bench]"], check=True)
    STAMP.touch()


def run(*command: str) -> int:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.call([str(BIN / command[0]), *command[1:]], cwd=ROOT, env=env)


def build(args: list[str]) -> int:
    """Build into a staging folder; replace site/ only when the whole build succeeded.

    MkDocs writes pages as it goes, and --strict aborts only after writing them
    all, so building in place could leave a complete-looking site/ behind a
    failed build. Here a failed build leaves site/ exactly as it was (the last
    good build, or nothing) and removes its staging folder.
    """
    site, staging, previous = ROOT / "site", ROOT / ".site-staging", ROOT / ".site-previous"
    for leftover in (staging, previous, *ROOT.glob(f".{staging.name}-*")):  # the parallel build's language folders
        shutil.rmtree(leftover, ignore_errors=True)
    if args or (os.cpu_count() or 1) < 2:
        code = run("mkdocs", "build", "--strict", "--site-dir", str(staging), *args)
    else:  # the languages in parallel processes: the same site/, sooner (explainers/mkdocs/parallel.py)
        code = run("python", "-m", "explainers.mkdocs.parallel", "--strict", "--site-dir", str(staging))
    if code != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print("Build failed: site/ was left as it was; nothing new to deploy.", file=sys.stderr)
        return code
    if site.exists():
        site.rename(previous)
    staging.rename(site)
    shutil.rmtree(previous, ignore_errors=True)
    print(f"Site built into {site.relative_to(ROOT)}/")
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in TASKS:
        width = max(map(len, TASKS))
        lines = "\n".join(f"  {name:<{width}}  {text}" for name, text in TASKS.items())
        print(f"usage: python3 tasks.py TASK [ARGS...]\n\ntasks:\n{lines}")
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    task, args = argv[0], argv[1:]
    setup()
    if task == "serve":
        if args[:1] == ["--only"] and len(args) > 1:
            # A preview of a few explainers rebuilds in about a second instead of the whole site.
            os.environ["EXPLAINERS_ONLY"] = args[1]
            args = args[2:]
        return run("mkdocs", "serve", *args)
    if task == "build":
        return build(args)
    if task == "test":
        return run("python", "-m", "pytest", *args)
    if task == "check":
        return run("explainers", "check", "--strict", *args)
    if task == "links":
        return run("explainers", "links", *args)
    if task == "lint":
        return run("ruff", "check", "explainers", "hooks", "tests", "benchmarks") or run("mypy")
    if task == "guide":
        return run("python", "-m", "explainers.vocabulary", "EDITING.md")
    if task == "catalogs":
        return run("pybabel", "extract", "-F", "babel.cfg", "--no-location", "--omit-header", "--sort-output",
                   "-o", "explainers/locale/explainers.pot", ".") or run(
            "pybabel", "update", "-D", "explainers", "-i", "explainers/locale/explainers.pot",
            "-d", "explainers/locale", "--width", "100", "--no-fuzzy-matching", "--ignore-obsolete")
    return run("python", "benchmarks/build_speed.py", *args)


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)
