"""The site layer: one build's explainers, what of them is published, and what pages are made of them.

A site generator's adapter (``explainers.mkdocs`` for MkDocs) owns one :class:`Site`
per explainers folder and asks it, for each build: which results to report
(each diagnostic once, however many language builds ask), which explainers are
published (drafts and, in a preview, the explainers left out are filtered here
and nowhere else), each language's fragments (rendered in one pass, kept in the
result cache), the :class:`~explainers.pages.Page` each body is converted as,
the site's listings and each explainer page's head metadata. Nothing here knows
which generator asks: URLs are site-relative paths (``en/explainers/<slug>/``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from markupsafe import Markup

from . import exports, feeds, i18n, jsonld, listings, publishing, sharing, tags
from .cache import Store, folder_digest
from .diagnostics import Diagnostic, Severity
from .loading import Library, Result
from .models import Explainer
from .pages import Block, Page, PageFinder
from .templating import Templates, templates
from .views import ExplainerView, Fragments, cached_fragments, store_fragments
from .vocabulary import Status

PACKAGE = Path(__file__).resolve().parent  # its templates and catalogs shape every fragment
EXPLAINERS = publishing.EXPLAINERS_FOLDER  # the folder of docs/ that holds explainers, and their URL prefix
TAGS_PAGE = "tags/"  # docs/tags.md, which lists every tag with `::: tags`; each tag's pages below it
ARCHIVE_PAGE = "archive/"
CLAIMS_PAGE = "claims/"
SEARCH_PAGE = "search/"
SEARCH_BUNDLE = "pagefind/"  # the search index and its script, at the site's root
SEARCH_SCRIPT = "assets/search.js"


@dataclass(frozen=True, slots=True)
class GeneratedPage:
    """A page the site makes from the explainers: a path below the site root, a title, a body of one directive."""

    path: str  # "en/archive/2/"
    language: str
    title: str
    block: str  # the site block the page places: archive, tag, claims, search
    arg: str = ""  # what the block is given: "2", "korea-utara 2", "disputed 3"

    @property
    def markdown(self) -> str:
        return f"::: {self.block} {self.arg}".rstrip() + "\n"

    @property
    def source(self) -> str:
        """The page's source name, as a site generator's file list knows it."""
        return f"{self.path}index.md"


@dataclass(frozen=True)
class SiteSettings:
    """What the core needs to know of a site; an adapter reads it from its generator's config."""

    folder: Path  # docs/explainers
    languages: tuple[str, ...] = i18n.LANGUAGES
    default_language: str = i18n.DEFAULT_LANGUAGE
    site_url: str = ""
    site_names: dict[str, str] = field(default_factory=dict)  # language -> the site's name in it
    overrides: Path | None = None  # a folder of templates replacing the package's
    only: frozenset[str] | None = None  # a preview of just these explainers

    def root(self, language: str) -> str:
        """Where a language's site starts: the default language at ``""``, others under ``<language>/``."""
        return publishing.language_root(language, self.default_language)

    def explainer_path(self, slug: str, language: str) -> str:
        return f"{self.root(language)}{EXPLAINERS}/{slug}/"

    def info(self) -> publishing.SiteInfo:
        """The published site's absolute addresses and names (raises ValueError, with the fix, without site_url)."""
        names = {
            language: self.site_names.get(language) or self.site_names.get(self.default_language, "")
            for language in self.languages
        }
        return publishing.SiteInfo(self.site_url, names, self.default_language)


@dataclass
class Prepared:
    """One language's fragments, by slug, and how many had to be rendered (the others came from the cache)."""

    language: str
    fragments: dict[str, Fragments] = field(default_factory=dict)
    rendered: int = 0


