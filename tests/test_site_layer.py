"""A build's fragments, prepared once per language: published explainers only, unchanged ones from the cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explainers import templating
from explainers.cache import Store
from explainers.site import Prepared, Site, SiteSettings
from explainers.views import ExplainerView

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
    real = templating.Templates.render

    def counting(self: templating.Templates, name: str, **context: object) -> object:
        seen.append(name)
        return real(self, name, **context)

    monkeypatch.setattr(templating.Templates, "render", counting)
    return seen


def _prepare(folder: Path, language: str, store: Store | None = None) -> tuple[Site, Prepared]:
    site = Site(SiteSettings(folder=folder), store or Store(None))
    site.load(TODAY)
    return site, site.prepare(language)


def test_each_published_explainer_gets_its_fragments_in_the_language(folder: Path, renders: list[str]) -> None:
    site, prepared = _prepare(folder, "id")
    assert sorted(prepared.fragments) == ["demo"]  # not the draft, not the broken one
    assert sorted(site.published) == ["demo"]
    assert prepared.rendered == 1 and prepared.fragments["demo"].language == "id"
    demo = site.published["demo"]
    view = ExplainerView(demo, "id", prepared=prepared.fragments["demo"])
    assert view.claim_box(demo.claims[0]) == ExplainerView(demo, "id").claim_box(demo.claims[0])
    assert "Terkonfirmasi" in view.claim_box(demo.claims[0])


def test_unchanged_explainers_are_not_rendered_again(tmp_path: Path, folder: Path, renders: list[str]) -> None:
    cache = Store(tmp_path / "cache")
    first = _prepare(folder, "en", cache)[1]
    rendered = len(renders)
    assert rendered > 0 and first.rendered == 1
    again = _prepare(folder, "en", cache)[1]
    assert again.rendered == 0 and len(renders) == rendered
    assert again.fragments == first.fragments
    # Another language is other fragments.
    assert _prepare(folder, "id", cache)[1].rendered == 1
    # An edit renders that explainer again.
    english = folder / "demo.en.md"
    english.write_text(english.read_text(encoding="utf-8").replace("Example:", "Changed:"), encoding="utf-8")
    changed = _prepare(folder, "en", cache)[1]
    assert changed.rendered == 1


def test_a_view_ignores_fragments_of_another_language(folder: Path) -> None:
    site, prepared = _prepare(folder, "id")
    demo = site.published["demo"]
    view = ExplainerView(demo, "en", prepared=prepared.fragments["demo"])
    assert "Confirmed" in view.claim_box(demo.claims[0]) and "Terkonfirmasi" not in view.claim_box(demo.claims[0])


def test_a_site_template_override_replaces_the_packages_and_keys_the_cache(tmp_path: Path, folder: Path) -> None:
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    plain = Site(SiteSettings(folder=folder, overrides=overrides), Store(tmp_path / "cache"))
    plain.load(TODAY)
    assert plain.prepare("en").rendered == 1
    (overrides / "corrections.html").write_text("<p class='ours'>{{ corrections|length }}</p>\n", encoding="utf-8")
    (overrides / "markers.html").write_text(
        "{% macro marker(claim) %}<sup class='ours'>{{ claim.number }}</sup>{% endmacro %}", encoding="utf-8")
    overridden = Site(SiteSettings(folder=folder, overrides=overrides), Store(tmp_path / "cache"))
    assert overridden.look != plain.look  # the overrides are part of the fragments' key
    overridden.load(TODAY)
    prepared = overridden.prepare("en")
    assert prepared.rendered == 1  # not the package's fragments from the cache
    markers = prepared.fragments["demo"].markers
    assert markers["panel-vetoed"] == "<sup class='ours'>1</sup>"


def test_a_fresh_draft_reports_only_notes_to_the_site_build(tmp_path: Path) -> None:
    """SPEC 12: a draft's warnings (and a scaffold's placeholders) are notes in the site build."""
    from explainers.diagnostics import Severity
    from explainers.loading import check
    from explainers.scaffold import create

    folder = tmp_path / "explainers"
    create("contoh", folder)
    site = Site(SiteSettings(folder=folder), Store(None))
    site.load()
    reported = site.unreported()
    assert reported and {d.severity for d in reported} == {Severity.NOTE}
    # `explainers check` still reports the draft's warnings as warnings.
    assert any(d.severity is Severity.WARNING for d in check(folder / "contoh.md").diagnostics)
