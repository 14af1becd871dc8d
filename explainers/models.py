"""The explainer format (SPEC section 3) as typed models.

Inputs are the strings of :mod:`explainers.yamltree`; the models give them
their types, so YAML's implicit typing never decides what an editor meant.
Every custom check raises a :class:`~pydantic_core.PydanticCustomError` whose
message tells the editor what to write instead.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Annotated, Any

from babel import Locale, UnknownLocaleError
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .vocabulary import SourceKind, Stance, Status

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_SLUG = re.compile(SLUG_PATTERN)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
# No spaces, quotes, angle brackets or other characters a URL may not contain unencoded.
_URL = re.compile(r"^https?://[^\s/?#@\"<>\\^`{|}]+(?:[/?#][^\s\"<>\\^`{|}]*)?$")
MAX_SLUG = 80


def _require_text(value: object, what: str) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        raise PydanticCustomError("blank", "{what} is empty: write it out", {"what": what})
    kind = "a list" if isinstance(value, list) else "a mapping" if isinstance(value, dict) else "not text"
    raise PydanticCustomError("not_text", "{what} must be text, not {kind}", {"what": what, "kind": kind})


def is_slug(text: str) -> bool:
    """Lowercase letters, digits and single hyphens, at most MAX_SLUG characters: safe in ids, URLs and file names."""
    return len(text) <= MAX_SLUG and _SLUG.fullmatch(text) is not None


def _slug(value: object) -> str:
    text = _require_text(value, "the id")
    if not is_slug(text):
        raise PydanticCustomError(
            "slug",
            "'{value}' is not a valid id: use lowercase letters, digits and single hyphens "
            "(for example 'troops-2024'), at most {max} characters",
            {"value": text[:100], "max": MAX_SLUG},
        )
    return text


def _text(value: object) -> str:
    text = _require_text(value, "this text")
    if not text.strip():
        raise PydanticCustomError("blank", "this text is blank: write it out or remove the field", {})
    return text


def _iso_date(value: object, info: ValidationInfo) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        parsed = value
    else:
        text = _require_text(value, "the date")
        if not _DATE.fullmatch(text):
            raise PydanticCustomError(
                "date_format", "'{value}' is not a date: write YYYY-MM-DD, for example 2025-06-02",
                {"value": text[:40]},
            )
        try:
            parsed = dt.date.fromisoformat(text)
        except ValueError:
            raise PydanticCustomError(
                "date_invalid", "'{value}' is not a real date: check the month and the day",
                {"value": text},
            ) from None
    today = (info.context or {}).get("today") or dt.date.today()
    if parsed > today:
        raise PydanticCustomError(
            "date_future", "{value} is in the future (today is {today}): check the year",
            {"value": parsed.isoformat(), "today": today.isoformat()},
        )
    return parsed


def _url(value: object) -> str:
    text = _require_text(value, "the URL")
    if not _URL.fullmatch(text):
        scheme = text.strip().split(":", 1)[0].lower() if ":" in text else ""
        if scheme and scheme not in ("http", "https"):
            raise PydanticCustomError(
                "url_scheme", "'{scheme}:' URLs are not allowed: use an http:// or https:// address",
                {"scheme": scheme[:20]},
            )
        raise PydanticCustomError(
            "url", "'{value}' is not a web address: write the full http:// or https:// URL, without spaces, "
            "quotes or angle brackets (percent-encode them: %20, %22, %3C, %3E)",
            {"value": text[:200]},
        )
    return text


@lru_cache(maxsize=256)
def _known_language(primary: str) -> bool:
    try:
        Locale.parse(primary)
    except (UnknownLocaleError, ValueError):
        return False
    return True


def _language(value: object) -> str:
    text = _require_text(value, "the language")
    if not _LANGUAGE.fullmatch(text) or not _known_language(text.split("-")[0].lower()):
        raise PydanticCustomError(
            "language", "'{value}' is not a language code: use a BCP 47 code such as en, id, ko, ru",
            {"value": text[:40]},
        )
    return text


def _bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return value == "true"
    if value is None:
        raise PydanticCustomError("bool", "the value is empty: write true or false", {})
    raise PydanticCustomError("bool", "write true or false, not '{value}'", {"value": str(value)[:40]})


def _citation(value: object) -> object:
    return {"source": value} if isinstance(value, str) else value


Slug = Annotated[str, BeforeValidator(_slug), WithJsonSchema({"type": "string", "pattern": SLUG_PATTERN})]
Text = Annotated[str, BeforeValidator(_text), WithJsonSchema({"type": "string", "minLength": 1})]
IsoDate = Annotated[dt.date, BeforeValidator(_iso_date), WithJsonSchema({"type": "string", "format": "date"})]
Url = Annotated[str, BeforeValidator(_url), WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"})]
LanguageTag = Annotated[str, BeforeValidator(_language), WithJsonSchema({"type": "string"})]
Flag = Annotated[bool, BeforeValidator(_bool), WithJsonSchema({"type": "boolean"})]


class _Model(BaseModel):
    # defer_build: the validators are built on first use, so a build whose explainers all
    # come from the result cache (unpickled, never validated) does not pay for them.
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False, defer_build=True)


class Bilingual(_Model):
    """A text in both languages of the site."""

    id: Text = Field(description="Indonesian text")
    en: Text = Field(description="English text")

    def __call__(self, language: str) -> str:
        return self.id if language == "id" else self.en


# A text that may differ between the languages: a plain string (the same in both) or {id, en}.
# The tags name the two forms in a validation error's location; :mod:`explainers.validation`
# leaves them out when it places the error.
PLAIN, BOTH = "@plain", "@both"


def _form(value: object) -> str:
    return BOTH if isinstance(value, dict) else PLAIN


Localizable = Annotated[
    Annotated[Text, Tag(PLAIN)] | Annotated[Bilingual, Tag(BOTH)],
    Discriminator(_form),
]


def text_in(value: str | Bilingual, language: str) -> str:
    """A :data:`Localizable` text as ``language``'s page shows it."""
    return value if isinstance(value, str) else value(language)


