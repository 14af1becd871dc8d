"""`mkdocs serve`'s rebuilds keep the pages whose inputs did not change: whatever is kept is what a clean build makes.

Each step edits the site as an editor would, rebuilds it in the previewing process
(one adapter, its kept pages, as mkdocs serve rebuilds), and compares every file
with a clean build in a fresh process, byte for byte (the sitemaps' dates aside).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from explainers.mkdocs.kept import look_digest

from .conftest import FIXTURES, ROOT
from .rebuilds import Preview, clean_build, copy_of_the_package
from .sitebuild import make_project
from .sitecompare import differences


def _texts() -> dict[str, str]:
    paths = [*(FIXTURES / "site").glob("*.md"), *(FIXTURES / "valid").glob("*.md")]
    return {p.name: p.read_text(encoding="utf-8") for p in paths}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _override_a_template(root: Path) -> None:
    overrides = root / "overrides" / "explainers"
    overrides.mkdir(parents=True, exist_ok=True)
    header = (ROOT / "explainers" / "templates" / "header.html").read_text(encoding="utf-8")
    (overrides / "header.html").write_text(header.replace("explainer-meta__dates", "explainer-meta__dates edited"))


def _delete(root: Path) -> None:
    for name in ("hostile.md", "hostile.en.md"):
        (root / "docs" / "explainers" / name).unlink()


def _rename(root: Path) -> None:
    folder = root / "docs" / "explainers"
    (folder / "pending.md").rename(folder / "renamed.md")


EXPLAINERS = Path("docs/explainers")
CATALOG = Path("pkg/explainers/locale/id/LC_MESSAGES/explainers.po")  # in a copy of the package, which the builds import
STEPS: list[tuple[str, Callable[[Path], None]]] = [
    ("a title", lambda r: _edit(r / EXPLAINERS / "demo.md", 'title: "Contoh:', 'title: "Contoh baru:')),
    ("a claim's status", lambda r: _edit(r / EXPLAINERS / "demo.md", "status: confirmed", "status: disputed")),
    ("a source", lambda r: _edit(r / EXPLAINERS / "demo.md", 'publisher: "anews"', 'publisher: "A News"')),
    ("a translation", lambda r: _edit(r / EXPLAINERS / "demo.en.md", "In March 2024", "In late March 2024")),
    ("a template", _override_a_template),
    ("a tag label", lambda r: (r / EXPLAINERS / "tags.yml").write_text("contoh: {id: Contoh, en: Example}\n", encoding="utf-8")),
    ("a site page", lambda r: _edit(r / "docs" / "about.en.md", "\n", "\n\nOne more line.\n")),
    ("a catalog", lambda r: _edit(r / CATALOG, 'msgid "Sources"\nmsgstr "Sumber"', 'msgid "Sources"\nmsgstr "Sumber rujukan"')),
    ("a package template", lambda r: _edit(r / "pkg" / "explainers" / "templates" / "boxes.html", "claim__sources-label",
                                           "claim__sources-label edited")),
    ("deleting an explainer", _delete),
    ("renaming an explainer", _rename),
]

SHOWN = {"a catalog": "Sumber rujukan", "a package template": "claim__sources-label edited"}


@pytest.mark.slow
def test_each_rebuild_of_a_preview_is_the_clean_build_byte_for_byte(tmp_path: Path) -> None:
    root = make_project(tmp_path, _texts())
    package = copy_of_the_package(root / "pkg")
    preview = Preview(root, package)
    served = root / "served"  # one folder, as mkdocs serve's: kept pages are left in it, not written again
    try:
        assert preview.build("served") == 0
        unchanged = served / "en" / "explainers" / "hostile-lines" / "index.html"
        for number, (what, edit) in enumerate(STEPS, start=1):
            before = unchanged.stat().st_mtime_ns
            edit(root)
            kept = preview.build("served")
            if number == 1:  # a kept page is left in place, not written again
                assert unchanged.stat().st_mtime_ns == before
            clean_build(root, f"clean-{number}", package=package)
            assert differences(root / f"clean-{number}", served) == [], what
            if what in SHOWN:  # the edit did reach the pages (both builds import the edited copy)
                assert SHOWN[what] in (served / "explainers" / "demo" / "index.html").read_text(encoding="utf-8")
            if what not in ("a template", "a tag label", "a site page", "a catalog", "a package template"):
                # these change every page's look: all are rendered
                assert kept > 0, f"after {what}, no page was kept"
    finally:
        preview.close()
    assert not (served / "explainers" / "hostile").exists()
    assert not (served / "explainers" / "pending").exists() and (served / "explainers" / "renamed").is_dir()
    assert "renamed" in (served / "index.html").read_text(encoding="utf-8")
    assert "explainers/hostile/" not in (served / "archive" / "index.html").read_text(encoding="utf-8")


def test_what_every_page_depends_on_changes_with_each_shaping_file(tmp_path: Path) -> None:
    docs, explainers, theme, package = tmp_path / "docs", tmp_path / "docs/explainers", tmp_path / "theme", tmp_path / "pkg"
    for folder in (explainers, theme / "explainers", package / "locale"):
        folder.mkdir(parents=True)
    config = tmp_path / "mkdocs.yml"
    files = [config, docs / "about.md", theme / "explainers" / "box.html", package / "locale" / "explainers.po"]
    for path in files:
        path.write_text("one\n", encoding="utf-8")
    (explainers / "a.md").write_text("an explainer\n", encoding="utf-8")

    def look() -> str:
        import datetime as dt

        return look_digest(config, docs, explainers, [theme, package], dt.date(2026, 1, 1))

    before = look()
    (explainers / "a.md").write_text("edited: the explainers are keyed one by one\n", encoding="utf-8")
    assert look() == before
    for path in files:
        path.write_text("two\n", encoding="utf-8")
        assert look() != before, path.name
        before = look()
    shutil.rmtree(docs / "explainers")
    assert look() == before
