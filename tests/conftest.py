"""Shared fixtures: paths, a fixed 'today', and helpers to write small explainers."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

import pytest

import explainers

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DOCS_EXPLAINERS = ROOT / "docs" / "explainers"
TODAY = dt.date(2026, 11, 26)

# The result cache of `explainers check` and the build (explainers/cache.py) goes to a
# folder of this test run, never to the user's ~/.cache; child processes inherit it.
os.environ["EXPLAINERS_CACHE_DIR"] = tempfile.mkdtemp(prefix="explainers-test-cache-")

# Tests that run the CLI or MkDocs in a child process must load the same `explainers` as
# this process: a copy under test (a planted fault, mutmut's mutants/), not the installed one.
_PACKAGE_HOME = str(Path(explainers.__file__).resolve().parent.parent)
if os.environ.get("PYTHONPATH", "").split(os.pathsep)[0] != _PACKAGE_HOME:
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (_PACKAGE_HOME, os.environ.get("PYTHONPATH")) if p)

# The status labels of SPEC section 3, as readers must see them.
ID_LABELS = {
    "confirmed": "Terkonfirmasi", "reported": "Dilaporkan", "disputed": "Diperdebatkan",
    "unverified": "Belum terverifikasi", "false": "Keliru", "position": "Pernyataan sikap",
}
EN_LABELS = {
    "confirmed": "Confirmed", "reported": "Reported", "disputed": "Disputed",
    "unverified": "Unverified", "false": "False", "position": "Stated position",
}


@pytest.fixture
def valid_pair(tmp_path: Path) -> Path:
    """A copy of the small valid explainer (Indonesian + English) in a temporary folder; returns the .md path."""
    for name in ("demo.md", "demo.en.md"):
        shutil.copy(FIXTURES / "valid" / name, tmp_path / name)
    return tmp_path / "demo.md"


@pytest.fixture(autouse=True)
def _children_run_the_code_under_test(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under mutmut, a child process runs the active mutant, but never mutmut's own bookkeeping modes.

    mutmut names the active mutant in MUTANT_UNDER_TEST, which children inherit (so a CLI run
    in a subprocess meets the mutant too). While it only records which tests reach which
    function ("stats"), a child would look for mutmut's config in its own folder and fail;
    this process keeps the mode in mutmut's own state, so children may do without it.
    """
    if os.environ.get("MUTANT_UNDER_TEST") in ("stats", "list_all_tests", "mutant_generation"):
        monkeypatch.delenv("MUTANT_UNDER_TEST")
