"""Loading a folder of explainers: pairs of files, and reading each once until it changes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from explainers.loading import Library, discover, original_of, slug_of, translation_of

from .conftest import FIXTURES, TODAY


def _folder(tmp_path: Path) -> Path:
    for name in ("demo.md", "demo.en.md"):
        shutil.copy(FIXTURES / "valid" / name, tmp_path / name)
    shutil.copy(FIXTURES / "site" / "pending.md", tmp_path / "pending.md")
    return tmp_path


def test_file_names_pair_up() -> None:
    assert slug_of(Path("a/korea.en.md")) == slug_of(Path("a/korea.md")) == "korea"
    assert original_of(Path("a/korea.en.md")) == Path("a/korea.md")
    assert translation_of(Path("a/korea.md")) == Path("a/korea.en.md")


def test_discover_lists_each_explainer_once_by_its_original(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "lonely.en.md").write_text("text", encoding="utf-8")
    (folder / "other.fr.md").write_text("text", encoding="utf-8")
    assert sorted(p.name for p in discover([folder, folder / "demo.en.md"])) == ["demo.md", "lonely.en.md", "pending.md"]


def test_library_reads_each_explainer_once_until_it_changes(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    library = Library(folder)
    first = library.results(TODAY)
    assert library.parsed == 2 and all(r.explainer for r in first)

    assert library.results(TODAY) == first and library.parsed == 0

    english = folder / "demo.en.md"
    english.write_text(english.read_text(encoding="utf-8").replace("Example:", "Changed:"), encoding="utf-8")
    stat = english.stat()
    os.utime(english, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    again = library.results(TODAY)
    assert library.parsed == 1
    demo = next(r for r in again if r.slug == "demo")
    assert demo.explainer is not None and demo.explainer.title("en").startswith("Changed:")

    (folder / "pending.md").unlink()
    assert [r.slug for r in library.results(TODAY)] == ["demo"]


def test_library_can_load_only_some_explainers(tmp_path: Path) -> None:
    library = Library(_folder(tmp_path))
    assert [r.slug for r in library.results(TODAY, only=frozenset({"pending"}))] == ["pending"]
