"""The site's open data: every published claim as JSON (with its JSON Schema) and CSV, and the
ClaimReview data feed (SPEC section 10).

Each function takes the explainers (drafts are left out here too, whatever the caller passes)
and a :class:`~explainers.publishing.SiteInfo`, and returns the bytes of one file of
``site/data/``. The same input gives the same bytes: claims come in slug order, then in
their explainer's order, and nothing depends on the clock.

The JSON and the CSV are built from the same records (:class:`ClaimRecord`), and the JSON
Schema is generated from those records' models, so the three cannot disagree.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterable
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from . import i18n, jsonld
from .models import Bilingual, Claim, Explainer
from .publishing import SiteInfo, last_modified, published
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


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Localized(_Record):
    """A text in both languages of the site (the same text twice where the editor wrote one)."""

    id: str = Field(description="Indonesian")
    en: str = Field(description="English")


AbsoluteUrl = Annotated[str, WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"})]


class LocalizedUrl(_Record):
    """An absolute URL in each language of the site."""

    id: AbsoluteUrl = Field(description="the Indonesian page")
    en: AbsoluteUrl = Field(description="the English page")


def localized(value: str | Bilingual) -> Localized:
    """The one place a front-matter text becomes ``{id, en}``: a plain string is the same in both languages."""
    if isinstance(value, Bilingual):
        return Localized(id=value.id, en=value.en)
    return Localized(id=value, en=value)


def _per_language(text: Callable[[str], str]) -> Localized:
    return Localized(id=text("id"), en=text("en"))


def _urls(url: Callable[[str], str]) -> LocalizedUrl:
    return LocalizedUrl(id=url("id"), en=url("en"))


class CitationRecord(_Record):
    """One source a claim cites, and what it does to the claim."""

    source: str = Field(description="the source's id in its explainer")
    title: str = Field(description="the source's own title, in its own language")
    publisher: str
    url: AbsoluteUrl | None
    published: dt.date | None
    stance: Stance
    locator: str | None = Field(description="page, paragraph or timestamp")


class ExplainerRecord(_Record):
    """The explainer a claim belongs to."""

    slug: str
    title: Localized
    url: LocalizedUrl = Field(description="absolute URL of the explainer's page in each language")
    date: dt.date = Field(description="first published")
    updated: dt.date = Field(description="last changed: its updated date or its latest correction")
    authors: list[Localized]


class ClaimRecord(_Record):
    """One published claim."""

    explainer: ExplainerRecord
    id: str = Field(description="the claim's id, unique in its explainer")
    text: Localized
    status: Status
    status_label: Localized
    claimant: Localized
    date: dt.date | None = Field(description="when the claim was made")
    url: LocalizedUrl = Field(description="absolute URL of the claim's box in each language")
    citations: list[CitationRecord]


class ClaimsExport(_Record):
    """The file data/claims.json: every published claim of the site."""

    site: AbsoluteUrl = Field(description="the site's base URL")
    schema_url: AbsoluteUrl = Field(description="the JSON Schema of this file")
    claims: list[ClaimRecord]


def _explainer_record(explainer: Explainer, site: SiteInfo) -> ExplainerRecord:
    return ExplainerRecord(
        slug=explainer.slug,
        title=_per_language(explainer.title),
        url=_urls(lambda language: site.explainer_url(explainer.slug, language)),
        date=explainer.meta.date,
        updated=last_modified(explainer),
        authors=[localized(author) for author in explainer.meta.authors],
    )


def _citations(explainer: Explainer, claim: Claim) -> list[CitationRecord]:
    records = []
    for citation in claim.sources:
        source = explainer.source(citation.source)
        if source is None:  # a checked explainer cites only its own sources
            continue
        records.append(CitationRecord(
            source=source.id, title=source.title, publisher=source.publisher, url=source.url,
            published=source.published, stance=citation.stance, locator=citation.locator,
        ))
    return records


def _claim_record(explainer: Explainer, about: ExplainerRecord, claim: Claim, site: SiteInfo) -> ClaimRecord:
    return ClaimRecord(
        explainer=about,
        id=claim.id,
        text=localized(claim.text),
        status=claim.status,
        status_label=_per_language(lambda language: i18n.gettext(language, claim.status.label)),
        claimant=localized(claim.claimant),
        date=claim.date,
        url=_urls(lambda language: site.claim_url(explainer.slug, claim.id, language)),
        citations=_citations(explainer, claim),
    )


def claim_records(explainers: Iterable[Explainer], site: SiteInfo) -> list[ClaimRecord]:
    """Every claim of every published explainer, by slug, then in the explainer's order."""
    records: list[ClaimRecord] = []
    for explainer in published(explainers):
        about = _explainer_record(explainer, site)
        records.extend(_claim_record(explainer, about, claim, site) for claim in explainer.claims)
    return records