class Citation(_Model):
    """A claim's reference to one source: a source id, or a mapping with details."""

    source: Slug
    stance: Stance = Stance.SUPPORTS
    locator: Text | None = Field(default=None, description="page, paragraph or timestamp")


CitationInput = Annotated[Citation, BeforeValidator(_citation)]


class Claim(_Model):
    """One statement the explainer examines."""

    id: Slug
    text: Bilingual
    claimant: Localizable = Field(description="who makes the claim: one text, or {id, en}")
    date: IsoDate | None = Field(default=None, description="when the claim was made")
    status: Status
    sources: list[CitationInput] = Field(min_length=1)
    note: Bilingual | None = None


class Source(_Model):
    """A document cited by claims."""

    id: Slug
    title: Text = Field(description="the source's own title, verbatim, in its own language")
    publisher: Text
    url: Url | None = None
    published: IsoDate | None = None
    accessed: IsoDate | None = Field(default=None, description="when the editor last checked it")
    archive_url: Url | None = None
    language: LanguageTag
    kind: SourceKind

    @model_validator(mode="after")
    def _accessed_after_published(self) -> Source:
        if self.accessed and self.published and self.accessed < self.published:
            raise PydanticCustomError(
                "accessed_before_published",
                "accessed ({accessed}) is before published ({published}): a source cannot be "
                "checked before it exists; correct one of the dates",
                {"accessed": self.accessed.isoformat(), "published": self.published.isoformat()},
            )
        return self


class Correction(_Model):
    """A dated correction, shown on the explainer's page."""

    date: IsoDate
    text: Bilingual
    claims: list[Slug] = Field(default_factory=list, description="the ids of the claims it changed")