class Site:
    """The explainers of one folder across builds: loading, publishing, fragments, pages."""

    def __init__(self, settings: SiteSettings, store: Store | None = None) -> None:
        self.settings = settings
        self.look = self._look()
        self.wanted: frozenset[str] | None = None  # the explainers whose fragments a build needs (None: all)
        self.store = store if store is not None else Store.default()
        self.library = Library(settings.folder, self.store)
        self.results: list[Result] = []
        self._reported: dict[int, weakref.ref[Result]] = {}  # results already reported, by identity
        self._prepared: Prepared | None = None
        self.tag_labels = tags.TagLabels()  # read again at every load: headers and listings show them
        self._label_notes: list[Diagnostic] = []
        self._labels_reported: bytes | None = None

    # Loading and reporting

    def load(self, today: dt.date | None = None) -> list[Result]:
        """Read what changed since the last build; every explainer's result (only the previewed ones, in a preview)."""
        self.results = self.library.results(today, only=self.settings.only)
        # Labels appear only in what is rendered every build (headers, listings, tag pages, JSON-LD),
        # never in the cached fragments: an edit of the file shows at the next build.
        self.tag_labels, self._label_notes = tags.read(self.settings.folder)
        self._prepared = None
        look = self._look()  # edited between two builds of a preview
        if look != self.look:
            i18n.translations.cache_clear()  # a catalog may have changed: compiled again when next used
        self.look = look
        for name in ("published", "newest", "claim_groups", "tag_groups"):
            self.__dict__.pop(name, None)
        return self.results

    def _look(self) -> str:
        """The templates and catalogs shape the fragments, the package's and the site's own, as they are
        now (a preview's rebuild sees them edited): they are part of every fragment's key."""
        overrides = self.settings.overrides
        shaping = [PACKAGE / "templates", PACKAGE / "locale", *([overrides] if overrides and overrides.is_dir() else [])]
        digest = hashlib.blake2b(digest_size=16)
        for folder in shaping:
            folder_digest(folder, digest)
        return digest.hexdigest()

    def unreported(self) -> list[Diagnostic]:
        """The diagnostics not yet reported by an earlier language build or rebuild of the same files.

        Errors are returned every time (a build with errors must fail every time).
        """
        out: list[Diagnostic] = []
        if self._labels_reported != self.tag_labels.digest:
            self._labels_reported = self.tag_labels.digest
            out.extend(self._label_notes)
        for result in self.results:
            seen = self._reported.get(id(result))
            if seen is not None and seen() is result:
                out.extend(result.errors)
                continue
            self._reported[id(result)] = weakref.ref(result)
            out.extend(_as_built(result))
        return out

    # What is published

    @cached_property
    def published(self) -> dict[str, Explainer]:
        """The explainers readers get, by slug: valid, not drafts (and, in a preview, previewed)."""
        return {r.slug: r.explainer for r in self.results if r.explainer is not None and not r.explainer.meta.draft}

    @cached_property
    def newest(self) -> dict[str, int]:
        """Each published explainer's place in the listings' order, newest first (once per build: each
        archive and tag page's entries are ordered by it)."""
        return {e.slug: n for n, e in enumerate(listings.newest_first(self.published.values()))}

    @cached_property
    def claim_groups(self) -> dict[Status, list[tuple[Explainer, int]]]:
        """Every published claim by status, newest explainer first (once per build: each claims page reads it)."""
        return listings.claims_by_status(self.published.values())

    @cached_property
    def tag_groups(self) -> dict[str, tuple[str, list[Explainer]]]:
        """Each tag's explainers, by the tag's slug (once per build: each tag page reads it)."""
        return listings.tags_of(self.published.values())

    def claims_with_status(self, value: str) -> list[tuple[Explainer, int]]:
        """The published claims of the status named ``value`` (none for an unknown one)."""
        return next((claims for status, claims in self.claim_groups.items() if status.value == value), [])

    def is_published(self, slug: str) -> bool:
        return slug in self.published

    def is_hidden(self, slug: str) -> bool:
        """An explainer file whose pages are not built: a draft, a broken one, or one a preview leaves out."""
        return slug not in self.published

    # Rendering

    def templates(self, language: str) -> Templates:
        compiled = self.store.subfolder(f"templates/{self.look}/{language}")
        return templates(language, self.settings.overrides, compiled)

    def fragments(self, language: str, slug: str) -> Fragments | None:
        """The page's boxes, markers and tables: the first page of a language prepares them all, in one pass.

        Each explainer's are handed over once: the memory goes with the page.
        """
        if self._prepared is None or self._prepared.language != language:
            self._prepared = self.prepare(language)
        return self._prepared.fragments.pop(slug, None)

    @property
    def prepared(self) -> Prepared | None:
        return self._prepared

    def prepare(self, language: str) -> Prepared:
        """``language``'s fragments of each published explainer, rendered or taken from the cache."""
        prepared = Prepared(language)
        keys = {r.slug: f"{r.key}.{self.look}" if r.key else None for r in self.results}
        for slug, explainer in self.published.items():
            if self.wanted is not None and slug not in self.wanted:
                continue
            found = cached_fragments(self.store, keys.get(slug), language)
            if found is None:
                found = ExplainerView(explainer, language, templates=self.templates(language)).fragments
                prepared.rendered += 1
                store_fragments(self.store, keys.get(slug), found)
            prepared.fragments[slug] = found
        return prepared

    def explainer_page(self, slug: str, language: str, tag_url: Callable[[str], str] | None = None) -> Page:
        explainer = self.published[slug]
        view = ExplainerView(
            explainer, language, tag_url, self.fragments(language, slug), self.templates(language), self.tag_label(language)
        )
        return Page(language, view, source=explainer.body(language))

    def site_page(self, language: str, url_for: Callable[[str], str]) -> Page:
        """A site page (home, methodology, tags) with the blocks it may place; ``url_for`` makes a site path relative."""
        return Page(language, blocks=self.blocks(language, url_for))

    def blocks(self, language: str, url_for: Callable[[str], str]) -> dict[str, Block]:
        """What a site page may place, rendered for ``language``; ``url_for`` makes a site path relative to the page."""
        listing = Listings(self, language, url_for)
        return {
            "explainers": lambda arg: listing.home(),
            "statuses": lambda arg: listings.status_table(listing.templates),
            "tags": lambda arg: listing.tags(),
            "archive": listing.archive,
            "tag": listing.tag,
            "claims": listing.claims,
            "search": lambda arg: listing.search(),
        }

    def tag_label(self, language: str) -> Callable[[str], str]:
        """A tag's label in ``language`` (the tag itself when the labels file has none)."""
        return lambda tag: self.tag_labels.label(tag, language)

    def tag_path(self, tag: str, language: str) -> str:
        return f"{self.settings.root(language)}{TAGS_PAGE}{listings.tag_slug(tag)}/"

    def generated_pages(self, language: str) -> list[GeneratedPage]:
        """The pages of ``language`` made from the explainers: archive, tags, claims index, search."""
        root, published = self.settings.root(language), list(self.published.values())
        pages: list[GeneratedPage] = []

        def add(path: str, title: str, block: str, arg: str = "") -> None:
            pages.append(GeneratedPage(f"{root}{path}", language, title, block, arg))

        archive = i18n.gettext(language, "Archive")
        for n in range(1, listings.page_count(len(published), listings.ARCHIVE_SIZE) + 1):
            add(listings.page_path(ARCHIVE_PAGE, n), _numbered(archive, n, language), "archive", str(n))
        for slug, (tag, items) in sorted(self.tag_groups.items()):
            for n in range(1, listings.page_count(len(items), listings.ARCHIVE_SIZE) + 1):
                title = _numbered(self.tag_labels.label(tag, language), n, language)
                add(listings.page_path(f"{TAGS_PAGE}{slug}/", n), title, "tag", f"{slug} {n}")
        add(CLAIMS_PAGE, i18n.gettext(language, "Claims index"), "claims")
        for status, claims in self.claim_groups.items():
            label = i18n.gettext(language, status.label)
            for n in range(1, listings.page_count(len(claims), listings.CLAIMS_SIZE) + 1):
                path = listings.page_path(f"{CLAIMS_PAGE}{status.value}/", n)
                add(path, _numbered(label, n, language), "claims", f"{status.value} {n}")
        add(SEARCH_PAGE, i18n.gettext(language, "Search"), "search")
        return pages

    def listing_members(self, page: GeneratedPage) -> tuple[object, tuple[tuple[str, int], ...]] | None:
        """What a generated page shows, before it is rendered: its totals (what its pager counts) and the
        explainers on it, in order, each with the claim it lists (-1: the explainer itself). Each entry is made
        from its explainer alone, so a page is unchanged if these and its explainers are. None: cannot tell."""
        name, arg = page.block, page.arg
        if name == "archive":
            return _page_of(self._newest_first(self.published.values()), _number(arg), listings.ARCHIVE_SIZE)
        if name == "tag":
            slug, _, number = arg.partition(" ")
            tag, items = self.tag_groups.get(slug, (slug, []))
            total, members = _page_of(self._newest_first(items), _number(number), listings.ARCHIVE_SIZE)
            return (tag, total), members
        if name == "claims" and not arg:
            return tuple((status.value, len(items)) for status, items in self.claim_groups.items()), ()
        if name == "claims":
            status, _, number = arg.partition(" ")
            claims = self.claims_with_status(status)
            return len(claims), tuple((e.slug, i) for e, i in listings.page_of(claims, _number(number), listings.CLAIMS_SIZE))
        return ((), ()) if name == "search" else None

    def _newest_first(self, explainers: Iterable[Explainer]) -> list[Explainer]:
        """As :func:`listings.newest_first` orders published explainers, sorted once per build."""
        rank = self.newest
        return sorted(explainers, key=lambda e: rank[e.slug])

    # Publishing: open data, feeds, sharing cards (SPEC 10)

    @cached_property
    def info(self) -> publishing.SiteInfo:
        """Every absolute URL and the publisher, for pages, structured data, feeds and open data alike."""
        return self.settings.info()

    def published_files(self) -> dict[str, bytes]:
        """The open data files and each language's feed, by their path below the site root."""
        info, published = self.info, list(self.published.values())
        files = exports.data_files(published, info)
        for language in self.settings.languages:
            files[f"{self.settings.root(language)}feed.xml"] = feeds.atom_feed(published, language, info)
        return files

    def page_meta(
        self, language: str, path: str, feed_href: str, title: str, description: str | None, slug: str | None = None
    ) -> Markup:
        """What every page's head carries: its feed link and its sharing card (the explainer ``slug``'s, on its pages)."""
        info = self.info
        explainer = self.published.get(slug) if slug is not None else None
        if explainer is not None:
            card = sharing.explainer_meta(explainer, language, info)
        else:
            card = sharing.page_meta(title, description, info.base_url + path, language, info)
        return feeds.link_element(feed_href, language, info) + sharing.meta_tags(card)

    # Head metadata

    def head(self, slug: str, language: str, default_url: str) -> Markup:
        """An explainer page's structured data, and its x-default alternate (``default_url``, relative)."""
        explainer = self.published[slug]
        page_url = self.info.explainer_url(slug, language)
        data = jsonld.graph(explainer, language, page_url, self.info.publisher(language), self.tag_label(language))
        # Relative, like the theme's own hreflang links: Material's JavaScript fetches a
        # sitemap.xml beside every alternate link, and an absolute one would send each
        # reader's browser to site_url (a placeholder, in previews) from any host.
        alternate = Markup('\n<link rel="alternate" hreflang="x-default" href="{}">').format(default_url)
        return jsonld.script(data) + alternate

    # Builders that only know a page by its body

    def finder(self, language: str) -> PageFinder:
        """Recognises an explainer's body in ``language`` (for ``makeExtension``); loads the folder on first use."""
        bodies: dict[str, str] = {}

        def find(text: str) -> Page | None:
            if not self.results:
                self.load()
            if not bodies:
                for slug, explainer in self.published.items():
                    bodies[explainer.body(language).text.strip()] = slug
            found = bodies.get(text.strip())
            return self.explainer_page(found, language) if found is not None else None

        return find


