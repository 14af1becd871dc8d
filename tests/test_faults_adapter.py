"""The MkDocs adapter driven in-process, event by event, with the real mkdocs.yml (README "Fault tests").

The site-build tests (marked slow) run MkDocs in a child process; these fast ones call the
adapter's events directly, as MkDocs would, so that a fault in the adapter (an escape
dropped from the page's head, drafts published, the wrong language, a problem ignored)
fails the quick test loop too.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

import markdown
import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from explainers.mkdocs import Adapter, AdapterSettings

from .conftest import EN_LABELS, FIXTURES, ID_LABELS
from .sitebuild import make_project

DEMO = (FIXTURES / "valid" / "demo.md").read_text(encoding="utf-8")
HOSTILE_SUMMARY = "Ringkasan <script>alert('x')</script> \"kutipan\" & <b>tebal</b>"
HOSTILE_TITLE = "Judul <script>alert('t')</script> & \"kutipan\""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    def quoted(text: str) -> str:
        return '"' + text.replace('"', '\\"') + '"'

    demo = DEMO.replace(
        'summary: "Contoh kecil untuk pengujian: satu klaim yang dilaporkan, satu pernyataan sikap."',
        f"summary: {quoted(HOSTILE_SUMMARY)}",
    ).replace('title: "Contoh: PBB dan panel ahli sanksi Korea Utara"', f"title: {quoted(HOSTILE_TITLE)}")
    texts = {
        "demo.md": demo,
        "demo.en.md": (FIXTURES / "valid" / "demo.en.md").read_text(encoding="utf-8"),
        "secret-draft.md": (FIXTURES / "site" / "secret-draft.md").read_text(encoding="utf-8"),
    }
    return make_project(tmp_path, texts)


@pytest.fixture
def config(project: Path) -> MkDocsConfig:
    return load_config(config_file=str(project / "mkdocs.yml"))


def _page(config: MkDocsConfig, uri: str, language: str) -> Page:
    file = File(uri, config.docs_dir, config.site_dir, config.use_directory_urls)
    if language != "id":
        file.url = f"{language}/{file.url}"
    return Page(None, file, config)


def _building(config: MkDocsConfig, language: str) -> None:
    """What static-i18n tells the adapter about the language being built."""
    plugin: Any = config.plugins["i18n"]
    plugin.current_language = language


def _files(config: MkDocsConfig, *uris: str) -> Files:
    return Files([File(uri, config.docs_dir, config.site_dir, config.use_directory_urls) for uri in uris])


def test_settings_come_from_the_i18n_plugin_with_each_language_site_name(config: MkDocsConfig) -> None:
    site = AdapterSettings.from_config(config).site
    assert (site.languages, site.default_language) == (("id", "en"), "id")
    assert site.site_names == {"id": "Penjelas", "en": "Explainers"}
    assert site.info().publisher("en").name == "Explainers" and site.info().publisher("id").name == "Penjelas"
    assert site.root("id") == "" and site.root("en") == "en/"


def test_drafts_are_not_published_but_other_pages_are_kept(config: MkDocsConfig) -> None:
    adapter = Adapter()
    adapter.on_config(config)
    uris = ("index.md", "explainers/demo.md", "explainers/demo.en.md", "explainers/secret-draft.md",
            "explainers/notes/readme.md")
    config.plugins._current_plugin = None  # type: ignore[attr-defined]  # as outside MkDocs' own event loop
    kept = adapter.on_files(_files(config, *uris), config)
    edited = sorted(f.src_uri for f in kept if f.generated_by is None)
    assert edited == sorted(u for u in uris if "secret-draft" not in u)
    generated = {f.src_uri for f in kept if f.generated_by is not None}
    assert {"archive/index.md", "claims/index.md", "search/index.md", "tags/contoh/index.md"} <= generated


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_page_head_escapes_the_title_and_summary(config: MkDocsConfig, language: str) -> None:
    adapter = Adapter()
    adapter.on_config(config)
    _building(config, language)
    page = _page(config, "explainers/demo.en.md" if language == "en" else "explainers/demo.md", language)
    adapter.on_page_markdown("Text.", page, config, _files(config))
    description, title = str(page.meta["description"]), str(page.meta["title"])
    # Material writes both as they are: the description into <head>, the title into the header's text too.
    markup = f'<head><meta name="description" content="{description}"></head><body><span>{title}</span></body>'
    head = BeautifulSoup(markup, "lxml")
    assert head.find("meta")["content"] == HOSTILE_SUMMARY  # type: ignore[index]
    shown = head.find("span")
    assert shown is not None and shown.get_text() == (HOSTILE_TITLE if language == "id" else
                                                      "Example: the UN and the North Korea sanctions panel")
    assert not head.find_all(["script", "b"])
    alternate = BeautifulSoup(str(page.meta["explainer_head"]), "lxml").find("link", hreflang="x-default")
    assert alternate is not None
    assert posixpath.normpath(posixpath.join(page.url, str(alternate["href"]))) == "explainers/demo"  # the Indonesian page


@pytest.mark.parametrize(("language", "labels", "other"), [("id", ID_LABELS, EN_LABELS), ("en", EN_LABELS, ID_LABELS)])
def test_each_language_build_gets_boxes_in_its_language(
    config: MkDocsConfig, language: str, labels: dict[str, str], other: dict[str, str]
) -> None:
    adapter = Adapter()
    adapter.on_config(config)
    _building(config, language)
    page = _page(config, "explainers/demo.en.md" if language == "en" else "explainers/demo.md", language)
    body = adapter.on_page_read_source(page, config)
    assert body is not None and "::: claim panel-vetoed" in body
    text = adapter.on_page_markdown(body, page, config, _files(config))
    html = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs).convert(text)
    html = adapter.on_page_content(html, page, config, _files(config))
    box = BeautifulSoup(html, "lxml").select_one("#claim-panel-vetoed .claim__status")
    assert box is not None and box.get_text() == labels["confirmed"] != other["confirmed"]


def test_a_problem_found_while_converting_fails_the_page(config: MkDocsConfig) -> None:
    adapter = Adapter()
    adapter.on_config(config)
    _building(config, "id")
    page = _page(config, "explainers/demo.md", "id")
    text = adapter.on_page_markdown("Teks.\n\n::: claim tidak-ada\n", page, config, _files(config))
    html = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs).convert(text)
    with pytest.raises(PluginError, match="'::: claim tidak-ada' places a claim that is not defined"):
        adapter.on_page_content(html, page, config, _files(config))
    # The next page starts clean.
    clean = adapter.on_page_markdown("Teks.\n", page, config, _files(config))
    html = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs).convert(clean)
    # Explainer pages are what the search indexes: the page's HTML comes back whole inside that mark.
    assert adapter.on_page_content(html, page, config, _files(config)) == f"<div data-pagefind-body>\n{html}\n</div>"
