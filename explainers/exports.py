"""The site's open data: every published claim as JSON (with its JSON Schema) and CSV, and the
ClaimReview data feed (SPEC section 10).

Each function takes the explainers (drafts are left out here too, whatever the caller passes)
and a :class:`~explainers.publishing.SiteInfo`, and returns the bytes of one file of
``site/data/``. The same input gives the same bytes: claims come in slug order, then in
their explainer's order, and nothing depends on the clock.

The JSON and the CSV are built from the same records (:class:`ClaimRecord`), and the JSON
Schema is generated from those records' classes, so the three cannot disagree.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from typing import Annotated, Any

from pydantic import ConfigDict, Field, TypeAdapter, WithJsonSchema, with_config
from pydantic_core import to_json
from typing_extensions import TypedDict  # pydantic reads typing's TypedDict only from Python 3.12 on

from . import i18n, jsonld
from .models import Bilingual, Claim, Explainer, Source
from .publishing import DATA_FOLDER, SiteInfo, last_modified, published
from .vocabulary import Stance, Status

CLAIMS_JSON = "claims.json"
CLAIMS_SCHEMA = "claims.schema.json"
CLAIMS_CSV = "claims.csv"
CLAIMREVIEW_JSON = "claimreview.json"

# A spreadsheet runs a cell that starts with one of these as a formula (or, for tab and
# carriage return, may shift it into one): such a cell gets a leading apostrophe, which
# spreadsheets show as text (OWASP's advice on CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel reads a CSV without a byte order mark in the machine's legacy code page, and so
# garbles every non-ASCII letter; with one, Excel and LibreOffice both read UTF-8.
BOM = "\ufeff"


_STRICT = ConfigDict(extra="forbid")
AbsoluteUrl = Annotated[str, WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"})]


@with_config(_STRICT)
class Localized(TypedDict):
    """A text in both languages of the site (the same text twice where the editor wrote one)."""

    id: Annotated[str, Field(description="Indonesian")]
    en: Annotated[str, Field(description="English")]


@with_config(_STRICT)
class LocalizedUrl(TypedDict):
    """An absolute URL in each language of the site."""

    id: Annotated[AbsoluteUrl, Field(description="the Indonesian page")]
    en: Annotated[AbsoluteUrl, Field(description="the English page")]


@with_config(_STRICT)
class CitationRecord(TypedDict):
    """One source a claim cites, and what it does to the claim."""

    source: Annotated[str, Field(description="the source's id in its explainer")]
    title: Annotated[str, Field(description="the source's own title, in its own language")]
    publisher: str
    url: AbsoluteUrl | None
    published: dt.date | None
    stance: Stance
    locator: Annotated[str | None, Field(description="page, paragraph or timestamp")]


@with_config(_STRICT)
class ExplainerRecord(TypedDict):
    """The explainer a claim belongs to."""

    slug: str
    title: Localized
    url: Annotated[LocalizedUrl, Field(description="absolute URL of the explainer's page in each language")]
    date: Annotated[dt.date, Field(description="first published")]
    updated: Annotated[dt.date, Field(description="last changed: its updated date or its latest correction")]
    authors: list[Localized]


@with_config(_STRICT)
class ClaimRecord(TypedDict):
    """One published claim."""

    explainer: ExplainerRecord
    id: Annotated[str, Field(description="the claim's id, unique in its explainer")]
    text: Localized
    status: Status
    status_label: Localized
    claimant: Localized
    date: Annotated[dt.date | None, Field(description="when the claim was made")]
    url: Annotated[LocalizedUrl, Field(description="absolute URL of the claim's box in each language")]
    citations: list[CitationRecord]


@with_config(_STRICT)
class ClaimsExport(TypedDict):
    """The file data/claims.json: every published claim of the site."""

    site: Annotated[AbsoluteUrl, Field(description="the site's base URL")]
    schema_url: Annotated[AbsoluteUrl, Field(description="the JSON Schema of this file")]
    claims: list[ClaimRecord]


# The records are typed dicts: mypy checks every key and value where they are built, and
# pydantic-core writes them to JSON without validating each record again (the explainers
# were validated when read) and generates the JSON Schema from the same classes.
_EXPORT = TypeAdapter(ClaimsExport)


def localized(value: str | Bilingual) -> Localized:
    """The one place a front-matter text becomes ``{id, en}``: a plain string is the same in both languages."""
    if isinstance(value, Bilingual):
        return {"id": value.id, "en": value.en}
    return {"id": value, "en": value}


def _explainer_record(explainer: Explainer, site: SiteInfo) -> ExplainerRecord:
    return {
        "slug": explainer.slug,
        "title": {"id": explainer.title("id"), "en": explainer.title("en")},
        "url": {"id": site.explainer_url(explainer.slug, "id"), "en": site.explainer_url(explainer.slug, "en")},
        "date": explainer.meta.date,
        "updated": last_modified(explainer),
        "authors": [localized(author) for author in explainer.meta.authors],
    }


def _status_labels() -> dict[Status, Localized]:
    """Each status's label in both languages, looked up once per export rather than per claim."""
    return {status: {"id": i18n.gettext("id", status.label), "en": i18n.gettext("en", status.label)}
            for status in Status}


def _citations(claim: Claim, sources: dict[str, Source]) -> list[CitationRecord]:
    return [
        {"source": source.id, "title": source.title, "publisher": source.publisher, "url": source.url,
         "published": source.published, "stance": citation.stance, "locator": citation.locator}
        for citation in claim.sources
        if (source := sources.get(citation.source)) is not None  # a checked explainer cites only its own
    ]


