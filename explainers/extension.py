"""The body syntax as a Python-Markdown extension (see :mod:`explainers.body` for the syntax).

``::: name arg`` lines are read by a :class:`~markdown.blockprocessors.BlockProcessor`
and ``[[id]]`` by an :class:`~markdown.inlinepatterns.InlineProcessor`, so fenced
code, indented code and inline code stay untouched. Boxes and tables come
from :mod:`explainers.render`; the processors leave a placeholder where each
goes, and one :class:`~markdown.postprocessors.Postprocessor` pass puts them in
after Markdown has finished: Markdown never parses their HTML, and they do
not load its HTML stash (which it walks again for every heading of the page).
Placeholders are made of STX and ETX, which Markdown strips from its input, so
no body text can forge one.

The extension is site-generator neutral. An adapter sets :attr:`ExplainerExtension.page`
before each page is converted, and reads :attr:`ExplainerExtension.problems` after.
"""

from __future__ import annotations

import re
import weakref
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX, AtomicString

from . import i18n
from .body import DIRECTIVE, REFERENCE
from .i18n import gettext
from .render import ExplainerView

Block = Callable[[str], str]


@dataclass
class PageContext:
    """What the page being converted offers to its body.

    ``view`` is set on explainer pages (claim boxes, citations, the source
    table); ``blocks`` maps further directive names to functions that render
    them (``::: explainers`` on the home page, ``::: statuses`` on the
    methodology page).
    """

    language: str
    view: ExplainerView | None = None
    blocks: dict[str, Block] = field(default_factory=dict)


_PLACEHOLDER = STX + "explainer:{}" + ETX
_PLACEHOLDERS = re.compile(f"<p>{STX}explainer:([0-9]+){ETX}</p>|{STX}explainer:([0-9]+){ETX}")


@dataclass(eq=False)
class PageState:
    """What one conversion has placed so far (reset with the Markdown instance)."""

    placed: set[str] = field(default_factory=set)
    table_placed: bool = False
    fragments: list[str] = field(default_factory=list)  # HTML to put in after Markdown, by placeholder number

    def reset(self) -> None:
        self.placed.clear()
        self.table_placed = False
        self.fragments.clear()

    def hold(self, html: str) -> AtomicString:
        """A placeholder for ``html``, replaced by :class:`FragmentPostprocessor`."""
        self.fragments.append(html)
        return AtomicString(_PLACEHOLDER.format(len(self.fragments) - 1))


def _place(state: PageState, parent: etree.Element, html: str) -> None:
    paragraph = etree.SubElement(parent, "p")
    paragraph.text = state.hold(html)


def _heading(parent: etree.Element, ident: str, text: str) -> None:
    heading = etree.SubElement(parent, "h2", {"id": ident})
    heading.text = AtomicString(text)


class DirectiveProcessor(BlockProcessor):
    """``::: claim <id>``, ``::: sources`` and the page's own blocks."""

    def __init__(self, parser: object, extension: ExplainerExtension, state: PageState) -> None:
        super().__init__(parser)  # type: ignore[arg-type]
        self.extension = extension
        self.state = state

    def test(self, parent: etree.Element, block: str) -> bool:
        return block.startswith(":::") and self.extension.page is not None and bool(DIRECTIVE.match(block.split("\n", 1)[0]))

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        page = self.extension.page
        assert page is not None
        first, _, rest = blocks.pop(0).partition("\n")
        if rest.strip():
            blocks.insert(0, rest)
        match = DIRECTIVE.match(first)
        assert match is not None
        name, arg = match.group("name"), (match.group("arg") or "").strip()
        view = page.view
        if view is not None and name == "claim":
            claim = view.explainer.claim(arg)
            if claim is None:
                self.extension.problems.append(f"'::: claim {arg}' places a claim that is not defined")
            elif claim.id in self.state.placed:
                self.extension.problems.append(f"the box of claim '{arg}' is placed twice")
            else:
                self.state.placed.add(claim.id)
                _place(self.state, parent, view.claim_box(claim))
            return True
        if view is not None and name == "sources" and not self.state.table_placed:
            self.state.table_placed = True
            _heading(parent, "sources", gettext(page.language, "Sources"))
            _place(self.state, parent, view.sources_table())
            return True
        block = page.blocks.get(name)
        if block is None:
            self.extension.problems.append(f"unknown directive '::: {name}'")
            return False
        _place(self.state, parent, block(arg))
        return True


