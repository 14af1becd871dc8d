"""The typed models of the format (SPEC section 3): vocabulary, field types, custom checks."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from explainers import i18n
from explainers.models import (
    FIELD_NAMES,
    Bilingual,
    Citation,
    Claim,
    FrontMatter,
    Source,
    TranslationFrontMatter,
    json_schema,
)
from explainers.vocabulary import SourceKind, Stance, Status

TODAY = dt.date(2026, 11, 26)

# What tests/fixtures/invalid/*.md and the editors write, as the YAML reader hands it over: strings.
CLAIM: dict[str, Any] = {
    "id": "troops-2024",
    "text": {"id": "Korea Utara memasok tentara ke Rusia.", "en": "North Korea supplied troops to Russia."},
    "claimant": "MSMT",
    "status": "reported",
    "sources": ["msmt-2025"],
}
SOURCE: dict[str, Any] = {
    "id": "msmt-2025",
    "title": "MSMT report",
    "publisher": "Multilateral Sanctions Monitoring Team",
    "url": "https://example.org/msmt",
    "published": "2025-05-29",
    "accessed": "2025-06-01",
    "language": "en",
    "kind": "report",
}
FRONT: dict[str, Any] = {
    "title": "Contoh",
    "summary": "Ringkasan.",
    "date": "2025-06-02",
    "claims": [CLAIM],
    "sources": [SOURCE],
}


def front(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(FRONT)
    data.update(changes)
    return data


def claim(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(CLAIM)
    data.update(changes)
    return data


def source(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(SOURCE)
    data.update(changes)
    return data


def validate(data: dict[str, Any]) -> FrontMatter:
    return FrontMatter.model_validate(data, context={"today": TODAY})


def errors(model: type, data: Any) -> list[dict[str, Any]]:
    with pytest.raises(ValidationError) as info:
        model.model_validate(data, context={"today": TODAY})
    return info.value.errors(include_url=False)


def error_types(model: type, data: Any) -> set[str]:
    return {e["type"] for e in errors(model, data)}


# --- the vocabulary ---------------------------------------------------------------------------

STATUS_TABLE = [
    ("confirmed", "Terkonfirmasi", "Confirmed"),
    ("reported", "Dilaporkan", "Reported"),
    ("disputed", "Diperdebatkan", "Disputed"),
    ("unverified", "Belum terverifikasi", "Unverified"),
    ("false", "Keliru", "False"),
    ("position", "Pernyataan sikap", "Stated position"),
]


def test_status_vocabulary_is_the_specs() -> None:
    assert [s.value for s in Status] == [row[0] for row in STATUS_TABLE]


@pytest.mark.parametrize("value, indonesian, english", STATUS_TABLE)
def test_status_labels_in_both_languages(value: str, indonesian: str, english: str) -> None:
    status = Status(value)
    assert i18n.gettext("id", status.label) == indonesian
    assert i18n.gettext("en", status.label) == english


def test_every_status_meaning_is_translated() -> None:
    for status in Status:
        assert i18n.gettext("id", status.meaning) != status.meaning, status


def test_stances_and_kinds_are_the_specs() -> None:
    assert {s.value for s in Stance} == {"supports", "disputes", "context"}
    assert {k.value for k in SourceKind} == {"news", "report", "statement", "official", "data", "interview", "other"}


def test_only_a_stated_position_is_not_checkable() -> None:
    assert [s.value for s in Status if not s.checkable] == ["position"]


# --- a whole front matter -------------------------------------------------------------------


def test_the_example_validates_with_typed_values() -> None:
    meta = validate(front())
    assert meta.date == dt.date(2025, 6, 2)
    assert meta.draft is False
    assert meta.claims[0].status is Status.REPORTED
    assert meta.claims[0].sources == [Citation(source="msmt-2025", stance=Stance.SUPPORTS)]
    assert meta.sources[0].kind is SourceKind.REPORT
    assert meta.sources[0].published == dt.date(2025, 5, 29)
    assert meta.claim("troops-2024") is meta.claims[0]
    assert meta.source("msmt-2025") is meta.sources[0]
    assert meta.claim("nope") is None


def test_status_false_is_the_status_false() -> None:
    meta = validate(front(claims=[claim(status="false")]))
    assert meta.claims[0].status is Status.FALSE
    assert meta.claims[0].status == "false"


def test_language_no_is_norwegian() -> None:
    meta = validate(front(sources=[source(language="no")]))
    assert meta.sources[0].language == "no"


@pytest.mark.parametrize("value, expected", [("true", True), ("false", False)])
def test_draft_flag(value: str, expected: bool) -> None:
    assert validate(front(draft=value)).draft is expected


@pytest.mark.parametrize("value", ["yes", "no", "True", "1", "on"])
def test_draft_flag_refuses_yaml_1_1_words(value: str) -> None:
    (error,) = errors(FrontMatter, front(draft=value))
    assert error["loc"] == ("draft",)
    assert "true or false" in error["msg"]


@pytest.mark.parametrize("field", ["title", "summary", "date", "claims", "sources"])
def test_required_fields(field: str) -> None:
    data = front()
    del data[field]
    (error,) = errors(FrontMatter, data)
    assert (error["type"], error["loc"]) == ("missing", (field,))


@pytest.mark.parametrize(
    "model, data, field",
    [
        (FrontMatter, front(pubisher="x"), "pubisher"),
        (Claim, claim(statuss="reported"), "statuss"),
        (Source, source(pubisher="x"), "pubisher"),
        (Bilingual, {"id": "a", "en": "b", "de": "c"}, "de"),
        (Citation, {"source": "a", "page": "3"}, "page"),
        (TranslationFrontMatter, {"title": "x", "claims": []}, "claims"),
    ],
)
def test_unknown_fields_are_refused(model: type, data: dict[str, Any], field: str) -> None:
    found = errors(model, data)
    assert any(e["type"] == "extra_forbidden" and e["loc"][-1] == field for e in found), found


def test_claims_and_sources_need_at_least_one_item() -> None:
    assert error_types(FrontMatter, front(claims=[])) == {"too_short"}
    assert error_types(FrontMatter, front(sources=[])) == {"too_short"}
    assert error_types(Claim, claim(sources=[])) == {"too_short"}


def test_updated_before_date_is_refused() -> None:
    (error,) = errors(FrontMatter, front(updated="2025-06-01"))
    assert error["loc"] == ("updated",)
    assert "before date" in error["msg"]
    assert validate(front(updated="2025-06-02")).updated == dt.date(2025, 6, 2)


# --- citations ------------------------------------------------------------------------------


def test_a_citation_is_a_bare_id_or_a_mapping() -> None:
    meta = validate(
        front(claims=[claim(sources=["msmt-2025", {"source": "msmt-2025", "stance": "disputes", "locator": "para. 3"}])])
    )
    bare, detailed = meta.claims[0].sources
    assert (bare.source, bare.stance, bare.locator) == ("msmt-2025", Stance.SUPPORTS, None)
    assert (detailed.source, detailed.stance, detailed.locator) == ("msmt-2025", Stance.DISPUTES, "para. 3")


def test_unknown_stance_is_refused() -> None:
    found = errors(Claim, claim(sources=[{"source": "msmt-2025", "stance": "refutes"}]))
    assert [e["loc"] for e in found] == [("sources", 0, "stance")]


# --- bilingual text -------------------------------------------------------------------------


def test_bilingual_text_by_language() -> None:
    text = Bilingual(id="Teks", en="Text")
    assert (text("id"), text("en")) == ("Teks", "Text")


@pytest.mark.parametrize("missing", ["id", "en"])
def test_bilingual_text_needs_both_languages(missing: str) -> None:
    data = {"id": "Teks", "en": "Text"}
    del data[missing]
    (error,) = errors(Bilingual, data)
    assert (error["type"], error["loc"]) == ("missing", (missing,))


@pytest.mark.parametrize("blank", ["", "   ", "\n\t", None])
def test_bilingual_text_must_not_be_blank(blank: str | None) -> None:
    (error,) = errors(Bilingual, {"id": "Teks", "en": blank})
    assert error["loc"] == ("en",)
    assert "write it out" in error["msg"]


def test_text_given_as_one_string_is_refused() -> None:
    found = errors(Claim, claim(text="Korea Utara memasok tentara."))
    assert [e["loc"] for e in found] == [("text",)]


# --- slugs ----------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["troops-2024", "a", "2024", "un-sc15648", "a" * 80])
def test_valid_slugs(value: str) -> None:
    assert validate(front(claims=[claim(id=value)])).claims[0].id == value


@pytest.mark.parametrize(
    "value",
    ["Troops-2024", "troops_2024", "troops--2024", "-troops", "troops-", "troops 2024", "", "a" * 81, "trööps", "../x"],
)
def test_invalid_slugs(value: str) -> None:
    found = errors(Claim, claim(id=value))
    assert [e["loc"] for e in found] == [("id",)]
    assert "lowercase letters, digits and single hyphens" in found[0]["msg"] or "empty" in found[0]["msg"]


def test_a_trailing_newline_is_not_a_slug() -> None:
    errors(Claim, claim(id="troops-2024\n"))


# --- dates ----------------------------------------------------------------------------------


def test_a_date_is_parsed() -> None:
    assert validate(front(date="2024-02-29")).date == dt.date(2024, 2, 29)


@pytest.mark.parametrize(
    "value, kind",
    [
        ("2023-13-45", "date_invalid"),
        ("2023-02-29", "date_invalid"),
        ("2025-6-2", "date_format"),
        ("02/06/2025", "date_format"),
        ("2025-06-02T10:00:00", "date_format"),
        ("kemarin", "date_format"),
        ("2999-01-01", "date_future"),
        ("2026-11-27", "date_future"),
    ],
)
def test_invalid_dates(value: str, kind: str) -> None:
    (error,) = errors(FrontMatter, front(date=value))
    assert (error["type"], error["loc"]) == (kind, ("date",))


def test_today_is_not_in_the_future() -> None:
    assert validate(front(date=TODAY.isoformat())).date == TODAY


def test_every_date_field_is_checked() -> None:
    data = front(
        claims=[claim(date="2999-01-01")],
        sources=[source(published="2023-13-45", accessed="2999-01-01")],
        corrections=[{"date": "2999-01-01", "text": {"id": "a", "en": "b"}}],
    )
    assert {e["loc"] for e in errors(FrontMatter, data)} == {
        ("claims", 0, "date"),
        ("sources", 0, "published"),
        ("sources", 0, "accessed"),
        ("corrections", 0, "date"),
    }


def test_accessed_before_published_is_refused() -> None:
    found = errors(Source, source(published="2025-05-29", accessed="2025-05-28"))
    assert [e["type"] for e in found] == ["accessed_before_published"]
    assert "correct one of the dates" in found[0]["msg"]
    assert Source.model_validate(source(published="2025-05-29", accessed="2025-05-29"), context={"today": TODAY})


# --- URLs and languages ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["https://press.un.org/en/2024/sc15648.doc.htm", "http://example.org", "https://example.org/a?b=c#d"],
)
def test_web_addresses(value: str) -> None:
    assert validate(front(sources=[source(url=value, archive_url=value)])).sources[0].url == value


@pytest.mark.parametrize(
    "value, kind",
    [
        ("javascript:alert(1)", "url_scheme"),
        ("JavaScript:alert(1)", "url_scheme"),
        ("data:text/html,<script>alert(1)</script>", "url_scheme"),
        ("ftp://example.org/file", "url_scheme"),
        ("file:///etc/passwd", "url_scheme"),
        ("example.org/page", "url"),
        ("https://exa mple.org", "url"),
        (" https://example.org", "url"),
        ("https://", "url"),
    ],
)
@pytest.mark.parametrize("field", ["url", "archive_url"])
def test_non_web_addresses_are_refused(field: str, value: str, kind: str) -> None:
    (error,) = errors(Source, source(**{field: value}))
    assert (error["type"], error["loc"]) == (kind, (field,))
    assert "https://" in error["msg"]


@pytest.mark.parametrize("value", ["en", "id", "ko", "ru", "no", "nb", "zh-Hant", "en-GB", "pt-BR"])
def test_language_codes(value: str) -> None:
    assert Source.model_validate(source(language=value), context={"today": TODAY}).language == value


@pytest.mark.parametrize("value", ["yes", "english", "e", "xx", "en_GB x", "123"])
def test_not_language_codes(value: str) -> None:
    (error,) = errors(Source, source(language=value))
    assert (error["type"], error["loc"]) == ("language", ("language",))
    assert "BCP 47" in error["msg"]


# --- the JSON Schema and the field lists ------------------------------------------------------


def test_json_schema_forbids_unknown_fields() -> None:
    schema = json_schema()
    assert {"claims", "sources", "title", "summary", "date"} <= set(schema["properties"])
    assert set(schema["required"]) == {"title", "summary", "date", "claims", "sources"}
    for model in ("Claim", "Source", "Citation", "Bilingual"):
        assert schema["$defs"][model]["additionalProperties"] is False, model
    items = schema["$defs"]["Claim"]["properties"]["sources"]["items"]
    assert items["anyOf"][0] == {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}
    status = schema["$defs"]["Status"]
    assert status["enum"] == [row[0] for row in STATUS_TABLE]


def test_field_names_used_for_suggestions() -> None:
    assert "publisher" in FIELD_NAMES["source"]
    assert FIELD_NAMES["translation"] == ("title", "summary", "translation_of")
    assert FIELD_NAMES["text"] == ("id", "en")
