"""Benchmark hook for the floor: hands Material each page's finished HTML, captured from a real build.

What the theme itself costs for exactly the same pages (the site's generated pages
included), and the same search indexing: no loading, checking or rendering of
explainers, only one small file read per page.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from markupsafe import Markup
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File


def _folder() -> Path:
    return Path(os.environ["EXPLAINERS_BENCH_CAPTURE"])


def _captured(page: Any, config: Any) -> dict[str, Any] | None:
    key = hashlib.sha1(f"{config.theme['language']}:{page.file.src_uri}".encode()).hexdigest()
    path = _folder() / key
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


@event_priority(-110)  # after the i18n plugin, like the real hooks
def on_files(files: Any, config: Any) -> Any:
    listing = _folder() / f"generated-{config.theme['language']}.jsonl"
    if listing.exists():
        for line in listing.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            file = File.generated(config, record["src_uri"], content="")
            file.alternates = {lang: SimpleNamespace(url=url) for lang, url in record["alternates"].items()}
            file.locale = file.locale_alternate_of = config.theme["language"]
            files.append(file)
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    captured = _captured(page, config)
    if captured:
        page.meta.update({k: Markup(v) for k, v in captured["meta"].items()})
        page.meta["_floor_html"] = captured["html"]
    return markdown


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    return page.meta.pop("_floor_html", html)


@event_priority(-110)  # once every language is built, as the real hooks index the site
def on_post_build(config: Any) -> None:
    if getattr(config.plugins.get("i18n"), "building", False):
        return
    from explainers.search import index_site

    index_site(Path(config.site_dir))
