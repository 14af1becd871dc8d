"""The Jinja templates of the HTML fragments: one environment per language, overridable by a site.

Everything an editor wrote reaches the templates as data and is escaped by
Jinja's autoescaping; nothing from the front matter is ever rendered as
Markdown or evaluated as a template.

Templates are compiled once per language with their literal ``_("…")`` strings
already translated (:class:`Pretranslate`), so page renders do no catalog
look-ups. A site may override any template by putting a file of the same name
in its own folder (``overrides/explainers/`` beside Material's overrides, as
mkdocstrings' ``custom_templates`` does); the result cache's key covers that
folder (see :func:`explainers.cache.folder_digest`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    Template,
)
from jinja2.bccache import Bucket
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from markupsafe import Markup

from . import i18n

EXTERNAL_REL = "noopener noreferrer"
# Slots in cached fragments, filled per page by the Markdown extension. YAML cannot carry these
# control characters, so no front matter text can forge them (and body text never enters a fragment).
OCCURRENCE = "\x01"  # in a marker: which citation of its claim on the page it is (1, 2 …)
BACKLINKS_SLOT = "\x1f"  # in a box, around its claim id: where its links back to its citations go
OVERRIDES = "explainers"  # the folder, inside a theme's custom_dir, whose templates replace the package's


class Pretranslate(Extension):
    """Translate ``_("literal")`` at compile time: one compiled template per language.

    Babel still extracts the strings from the template source.
    """

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        gettext: Callable[[str], str] | None = getattr(self.environment, "pretranslate", None)
        tokens = list(stream)
        i = 0
        while i < len(tokens):
            if gettext is not None and _is_literal_call(tokens, i):
                yield Token(tokens[i].lineno, "string", gettext(tokens[i + 2].value))
                i += 4
                continue
            yield tokens[i]
            i += 1


def _is_literal_call(tokens: list[Token], i: int) -> bool:
    """``_`` ``(`` ``"string"`` ``)`` starts at ``i``."""
    kinds = [t.type for t in tokens[i : i + 4]]
    return kinds == ["name", "lparen", "string", "rparen"] and tokens[i].value == "_"


class _CompiledTemplates(FileSystemBytecodeCache):
    """Compiled templates on disk; a folder removed meanwhile only means compiling again."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            return


class Templates:
    """The templates of one language (None: untranslated, for scaffolds).

    ``overrides`` is a site's folder of replacement templates; ``compiled`` a folder
    where compiled templates are kept between runs (compiling them all costs more
    than rendering a small site's boxes).
    """

    def __init__(self, language: str | None, overrides: Path | None = None, compiled: Path | None = None) -> None:
        self.language = language
        loader: BaseLoader = PackageLoader("explainers", "templates")
        if overrides is not None and overrides.is_dir():
            loader = ChoiceLoader([FileSystemLoader(str(overrides)), loader])
        env = Environment(
            loader=loader,
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            extensions=["jinja2.ext.i18n", Pretranslate],
            auto_reload=False,  # never re-stat templates per page; a new Templates sees edits
            cache_size=-1,
            bytecode_cache=_CompiledTemplates(str(compiled)) if compiled is not None else None,
        )
        if language is not None:
            translations = i18n.translations(language)
            env.pretranslate = translations.gettext  # type: ignore[attr-defined]
            env.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
            env.globals.update(
                language=language,
                other_language=i18n.other_language(language),
                rel=EXTERNAL_REL,
                occurrence=Markup(OCCURRENCE),
                backlinks_slot=Markup(BACKLINKS_SLOT),
            )
        else:
            env.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
        self.environment = env
        self._loaded: dict[str, Template] = {}
        self._modules: dict[str, object] = {}

    def get(self, name: str) -> Template:
        template = self._loaded.get(name)
        if template is None:
            template = self._loaded[name] = self.environment.get_template(name)
        return template

    def render(self, name: str, **context: object) -> Markup:
        return Markup(self.get(name).render(**context))

    def macro(self, name: str, macro: str) -> Callable[..., Markup]:
        """The macro ``macro`` that the template ``name`` defines (made once per template)."""
        module = self._modules.get(name)
        if module is None:
            module = self._modules[name] = self.get(name).module
        found: Callable[..., Markup] = getattr(module, macro)
        return found


@cache
def templates(language: str | None, overrides: Path | None = None, compiled: Path | None = None) -> Templates:
    """The shared :class:`Templates` for these arguments (built once per process)."""
    return Templates(language, overrides, compiled)
