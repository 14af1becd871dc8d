"""Benchmark hook (run before the timed runs): saves each page's finished HTML, as the real hooks made it.

One small file per page, so the floor can read each page's HTML when it needs it
instead of holding the whole site in memory.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any


def page_file(folder: Path, language: str, src_uri: str) -> Path:
    return folder / hashlib.sha1(f"{language}:{src_uri}".encode()).hexdigest()


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    folder = Path(os.environ["EXPLAINERS_BENCH_CAPTURE"])
    folder.mkdir(parents=True, exist_ok=True)
    meta = {k: str(page.meta[k]) for k in ("title", "description", "explainer_head") if k in page.meta}
    record = {"html": html, "meta": meta}
    page_file(folder, str(config.theme["language"]), page.file.src_uri).write_text(json.dumps(record), encoding="utf-8")
    return html
