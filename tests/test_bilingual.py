"""Issue 16: the bilingual model completed (SPEC 12), seen on the pages of an explainer written for it."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from explainers import jsonld, listings
from explainers.cache import Store
from explainers.loading import check
from explainers.models import Explainer, json_schema
from explainers.site import Site, SiteSettings
from explainers.views import ExplainerView

from .conftest import FIXTURES, TODAY

BILINGUAL = FIXTURES / "bilingual" / "pemilu.md"


@pytest.fixture(scope="module")
def pemilu() -> Explainer:
    result = check(BILINGUAL, today=TODAY)
    assert result.explainer is not None, result.diagnostics
    return result.explainer


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_english_pages_show_the_english_claimant_and_authors(pemilu: Explainer) -> None:
    en, id_ = ExplainerView(pemilu, "en"), ExplainerView(pemilu, "id")
    assert "President-elect" in en.claim_box(pemilu.claim("promise"))  # type: ignore[arg-type]
    assert "Presiden terpilih" in id_.claim_box(pemilu.claim("promise"))  # type: ignore[arg-type]
    assert "By Editorial desk" in _text(en.header()) and "Redaksi" not in _text(en.header())
    assert "Oleh Redaksi" in _text(id_.header())
    graph = jsonld.graph(pemilu, "en", "https://x/en/", jsonld.Publisher("Explainers", "https://x/"))
    assert graph["@graph"][0]["author"][0]["name"] == "Editorial desk"
    promise = pemilu.claim("promise")
    assert promise is not None
    review = jsonld.claim_review(pemilu, promise, "en", "https://x/en/", jsonld.Publisher("Explainers", "https://x/"))
    assert review["itemReviewed"]["author"]["name"] == "President-elect"


def test_claims_are_numbered_in_reading_order_and_sources_by_first_citation(pemilu: Explainer) -> None:
    """The body places 'turnout' before 'promise', though the front matter lists 'promise' first."""
    for language in ("id", "en"):
        view = ExplainerView(pemilu, language)
        assert [(c.id, c.number) for c in sorted(view.claims.values(), key=lambda c: c.number)] == [
            ("turnout", 1), ("promise", 2), ("unplaced", 3)
        ]
        assert [s.id for s in view.sources] == ["kpu-2024", "speech-2024"]  # kpu is first cited, by claim 1
        assert [s.number for s in view.sources] == [1, 2]
    assert "Claim 1" in ExplainerView(pemilu, "en").claim_box(pemilu.claim("turnout"))  # type: ignore[arg-type]


def test_a_corrected_box_links_to_its_correction(pemilu: Explainer) -> None:
    view = ExplainerView(pemilu, "en")
    box = view.claim_box(pemilu.claim("turnout"))  # type: ignore[arg-type]
    assert 'href="#correction-1"' in box and "Corrected on" in box
    assert 'id="correction-1"' in view.corrections() and 'href="#claim-turnout"' in view.corrections()
    assert "correction-" not in view.claim_box(pemilu.claim("promise"))  # type: ignore[arg-type]


def test_updated_on_the_day_of_publication_is_not_shown(pemilu: Explainer, tmp_path: Path) -> None:
    assert pemilu.meta.updated is not None and pemilu.meta.updated != pemilu.meta.date
    assert "Updated" in _text(ExplainerView(pemilu, "en").header())
    same = tmp_path / "pemilu.md"
    text = BILINGUAL.read_text().replace(f"updated: {pemilu.meta.updated}", f"updated: {pemilu.meta.date}")
    same.write_text(text)
    result = check(same, today=TODAY)
    assert result.explainer is not None
    assert "Updated" not in _text(ExplainerView(result.explainer, "en").header())
    # ... and a correction now dated after the last change is a warning, at its date.
    (warning,) = [d for d in result.diagnostics if d.severity.value == "warning"]
    assert "after the explainer's last change" in warning.message
    assert text.split("\n")[warning.line - 1].strip().startswith("- date:")


def test_a_supporting_citation_is_shown_as_such(pemilu: Explainer) -> None:
    """A reader tells "supports" (confirms it) from "context" (reports it or gives background)."""
    box = ExplainerView(pemilu, "en").claim_box(pemilu.claim("promise"))  # type: ignore[arg-type]
    assert 'class="claim__stance claim__stance--supports">supports<' in box
    assert 'class="claim__stance claim__stance--context">context<' in box


def _site(folder: Path, store: Store) -> Site:
    site = Site(SiteSettings(folder=folder), store)
    site.load(TODAY)
    return site


def test_tag_labels_show_in_the_page_language_and_follow_edits_of_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "explainers"
    folder.mkdir()
    for path in FIXTURES.joinpath("bilingual").iterdir():
        shutil.copy(path, folder / path.name)
    store = Store(tmp_path / "cache")  # the result cache on, as in a real build

    def header(language: str) -> str:
        site = _site(folder, store)
        return _text(site.explainer_page("pemilu", language, lambda tag: f"/t/{tag}/").view.header())  # type: ignore[union-attr]

    assert "Elections" in header("en") and "Pemilu" in header("id")
    assert "unlabelled-tag" in header("en")  # no label: its slug, never a failure
    labels = folder / "tags.yml"
    labels.write_text(labels.read_text().replace("en: Elections", "en: General elections"))
    assert "General elections" in header("en")
    site = _site(folder, store)
    titles = {p.title for p in site.generated_pages("en")}
    assert "General elections" in titles and "unlabelled-tag" in titles
    assert "Pemilu" in {p.title for p in site.generated_pages("id")}


def test_the_claims_index_shows_the_claimant_in_the_page_language(pemilu: Explainer) -> None:
    from explainers.templating import templates

    groups = listings.claims_by_status([pemilu])
    items = next(items for items in groups.values() if any(pemilu.claims[i].id == "promise" for _, i in items))
    pager = listings.pager("claims/", 1, 1, lambda p: p)
    html = listings.claims_page(items, templates("en"), lambda e, c: f"#{c}", pager, 100)
    assert "President-elect" in html and "Presiden terpilih" not in html


def test_the_json_schema_takes_both_forms_of_a_bilingual_text() -> None:
    from jsonschema import Draft202012Validator

    schema = json_schema()
    validator = Draft202012Validator(schema)
    claimant = schema["$defs"]["Claim"]["properties"]["claimant"]
    author = schema["properties"]["authors"]["items"]
    for form in (claimant, author):
        Draft202012Validator({**form, "$defs": schema["$defs"]}).validate("Redaksi")
        Draft202012Validator({**form, "$defs": schema["$defs"]}).validate({"id": "Redaksi", "en": "Editorial desk"})
    assert "claims" in schema["$defs"]["Correction"]["properties"]
    assert validator.schema["$schema"].endswith("2020-12/schema")
    json.dumps(schema)


def test_the_english_page_of_a_stale_or_incomplete_explainer_says_so(tmp_path: Path) -> None:
    for path in FIXTURES.joinpath("bilingual").iterdir():
        shutil.copy(path, tmp_path / path.name)
    english = tmp_path / "pemilu.en.md"

    def header() -> str:
        result = check(tmp_path / "pemilu.md", today=TODAY)
        assert result.explainer is not None
        return str(ExplainerView(result.explainer, "en").header())

    assert "translation-outdated" not in header()  # unmarked: nothing is known to be out of date
    english.write_text(english.read_text().replace("---\n\n", "translation_of: 0000000000000000\n---\n\n", 1))
    assert 'data-translation-state="stale"' in header() and "has changed since this translation" in header()
    english.write_text(english.read_text().replace("::: claim promise", ""))
    assert 'data-translation-state="incomplete"' in header()
    assert "translation-outdated" not in str(ExplainerView(check(tmp_path / "pemilu.md", today=TODAY).explainer, "id").header())  # type: ignore[arg-type]


def test_the_guide_tables_match_the_vocabulary() -> None:
    """EDITING.md explains statuses and stances from the vocabulary itself (`python3 tasks.py guide`)."""
    from explainers.vocabulary import Stance, guide_tables, update_guide

    guide = (Path(__file__).resolve().parent.parent / "EDITING.md").read_text(encoding="utf-8")
    assert guide_tables() in guide
    assert update_guide(guide) == guide
    assert all(stance.meaning in guide for stance in Stance)
