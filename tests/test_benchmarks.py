"""The benchmark scripts still run and report what issue 7 asks for (a smoke test: no timing is asserted)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow


def test_build_speed_reports_every_measure(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "build_speed.py"), "--sizes", "2,3", "--runs", "1", "--json", str(out)],
        capture_output=True, text=True, timeout=600, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(out.read_text(encoding="utf-8"))["timed"]
    assert [r["n"] for r in results] == [2, 3]
    for r in results:
        assert r["pages"] > 2 * r["n"]  # both languages of every explainer, and the site's own pages
        for key in ("a", "a_cold", "b", "c", "check", "check_cold", "startup", "search"):
            assert r[key] > 0, key
        assert r["rss_mb"]["a"] > 0 and r["rss_mb"]["b"] > 0
    assert "a/b" in done.stdout and "growth 2 -> 3" in done.stdout


def test_mkdocs_serve_shows_an_edit_to_one_explainer() -> None:
    # serve_rebuild.py fails unless the served page shows each edit (it edits the English title).
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "serve_rebuild.py"), "--n", "3", "--edits", "2"],
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "N = 3: an edit to one explainer is served after" in done.stdout
    assert done.stderr.count("shown after") == 2
