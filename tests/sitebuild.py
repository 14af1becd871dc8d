"""Building throwaway copies of the site for tests: the real mkdocs.yml, hooks and pages, chosen explainers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
SITE_FILES = ("mkdocs.yml", "hooks", "overrides")


@dataclass
class Build:
    root: Path
    returncode: int
    output: str

    @property
    def site(self) -> Path:
        return self.root / "site"

    def page(self, relative: str) -> BeautifulSoup:
        return BeautifulSoup((self.site / relative).read_text(encoding="utf-8"), "lxml")


def make_project(root: Path, explainers: dict[str, str] | None = None, *, real_explainers: bool = False) -> Path:
    """A copy of the project's site in ``root``; ``explainers`` maps file names to their text."""
    for name in SITE_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, root / name)
    docs = root / "docs"
    shutil.copytree(
        ROOT / "docs",
        docs,
        ignore=None if real_explainers else shutil.ignore_patterns("explainers"),
    )
    (docs / "explainers").mkdir(exist_ok=True)
    for name, text in (explainers or {}).items():
        (docs / "explainers" / name).write_text(text, encoding="utf-8")
    return root


def build(root: Path, *args: str, strict: bool = True, env: dict[str, str] | None = None) -> Build:
    """``mkdocs build --strict`` in ``root``, in a child process as a publisher would run it."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return Build(root, done.returncode, done.stdout + done.stderr)
