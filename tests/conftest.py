"""Shared fixtures: paths, a fixed 'today', and helpers to write small explainers."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DOCS_EXPLAINERS = ROOT / "docs" / "explainers"
TODAY = dt.date(2026, 11, 26)

# The result cache of `explainers check` and the build (explainers/cache.py) goes to a
# folder of this test run, never to the user's ~/.cache; child processes inherit it.
os.environ["EXPLAINERS_CACHE_DIR"] = tempfile.mkdtemp(prefix="explainers-test-cache-")

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
