"""A build's fragments, prepared once per language: published explainers only, unchanged ones from the cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explainers import prepare, render
from explainers.cache import ResultCache
from explainers.loading import Library

from .conftest import FIXTURES, TODAY


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "explainers"
    folder.mkdir()
    for source in (FIXTURES / "valid" / "demo.md", FIXTURES / "valid" / "demo.en.md", FIXTURES / "site" / "secret-draft.md"):
        shutil.copy(source, folder / source.name)
    (folder / "broken.md").write_text("---\ntitle: Broken\n---\n\nNo claims.\n", encoding="utf-8")
    return folder


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The templates really rendered."""
    seen: list[str] = []
    real = render._render

    def counting(language: str, template: str, **context: object) -> object:
        seen.append(template)
        return real(language, template, **context)

    monkeypatch.setattr(render, "_render", counting)
    return seen


def test_each_published_explainer_gets_its_fragments_in_the_language(folder: Path, renders: list[str]) -> None:
    results = Library(folder, ResultCache(None)).results(TODAY)
    prepared = prepare.fragments(results, "id")
    assert sorted(prepared.fragments) == ["demo"]  # not the draft, not the broken one
    assert prepared.rendered == 1 and prepared.fragments["demo"].language == "id"
    demo = next(r.explainer for r in results if r.slug == "demo")
    assert demo is not None
    view = render.ExplainerView(demo, "id", prepared=prepared.fragments["demo"])
    assert view.claim_box(demo.claims[0]) == render.ExplainerView(demo, "id").claim_box(demo.claims[0])
    assert "Terkonfirmasi" in view.claim_box(demo.claims[0])


def test_unchanged_explainers_are_not_rendered_again(tmp_path: Path, folder: Path, renders: list[str]) -> None:
    cache = ResultCache(tmp_path / "cache")
    first = prepare.fragments(Library(folder, cache).results(TODAY), "en", cache)
    rendered = len(renders)
    assert rendered > 0 and first.rendered == 1
    again = prepare.fragments(Library(folder, cache).results(TODAY), "en", cache)
    assert again.rendered == 0 and len(renders) == rendered
    assert again.fragments == first.fragments
    # Another language is other fragments.
    assert prepare.fragments(Library(folder, cache).results(TODAY), "id", cache).rendered == 1
    # An edit renders that explainer again.
    english = folder / "demo.en.md"
    english.write_text(english.read_text(encoding="utf-8").replace("Example:", "Changed:"), encoding="utf-8")
    changed = prepare.fragments(Library(folder, cache).results(TODAY), "en", cache)
    assert changed.rendered == 1


def test_a_view_ignores_fragments_of_another_language(folder: Path) -> None:
    results = Library(folder, ResultCache(None)).results(TODAY)
    demo = next(r.explainer for r in results if r.slug == "demo")
    assert demo is not None
    indonesian = prepare.fragments(results, "id").fragments["demo"]
    view = render.ExplainerView(demo, "en", prepared=indonesian)
    assert "Confirmed" in view.claim_box(demo.claims[0]) and "Terkonfirmasi" not in view.claim_box(demo.claims[0])
