"""MkDocs adapter: wires the ``explainers`` core into a MkDocs + Material + static-i18n build.

Only wiring lives here; loading, checking and rendering are the core's. Events
fire once per language (static-i18n builds the English site inside the
Indonesian build), so per-build state is reset in ``on_config`` and each
page reads its language from ``page.file.locale``. The library of explainers
survives between builds and reloads a file only when it changes, so each
explainer is parsed once per build, and ``mkdocs serve`` sees edits.
"""

from __future__ import annotations

import os
import weakref
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

try:
    import explainers  # noqa: F401 - installed with `pip install -e .` (tasks.py does it)
except ImportError:  # a build run from the repository with only the dependencies installed
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from explainers import i18n, jsonld, prepare, render, validation
from explainers.diagnostics import Reporter, Severity, display_path
from explainers.extension import Block, ExplainerExtension, PageContext
from explainers.loading import Library, Result, slug_of
from explainers.models import Explainer

log = get_plugin_logger("explainers")

FOLDER = "explainers"
TAGS_PAGE = "tags/"  # docs/tags.md, which lists every tag with `::: tags`
_extension = ExplainerExtension()
_libraries: dict[Path, Library] = {}
_reported: dict[int, weakref.ref[Result]] = {}  # results already printed, by identity
_build: dict[str, Any] = {}


def _language(page: Page, config: MkDocsConfig) -> str:
    # The language being built: an untranslated page built under /en/ has an
    # Indonesian file (page.file.locale "id") but is an English page.
    language = config.theme["language"] or getattr(page.file, "locale", None)
    return language if language in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE


def _report(results: list[Result]) -> None:
    """Print each result's problems once (not once per language); fail on errors."""
    errors = []
    for result in results:
        seen = _reported.get(id(result))
        if seen is not None and seen() is result:
            errors.extend(result.errors)
            continue
        _reported[id(result)] = weakref.ref(result)
        for diagnostic in result.diagnostics:
            if diagnostic.severity is Severity.ERROR:
                errors.append(diagnostic)
            elif diagnostic.severity is Severity.WARNING:
                log.warning(str(diagnostic))
            else:
                log.info(str(diagnostic))
    if errors:
        lines = "\n".join(str(d) for d in errors)
        raise PluginError(f"{len(errors)} problem(s) in the explainers; fix them and build again:\n{lines}")


def _only() -> frozenset[str] | None:
    """EXPLAINERS_ONLY=slug[,slug]: build just those explainers (fast previews; `tasks.py serve --only`)."""
    value = os.environ.get("EXPLAINERS_ONLY", "").strip()
    return frozenset(s.strip() for s in value.split(",") if s.strip()) if value else None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    folder = Path(config.docs_dir) / FOLDER
    library = _libraries.setdefault(folder, Library(folder))
    only = _only()
    results = library.results(only=only)
    if only is not None:
        log.warning(f"EXPLAINERS_ONLY is set: this preview builds only {', '.join(sorted(only))}; never deploy it")
    log.info(f"{len(results)} explainer(s) in {FOLDER}/, {library.parsed} read and checked, the others unchanged")
    _report(results)
    _build.clear()
    _build["explainers"] = {r.slug: r.explainer for r in results if r.explainer is not None}
    _build["results"] = results
    _build["cache"] = library.disk
    _build["publisher"] = jsonld.Publisher(config.site_name, config.site_url or "")
    if _extension not in config.markdown_extensions:
        config.markdown_extensions.append(_extension)  # type: ignore[arg-type]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Drafts are checked but not published (nor, in a preview, the explainers left out)."""
    drafts = {slug for slug, explainer in _build["explainers"].items() if explainer.meta.draft}
    only = _only()
    for file in list(files):
        if not file.src_uri.startswith(f"{FOLDER}/"):
            continue
        slug = slug_of(Path(file.src_uri))
        if slug in drafts or (only is not None and slug not in only):
            files.remove(file)
    return files


