"""``explainers check --stale DAYS``: sources whose ``accessed`` date is older than DAYS.

A desk re-reads the sources of its live explainers from time to time; this pass
names the ones not looked at for too long, at the line of their ``accessed:`` key.
Dates the check refuses (malformed, in the future) are left to the check.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from . import sources
from .diagnostics import Diagnostic, Severity

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _date(text: str | None) -> dt.date | None:
    if text is None or not _DATE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def stale(path: Path, days: int, today: dt.date) -> list[Diagnostic]:
    """A warning for each source of ``path`` last accessed more than ``days`` days before ``today``."""
    found = []
    for source in sources.read(path).sources:
        accessed = _date(source.text("accessed"))
        if accessed is None or accessed > today:
            continue
        age = (today - accessed).days
        if age > days:
            name = f"source '{source.id}'" if source.id else "this source"
            found.append(Diagnostic(
                source.path, source.line("accessed"), None, Severity.WARNING,
                f"{name} was last accessed on {accessed.isoformat()}, {age} days ago (more than {days}): "
                "check that it still says what the claims cite, then set accessed to today's date",
            ))
    return found
