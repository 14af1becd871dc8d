"""One object that answers MkDocs' events with the core's site layer.

Events fire once per language (static-i18n builds the English site inside the
Indonesian build), so per-build state is refreshed in ``on_config`` and each
page reads its language from the i18n plugin. The :class:`~explainers.site.Site`
survives between builds and reloads an explainer only when its files change, so
each explainer is parsed once per build, and ``mkdocs serve`` sees edits.

Under ``mkdocs serve`` (``on_startup``), pages whose inputs did not change since the
last rebuild are handed back as they were (:mod:`explainers.mkdocs.kept`) and left in
place in the output folder (:mod:`explainers.mkdocs.folder`), and the finishing steps
(open data, feeds, sitemaps, search index) follow the pages in a thread.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import logging
import shutil
import tempfile
import threading
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from jinja2 import ChoiceLoader, DictLoader, Environment
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .. import search, sitemaps, tags, validation
from ..diagnostics import Diagnostic, Reporter, display_path
from ..extension import ExplainerExtension
from ..loading import Result, is_translation, slug_of, translation_of
from ..site import EXPLAINERS, SEARCH_PAGE, GeneratedPage, Site, SiteSettings, severity_split
from . import kept
from .folder import KeptFolder
from .kept import KeptPage, PageKeeper
from .settings import AdapterSettings

PACKAGE = Path(__file__).resolve().parent.parent

log = get_plugin_logger("explainers")


class Adapter:
    """The core's :class:`Site` seen through MkDocs: files to skip, page sources, pages, problems."""

    def __init__(self) -> None:
        self.extension = ExplainerExtension()
        self._sites: dict[Path, Site] = {}
        self._logged: object = None  # the last fragments whose preparation was logged
        self.site: Site | None = None
        self.settings: AdapterSettings | None = None
        self.keeper: PageKeeper | None = None  # in a preview: pages kept between rebuilds
        self._look = ""  # what every page of this build depends on (kept.look_digest)
        self._keys: dict[str, str] = {}  # this build's pages' keys, by source
        self._hits: dict[str, KeptPage] = {}  # this build's pages taken as kept, by source
        self._digests: dict[str, tuple[Result, str, bool]] = {}  # each explainer's files' digest, while its result lasts
        self._indexing: threading.Thread | None = None  # a preview's finishing steps, after its pages
        self._generation = 0  # the preview build whose finishing steps may write into the site
        self._writing = threading.Lock()  # held while they write

    def on_startup(self, command: str) -> None:
        """``mkdocs serve`` keeps pages between its rebuilds (a build renders every page once anyway)."""
        self.keeper = PageKeeper() if command == "serve" else None
        if self.folder is not None:
            logging.getLogger("mkdocs.commands.build").addFilter(self.folder.silenced)

    @property
    def folder(self) -> KeptFolder | None:
        """In a preview: the output folder, kept between rebuilds with the pages in it."""
        return self.keeper.folder if self.keeper is not None else None

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig) -> LiveReloadServer:
        """``mkdocs serve`` watches the docs and the config; the theme's custom folder (the explainers'
        template overrides) and the package's templates and catalogs shape every page too: an edit
        to them rebuilds as well."""
        for folder in _shaping_folders(config):
            if folder.is_dir():
                server.watch(str(folder))
        return server

    # Build events

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        settings = AdapterSettings.from_config(config)
        _require_site_url(config, settings)
        site = self._sites.get(settings.site.folder)
        if site is None or site.settings != settings.site:
            site = self._sites[settings.site.folder] = Site(settings.site)
        self.site, self.settings = site, settings
        results = site.load()
        if settings.site.only is not None:
            log.warning(f"EXPLAINERS_ONLY is set: this preview builds only {', '.join(sorted(settings.site.only))}; "
                        "never deploy it")
        log.info(f"{len(results)} explainer(s) in {EXPLAINERS}/, {site.library.parsed} read and checked, "
                 "the others unchanged")
        _report(site.unreported())
        if self.keeper is not None:
            self._start_keeping(config, settings)
        extensions: list[Any] = config.markdown_extensions  # MkDocs takes extension instances too
        if self.extension not in extensions:
            extensions.append(self.extension)
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        """In a preview, before MkDocs empties the output folder: the last build's files are set aside."""
        if self.folder is not None and not self._inner_build(config):
            self.folder.set_aside(Path(config.site_dir))

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """After the i18n plugin's: drafts are not published (nor, in a preview, the explainers
        left out); the site's generated pages (archive, tags, claims, search) are added."""
        site = self._site()
        for file in list(files):
            if _is_explainer(file.src_uri) and site.is_hidden(slug_of(Path(file.src_uri))):
                files.remove(file)
            elif file.src_uri == f"{EXPLAINERS}/{tags.LABELS_FILE}":
                files.remove(file)  # the tag labels are read by the core, not published as a file
        language = self._language(config)
        generated = [(page, generated_file(config, page, site.settings)) for page in site.generated_pages(language)]
        for _, file in generated:
            files.append(file)
        if self.folder is not None:
            if not self._inner_build(config):
                self.folder.restore()  # MkDocs has emptied the folder: the last build's files come back
            self.folder.expect(file.dest_uri for file in files)
        if self.keeper is not None:
            self._find_kept_explainers(files, language)
            self._find_kept_listings(generated, language)
        return files

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """A preview's kept pages take an empty template instead of the theme's (their files are in place)."""
        if self.keeper is not None and env.loader is not None:
            env.loader = ChoiceLoader([DictLoader({kept.TEMPLATE: kept.SOURCE}), env.loader])
            env.bytecode_cache = self.keeper.compiled  # the theme's templates, compiled once per preview
        return env

    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: object) -> dict[str, Any]:
        """The header's search box submits to the search page of the page's language."""
        if page.file.src_uri in self._hits:
            return context
        site, language = self._site(), self._language(config)
        root = site.settings.root(language)
        context["explainers_search"] = get_relative_url(f"{root}{SEARCH_PAGE}", page.url)
        title = str(page.meta.get("title") or page.title or config.site_name)
        description = page.meta.get("description") or config.site_description
        feed = get_relative_url(f"{root}feed.xml", page.url)
        context["explainers_meta"] = site.page_meta(language, page.url, feed, title, description, self._slug(page))
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Forget the page's language switch once it is written.

        The i18n plugin sets each page's switch links as an attribute of ``config.extra``
        that outlives the page: the next build's theme templates (its 404 page) would link
        to the last page built before them. Without it they take the plugin's own links.
        """
        vars(config.extra).pop("alternate", None)
        if self.folder is not None and page.file.src_uri in self._hits:
            return self.folder.skip(page.file.src_uri)  # a kept page: its file is in place
        key = self._keys.get(page.file.src_uri)
        if self.keeper is not None and key is not None:
            self.keeper.keep(page.file.dest_uri, key, page.present_anchor_ids or ())
        return output

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Once the last language is built, finish the site (an inner language build of the i18n plugin does not)."""
        if self._inner_build(config):
            return  # an inner language build of the i18n plugin: the outer build finishes the site
        self.finish(config)

    def finish(self, config: MkDocsConfig) -> None:
        """Over the whole built site: open data and feeds, per-language sitemaps under a small index, the
        search index (a parallel build runs these steps itself: :meth:`write_data`, :meth:`split_sitemaps`,
        :meth:`index`).

        A preview shows its pages (and sitemaps) first: the rest follows in a thread, over a copy
        of this build's explainers; a newer build makes it moot (it stops, and writes nothing more).
        """
        site_dir, site = Path(config.site_dir), self._site()
        if self.keeper is None:
            # Pagefind reads only the pages while the open data and sitemaps are written beside them
            # (0.8 s at 500 explainers that no longer waits for it).
            with ThreadPoolExecutor(max_workers=1) as pool:
                indexed = pool.submit(self.index, site_dir, site.settings.languages)
                self.write_data(site_dir)
                self.split_sitemaps(site_dir)
                indexed.result()
            return
        if self.folder is not None:
            self.folder.sweep()  # what this build did not make (a deleted explainer's pages) is gone
        split = _split_sitemaps(site, site_dir)  # 0.1 s at 500 explainers: the sitemaps always match the pages
        _ = site.published, site.claim_groups, site.tag_groups  # computed, then copied with the site
        thread = threading.Thread(target=self._finish_preview, args=(copy.copy(site), site_dir, self._generation, split),
                                  daemon=True)
        self._indexing = thread
        thread.start()

    def _finish_preview(self, site: Site, site_dir: Path, generation: int, split: list[str]) -> None:
        def moot() -> bool:
            return generation != self._generation

        if moot():
            return
        data = site.published_files()  # not under the lock: a newer build does not wait for it
        with self._writing:
            if moot():
                return
            written = _write_files(site_dir, data)
            if self.folder is not None:
                self.folder.finished(site_dir, {*written, *split, search.BUNDLE})
        with tempfile.TemporaryDirectory(prefix="explainers-search-") as folder:
            try:
                pages = _searched(site, site.settings.languages)
                found = search.index_in_background(site_dir, Path(folder) / search.BUNDLE, pages, moot)
            except search.SearchIndexError as exc:
                if not moot():
                    log.warning(str(exc))
                return
            if found is None:
                return
            with self._writing:
                if moot():
                    return
                shutil.rmtree(site_dir / search.BUNDLE, ignore_errors=True)
                shutil.move(found.folder, site_dir / search.BUNDLE)
        log.info(f"search: {found.pages} page(s) indexed into {search.BUNDLE}/")

    def on_page_read_source(self, page: Page, config: MkDocsConfig) -> str | None:
        """Hand MkDocs an explainer's body, already read: MkDocs would parse the front matter again,
        once per language, with the pure-Python YAML loader (about a tenth of the page's build time)."""
        if page.file.src_uri in self._hits:
            return ""  # a kept page: nothing of it is read, converted or rendered
        slug = self._slug(page)
        if slug is None:
            return None
        body = self._site().published[slug].bodies.get("en" if is_translation(Path(page.file.src_uri)) else "id")
        return body.text if body is not None else None

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        found = self._hits.get(page.file.src_uri)
        if found is not None:
            _hand_kept(page)
            return ""
        site, language, slug = self._site(), self._language(config), self._slug(page)
        if slug is None:
            site_page = site.site_page(language, lambda path: get_relative_url(path, page.url))
            _check_site_page(page, markdown, site_page.blocks)
            self.extension.select(site_page)
            if "title" in page.meta:
                page.meta["title"] = escape(str(page.meta["title"]))
            return markdown

        def tag_url(tag: str) -> str:
            return get_relative_url(site.tag_path(tag, language), page.url)

        self.extension.select(site.explainer_page(slug, language, tag_url))
        self._log_prepared(language)
        explainer = site.published[slug]
        page.meta["title"] = escape(explainer.title(language))
        page.meta["description"] = escape(explainer.summary(language))
        default_url = get_relative_url(site.settings.explainer_path(slug, site.settings.default_language), page.url)
        page.meta["explainer_head"] = site.head(slug, language, default_url)
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        problems = list(self.extension.problems)
        self.extension.select(None)
        self.extension.reset()
        if problems:
            raise PluginError("\n".join(str(p) for p in problems))
        found = self._hits.get(page.file.src_uri)
        if found is not None:
            page.present_anchor_ids = set(found.anchors)
            return html
        if self._slug(page) is not None:  # only explainers are searched: listings would crowd the results
            return f"<div {search.BODY}>\n{html}\n</div>"
        if self.keeper is not None and page.file.src_uri not in self._keys:  # not keyed before it was read
            self._find_kept_page(page, html, self._language(config))
        return html

    def write_data(self, site_dir: Path) -> list[str]:
        """The open data and the feeds, written into the site (they need the explainers, not the pages); their paths."""
        return _write_files(site_dir, self._site().published_files())

    def split_sitemaps(self, site_dir: Path) -> list[str]:
        """The build's sitemap of the whole site, split per language under a small index; their paths."""
        return _split_sitemaps(self._site(), site_dir)

    def index(self, site_dir: Path, languages: Sequence[str], bundle: Path | None = None) -> None:
        """The search index of the pages of ``languages`` in ``site_dir``, into ``bundle`` (``site_dir/pagefind/``).

        Each language is indexed apart (:func:`explainers.search.combine` joins bundles of
        different languages into the one an index of all of them makes).
        """
        try:
            indexed = search.index_site(site_dir, bundle, _searched(self._site(), languages))
        except search.SearchIndexError as exc:
            raise PluginError(str(exc)) from None
        log.info(f"search: {indexed.pages} page(s) of {', '.join(languages)} indexed")

    def wait_for_search(self) -> None:
        """Until a preview's search index, built after its pages, is written."""
        if self._indexing is not None:
            self._indexing.join()
            self._indexing = None

    def on_shutdown(self) -> None:
        """The preview stops: its finishing steps are moot (a search index being built is stopped)."""
        with self._writing:
            self._generation += 1
        if self._indexing is not None:
            self._indexing.join(timeout=10)
            self._indexing = None

    # Kept pages (a preview's rebuilds)

    def _start_keeping(self, config: MkDocsConfig, settings: AdapterSettings) -> None:
        """At the first language, keep the last build's pages (its finishing steps stop where they are) and
        digest what every page depends on, the same for every language of the build."""
        if not self._inner_build(config):
            assert self.keeper is not None
            self.keeper.start()
            with self._writing:
                self._generation += 1
            # The package's templates and catalogs are in the site's look, digested as it loaded.
            custom = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
            config_file = Path(config.config_file_path) if config.config_file_path else None
            docs, today = Path(config.docs_dir), dt.date.today()
            self._look = kept.look_digest(config_file, docs, settings.site.folder, custom, today, self._site().look)
        self._keys, self._hits = {}, {}

    def _find_kept_explainers(self, files: Files, language: str) -> None:
        """Before any page is read: the explainers' pages whose files did not change are taken as kept."""
        assert self.keeper is not None
        site = self._site()
        published = frozenset(site.published)
        results = {r.slug: r for r in site.results if r.slug in published}
        self._digests = {slug: found for slug, found in self._digests.items() if slug in results}
        for file in files.documentation_pages():
            slug = slug_of(Path(file.src_uri)) if _is_explainer(file.src_uri) else None
            if slug is None or slug not in results:
                continue
            inputs = self._digest(results[slug], published)
            key = kept.digest(self._look, language, file.dest_uri, file.url, _alternates(file), inputs)
            found = self.keeper.find(file.dest_uri, key)
            if found is None:
                self._keys[file.src_uri] = key
            else:
                self._hits[file.src_uri] = found
        hits = {slug_of(Path(uri)) for uri in self._hits}
        site.wanted = published - hits  # the others' fragments are not needed

    def _find_kept_listings(self, generated: list[tuple[GeneratedPage, File]], language: str) -> None:
        """Before they are rendered: the generated pages whose explainers (and totals) did not change are kept."""
        assert self.keeper is not None
        site = self._site()
        published = frozenset(site.published)
        results = {r.slug: r for r in site.results if r.slug in published}
        for page, file in generated:
            members = site.listing_members(page)
            if members is None:
                continue
            inputs = [(slug, index, self._digest(results[slug], published)) for slug, index in members[1]]
            key = kept.digest(self._look, language, file.dest_uri, file.url, _alternates(file), page.title,
                              page.markdown, members[0], inputs)
            found = self.keeper.find(file.dest_uri, key)
            if found is None:
                self._keys[file.src_uri] = key
            else:
                self._hits[file.src_uri] = found

    def _digest(self, result: Result, published: frozenset[str]) -> str:
        """An explainer's files' bytes (and, if they link to pages, which explainers are published)."""
        remembered = self._digests.get(result.slug)
        if remembered is None or remembered[0] is not result:
            read = kept.read_files([result.path, translation_of(result.path)])  # each file read once
            links = any(b".md" in data for data in read.values() if data is not None)
            remembered = self._digests[result.slug] = (result, kept.files_digest(read), links)
        return kept.digest(remembered[1], sorted(published) if remembered[2] else None)

    def _find_kept_page(self, page: Page, html: str, language: str) -> None:
        """A site page or listing, converted: its theme rendering is kept if nothing that goes into it changed."""
        assert self.keeper is not None
        meta = sorted((k, str(v)) for k, v in page.meta.items())
        key = kept.digest(self._look, language, page.file.dest_uri, page.url, _alternates(page.file),
                          html, page.title, str(page.toc), meta)
        found = self.keeper.find(page.file.dest_uri, key)
        if found is None:
            self._keys[page.file.src_uri] = key
            return
        self._hits[page.file.src_uri] = found
        page.meta["template"] = kept.TEMPLATE

    # Helpers

    def _site(self) -> Site:
        if self.site is None:
            raise PluginError("explainers: on_config did not run; is the hook listed under hooks: in mkdocs.yml?")
        return self.site

    def _inner_build(self, config: MkDocsConfig) -> bool:
        """Whether this is a language the i18n plugin builds inside the first one's build."""
        return bool(getattr(config.plugins.get(AdapterSettings.i18n_plugin), "building", False))

    def _language(self, config: MkDocsConfig) -> str:
        """The language being built: an untranslated page built under /en/ is an English page."""
        settings = self._site().settings
        plugin = config.plugins.get("i18n")
        language = getattr(plugin, "current_language", None) or config.theme.get("language")
        return language if language in settings.languages else settings.default_language

    def _slug(self, page: Page) -> str | None:
        """The published explainer a page shows, if it shows one."""
        uri = page.file.src_uri
        if not _is_explainer(uri):
            return None
        slug = slug_of(Path(uri))
        return slug if self._site().is_published(slug) else None

    def _log_prepared(self, language: str) -> None:
        prepared = self._site().prepared
        if prepared is not None and prepared is not self._logged:
            self._logged = prepared
            reused = len(self._site().published) - prepared.rendered
            log.info(f"{language}: {prepared.rendered} explainer(s) rendered, {reused} unchanged taken from the cache")


