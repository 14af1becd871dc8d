"""The open data (SPEC section 10): claims.json against its published schema, claims.csv, and
the ClaimReview data feed, read back as a researcher's script or a spreadsheet would."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator, ValidationError

from explainers import exports, jsonld
from explainers.loading import check

from .conftest import EN_LABELS, FIXTURES, ID_LABELS, TODAY
from .publishing_corpus import HOSTILE, SITE, make

DRAFT_MARK = "rahasia-draf"


def _corpus() -> list:  # type: ignore[type-arg]
    return [
        make("banjir", english={"title": "Floods", "summary": "About floods"}),
        make("anggaran", date="2025-03-01", authors=["Ani", "Budi"]),
        make(DRAFT_MARK, draft=True, title=f"Judul {DRAFT_MARK}"),
        make("hostile", title=HOSTILE, summary=HOSTILE, authors=[HOSTILE],
             claims=[{"id": "h", "text": {"id": HOSTILE, "en": HOSTILE}, "claimant": HOSTILE, "status": "disputed",
                      "sources": ["src"]}]),
    ]


def _claims() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(exports.claims_json(_corpus(), SITE))
    return data


def _validator() -> Draft202012Validator:
    schema = json.loads(exports.claims_schema(SITE))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_claims_json_validates_against_its_published_schema() -> None:
    _validator().validate(_claims())


@pytest.mark.parametrize("damage", ["drop the claimant", "claimant as one string", "unknown status", "extra field",
                                    "relative box URL"])
def test_the_schema_refuses_a_damaged_file(damage: str) -> None:
    data = _claims()
    claim = data["claims"][0]
    if damage == "drop the claimant":
        del claim["claimant"]
    elif damage == "claimant as one string":
        claim["claimant"] = "Menteri"
    elif damage == "unknown status":
        claim["status"] = "mostly-true"
    elif damage == "extra field":
        claim["rating"] = 3
    else:
        claim["url"]["en"] = "/en/explainers/banjir/#claim-checked"
    with pytest.raises(ValidationError):
        _validator().validate(data)


def test_every_published_claim_with_both_languages_and_absolute_box_urls() -> None:
    claims = _claims()["claims"]
    assert [(c["explainer"]["slug"], c["id"]) for c in claims] == [
        ("anggaran", "checked"), ("anggaran", "stance"), ("banjir", "checked"), ("banjir", "stance"), ("hostile", "h")]
    banjir = claims[2]
    assert banjir["explainer"]["title"] == {"id": "Judul banjir", "en": "Floods"}
    assert banjir["text"] == {"id": "Klaim banjir", "en": "Claim banjir"}
    assert banjir["status"] == "false"
    assert banjir["status_label"] == {"id": ID_LABELS["false"], "en": EN_LABELS["false"]}
    assert banjir["claimant"] == {"id": "Menteri", "en": "Menteri"}
    assert banjir["date"] == "2025-05-30"
    assert banjir["url"] == {"id": "https://news.example.org/desk/explainers/banjir/#claim-checked",
                             "en": "https://news.example.org/desk/en/explainers/banjir/#claim-checked"}
    assert banjir["citations"] == [{"source": "src", "title": "Laporan", "publisher": "Badan Statistik",
                                    "url": "https://example.org/r", "published": "2025-05-01", "stance": "disputes",
                                    "locator": None}]
    assert claims[0]["explainer"]["authors"] == [{"id": "Ani", "en": "Ani"}, {"id": "Budi", "en": "Budi"}]


def test_a_draft_never_appears_in_any_data_file() -> None:
    for produce in (exports.claims_json, exports.claims_csv, exports.claimreview_feed):
        assert DRAFT_MARK.encode() not in produce(_corpus(), SITE), produce.__name__


def test_same_explainers_in_any_order_give_the_same_bytes() -> None:
    corpus = _corpus()
    for produce in (exports.claims_json, exports.claims_csv, exports.claimreview_feed):
        assert produce(corpus, SITE) == produce(list(reversed(corpus)), SITE), produce.__name__


def test_hostile_text_stays_text_in_json() -> None:
    hostile = next(c for c in _claims()["claims"] if c["id"] == "h")
    assert hostile["explainer"]["title"]["id"] == HOSTILE
    assert hostile["text"]["en"] == HOSTILE and hostile["claimant"]["en"] == HOSTILE


def _csv_rows() -> list[dict[str, str]]:
    data = exports.claims_csv(_corpus(), SITE)
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the byte order mark to read UTF-8"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_has_a_header_and_one_row_per_claim_matching_the_json() -> None:
    rows, claims = _csv_rows(), _claims()["claims"]
    assert len(rows) == len(claims)
    for row, claim in zip(rows, claims, strict=True):
        assert (row["explainer_slug"], row["claim_id"]) == (claim["explainer"]["slug"], claim["id"])
        assert row["url_en"] == claim["url"]["en"]
        assert row["status_label_id"] == claim["status_label"]["id"]
    assert rows[0]["authors_id"] == "Ani; Budi"
    assert rows[1]["claim_date"] == ""


def test_hostile_text_with_a_newline_stays_in_its_cell() -> None:
    hostile = next(r for r in _csv_rows() if r["claim_id"] == "h")
    assert hostile["explainer_title_id"] == HOSTILE and hostile["text_en"] == HOSTILE
    assert hostile["explainer_slug"] == "hostile"


@pytest.mark.parametrize("formula", ["=HYPERLINK(\"https://evil.example\")", "+1+2", "-2+3", "@SUM(A1)",
                                     "\t=1", "\r=1"])
def test_csv_cells_a_spreadsheet_would_run_are_guarded(formula: str) -> None:
    explainer = make("rumus", claims=[{"id": "c", "text": {"id": formula, "en": "plain"}, "claimant": formula,
                                       "status": "false", "sources": ["src"]}])
    row = next(csv.DictReader(io.StringIO(exports.claims_csv([explainer], SITE).decode("utf-8-sig"), newline="")))
    assert row["text_id"] == "'" + formula and row["claimant_en"] == "'" + formula
    assert row["text_en"] == "plain", "cells that are not formulas are left alone"


def _reviews() -> list[dict[str, Any]]:
    feed = json.loads(exports.claimreview_feed(_corpus(), SITE))
    assert feed["@context"] == "https://schema.org" and feed["@type"] == "DataFeed"
    reviews: list[dict[str, Any]] = feed["dataFeedElement"]
    return reviews


def test_data_feed_has_a_claim_review_per_checkable_claim_and_language() -> None:
    reviews = _reviews()
    # anggaran, banjir and hostile each have one checkable claim; their stated positions have none.
    assert sorted((r["url"], r["inLanguage"]) for r in reviews) == sorted(
        (SITE.claim_url(slug, claim, language), language)
        for slug, claim in (("anggaran", "checked"), ("banjir", "checked"), ("hostile", "h"))
        for language in ("id", "en"))
    for review in reviews:
        assert review["@type"] == "ClaimReview"
        assert review["url"].startswith("https://news.example.org/desk/")
        assert review["claimReviewed"] and review["datePublished"] and review["author"]["name"]
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["reviewRating"]["alternateName"]


def test_data_feed_reviews_are_in_their_language_and_name_the_claimant() -> None:
    banjir = {r["inLanguage"]: r for r in _reviews() if "/banjir/" in r["url"]}
    assert banjir["id"]["claimReviewed"] == "Klaim banjir" and banjir["en"]["claimReviewed"] == "Claim banjir"
    assert banjir["id"]["reviewRating"]["alternateName"] == ID_LABELS["false"]
    assert banjir["en"]["reviewRating"]["alternateName"] == EN_LABELS["false"]
    assert banjir["en"]["author"]["name"] == "Explainers"
    assert banjir["en"]["itemReviewed"]["author"]["name"] == "Menteri"


def test_data_feed_reviews_are_the_pages_own() -> None:
    explainer = _corpus()[0]
    page_url = SITE.explainer_url("banjir", "en")
    on_page = jsonld.graph(explainer, "en", page_url, SITE.publisher("en"))["@graph"][1]
    in_feed = [r for r in _reviews() if r["url"] == f"{page_url}#claim-checked"]
    assert in_feed == [on_page]


def test_data_files_are_the_four_files_under_data() -> None:
    corpus = _corpus()
    assert exports.data_files(corpus, SITE) == {
        "data/claims.json": exports.claims_json(corpus, SITE),
        "data/claims.schema.json": exports.claims_schema(SITE),
        "data/claims.csv": exports.claims_csv(corpus, SITE),
        "data/claimreview.json": exports.claimreview_feed(corpus, SITE),
    }


def test_the_fixture_explainers_as_a_site_would_publish_them() -> None:
    results = [check(path, today=TODAY) for path in sorted((FIXTURES / "site").glob("*.md")) if ".en." not in path.name]
    results.append(check(FIXTURES / "valid" / "demo.md", today=TODAY))
    explainers = [r.explainer for r in results if r.explainer is not None]
    assert {e.slug for e in explainers} == {"demo", "hostile", "hostile-lines", "pending", "secret-draft"}
    files = exports.data_files(explainers, SITE)
    assert not any(b"secret-draft" in data or b"Draf" in data for data in files.values())
    claims = json.loads(files["data/claims.json"])
    _validator().validate(claims)
    assert sorted({c["explainer"]["slug"] for c in claims["claims"]}) == ["demo", "hostile", "hostile-lines", "pending"]
    hostile = next(c for c in claims["claims"] if c["explainer"]["slug"] == "hostile")
    assert hostile["explainer"]["title"] == {"id": "<script>alert('title')</script> & \"quotes\"",
                                             "en": "<script>alert('en title')</script>"}
