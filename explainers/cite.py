"""``explainers cite <url>``: a ready ``sources:`` entry from the page's own metadata (SPEC section 11).

The entry takes only what the page states (:mod:`explainers.pagemeta`); a
field it does not state is printed commented out with a note, never guessed,
so a required one makes the entry fail ``explainers check`` until the editor
fills it in. The output is YAML that pastes under ``sources:`` as it is.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from typing import TextIO
from urllib.parse import urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver
from pydantic import TypeAdapter, ValidationError

from . import pagemeta, web
from .models import MAX_SLUG, LanguageTag, Url, is_slug
from .vocabulary import SourceKind

MAX_PAGE = 5_000_000  # bytes read of a page; its metadata is in the head
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:$|[T ])")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SECOND_LEVEL = frozenset({"ac", "co", "com", "edu", "go", "gob", "gov", "ne", "net", "or", "org"})
_YAML_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})


@dataclass(frozen=True)
class Page:
    url: str  # where the page was found, after redirects
    status: int
    content_type: str
    text: str


def _decode(body: bytes, charset: str | None) -> str:
    if charset is None and (found := _CHARSET.search(body[:4096])):
        charset = found.group(1).decode("ascii")
    try:
        return body.decode(charset or "utf-8", errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")


async def fetch(url: str, timeout: float, resolver: AbstractResolver | None = None) -> Page | str:
    """The page at ``url``, or why it could not be fetched."""
    async with web.session(resolver) as session:
        try:
            async with asyncio.timeout(timeout), session.get(url, max_redirects=10) as response:
                body = await response.content.read(MAX_PAGE)
                text = _decode(body, response.charset)
                return Page(str(response.url), response.status, response.content_type, text)
        except TimeoutError:
            return f"no complete answer within {timeout:g} s"
        except (aiohttp.ClientError, OSError, ValueError) as exc:
            return web.describe(exc, url)


def _site_name(url: str) -> str:
    """``news.kbs.co.kr`` -> ``kbs``: the name in the host, for the entry's id."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    labels = host.split(".")
    if len(labels) > 1 and not host.replace(".", "").isdigit():
        tld = labels.pop()
        if len(tld) == 2 and len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
            labels.pop()
    return _slugify(labels[-1]) if labels and not host.replace(".", "").isdigit() else ""


def _slugify(text: str, words: int = 6) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text)[:words])


def _id(url: str, title: str | None, published: str | None) -> str:
    """The site's name and the date (``kbs-2025-05-30``); the title's first words stand in for what is unknown."""
    site, words = _site_name(url), _slugify(title or "", 4)
    parts = (site, published or words) if site else (words, published or "")
    name = "-".join(part for part in parts if part) or "source"
    name = name[:MAX_SLUG].rstrip("-")
    return name if is_slug(name) else "source"


def _scalar(value: str) -> str:
    """A YAML scalar: bare when it is an id, a code or a date, else double-quoted (JSON strings are valid YAML)."""
    if re.fullmatch(r"[a-z][a-z0-9]*(-[A-Za-z0-9]+)*|\d{4}-\d{2}-\d{2}", value) and value.lower() not in _YAML_WORDS:
        return value
    return json.dumps(value, ensure_ascii=False)


class _Entry:
    """The lines of one ``sources:`` entry, and the fields left for the editor."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.missing: list[str] = []

    def field(self, key: str, value: str | None, note: str = "", *, missing: str = "") -> None:
        prefix = "  - " if not self.lines else "    "
        if value is not None:
            self.lines.append(f"{prefix}{key}: {_scalar(value)}" + (f"  # {note}" if note else ""))
        else:
            self.missing.append(key)
            self.lines.append(f"{prefix}# {key}:  # {missing}")


def _valid(adapter: TypeAdapter[str], value: str) -> bool:
    try:
        adapter.validate_python(value)
    except ValidationError:
        return False
    return True


def _published(stated: pagemeta.Stated | None, today: dt.date) -> tuple[str | None, str]:
    """The date, or None and why not."""
    if stated is None:
        return None, "the page states no publication date: add it as YYYY-MM-DD if you find it, or leave it out"
    found = _DATE.match(stated.value)
    try:
        date = dt.date.fromisoformat(found.group(1)) if found else None
    except ValueError:
        date = None
    if date is None or date > today:
        return None, f"the page gives '{stated.value[:60]}' ({stated.where}): write it as YYYY-MM-DD"
    return date.isoformat(), ""


_URL: TypeAdapter[str] = TypeAdapter(Url)
_LANGUAGE: TypeAdapter[str] = TypeAdapter(LanguageTag)
REQUIRED = ("title", "publisher", "language", "kind")
_KINDS = " | ".join(kind.value for kind in SourceKind)


def _language(stated: pagemeta.Stated | None) -> tuple[str | None, str]:
    if stated is None:
        return None, "the page states no language: write the source's own language (BCP 47: en, id, ko, ru …)"
    if not _valid(_LANGUAGE, stated.value):
        return None, f"the page gives '{stated.value[:40]}' ({stated.where}), which is not a language code: write one"
    return stated.value, ""


def entry(url: str, page: Page, meta: pagemeta.PageMetadata, today: dt.date) -> _Entry:
    """The ``sources:`` entry for the page at ``url``."""
    published, published_note = _published(meta.published, today)
    language, language_note = _language(meta.language)
    title = meta.title.value if meta.title else None
    made = _Entry()
    made.field("id", _id(url, title, published))
    made.field("title", title, "from the page's <title>: keep only the source's own title" if meta.title and
               meta.title.where == "<title>" else "", missing="the page states no title: copy the source's own title, "
               "verbatim, in its own language")
    made.field("publisher", meta.publisher.value if meta.publisher else None,
               missing="the page does not name its publisher: write it")
    made.field("url", url, f"it redirects to {page.url}: cite that address if it is the same page"
               if page.url != url else "")
    made.field("published", published, missing=published_note)
    made.field("accessed", today.isoformat())
    made.field("language", language, missing=language_note)
    made.field("kind", meta.kind.value if meta.kind else None,
               missing=f"the page does not say what kind of source it is: choose one of {_KINDS}")
    return made


def cite(url: str, timeout: float, today: dt.date, resolver: AbstractResolver | None = None,
         out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Print the entry for ``url``: 0 when printed, 1 when the page cannot be fetched, 2 for a bad address."""
    out, err = out or sys.stdout, err or sys.stderr
    if not web.is_web_address(url) or not _valid(_URL, url):
        print(f"explainers cite: '{url[:200]}' is not a web address: give the full http:// or https:// URL "
              "(percent-encode spaces and quotes)", file=err)
        return 2
    page = asyncio.run(fetch(url, timeout, resolver))
    if isinstance(page, str):
        print(f"explainers cite: {url}: {page}", file=err)
        return 1
    if page.status >= 400:
        print(f"explainers cite: {url}: {web.status_text(page.status)}: there is no page to cite", file=err)
        return 1
    is_html = page.content_type in ("text/html", "application/xhtml+xml")
    made = entry(url, page, pagemeta.read(page.text) if is_html else pagemeta.PageMetadata(), today)
    print("\n".join(made.lines), file=out)
    if not is_html:
        print(f"explainers cite: the page is {page.content_type or 'of no stated type'}, not HTML: "
              "nothing was read from it", file=err)
    left = [key for key in made.missing if key in REQUIRED]
    if left:
        print(f"explainers cite: fill in {', '.join(left)} (commented out above): "
              "`explainers check` refuses the entry until then", file=err)
    return 0