def _shaping_folders(config: MkDocsConfig) -> list[Path]:
    """The folders of templates and catalogs every page depends on: the theme's custom folder, the package's."""
    custom = config.theme.custom_dir
    return [*([Path(custom)] if custom else []), PACKAGE / "templates", PACKAGE / "locale"]


def _alternates(file: File) -> list[tuple[str, str]]:
    """A page's language switch: its counterpart's URL in each language."""
    return sorted((language, str(alt.url)) for language, alt in getattr(file, "alternates", {}).items())


def _hand_kept(page: Page) -> None:
    """A kept page is not converted (its Markdown is empty) and its template writes nothing: its file is in place."""

    def render(config: MkDocsConfig, files: Files) -> None:
        page.content = ""

    setattr(page, "render", render)  # noqa: B010 - this one page's conversion, replaced
    page.meta["template"] = kept.TEMPLATE


def _write_files(site_dir: Path, files: dict[str, bytes]) -> list[str]:
    """Files (open data, feeds) written into the built site; their paths."""
    written = []
    for name, data in files.items():
        target = site_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(name)
    return written


def _split_sitemaps(site: Site, site_dir: Path) -> list[str]:
    """The build's sitemap split per language, under a small index in each language's root; their paths."""
    settings = site.settings
    generated = [(p.language, p.path) for lang in settings.languages for p in site.generated_pages(lang)]
    roots = {lang: settings.root(lang) for lang in settings.languages}
    sitemaps.split(site_dir, roots, settings.site_url, generated)
    return [name for lang, root in roots.items() for name in (f"{root}sitemap-{lang}.xml", f"{root}sitemap.xml")]


