"""The search bundle: only explainers' pages are read, and languages indexed apart join into the one bundle.

The whole-site checks (a parallel build's bundle against a sequential build's, byte for
byte) are in ``tests/test_parallel_build.py``; these run Pagefind on a few small pages.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explainers import search


def _page(site: Path, path: str, language: str, words: str, body: bool = True) -> None:
    target = site / path / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    inner = f"<div {search.BODY}><h1>{words}</h1><p>{words} {words}</p></div>" if body else f"<p>{words}</p>"
    target.write_text(f'<!doctype html><html lang="{language}"><head><title>{words}</title></head>'
                      f"<body>{inner}</body></html>", encoding="utf-8")


def _site(root: Path) -> Path:
    site = root / "site"
    _page(site, "explainers/bantahan", "id", "Pemerintah membantah laporan itu")
    _page(site, "explainers/anggaran", "id", "Anggaran pertahanan naik")
    _page(site, "en/explainers/denial", "en", "The government denied the report")
    _page(site, "archive", "id", "Arsip semua penjelas", body=False)
    _page(site, "en/archive", "en", "Archive of every explainer", body=False)
    return site


def _files(bundle: Path) -> dict[str, bytes]:
    return {p.relative_to(bundle).as_posix(): p.read_bytes() for p in sorted(bundle.rglob("*")) if p.is_file()}


def test_naming_the_explainers_pages_gives_the_same_bundle_from_fewer_pages(tmp_path: Path) -> None:
    site = _site(tmp_path)
    everything = search.index_site(site, tmp_path / "all")
    named = search.index_site(site, tmp_path / "named", search.pages_of(["", "en/"], "explainers"))
    assert (everything.pages, named.pages) == (5, 3)
    assert _files(tmp_path / "named") == _files(tmp_path / "all")


def test_languages_indexed_apart_join_into_the_bundle_of_all_of_them(tmp_path: Path) -> None:
    site = _site(tmp_path)
    search.index_site(site, tmp_path / "together", search.pages_of(["", "en/"], "explainers"))
    search.index_site(site, tmp_path / "id", search.pages_of([""], "explainers"))
    search.index_site(site, tmp_path / "en", search.pages_of(["en/"], "explainers"))
    search.combine([tmp_path / "id", tmp_path / "en"], tmp_path / "joined")
    assert _files(tmp_path / "joined") == _files(tmp_path / "together")
    entry = json.loads((tmp_path / "joined" / search.ENTRY).read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["en", "id"]
    assert {language["page_count"] for language in entry["languages"].values()} == {1, 2}


def test_a_preview_s_index_is_built_aside_at_the_lowest_priority(tmp_path: Path) -> None:
    site = _site(tmp_path)
    pages = search.pages_of(["", "en/"], "explainers")
    found = search.index_in_background(site, tmp_path / "aside", pages, lambda: False)
    assert found is not None and found.pages == 3
    search.index_site(site, tmp_path / "direct", pages)
    assert _files(tmp_path / "aside") == _files(tmp_path / "direct")


def test_an_index_made_moot_by_a_newer_save_is_stopped_and_writes_nothing(tmp_path: Path) -> None:
    site = _site(tmp_path)
    asked: list[int] = []

    def moot() -> bool:
        asked.append(1)
        return True

    assert search.index_in_background(site, tmp_path / "aside", None, moot) is None
    assert asked and not (tmp_path / "aside" / search.ENTRY).exists()


def test_the_index_process_runs_at_the_lowest_priority(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    niceness: list[int] = []
    monkeypatch.setattr(search.os, "nice", lambda increment: niceness.append(increment) or increment)
    assert search.main([str(_site(tmp_path)), str(tmp_path / "bundle"), ""]) == 0
    assert niceness == [19] and (tmp_path / "bundle" / search.ENTRY).is_file()


def test_an_index_that_fails_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    failing = tmp_path / "python"
    failing.write_text("#!/bin/sh\necho 'Traceback...' >&2\necho 'the search index could not be built: no space' >&2\nexit 1\n")
    failing.chmod(0o755)
    monkeypatch.setattr(search.sys, "executable", str(failing))
    with pytest.raises(search.SearchIndexError, match=r"^the search index could not be built: no space$"):
        search.index_in_background(_site(tmp_path), tmp_path / "aside", None, lambda: False)


def test_a_bundle_that_cannot_be_written_is_said_not_waited_for(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("a file where the bundle's folder should go", encoding="utf-8")
    with pytest.raises(search.SearchIndexError, match="could not be built"):
        search.index_site(_site(tmp_path), tmp_path / "taken" / "pagefind")