def _as_built(result: Result) -> tuple[Diagnostic, ...]:
    """A result's diagnostics as a site build reports them: a draft's warnings are notes (SPEC 12),
    so a fresh draft never breaks the strict build; `explainers check` still reports them as warnings."""
    if not result.draft:
        return result.diagnostics
    return tuple(replace(d, severity=Severity.NOTE) if d.severity is Severity.WARNING else d for d in result.diagnostics)


def severity_split(diagnostics: Iterable[Diagnostic]) -> tuple[list[Diagnostic], list[Diagnostic], list[Diagnostic]]:
    """(errors, warnings, notes)."""
    groups: dict[Severity, list[Diagnostic]] = {s: [] for s in Severity}
    for diagnostic in diagnostics:
        groups[diagnostic.severity].append(diagnostic)
    return groups[Severity.ERROR], groups[Severity.WARNING], groups[Severity.NOTE]


def _numbered(title: str, number: int, language: str) -> str:
    return title if number == 1 else i18n.gettext(language, "%(title)s, page %(number)s") % {"title": title, "number": number}


class Listings:
    """One page's site listings: the published explainers seen from that page, in its language."""

    def __init__(self, site: Site, language: str, url_for: Callable[[str], str]) -> None:
        self.site, self.language, self.url_for = site, language, url_for
        self.root = site.settings.root(language)
        self.templates = site.templates(language)
        self.published = list(site.published.values())

    def explainer_url(self, explainer: Explainer) -> str:
        return self.url_for(self.site.settings.explainer_path(explainer.slug, self.language))

    def home(self) -> Markup:
        return listings.newest(self.published, self.templates, self.explainer_url, self.url_for(f"{self.root}{ARCHIVE_PAGE}"))

    def archive(self, arg: str) -> Markup:
        number = _number(arg)
        count = listings.page_count(len(self.published), listings.ARCHIVE_SIZE)
        pages = listings.pager(f"{self.root}{ARCHIVE_PAGE}", number, count, self.url_for)
        return listings.archive_page(self.published, self.templates, self.explainer_url, pages, listings.ARCHIVE_SIZE)

    def tags(self) -> Markup:
        return listings.tag_links(
            self.site.tag_groups, self.templates, lambda slug: self.url_for(f"{self.root}{TAGS_PAGE}{slug}/"),
            self.site.tag_label(self.language),
        )

    def tag(self, arg: str) -> Markup:
        slug, _, number = arg.partition(" ")
        _, items = self.site.tag_groups.get(slug, (slug, []))
        count = listings.page_count(len(items), listings.ARCHIVE_SIZE)
        pages = listings.pager(f"{self.root}{TAGS_PAGE}{slug}/", _number(number), count, self.url_for)
        return listings.archive_page(items, self.templates, self.explainer_url, pages, listings.ARCHIVE_SIZE)

    def claims(self, arg: str) -> Markup:
        groups = self.site.claim_groups
        if not arg:
            return listings.claims_overview(groups, self.templates, lambda s: self.url_for(f"{self.root}{CLAIMS_PAGE}{s.value}/"))
        status, _, number = arg.partition(" ")
        items = self.site.claims_with_status(status)
        count = listings.page_count(len(items), listings.CLAIMS_SIZE)
        pages = listings.pager(f"{self.root}{CLAIMS_PAGE}{status}/", _number(number), count, self.url_for)

        def box_url(explainer: Explainer, claim_id: str) -> str:
            """The claim's box on its explainer's page (the page itself for no claim)."""
            return f"{self.explainer_url(explainer)}#claim-{claim_id}" if claim_id else self.explainer_url(explainer)

        return listings.claims_page(items, self.templates, box_url, pages, listings.CLAIMS_SIZE)

    def search(self) -> Markup:
        return self.templates.render(
            "search.html", bundle=self.url_for(SEARCH_BUNDLE), script=self.url_for(SEARCH_SCRIPT)
        )


def _page_of(items: list[Explainer], number: int, size: int) -> tuple[object, tuple[tuple[str, int], ...]]:
    return len(items), tuple((e.slug, -1) for e in listings.page_of(items, number, size))


def _number(text: str) -> int:
    return int(text) if text.strip().isdigit() else 1
