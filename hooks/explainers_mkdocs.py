"""MkDocs hooks: forward MkDocs' events to the explainers adapter (all logic is in the package).

``mkdocs.yml`` names this file under ``hooks:``. MkDocs imports it once per
process (``mkdocs serve`` never re-imports it), so the adapter, and the site it
keeps between builds, live as long as the process.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

try:
    import explainers  # noqa: F401 - installed with `pip install -e .` (tasks.py does it)
except ImportError:  # a build run from the repository with only the dependencies installed
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from explainers.mkdocs import Adapter

adapter = Adapter()


def on_startup(command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    adapter.on_startup(command)


def on_shutdown() -> None:
    adapter.on_shutdown()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    return adapter.on_config(config)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
    return adapter.on_serve(server, config)


@event_priority(-110)  # the last plugin's: just before MkDocs empties the output folder
def on_pre_build(config: MkDocsConfig) -> None:
    adapter.on_pre_build(config)


@event_priority(-110)  # after the i18n plugin's (-100), which cannot take generated pages
def on_files(files: Files, config: MkDocsConfig) -> Files:
    return adapter.on_files(files, config)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    return adapter.on_env(env, config, files)


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    return adapter.on_page_read_source(page, config)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return adapter.on_page_markdown(markdown, page, config, files)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return adapter.on_page_content(html, page, config, files)


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    return adapter.on_page_context(context, page, config, nav)


@event_priority(-110)  # after the i18n plugin's
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return adapter.on_post_page(output, page, config)


@event_priority(-110)  # after the i18n plugin has built the other languages
def on_post_build(config: MkDocsConfig) -> None:
    adapter.on_post_build(config)
