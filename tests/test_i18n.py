"""The gettext catalogs: complete, up to date with the code, and used for dates."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from explainers import i18n

from .conftest import ROOT

LOCALE = ROOT / "explainers" / "locale"


def _catalog(language: str):  # type: ignore[no-untyped-def]
    with (LOCALE / language / "LC_MESSAGES" / "explainers.po").open("rb") as handle:
        return read_po(handle, locale=language)


def _extract(tmp_path: Path) -> set[str]:
    pot = tmp_path / "fresh.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "--no-location",
         "-o", str(pot), "--omit-header", "explainers"],
        cwd=ROOT, check=True, capture_output=True,
    )
    with pot.open("rb") as handle:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_every_string_in_the_code_has_its_translation(language: str, tmp_path: Path) -> None:
    in_code = _extract(tmp_path)
    catalog = _catalog(language)
    missing = []
    for message_id in sorted(in_code):
        message = catalog.get(message_id)
        strings = message.string if message is not None and isinstance(message.string, tuple) else (
            (message.string,) if message is not None else ("",))
        if message is None or message.fuzzy or not all(strings):
            missing.append(message_id)
    assert not missing, f"untranslated in {language} (run `python3 tasks.py catalogs`, then translate): {missing}"


def test_indonesian_catalog_really_translates() -> None:
    assert i18n.gettext("id", "Sources") == "Sumber"
    assert i18n.gettext("id", "Stated position") == "Pernyataan sikap"
    assert i18n.gettext("en", "Sources") == "Sources"


def test_dates_are_formatted_for_the_page_locale() -> None:
    day = dt.date(2025, 5, 29)
    assert i18n.format_date(day, "id") == "29 Mei 2025"
    assert i18n.format_date(day, "en") == "May 29, 2025"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        i18n.translations("fr")
