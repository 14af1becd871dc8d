"""HTML fragments, without Markdown or a site: escaping, languages, numbering."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from explainers import listings, templating
from explainers.cache import Store
from explainers.extension import ExplainerExtension
from explainers.loading import check
from explainers.pages import Page
from explainers.templating import Templates
from explainers.views import ExplainerView, citation_letter
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


def test_sources_are_a_numbered_reference_list_with_backlinks() -> None:
    for language, published, cited_by in (("id", "28 Maret 2024", "Klaim 1"), ("en", "March 28, 2024", "Claim 1")):
        view = _view("valid/demo.md", language)
        sources = BeautifulSoup(view.sources_table(), "lxml").select_one("ol.sources")
        assert sources is not None and not sources.find("table")
        entries = sources.find_all("li", recursive=False)
        assert [e["id"] for e in entries] == ["source-un-sc15648", "source-anews-2025"]
        assert [e.select_one(".sources__number").get_text() for e in entries] == ["[1]", "[2]"]
        first = entries[0]
        title = first.select_one("cite[lang=en] a")
        assert title["href"] == "https://press.un.org/en/2024/sc15648.doc.htm" and title["rel"] == ["noopener", "noreferrer"]
        assert first.select_one(".sources__publisher").get_text() == "United Nations"
        assert first.select_one(".sources__published time").get_text() == published
        assert first.select_one(".sources__accessed time")["datetime"] == "2025-06-01"
        assert [(a["href"], a.get_text()) for a in first.select("a.sources__backlink")] == [("#claim-panel-vetoed", cited_by)]


def _convert(name: str, language: str, body: str) -> BeautifulSoup:
    result = check(FIXTURES / name, today=TODAY)
    assert result.explainer is not None
    extension = ExplainerExtension()
    extension.select(Page(language, ExplainerView(result.explainer, language)))
    return BeautifulSoup(markdown.Markdown(extensions=[extension, "toc"]).convert(body), "lxml")


BOX_NAMES = {
    "id": ["Klaim 1 · Terkonfirmasi", "Klaim 2 · Pernyataan sikap"],
    "en": ["Claim 1 · Confirmed", "Claim 2 · Stated position"],
}
MARKER_NAMES = {
    "id": ["Klaim 1, Terkonfirmasi", "Klaim 2, Pernyataan sikap"],
    "en": ["Claim 1, Confirmed", "Claim 2, Stated position"],
}


@pytest.mark.parametrize("language", ["id", "en"])
def test_each_box_is_named_by_a_heading_with_its_number_and_status(language: str) -> None:
    view = _view("valid/demo.md", language)
    for claim, name in zip(view.explainer.claims, BOX_NAMES[language], strict=True):
        box = BeautifulSoup(view.claim_box(claim), "lxml").select_one("article.claim")
        assert box["tabindex"] == "-1"  # a followed link can move focus into it
        heading = box.find(id=box["aria-labelledby"])
        assert heading is not None and heading.name == "h3", "the box is named by its heading"
        assert heading.get_text() == name
        status = heading.select_one("a.claim__status")
        assert status["href"] == f"../../methodology/#status-{claim.status.value}"


@pytest.mark.parametrize("language", ["id", "en"])
def test_markers_are_named_by_number_and_status_and_look_unlike_sources(language: str) -> None:
    view = _view("valid/demo.md", language)
    for number, (claim, name) in enumerate(zip(view.explainer.claims, MARKER_NAMES[language], strict=True), start=1):
        marker = BeautifulSoup(view.citation_marker(claim), "lxml").select_one("sup.claim-ref a")
        assert marker["aria-label"] == name
        assert marker.get_text() == ("K" if language == "id" else "C") + str(number)  # never "[n]", as sources are
        assert marker["aria-describedby"] == f"claim-{claim.id}-text"
        assert not marker.get("title"), "no title tooltip (small, not dismissible)"


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_citation_has_its_own_id_and_the_box_links_back_to_each(language: str) -> None:
    body = "One [[panel-vetoed]]. Two [[panel-vetoed]].\n\n::: claim panel-vetoed\n\nThree [[panel-vetoed]].\n"
    page = _convert("valid/demo.md", language, body)
    markers = page.select("sup.claim-ref a")
    assert [m["id"] for m in markers] == [f"cite-panel-vetoed-{n}" for n in (1, 2, 3)]
    backlinks = page.select("#claim-panel-vetoed a.claim__backlink")
    assert [a["href"] for a in backlinks] == [f"#cite-panel-vetoed-{n}" for n in (1, 2, 3)]
    assert [a.get_text() for a in backlinks] == ["a", "b", "c"]
    assert all(a["aria-label"].endswith(letter) for a, letter in zip(backlinks, "abc", strict=True))
    # The claim the body never cites inline has no back-links; no slot is ever left in the page.
    assert not page.select("#claim-cooperation-peaceful .claim__backlinks")
    assert "\x01" not in str(page) and "\x1f" not in str(page)


def test_a_single_citation_gets_one_named_backlink() -> None:
    page = _convert("valid/demo.md", "id", "Lihat [[cooperation-peaceful]].\n")
    links = page.select("#claim-cooperation-peaceful a.claim__backlink")
    assert [(a["href"], a.get_text()) for a in links] == [("#cite-cooperation-peaceful-1", "↑ Kembali ke teks")]


def test_heading_permalinks_are_out_of_the_headings_names() -> None:
    page = _convert("valid/demo.md", "en", "## A section\n\nText.\n")
    for heading in page.select("h2"):
        for link in heading.select("a.headerlink"):
            assert link["aria-hidden"] == "true" and link["tabindex"] == "-1", heading


def test_citation_letters_go_on_after_z() -> None:
    assert [citation_letter(i) for i in (0, 1, 25, 26, 27, 51, 52)] == ["a", "b", "z", "aa", "ab", "az", "ba"]


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
