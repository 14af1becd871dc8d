"""A preview's output folder kept between rebuilds: what MkDocs would empty comes back, what no build makes goes.

The whole-site check (a preview's folder against clean builds, after each kind of edit)
is ``tests/test_preview.py``; these are the folder's rules, quickly.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from mkdocs.utils import clean_directory

from explainers.mkdocs.folder import ASIDE, SKIPPED, KeptFolder


def _write(root: Path, files: dict[str, str], age: float = 0.0) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if age:
            past = time.time() - age
            os.utime(path, (past, past))


def _files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def _rebuild(folder: KeptFolder, site: Path, expected: set[str], written: dict[str, str]) -> list[str]:
    """One rebuild as MkDocs runs it: set aside, emptied, restored, this build's files written, swept."""
    folder.set_aside(site)
    clean_directory(str(site))
    folder.restore()
    folder.expect(expected)
    _write(site, written)
    return folder.sweep()


def test_a_finished_build_s_files_survive_the_emptying_and_what_no_build_makes_is_swept(tmp_path: Path) -> None:
    site, folder = tmp_path / "site", KeptFolder()
    old = {"index.html": "home", "a/index.html": "a", "gone/index.html": "deleted explainer", "img/x.png": "x"}
    _write(site, old, age=5)
    folder.set_aside(site)  # the first build: nothing of the folder is trusted
    clean_directory(str(site))
    folder.restore()
    assert not folder.holds("index.html") and _files(site) == set()
    _write(site, old, age=5)
    folder.sweep()

    removed = _rebuild(folder, site, {"index.html", "a/index.html", "img/x.png"}, {"index.html": "home, edited"})
    assert removed == ["gone/index.html"]
    assert _files(site) == {"index.html", "a/index.html", "img/x.png"}
    assert not (site / "gone").exists(), "the folder left empty goes too"
    assert (site / "a/index.html").read_text(encoding="utf-8") == "a", "a kept page is left as it was"
    assert (site / "index.html").read_text(encoding="utf-8") == "home, edited"
    assert not (site / ASIDE).exists()


def test_only_a_restored_page_need_not_be_written(tmp_path: Path) -> None:
    site, folder = tmp_path / "site", KeptFolder()
    _write(site, {"a/index.html": "a"}, age=5)
    folder.set_aside(site)
    clean_directory(str(site))
    folder.restore()
    assert not folder.holds("a/index.html")
    _write(site, {"a/index.html": "a"}, age=5)
    folder.sweep()
    folder.set_aside(site)
    clean_directory(str(site))
    folder.restore()
    assert folder.holds("a/index.html") and not folder.holds("b/index.html")


def test_a_build_that_failed_leaves_nothing_to_trust(tmp_path: Path) -> None:
    site, folder = tmp_path / "site", KeptFolder()
    _write(site, {"a/index.html": "a"}, age=5)
    folder.set_aside(site)
    folder.sweep()
    folder.set_aside(site)  # this build fails before it is swept
    clean_directory(str(site))
    folder.restore()
    folder.set_aside(site)  # so the next one starts from an emptied folder
    clean_directory(str(site))
    folder.restore()
    assert _files(site) == set() and not folder.holds("a/index.html")


def test_files_written_during_the_build_and_the_finishing_steps_outputs_stay(tmp_path: Path) -> None:
    site, folder = tmp_path / "site", KeptFolder()
    _write(site, {"data/claims.json": "[]", "pagefind/a.js": "x", "feed.xml": "<feed/>"}, age=5)
    folder.set_aside(site)
    folder.sweep()
    folder.finished(site, {"data/claims.json", "feed.xml", "pagefind"})
    removed = _rebuild(folder, site, set(), {"404.html": "written by the theme, no file of the build's"})
    assert removed == []
    assert _files(site) == {"data/claims.json", "pagefind/a.js", "feed.xml", "404.html"}
    folder.finished(site, {"data/claims.json", "pagefind"})  # a feed that is no longer made
    assert not (site / "feed.xml").exists()


def test_only_the_lines_about_pages_left_in_place_are_silenced(tmp_path: Path) -> None:
    folder, seen = KeptFolder(), []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record.getMessage())

    logger = logging.getLogger("test-kept-folder")
    logger.addFilter(folder.silenced)
    logger.addHandler(Collect())
    logger.setLevel(logging.INFO)
    assert folder.skip("a.md") == ""
    logger.info(SKIPPED.format("a.md"))
    logger.info(SKIPPED.format("b.md"))
    assert seen == [SKIPPED.format("b.md")]
