"""The on-disk cache of checked explainers: reused only for exactly the same input."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from explainers import loading
from explainers.cache import Store

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
    cache = Store(tmp_path / "cache")
    first = loading.check(pair, TODAY, cache)
    second = loading.check(pair, TODAY, cache)
    assert calls == [pair]
    assert second.diagnostics == first.diagnostics
    assert second.explainer is not None and second.explainer.title("en") == first.explainer.title("en")  # type: ignore[union-attr]


@pytest.mark.parametrize("change", ["original", "english", "today"])
def test_any_change_of_input_checks_again(tmp_path: Path, pair: Path, calls: list[Path], change: str) -> None:
    cache = Store(tmp_path / "cache")
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
    cache = Store(tmp_path / "cache")
    loading.check(pair, TODAY, cache)
    assert cache.folder is not None
    for entry in cache.folder.iterdir():
        entry.write_bytes(b"not a pickle")
    assert loading.check(pair, TODAY, cache).explainer is not None
    assert len(calls) == 2


def test_the_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, pair: Path) -> None:
    monkeypatch.setenv("EXPLAINERS_CACHE", "off")
    monkeypatch.setenv("EXPLAINERS_CACHE_DIR", str(tmp_path / "cache"))
    cache = Store.default()
    assert cache.folder is None
    loading.check(pair, TODAY, cache)
    assert not (tmp_path / "cache").exists()


def test_the_cache_never_writes_into_the_project(tmp_path: Path, pair: Path) -> None:
    before = sorted(p.name for p in tmp_path.iterdir())
    loading.Library(tmp_path).results(TODAY)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_fragments_are_kept_by_input_and_language(tmp_path: Path, pair: Path) -> None:
    from explainers.views import ExplainerView, cached_fragments, store_fragments

    cache = Store(tmp_path / "cache")
    result = loading.check(pair, TODAY, cache)
    assert result.key is not None and result.explainer is not None
    english = ExplainerView(result.explainer, "en").fragments
    store_fragments(cache, result.key, english)
    assert cached_fragments(cache, result.key, "en") == english
    assert cached_fragments(cache, result.key, "id") is None
    pair.write_text(pair.read_text(encoding="utf-8") + "\nMore text.\n", encoding="utf-8")
    changed = loading.check(pair, TODAY, cache)
    assert changed.key != result.key and cached_fragments(cache, changed.key, "en") is None


def test_a_change_of_template_or_catalog_is_a_new_cache(tmp_path: Path) -> None:
    from explainers import cache as cache_module

    package = tmp_path / "explainers"
    shutil.copytree(Path(cache_module.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    before = cache_module.package_fingerprint(package)
    assert cache_module.package_fingerprint(package) == before
    for edited in ("templates/boxes.html", "locale/en/LC_MESSAGES/explainers.po"):
        path = package / edited
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        assert cache_module.package_fingerprint(package) != before, edited
        before = cache_module.package_fingerprint(package)


def test_entries_unused_for_a_week_are_removed(tmp_path: Path, pair: Path) -> None:
    import os
    import time

    from explainers.cache import STALE_AFTER

    cache = Store(tmp_path / "cache")
    used = loading.check(pair, TODAY, cache)
    assert cache.folder is not None and used.key is not None
    stale = cache.folder / ("0" * 40)
    stale.write_bytes(b"old")
    old_version = cache.folder.parent / "older-code-version"
    old_version.mkdir()
    week_ago = time.time() - STALE_AFTER - 60
    for path in (stale, old_version, cache.folder / used.key):
        os.utime(path, (week_ago, week_ago))
    # A read marks an entry as used; the next process's first write prunes the rest.
    assert loading.cached_result(Store(tmp_path / "cache"), used.key) is not None
    Store(tmp_path / "cache").put("new-entry", used)
    assert not stale.exists() and not old_version.exists()
    assert (cache.folder / used.key).exists() and (cache.folder / "new-entry").exists()