def _searched(site: Site, languages: Iterable[str]) -> str:
    """The pages the search index reads: the explainers' (no other page carries a search body)."""
    return search.pages_of([site.settings.root(language) for language in languages], EXPLAINERS)


def _is_explainer(uri: str) -> bool:
    return uri.startswith(f"{EXPLAINERS}/") and "/" not in uri[len(EXPLAINERS) + 1 :]


def _require_site_url(config: MkDocsConfig, settings: AdapterSettings) -> None:
    """Feeds, open data and sharing cards need the site's absolute address: say where to set it."""
    try:
        settings.site.info()
    except ValueError as exc:
        path = Path(config.config_file_path or "mkdocs.yml")
        lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
        line = next((n for n, text in enumerate(lines, start=1) if text.startswith("site_url:")), 1)
        raise PluginError(f"{display_path(path)}:{line}: error: {exc}") from None


def _report(diagnostics: list[Diagnostic]) -> None:
    """Print warnings and notes; fail the build on errors, with every line."""
    errors, warnings, notes = severity_split(diagnostics)
    for diagnostic in warnings:
        log.warning(str(diagnostic))
    for diagnostic in notes:
        log.info(str(diagnostic))
    if errors:
        lines = "\n".join(str(d) for d in errors)
        raise PluginError(f"{len(errors)} problem(s) in the explainers; fix them and build again:\n{lines}")


