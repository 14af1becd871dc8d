"""The body syntax as a Python-Markdown extension (see :mod:`explainers.body` for the syntax).

``::: name arg`` lines are read by a :class:`~markdown.blockprocessors.BlockProcessor`
and ``[[id]]`` by an :class:`~markdown.inlinepatterns.InlineProcessor`, so fenced
code, indented code and inline code stay untouched. Each directive and reference
is judged by :class:`explainers.rules.BodyRules`, the same judge the checker
uses; the processors only place what it allows. Boxes and tables come from an
:class:`~explainers.views.ExplainerView`; the processors leave a placeholder
where each goes, and one :class:`~markdown.postprocessors.Postprocessor` pass
puts them in after Markdown has finished: Markdown never parses their HTML, and
they do not load its HTML stash (which it walks again for every heading of the
page). Placeholders are made of STX and ETX, which Markdown strips from its
input, so no body text can forge one.

A claim may be cited many times on a page: each marker gets its own id
(``cite-<claim id>-<n>``, n counted as Markdown meets them), and each box gets
links back to every one of them; the postprocessor fills them in, when the whole
page has been converted and the counts are known. Headings keep the permalink
that ``toc`` adds, hidden from screen readers (:class:`HeadingLinks`).

The extension is site-generator neutral, built like Python-Markdown's footnotes
extension: state lives on the extension and is cleared by ``reset()``, and the
processors are given the extension. Its collaborator, a :class:`PageFinder`,
comes through the constructor: an adapter that knows which page it converts
calls :meth:`ExplainerExtension.select` first; otherwise the finder recognises
the page by its body (``makeExtension(folder=…, language=…)``, for builders that
load extensions by name).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX, AtomicString

from . import i18n
from .body import DIRECTIVE, REFERENCE, scan
from .diagnostics import Diagnostic, Reporter
from .i18n import gettext
from .pages import Page, PageFinder
from .rules import CLAIM, SOURCES, BodyRules
from .site import Site, SiteSettings
from .templating import OCCURRENCE
from .views import ExplainerView, fill_backlinks

_PLACEHOLDER = STX + "explainer:{}" + ETX
_PLACEHOLDERS = re.compile(f"<p>{STX}explainer:([0-9]+){ETX}</p>|{STX}explainer:([0-9]+){ETX}")


def _place(extension: ExplainerExtension, parent: etree.Element, html: str, *, boxes: bool = False) -> None:
    paragraph = etree.SubElement(parent, "p")
    paragraph.text = extension.hold(html, boxes=boxes)


def _heading(parent: etree.Element, ident: str, text: str) -> None:
    heading = etree.SubElement(parent, "h2", {"id": ident})
    heading.text = AtomicString(text)


class PageFinding(Preprocessor):
    """Before anything else: the page this conversion belongs to (the selected one, or the finder's)."""

    def __init__(self, md: Markdown, extension: ExplainerExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        extension = self.extension
        page = extension.selected
        if page is None and extension.finder is not None:
            page = extension.finder("\n".join(lines))
        extension.begin(page)
        return lines


class DirectiveProcessor(BlockProcessor):
    """``::: claim <id>``, ``::: sources`` and a site page's own blocks."""

    def __init__(self, parser: Any, extension: ExplainerExtension) -> None:
        super().__init__(parser)
        self.extension = extension

    def test(self, parent: etree.Element, block: str) -> bool:
        # Only at the top level of the body, as the checker reads them: not inside a list item,
        # a quote or an admonition, where a box would break the reading order.
        return (
            block.startswith(":::")
            and self.extension.page is not None
            and parent is getattr(self.parser, "root", None)
            and bool(DIRECTIVE.match(block.split("\n", 1)[0]))
        )

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        extension, page = self.extension, self.extension.page
        assert page is not None and extension.rules is not None
        first, _, rest = blocks.pop(0).partition("\n")
        if rest.strip():
            blocks.insert(0, rest)
        match = DIRECTIVE.match(first)
        assert match is not None
        name, arg = match.group("name"), (match.group("arg") or "").strip()
        line = extension.line_of("directive", name, arg)
        verdict = extension.rules.directive(name, arg, line)
        if verdict.problem is not None:
            extension.report(verdict.problem, line)
            return True
        if page.view is None:
            _place(extension, parent, page.blocks[name](arg))
        elif name == CLAIM:
            _place(extension, parent, page.view.fragments.boxes[arg], boxes=True)
        elif name == SOURCES:
            _heading(parent, "sources", gettext(page.language, "Sources"))
            _place(extension, parent, page.view.sources_table())
        return True


class CitationProcessor(InlineProcessor):
    """``[[id]]``: a numbered marker linking to the claim's box."""

    def __init__(self, md: Markdown, extension: ExplainerExtension) -> None:
        super().__init__(REFERENCE.pattern, md)
        self.extension = extension

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[str | None, int | None, int | None]:  # type: ignore[override]
        extension, page = self.extension, self.extension.page
        if page is None or page.view is None or extension.rules is None:
            return None, None, None
        claim_id = m.group("id").strip()
        verdict = extension.rules.reference(claim_id)
        if verdict.problem is not None:
            extension.report(verdict.problem, extension.line_of("reference", claim_id))
            return None, None, None
        extension.references.append(claim_id)
        occurrence = extension.cited[claim_id] = extension.cited.get(claim_id, 0) + 1
        marker = page.view.fragments.markers[claim_id].replace(OCCURRENCE, str(occurrence), 1)
        return extension.hold(marker), m.start(0), m.end(0)


class PageFrame(Treeprocessor):
    """Around an explainer's body: its header first; unplaced claims, sources, corrections last."""

    def __init__(self, md: Markdown, extension: ExplainerExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        extension, page = self.extension, self.extension.page
        if page is None or page.view is None or extension.rules is None:
            return
        view = page.view
        for _ in root.findall("h1"):  # the body's own, before the page's title goes in
            verdict = extension.rules.title()
            if verdict.problem is not None:
                extension.report(verdict.problem, extension.line_of("title", ""))
        if not view.explainer.has_translation(page.language):
            _mark_pending(root)
        root.insert(0, _title(view, page.language))
        header = etree.Element("p")
        header.text = extension.hold(view.header())
        root.insert(1, header)
        unplaced = [claim for claim in view.explainer.claims if claim.id not in extension.rules.placed]
        if unplaced:
            _heading(root, "claims", gettext(page.language, "Claims"))
            _place(extension, root, view.unplaced(unplaced), boxes=True)
        if not extension.rules.sources_placed:
            _heading(root, "sources", gettext(page.language, "Sources"))
            _place(extension, root, view.sources_table())
        if view.explainer.meta.corrections:
            _heading(root, "corrections", gettext(page.language, "Corrections"))
            _place(extension, root, view.corrections())


def _mark_pending(root: etree.Element) -> None:
    """A pending translation shows the Indonesian body: say so to screen readers and translators."""
    body = etree.Element("div", {"lang": i18n.DEFAULT_LANGUAGE, "class": "explainer-body"})
    body.extend(list(root))
    for child in list(root):
        root.remove(child)
    root.append(body)


def _title(view: ExplainerView, language: str) -> etree.Element:
    title = etree.Element("h1", {"id": "title"})
    # AtomicString: front matter text is never parsed as Markdown or raw HTML, only escaped.
    text = view.explainer.title(language)
    title.text = AtomicString(text)
    if text == view.explainer.meta.title and language != i18n.DEFAULT_LANGUAGE:
        title.set("lang", i18n.DEFAULT_LANGUAGE)
    return title


class HeadingLinks(Treeprocessor):
    """After ``toc``: its permalink (``¶``) stays for the mouse but leaves the heading's accessible name.

    A heading is announced, and listed by screen readers, by its text; "Sources ¶" is noise. The
    permalink is hidden from assistive technology and from the Tab order (a hidden element must not
    take focus); keyboard readers reach each heading from the table of contents.
    """

    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            if "headerlink" in (link.get("class") or "").split():
                link.set("aria-hidden", "true")
                link.set("tabindex", "-1")


class FragmentPostprocessor(Postprocessor):
    """Puts each box, marker and table in where its placeholder stands, in one pass;
    each box with its links back to the citations of its claim, now that all are counted."""

    def __init__(self, md: Markdown, extension: ExplainerExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        extension = self.extension
        fragments = extension.fragments
        if not fragments or STX not in text:
            return text
        view = extension.page.view if extension.page is not None else None
        if view is not None and extension.boxes:
            for index in extension.boxes:
                fragments[index] = fill_backlinks(fragments[index], view, extension.cited)
            extension.boxes = set()
        return _PLACEHOLDERS.sub(lambda m: fragments[int(m.group(1) or m.group(2))], text)


class ExplainerExtension(Extension):
    """The body syntax; ``finder`` recognises a page that no adapter selected (:meth:`select`)."""

    def __init__(self, finder: PageFinder | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.finder = finder
        self.selected: Page | None = None  # what the adapter said the next conversions are
        self.page: Page | None = None  # the page being converted
        self.rules: BodyRules | None = None
        self.problems: list[Diagnostic] = []
        self.references: list[str] = []  # the claims cited inline, in the order Markdown met them
        self.fragments: list[str] = []  # HTML to put in after Markdown, by placeholder number
        self.boxes: set[int] = set()  # the fragments that are claim boxes, whose back-links are still to fill
        self.cited: dict[str, int] = {}  # claim id -> how many times the page has cited it so far
        self._marks: dict[tuple[str, str, str], list[int]] | None = None

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(PageFinding(md, self), "explainer-page", 40)
        md.parser.blockprocessors.register(DirectiveProcessor(md.parser, self), "explainer-directive", 95)
        md.inlinePatterns.register(CitationProcessor(md, self), "explainer-citation", 175)
        md.treeprocessors.register(PageFrame(md, self), "explainer-frame", 25)
        md.treeprocessors.register(HeadingLinks(md), "explainer-heading-links", 4)  # after toc (5)
        # Last, after Markdown's own raw HTML and entity postprocessors.
        md.postprocessors.register(FragmentPostprocessor(md, self), "explainer-fragments", 0)
        md.registerExtension(self)

    def select(self, page: Page | None) -> None:
        """The page the next conversions belong to (an adapter says so before converting; None: ask the finder)."""
        self.selected = page

    def begin(self, page: Page | None) -> None:
        """A conversion starts: of ``page`` (None: not an explainer or site page, left alone)."""
        self.reset()
        self.page = page
        self.rules = page.rules() if page is not None else None

    def reset(self) -> None:
        """Called by ``Markdown.reset()``: what one conversion placed and found is forgotten."""
        self.page = None
        self.rules = None
        self.problems = []
        self.references = []
        self.fragments = []
        self.boxes = set()
        self.cited = {}
        self._marks = None  # lines of what the scanner found, in order

    def hold(self, html: str, *, boxes: bool = False) -> AtomicString:
        """A placeholder for ``html`` (claim ``boxes``, whose back-links are filled in later),
        replaced by :class:`FragmentPostprocessor`."""
        if boxes:
            self.boxes.add(len(self.fragments))
        self.fragments.append(html)
        return AtomicString(_PLACEHOLDER.format(len(self.fragments) - 1))

    def line_of(self, kind: str, name: str, arg: str = "") -> int | None:
        """The line of the page's source where the next directive ``name arg`` (``kind`` "directive")
        or reference to claim ``name`` (``kind`` "reference") stands; None when not known.

        Markdown meets a body's blocks in their order, as the checker's scanner does (a test
        holds them to it), so the n-th one Markdown meets is the n-th one the scanner found.
        """
        if self._marks is None:
            source = self.page.source if self.page is not None else None
            self._marks = {}
            if source is not None:
                marks = scan(source.text, source.first_line)
                for d in marks.directives:
                    self._marks.setdefault(("directive", d.name, d.arg), []).append(d.line)
                for r in marks.references:
                    self._marks.setdefault(("reference", r.claim_id, ""), []).append(r.line)
                for line in marks.titles:
                    self._marks.setdefault(("title", "", ""), []).append(line)
        lines = self._marks.get((kind, name, arg))
        return lines.pop(0) if lines else None

    def report(self, message: str, line: int | None) -> None:
        """A problem at ``line`` of the page's source (its first line when not known)."""
        source = self.page.source if self.page is not None else None
        reporter = Reporter(source.path if source is not None else "<body>")
        reporter.error(line or (source.first_line if source is not None else 1), message)
        self.problems.extend(reporter.diagnostics)


def makeExtension(**config: Any) -> ExplainerExtension:
    """For builders that load Markdown extensions by name: ``explainers.extension`` with options
    ``folder`` (the explainers, default ``docs/explainers``) and ``language`` (default ``id``)."""
    folder = Path(str(config.pop("folder", "docs/explainers")))
    language = str(config.pop("language", i18n.DEFAULT_LANGUAGE))
    site = Site(SiteSettings(folder=folder))
    return ExplainerExtension(finder=site.finder(language), **config)
