"""Shared fixtures: paths, a fixed 'today', and helpers to write small explainers."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DOCS_EXPLAINERS = ROOT / "docs" / "explainers"
TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def valid_pair(tmp_path: Path) -> Path:
    """A copy of the small valid explainer (Indonesian + English) in a temporary folder; returns the .md path."""
    for name in ("demo.md", "demo.en.md"):
        shutil.copy(FIXTURES / "valid" / name, tmp_path / name)
    return tmp_path / "demo.md"
