"""The two languages of the site: gettext catalogs compiled with Babel, dates and numbers.

UI strings are English message ids in the code and templates; each language
has a ``.po`` catalog under ``explainers/locale`` (``python3 tasks.py catalogs``
extracts and updates them with Babel). Catalogs are compiled with Babel when first
used in a process, so a build always uses the ``.po`` files as they are; a preview's
rebuild compiles them again when they were edited (``Site.load`` clears the cache).
"""

from __future__ import annotations

import datetime as dt
from functools import cache, lru_cache
from importlib import resources
from io import BytesIO

from babel import Locale
from babel.dates import format_date as _format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
DOMAIN = "explainers"


def catalog_path(language: str) -> resources.abc.Traversable:
    return resources.files("explainers") / "locale" / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(language: str) -> Translations:
    """The compiled catalog of ``language``; fuzzy entries are left out, as ``pybabel compile`` does."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; the site has {', '.join(LANGUAGES)}")
    with catalog_path(language).open("rb") as handle:
        catalog = read_po(handle, locale=language, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def gettext(language: str, message: str) -> str:
    return translations(language).gettext(message)


@cache
def locale(language: str) -> Locale:
    return Locale.parse(language)


@lru_cache(maxsize=4096)  # an explainer's dates repeat across its claims and sources; Babel is slow-ish
def format_date(value: dt.date, language: str) -> str:
    """``29 Mei 2025`` in Indonesian, ``May 29, 2025`` in English."""
    return _format_date(value, format="long", locale=locale(language))


def other_language(language: str) -> str:
    return "en" if language == "id" else "id"


@lru_cache(maxsize=256)  # called for every source of every page; Locale.parse is slow
def language_name(code: str, language: str) -> str:
    """The name of the language ``code`` in ``language`` (for a source's language)."""
    try:
        return Locale.parse(code.replace("-", "_")).get_display_name(locale(language)) or code
    except (ValueError, LookupError):
        return code