class CitationProcessor(InlineProcessor):
    """``[[id]]``: a numbered marker linking to the claim's box."""

    def __init__(self, md: Markdown, extension: ExplainerExtension, state: PageState) -> None:
        super().__init__(REFERENCE.pattern, md)
        self.extension = extension
        self.state = state

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[str | None, int | None, int | None]:  # type: ignore[override]
        page = self.extension.page
        if page is None or page.view is None:
            return None, None, None
        claim_id = m.group("id").strip()
        claim = page.view.explainer.claim(claim_id)
        if claim is None:
            self.extension.problems.append(f"[[{claim_id}]] cites a claim that is not defined")
            return None, None, None
        return self.state.hold(page.view.citation_marker(claim)), m.start(0), m.end(0)


class PageFrame(Treeprocessor):
    """Around an explainer's body: its header first; unplaced claims, sources, corrections last."""

    def __init__(self, md: Markdown, extension: ExplainerExtension, state: PageState) -> None:
        super().__init__(md)
        self.extension = extension
        self.state = state

    def run(self, root: etree.Element) -> None:
        page = self.extension.page
        if page is None or page.view is None:
            return
        view = page.view
        explainer = view.explainer
        if not explainer.has_translation(page.language):
            # A pending translation shows the Indonesian body: say so to screen readers and translators.
            body = etree.Element("div", {"lang": i18n.DEFAULT_LANGUAGE, "class": "explainer-body"})
            body.extend(list(root))
            for child in list(root):
                root.remove(child)
            root.append(body)
        title = etree.Element("h1", {"id": "title"})
        # AtomicString: front matter text is never parsed as Markdown or raw HTML, only escaped.
        title.text = AtomicString(explainer.title(page.language))
        if explainer.title(page.language) == explainer.meta.title and page.language != i18n.DEFAULT_LANGUAGE:
            title.set("lang", i18n.DEFAULT_LANGUAGE)
        header = etree.Element("p")
        header.text = self.state.hold(view.header())
        root.insert(0, title)
        root.insert(1, header)
        unplaced = [claim for claim in view.explainer.claims if claim.id not in self.state.placed]
        if unplaced:
            _heading(root, "claims", gettext(page.language, "Claims"))
            _place(self.state, root, view.unplaced(unplaced))
        if not self.state.table_placed:
            _heading(root, "sources", gettext(page.language, "Sources"))
            _place(self.state, root, view.sources_table())
        if view.explainer.meta.corrections:
            _heading(root, "corrections", gettext(page.language, "Corrections"))
            _place(self.state, root, view.corrections())


class FragmentPostprocessor(Postprocessor):
    """Puts each box, marker and table in where its placeholder stands, in one pass."""

    def __init__(self, md: Markdown, state: PageState) -> None:
        super().__init__(md)
        self.state = state

    def run(self, text: str) -> str:
        fragments = self.state.fragments
        if not fragments or STX not in text:
            return text
        return _PLACEHOLDERS.sub(lambda m: fragments[int(m.group(1) or m.group(2))], text)


class ExplainerExtension(Extension):
    """Registers the processors; the adapter sets :attr:`page` before each conversion."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.page: PageContext | None = None
        self.problems: list[str] = []
        self._states: weakref.WeakSet[PageState] = weakref.WeakSet()  # one per Markdown instance

    def extendMarkdown(self, md: Markdown) -> None:
        state = PageState()
        self._states.add(state)
        md.parser.blockprocessors.register(DirectiveProcessor(md.parser, self, state), "explainer-directive", 95)
        md.inlinePatterns.register(CitationProcessor(md, self, state), "explainer-citation", 175)
        md.treeprocessors.register(PageFrame(md, self, state), "explainer-frame", 25)
        # Last, after Markdown's own raw HTML and entity postprocessors.
        md.postprocessors.register(FragmentPostprocessor(md, state), "explainer-fragments", 0)
        md.registerExtension(self)

    def reset(self) -> None:
        """Called by ``Markdown.reset()``: a reused Markdown instance starts a new page."""
        self.problems = []
        for state in self._states:
            state.reset()