class FrontMatter(_Model):
    """The front matter of ``docs/explainers/<slug>.md``: everything but the bodies."""

    title: Text
    summary: Text
    date: IsoDate = Field(description="first published")
    updated: IsoDate | None = Field(default=None, description="last substantive change")
    authors: list[Localizable] = Field(default_factory=list, description="each one text, or {id, en}")
    tags: list[Text] = Field(default_factory=list)
    draft: Flag = False
    claims: list[Claim] = Field(min_length=1)
    sources: list[Source] = Field(min_length=1)
    corrections: list[Correction] = Field(default_factory=list)

    @field_validator("updated")
    @classmethod
    def _not_before(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        published = info.data.get("date")
        if value and published and value < published:
            raise PydanticCustomError(
                "updated_before_date",
                "updated ({updated}) is before date ({date}): the date of first publication comes first",
                {"updated": value.isoformat(), "date": published.isoformat()},
            )
        return value

    def claim(self, claim_id: str) -> Claim | None:
        return next((c for c in self.claims if c.id == claim_id), None)

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)


class TranslationFrontMatter(_Model):
    """The front matter an ``.en.md`` file may have: language-specific fields only."""

    title: Text | None = None
    summary: Text | None = None
    translation_of: Text | None = Field(
        default=None, description="written by `explainers translated`: the Indonesian text this translates"
    )


FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "explainer": tuple(FrontMatter.model_fields),
    "claim": tuple(Claim.model_fields),
    "source": tuple(Source.model_fields),
    "citation": tuple(Citation.model_fields),
    "correction": tuple(Correction.model_fields),
    "text": tuple(Bilingual.model_fields),
    "translation": tuple(TranslationFrontMatter.model_fields),
}


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the front matter, for editors' tools."""
    schema = FrontMatter.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    # A citation may also be written as the bare source id.
    citations = schema["$defs"]["Claim"]["properties"]["sources"]
    citations["items"] = {"anyOf": [{"type": "string", "pattern": SLUG_PATTERN}, citations["items"]]}
    schema["title"] = "Explainer front matter"
    return schema


@dataclass(frozen=True)
class Body:
    """The Markdown body of one language, and where it starts in its file."""

    path: str
    text: str
    first_line: int


@dataclass(frozen=True)
class Explainer:
    """One explainer: the Indonesian front matter, and the body in each language it has."""

    slug: str
    meta: FrontMatter
    bodies: dict[str, Body]
    translated: dict[str, TranslationFrontMatter]

    def title(self, language: str) -> str:
        own = self.translated.get(language)
        return (own.title if own and own.title else None) or self.meta.title

    def summary(self, language: str) -> str:
        own = self.translated.get(language)
        return (own.summary if own and own.summary else None) or self.meta.summary

    def body(self, language: str) -> Body:
        """The body in ``language``, or the Indonesian one while a translation is pending."""
        return self.bodies.get(language) or self.bodies["id"]

    def has_translation(self, language: str) -> bool:
        return language in self.bodies

    @property
    def claims(self) -> list[Claim]:
        return self.meta.claims

    def reading_order(self) -> list[Claim]:
        """The claims in the order a reader meets their boxes in the Indonesian body (SPEC 12);
        the claims the body does not place follow, in front matter order."""
        return list(self._reading_order)

    @cached_property
    def _reading_order(self) -> tuple[Claim, ...]:
        """The body is scanned once per explainer (each language's page asks for its claims and sources)."""
        from .body import scan

        by_id = {claim.id: claim for claim in self.meta.claims}
        directives = scan(self.bodies["id"].text).directives
        placed = dict.fromkeys(d.arg for d in directives if d.name == "claim" and d.arg in by_id)
        return (*(by_id[i] for i in placed), *(c for c in self.meta.claims if c.id not in placed))

    def source_order(self) -> list[Source]:
        """The sources in the order they are first cited, by the claims in reading order; uncited ones last."""
        by_id = {source.id: source for source in self.meta.sources}
        cited = dict.fromkeys(c.source for claim in self._reading_order for c in claim.sources if c.source in by_id)
        return [by_id[i] for i in cited] + [s for s in self.meta.sources if s.id not in cited]

    @property
    def sources(self) -> list[Source]:
        return self.meta.sources

    def claim(self, claim_id: str) -> Claim | None:
        return self.meta.claim(claim_id)

    def source(self, source_id: str) -> Source | None:
        return self.meta.source(source_id)
