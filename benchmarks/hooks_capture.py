"""Benchmark hook (run before the timed runs): saves each page's finished HTML, as the real hooks made it.

One small file per page, so the floor can read each page's HTML when it needs it
instead of holding the whole site in memory; and, per language, the list of pages
the site generated (archive, tags, claims, search), so the floor builds them too.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any


def page_file(folder: Path, language: str, src_uri: str) -> Path:
    return folder / hashlib.sha1(f"{language}:{src_uri}".encode()).hexdigest()


def generated_list(folder: Path, language: str) -> Path:
    return folder / f"generated-{language}.jsonl"


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    folder = Path(os.environ["EXPLAINERS_BENCH_CAPTURE"])
    folder.mkdir(parents=True, exist_ok=True)
    language = str(config.theme["language"])
    meta = {k: str(page.meta[k]) for k in ("title", "description", "explainer_head") if k in page.meta}
    record = {"html": html, "meta": meta}
    page_file(folder, language, page.file.src_uri).write_text(json.dumps(record), encoding="utf-8")
    if page.file.generated_by is not None:
        with generated_list(folder, language).open("a", encoding="utf-8") as listing:
            alternates = {lang: alt.url for lang, alt in getattr(page.file, "alternates", {}).items()}
            listing.write(json.dumps({"src_uri": page.file.src_uri, "alternates": alternates}) + "\n")
    return html
