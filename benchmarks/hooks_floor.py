"""Benchmark hook for the floor: hands Material each page's finished HTML, captured from a real build.

What the theme itself costs for exactly the same pages: no loading, checking or
rendering of explainers, only one small file read per page.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from markupsafe import Markup


def _captured(page: Any, config: Any) -> dict[str, Any] | None:
    folder = Path(os.environ["EXPLAINERS_BENCH_CAPTURE"])
    key = hashlib.sha1(f"{config.theme['language']}:{page.file.src_uri}".encode()).hexdigest()
    path = folder / key
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    captured = _captured(page, config)
    if captured:
        page.meta.update({k: Markup(v) for k, v in captured["meta"].items()})
        page.meta["_floor_html"] = captured["html"]
    return markdown


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    return page.meta.pop("_floor_html", html)
