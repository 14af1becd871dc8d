"""The on-disk cache of checked explainers: reused only for exactly the same input."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from explainers import loading
from explainers.cache import ResultCache

from .conftest import FIXTURES, TODAY


@pytest.fixture
def pair(tmp_path: Path) -> Path:
    for name in ("demo.md", "demo.en.md"):
        shutil.copy(FIXTURES / "valid" / name, tmp_path / name)
    return tmp_path / "demo.md"


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The explainers really read and checked (not served from the cache)."""
    seen: list[Path] = []
    real = loading.load

    def counting(path: Path, today: dt.date | None = None) -> loading.Result:
        seen.append(path)
        return real(path, today)

    monkeypatch.setattr(loading, "load", counting)
    return seen


def test_an_unchanged_explainer_is_not_checked_again(tmp_path: Path, pair: Path, calls: list[Path]) -> None:
    cache = ResultCache(tmp_path / "cache")
    first = loading.check(pair, TODAY, cache)
    second = loading.check(pair, TODAY, cache)
    assert calls == [pair]
    assert second.diagnostics == first.diagnostics
    assert second.explainer is not None and second.explainer.title("en") == first.explainer.title("en")  # type: ignore[union-attr]


@pytest.mark.parametrize("change", ["original", "english", "today"])
def test_any_change_of_input_checks_again(tmp_path: Path, pair: Path, calls: list[Path], change: str) -> None:
    cache = ResultCache(tmp_path / "cache")
    loading.check(pair, TODAY, cache)
    today = TODAY
    if change == "original":
        pair.write_text(pair.read_text(encoding="utf-8").replace("status: confirmed", "status: confirmd"), encoding="utf-8")
    elif change == "english":
        pair.with_name("demo.en.md").unlink()
    else:
        today = TODAY + dt.timedelta(days=1)
    result = loading.check(pair, today, cache)
    assert len(calls) == 2
    if change == "original":
        assert any("confirmd" in d.message for d in result.errors)
    if change == "english":
        assert result.explainer is not None and not result.explainer.has_translation("en")


def test_a_damaged_entry_is_ignored(tmp_path: Path, pair: Path, calls: list[Path]) -> None:
    cache = ResultCache(tmp_path / "cache")
    loading.check(pair, TODAY, cache)
    assert cache.folder is not None
    for entry in cache.folder.iterdir():
        entry.write_bytes(b"not a pickle")
    assert loading.check(pair, TODAY, cache).explainer is not None
    assert len(calls) == 2


def test_the_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, pair: Path) -> None:
    monkeypatch.setenv("EXPLAINERS_CACHE", "off")
    monkeypatch.setenv("EXPLAINERS_CACHE_DIR", str(tmp_path / "cache"))
    cache = ResultCache.default()
    assert cache.folder is None
    loading.check(pair, TODAY, cache)
    assert not (tmp_path / "cache").exists()


def test_the_cache_never_writes_into_the_project(tmp_path: Path, pair: Path) -> None:
    before = sorted(p.name for p in tmp_path.iterdir())
    loading.Library(tmp_path).results(TODAY)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
