"""``explainers new``: a new explainer's two files, from templates, never over existing ones."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from .models import is_slug
from .placeholders import ALL as PLACEHOLDERS
from .templating import templates


class ScaffoldError(Exception):
    """The explainer cannot be created; the message says why."""

    exit_code = 1


class NotASlug(ScaffoldError):
    """The name asked for is not a slug: a usage error."""

    exit_code = 2


def create(slug: str, folder: Path, today: dt.date | None = None) -> list[Path]:
    """Write ``<slug>.md`` and ``<slug>.en.md`` into ``folder``; return their paths."""
    if not is_slug(slug):
        raise NotASlug(
            f"'{slug}' is not a slug: use lowercase letters, digits and single hyphens, "
            "for example korea-utara-rusia"
        )
    targets = [folder / f"{slug}.md", folder / f"{slug}.en.md"]
    existing = [p for p in targets if p.exists()]
    if existing:
        raise ScaffoldError(f"{existing[0]} already exists: nothing was written; choose another slug")
    # The only date the scaffold writes is `date`: the others are the editor's to find out.
    context = {"slug": slug, "today": (today or dt.date.today()).isoformat(), "p": PLACEHOLDERS}
    texts = [templates(None).get(f"scaffold/{name}").render(context) for name in ("explainer.md", "explainer.en.md")]
    written: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for path, text in zip(targets, texts, strict=True):
            # O_EXCL: never replace a file that appeared since the check above.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            written.append(path)
    except OSError as exc:
        for path in written:
            path.unlink()
        raise ScaffoldError(f"cannot write {exc.filename}: {exc.strerror or exc}") from None
    return written