def _json_bytes(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def claims_json(explainers: Iterable[Explainer], site: SiteInfo) -> bytes:
    """``data/claims.json``."""
    export = ClaimsExport(site=site.base_url, schema_url=site.data_url(CLAIMS_SCHEMA),
                          claims=claim_records(explainers, site))
    return _json_bytes(export.model_dump(mode="json"))


def claims_schema(site: SiteInfo) -> bytes:
    """``data/claims.schema.json``: the JSON Schema (draft 2020-12) that ``claims.json`` validates against."""
    schema = ClaimsExport.model_json_schema(mode="serialization")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": site.data_url(CLAIMS_SCHEMA), **schema}
    schema["title"] = "Published claims"
    return _json_bytes(schema)


def _list(values: Iterable[str]) -> str:
    return "; ".join(values)


CSV_COLUMNS: tuple[tuple[str, Callable[[ClaimRecord], str]], ...] = (
    ("explainer_slug", lambda r: r.explainer.slug),
    ("explainer_title_id", lambda r: r.explainer.title.id),
    ("explainer_title_en", lambda r: r.explainer.title.en),
    ("explainer_date", lambda r: r.explainer.date.isoformat()),
    ("explainer_updated", lambda r: r.explainer.updated.isoformat()),
    ("authors_id", lambda r: _list(a.id for a in r.explainer.authors)),
    ("authors_en", lambda r: _list(a.en for a in r.explainer.authors)),
    ("claim_id", lambda r: r.id),
    ("text_id", lambda r: r.text.id),
    ("text_en", lambda r: r.text.en),
    ("status", lambda r: r.status.value),
    ("status_label_id", lambda r: r.status_label.id),
    ("status_label_en", lambda r: r.status_label.en),
    ("claimant_id", lambda r: r.claimant.id),
    ("claimant_en", lambda r: r.claimant.en),
    ("claim_date", lambda r: r.date.isoformat() if r.date else ""),
    ("url_id", lambda r: r.url.id),
    ("url_en", lambda r: r.url.en),
    ("source_titles", lambda r: _list(c.title for c in r.citations)),
    ("source_publishers", lambda r: _list(c.publisher for c in r.citations)),
    ("source_urls", lambda r: _list(c.url or "" for c in r.citations)),
    ("source_stances", lambda r: _list(c.stance.value for c in r.citations)),
)


def spreadsheet_safe(cell: str) -> str:
    """The cell, with a leading ``'`` when a spreadsheet would read it as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def claims_csv(explainers: Iterable[Explainer], site: SiteInfo) -> bytes:
    """``data/claims.csv``: one row per claim, a header row, UTF-8 with a byte order mark, CRLF line ends (RFC 4180)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([name for name, _ in CSV_COLUMNS])
    for record in claim_records(explainers, site):
        writer.writerow([spreadsheet_safe(value(record)) for _, value in CSV_COLUMNS])
    return (BOM + out.getvalue()).encode("utf-8")


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
