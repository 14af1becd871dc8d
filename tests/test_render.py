"""HTML fragments, without Markdown or a site: escaping, languages, numbering."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from explainers import listings, templating
from explainers.cache import Store
from explainers.loading import check
from explainers.templating import Templates
from explainers.views import ExplainerView
from explainers.vocabulary import Status

from .conftest import EN_LABELS, FIXTURES, ID_LABELS, TODAY


def _view(name: str, language: str) -> ExplainerView:
    result = check(FIXTURES / name, today=TODAY)
    assert result.explainer is not None
    return ExplainerView(result.explainer, language, tag_url=lambda tag: f"/tags/#{listings.tag_anchor(tag)}")


def test_box_escapes_every_field_and_keeps_it_visible() -> None:
    view = _view("site/hostile.md", "id")
    claim = view.explainer.claims[0]
    box = BeautifulSoup(view.claim_box(claim), "lxml")
    assert not box.find_all(["script", "iframe", "style"])
    assert "<script>alert('id')</script>" in box.select_one(".claim__text").get_text()
    assert box.select_one(".claim__meta dd").get_text() == "<iframe src=javascript:alert(1)>"
    assert '" onmouseover="alert(1)' in box.select_one(".claim__locator").get_text()
    assert box.select_one(".claim__stance").get_text() == "membantah"


def test_sources_are_numbered_in_front_matter_order_with_backlinks() -> None:
    view = _view("valid/demo.md", "en")
    table = BeautifulSoup(view.sources_table(), "lxml")
    rows = table.select("tbody tr")
    assert [r.td.get_text() for r in rows] == ["1", "2"]
    assert [a.get_text() for a in rows[0].select("a.sources__backlink")] == ["Claim 1"]


def test_status_table_follows_the_vocabulary_in_both_languages() -> None:
    for language, labels in (("id", ID_LABELS), ("en", EN_LABELS)):
        table = BeautifulSoup(listings.status_table(templating.templates(language)), "lxml")
        assert [row.select_one(".claim__status").get_text() for row in table.select("tbody tr")] == [
            labels[s.value] for s in Status
        ]


def test_header_links_tags_and_counts_statuses() -> None:
    header = BeautifulSoup(_view("valid/demo.md", "id").header(), "lxml")
    assert header.select_one("a.explainer-tag")["href"] == "/tags/#tag-contoh"
    counts = [s.get_text() for s in header.select(".explainer-meta__counts .claim__status")]
    assert counts == ["Terkonfirmasi: 1", "Pernyataan sikap: 1"]


def test_tag_anchors_are_safe_fragment_ids() -> None:
    assert listings.tag_anchor("Korea Utara") == "tag-korea-utara"
    assert listings.tag_anchor('"><script>') == "tag-script"
    assert listings.tag_anchor("!!!") == "tag-x"


@pytest.fixture
def fresh_environments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Template environments built anew, with their compiled templates kept in ``tmp_path``."""
    monkeypatch.setenv("EXPLAINERS_CACHE_DIR", str(tmp_path))
    templating.templates.cache_clear()
    yield tmp_path
    templating.templates.cache_clear()


def test_compiled_templates_are_kept_apart_by_language(fresh_environments: Path) -> None:
    store = Store(fresh_environments)

    def boxes() -> dict[str, str]:
        result = check(FIXTURES / "valid/demo.md", today=TODAY)
        assert result.explainer is not None
        return {
            language: ExplainerView(result.explainer, language, templates=Templates(
                language, compiled=store.subfolder(f"templates/{language}"))).fragments.boxes["panel-vetoed"]
            for language in ("id", "en")
        }

    first = boxes()
    assert list(fresh_environments.rglob("templates/id/*.cache")) and list(fresh_environments.rglob("templates/en/*.cache"))
    again = boxes()  # compiled templates read back from disk
    assert again == first
    assert ID_LABELS["confirmed"] in again["id"] and EN_LABELS["confirmed"] not in again["id"]
    assert EN_LABELS["confirmed"] in again["en"] and ID_LABELS["confirmed"] not in again["en"]


def test_a_removed_template_cache_only_means_compiling_again(fresh_environments: Path) -> None:
    english = templating.Templates("en", compiled=fresh_environments / "templates")
    listings.status_table(english)
    shutil.rmtree(fresh_environments)
    again = templating.Templates("en", compiled=fresh_environments / "templates")
    assert "Confirmed" in listings.newest([], again, lambda e: "", "archive/") + listings.status_table(again)
