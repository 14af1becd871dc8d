"""`tasks.py build`'s parallel build (explainers/mkdocs/parallel.py): the same site as `mkdocs build`, byte for byte."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURES
from .sitebuild import build, make_project
from .sitecompare import differences

pytestmark = pytest.mark.slow


def _texts() -> dict[str, str]:
    paths = [*(FIXTURES / "site").glob("*.md"), *(FIXTURES / "valid").glob("*.md")]
    return {p.name: p.read_text(encoding="utf-8") for p in paths}


def _parallel(root: Path, site: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "explainers.mkdocs.parallel", "--strict", "--site-dir", site, *args],
        cwd=root, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), capture_output=True, text=True, timeout=600,
    )


def test_the_parallel_build_gives_the_sequential_site_byte_for_byte(tmp_path: Path) -> None:
    root = make_project(tmp_path, _texts())
    sequential = build(root, "--site-dir", "sequential")
    assert sequential.returncode == 0, sequential.output
    parallel = _parallel(root, "parallel", "--jobs", "2")
    assert parallel.returncode == 0, parallel.stderr
    assert (root / "parallel/en/explainers/demo/index.html").exists()
    assert (root / "parallel/pagefind").is_dir()
    assert not list(tmp_path.glob(".parallel-*")), "a staging folder was left behind"
    assert differences(root / "sequential", root / "parallel") == []


def test_the_404_page_links_to_the_language_homes_not_to_the_last_page_built(tmp_path: Path) -> None:
    root = make_project(tmp_path, _texts())
    result = build(root)
    assert result.returncode == 0, result.output
    page = result.page("404.html")
    links = sorted(str(a["href"]) for a in page.select("a[hreflang]"))
    assert links == ["/", "/en/"]


def test_a_failing_language_fails_the_parallel_build_and_leaves_no_staging(tmp_path: Path) -> None:
    texts = _texts()
    texts["demo.en.md"] = texts["demo.en.md"].replace("[[", "[[nonexistent-claim-", 1)
    root = make_project(tmp_path, texts)
    result = _parallel(root, "site", "--jobs", "2")
    assert result.returncode != 0
    assert "demo.en.md" in result.stderr
    assert not list(tmp_path.glob(".site-*"))