def _explainer_of(page: Page) -> Explainer | None:
    uri = page.file.src_uri
    if not uri.startswith(f"{FOLDER}/") or "/" in uri[len(FOLDER) + 1 :]:
        return None
    explainer: Explainer | None = _build["explainers"].get(slug_of(Path(uri)))
    return explainer


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    """Hand MkDocs an explainer's body, already read: MkDocs would parse the front matter
    again, once per language, with the pure-Python YAML loader (it is a few hundred lines:
    about a tenth of the page's build time). The page's meta is set in on_page_markdown."""
    explainer = _explainer_of(page)
    if explainer is None:
        return None
    language = "en" if page.file.src_uri.endswith(".en.md") else i18n.DEFAULT_LANGUAGE
    return explainer.bodies[language].text if language in explainer.bodies else None


def _root(language: str) -> str:
    """Where a language's site starts: Indonesian at /, English under /en/."""
    return "" if language == i18n.DEFAULT_LANGUAGE else f"{language}/"


def _site_blocks(page: Page, language: str) -> dict[str, Block]:
    prefix = _root(language)
    published = [e for e in _build["explainers"].values() if not e.meta.draft]

    def url_for(explainer: Explainer) -> str:
        return get_relative_url(f"{prefix}{FOLDER}/{explainer.slug}/", page.url)

    return {
        "explainers": lambda arg: render.explainer_list(published, language, url_for),
        "statuses": lambda arg: render.status_table(language),
        "tags": lambda arg: render.tag_index(published, language, url_for),
    }


def _check_site_page(page: Page, markdown: str, blocks: dict[str, Block]) -> None:
    """A site page may place only the site's blocks: any other ``:::`` fails the build at its line."""
    # MkDocs hands over the body without the front matter (and trailing newlines): count the lines it took.
    source, body = page.file.content_string.rstrip(), markdown.rstrip()
    first_line = source[: len(source) - len(body)].count("\n") + 1 if source.endswith(body) else 1
    reporter = Reporter(display_path(Path(page.file.abs_src_path or page.file.src_path)))
    validation.check_site_page(markdown, first_line, blocks, reporter)
    if reporter.has_errors:
        raise PluginError("\n".join(str(d) for d in reporter.diagnostics))


def _fragments(language: str, slug: str) -> render.Fragments | None:
    """The page's boxes, markers and tables: the first page of a language prepares them all (in one pass)."""
    prepared: prepare.Prepared | None = _build.get("fragments")
    if prepared is None or prepared.language != language:
        prepared = _build["fragments"] = prepare.fragments(_build["results"], language, _build["cache"])
        reused = len(prepared.fragments) - prepared.rendered
        log.info(f"{language}: {prepared.rendered} explainer(s) rendered, {reused} unchanged taken from the cache")
    return prepared.fragments.pop(slug, None)  # handed over once: the memory goes with the page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = _language(page, config)
    explainer = _explainer_of(page)
    _extension.problems.clear()
    if explainer is None:
        blocks = _site_blocks(page, language)
        _check_site_page(page, markdown, blocks)
        _extension.page = PageContext(language, blocks=blocks)
        if "title" in page.meta:
            page.meta["title"] = escape(str(page.meta["title"]))
        return markdown
    def tag_url(tag: str) -> str:
        return get_relative_url(f"{_root(language)}{TAGS_PAGE}", page.url) + "#" + render.tag_anchor(tag)

    view = render.ExplainerView(explainer, language, tag_url, _fragments(language, explainer.slug))
    _extension.page = PageContext(language, view)
    page.meta["title"] = escape(explainer.title(language))
    page.meta["description"] = escape(explainer.summary(language))
    page_url = (config.site_url or "/") + page.url
    head = jsonld.script(jsonld.graph(explainer, language, page_url, _build["publisher"]))
    # Relative, like the theme's own hreflang links: Material's JavaScript fetches a
    # sitemap.xml beside every alternate link, and an absolute one would send each
    # reader's browser to site_url (a placeholder, in previews) from any host.
    default_url = get_relative_url(f"{FOLDER}/{explainer.slug}/", page.url)
    page.meta["explainer_head"] = head + Markup('\n<link rel="alternate" hreflang="x-default" href="{}">').format(default_url)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    problems = list(_extension.problems)
    _extension.page = None
    _extension.problems.clear()
    if problems:
        raise PluginError(f"{page.file.src_path}: " + "; ".join(problems))
    return html
