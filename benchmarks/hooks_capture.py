"""Benchmark hook (run before the timed runs): saves each page's finished HTML, as the real hooks made it."""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any

_pages: dict[tuple[str, str], dict[str, Any]] = {}


def _key(page: Any, config: Any) -> tuple[str, str]:
    return (str(config.theme["language"]), page.file.src_uri)


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    _pages[_key(page, config)] = {
        "html": html,
        "meta": {k: page.meta[k] for k in ("title", "description", "explainer_head") if k in page.meta},
    }
    return html


def on_post_build(config: Any) -> None:
    target = Path(os.environ["EXPLAINERS_BENCH_CAPTURE"])
    target.write_bytes(pickle.dumps(_pages))