def _claim_records(explainer: Explainer, labels: dict[Status, Localized], site: SiteInfo) -> list[ClaimRecord]:
    about = _explainer_record(explainer, site)
    sources = {source.id: source for source in explainer.sources}
    return [
        {
            "explainer": about,
            "id": claim.id,
            "text": localized(claim.text),
            "status": claim.status,
            "status_label": labels[claim.status],
            "claimant": localized(claim.claimant),
            "date": claim.date,
            "url": {"id": site.claim_url(explainer.slug, claim.id, "id"),
                    "en": site.claim_url(explainer.slug, claim.id, "en")},
            "citations": _citations(claim, sources),
        }
        for claim in explainer.claims
    ]


def claim_records(explainers: Iterable[Explainer], site: SiteInfo) -> list[ClaimRecord]:
    """Every claim of every published explainer, by slug, then in the explainer's order."""
    labels = _status_labels()
    return [record for explainer in published(explainers) for record in _claim_records(explainer, labels, site)]


def _json_bytes(data: Any) -> bytes:
    # pydantic-core's serializer: indented like json.dumps(indent=2), several times faster.
    return to_json(data, indent=2) + b"\n"


def _claims_json(records: list[ClaimRecord], site: SiteInfo) -> bytes:
    export: ClaimsExport = {"site": site.base_url, "schema_url": site.data_url(CLAIMS_SCHEMA), "claims": records}
    return _EXPORT.dump_json(export, indent=2) + b"\n"


def claims_json(explainers: Iterable[Explainer], site: SiteInfo) -> bytes:
    """``data/claims.json``: every published claim, validating against :func:`claims_schema`."""
    return _claims_json(claim_records(explainers, site), site)


def claims_schema(site: SiteInfo) -> bytes:
    """``data/claims.schema.json``: the JSON Schema (draft 2020-12) that ``claims.json`` validates against."""
    schema = _EXPORT.json_schema(mode="serialization")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": site.data_url(CLAIMS_SCHEMA), **schema}
    schema["title"] = "Published claims"
    return _json_bytes(schema)


def _list(values: Iterable[str]) -> str:
    return "; ".join(values)


def _day(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


CSV_HEADER = (
    "explainer_slug", "explainer_title_id", "explainer_title_en", "explainer_date", "explainer_updated",
    "authors_id", "authors_en", "claim_id", "text_id", "text_en", "status", "status_label_id", "status_label_en",
    "claimant_id", "claimant_en", "claim_date", "url_id", "url_en",
    "source_titles", "source_publishers", "source_urls", "source_stances",
)


def _csv_row(r: ClaimRecord) -> list[str]:
    """The cells of one claim, in the order of CSV_HEADER."""
    about, citations = r["explainer"], r["citations"]
    return [
        about["slug"], about["title"]["id"], about["title"]["en"], _day(about["date"]), _day(about["updated"]),
        _list(a["id"] for a in about["authors"]), _list(a["en"] for a in about["authors"]),
        r["id"], r["text"]["id"], r["text"]["en"], r["status"].value, r["status_label"]["id"], r["status_label"]["en"],
        r["claimant"]["id"], r["claimant"]["en"], _day(r["date"]), r["url"]["id"], r["url"]["en"],
        _list(c["title"] for c in citations), _list(c["publisher"] for c in citations),
        _list(c["url"] or "" for c in citations), _list(c["stance"].value for c in citations),
    ]


def spreadsheet_safe(cell: str) -> str:
    """The cell, with a leading ``'`` when a spreadsheet would read it as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _csv(records: list[ClaimRecord]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    writer.writerows([spreadsheet_safe(cell) for cell in _csv_row(record)] for record in records)
    return (BOM + out.getvalue()).encode("utf-8")


def claims_csv(explainers: Iterable[Explainer], site: SiteInfo) -> bytes:
    """``data/claims.csv``: one row per claim, a header row, UTF-8 with a byte order mark, CRLF line ends (RFC 4180)."""
    return _csv(claim_records(explainers, site))


def claimreview_feed(explainers: Iterable[Explainer], site: SiteInfo) -> bytes:
    """``data/claimreview.json``: a schema.org ``DataFeed`` of a ``ClaimReview`` per checkable claim and language."""
    shown = published(explainers)
    reviews = [
        jsonld.claim_review(explainer, claim, language, site.explainer_url(explainer.slug, language),
                            site.publisher(language))
        for explainer in shown
        for claim in explainer.claims
        if claim.status.checkable
        for language in i18n.LANGUAGES
    ]
    feed: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "name": f"{site.name(i18n.DEFAULT_LANGUAGE)}: ClaimReview",
        "url": site.data_url(CLAIMREVIEW_JSON),
    }
    if shown:
        feed["dateModified"] = max(last_modified(e) for e in shown).isoformat()
    feed["dataFeedElement"] = reviews
    return _json_bytes(feed)


def data_files(explainers: Iterable[Explainer], site: SiteInfo) -> dict[str, bytes]:
    """Every open-data file, by its path under the site's root (``data/claims.json`` ...): the claims are gathered once."""
    shown = published(explainers)
    records = claim_records(shown, site)
    files = {
        CLAIMS_JSON: _claims_json(records, site),
        CLAIMS_SCHEMA: claims_schema(site),
        CLAIMS_CSV: _csv(records),
        CLAIMREVIEW_JSON: claimreview_feed(shown, site),
    }
    return {f"{DATA_FOLDER}/{name}": data for name, data in files.items()}