def _check_site_page(page: Page, markdown: str, blocks: object) -> None:
    """A site page may place only the site's blocks: any other ``:::`` fails the build at its line."""
    # MkDocs hands over the body without the front matter (and trailing newlines): count the lines it took.
    source, body = page.file.content_string.rstrip(), markdown.rstrip()
    first_line = source[: len(source) - len(body)].count("\n") + 1 if source.endswith(body) else 1
    reporter = Reporter(display_path(Path(page.file.abs_src_path or page.file.src_path)))
    validation.check_site_page(markdown, first_line, blocks, reporter)  # type: ignore[arg-type]
    if reporter.has_errors:
        raise PluginError("\n".join(str(d) for d in reporter.diagnostics))


def generated_file(config: MkDocsConfig, page: GeneratedPage, settings: SiteSettings) -> File:
    """A page the site made, as a MkDocs file with the i18n plugin's alternates (for its language
    switch and hreflang links): it cannot take these pages itself, it crashes on a file without a source."""
    title = json.dumps(page.title, ensure_ascii=False)
    file = File.generated(config, page.source, content=f"---\ntitle: {title}\n---\n\n{page.markdown}")
    unrooted = page.path.removeprefix(settings.root(page.language))
    file.alternates = {  # type: ignore[attr-defined]
        language: SimpleNamespace(url=f"{settings.root(language)}{unrooted}") for language in settings.languages
    }
    file.locale = page.language  # type: ignore[attr-defined]
    file.locale_alternate_of = page.language  # type: ignore[attr-defined]
    return file
